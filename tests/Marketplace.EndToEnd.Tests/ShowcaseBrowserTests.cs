using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class ShowcaseBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_partner_confirms_a_joint_project_the_association_verifies_it_and_then_the_partner_endorses_the_publisher()
    {
        // Arranged through the API: both firms are members of the association's space.
        var arranged = await ArrangedSpace.Create(fixture, [], policy: "Regolamento");
        var (space, secretaryEmail) = (arranged.Id, arranged.SecretaryEmail);
        var (publisherApi, _, rossi) = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");
        var (_, partnerEmail, bianchi) = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.");
        var project = await (await publisherApi.PostAsJsonAsync("/api/showcase", new PublishShowcaseRequest(rossi.Id,
            "Scuola primaria di via Verdi", "Ristrutturazione e impianti.", "Comune di Bologna", 2024,
            new MoneyDto(1_250_000m, "EUR"), ["45214210"], [bianchi.Id]), Json)).Read<ShowcaseDto>();

        // Until the partner confirms, the association's secretary is told what verifying waits for, and offered nothing.
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, secretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{space}/members");
        var listed = secretary.Locator($"[data-testid='space-showcase'] [data-testid='showcase-item'][data-project-id='{project.Id}']");
        await Expect(listed.GetByTestId("showcase-verify-blocked")).ToContainTextAsync("Prima ogni partner conferma il progetto");
        await Expect(listed.GetByTestId("showcase-verify")).ToHaveCountAsync(0);
        await secretary.GetByTestId("space-showcase").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "space-showcase-awaiting.png") });

        var partner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(partner, partnerEmail);
        await partner.GotoAsync($"/#/businesses/{rossi.Id}");
        var item = partner.Locator($"[data-testid='showcase-item'][data-project-id='{project.Id}']");
        await Expect(item).ToHaveAttributeAsync("data-verified", "false");
        await Expect(item.GetByTestId("showcase-decline")).ToContainTextAsync("Impianti Bianchi S.n.c.");
        await Expect(partner.GetByTestId("showcase-new")).ToHaveCountAsync(0); // the partner publishes nothing for Rossi
        await partner.GetByTestId("showcase-section").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "showcase-partner-owner.png") });
        await item.GetByTestId("showcase-confirm").ClickAsync();
        await Expect(item.Locator("[data-testid='showcase-partner']")).ToHaveAttributeAsync("data-state", "Confirmed");
        await Expect(item).ToHaveAttributeAsync("data-verified", "false"); // a partner's word alone verifies nothing
        await Expect(partner.GetByTestId("endorse-submit")).ToHaveCountAsync(0);

        await secretary.ReloadAsync();
        await listed.GetByTestId("showcase-verify").ClickAsync();
        await Expect(listed).ToHaveAttributeAsync("data-verified", "true");
        await Expect(listed.GetByTestId("showcase-verified-by")).ToContainTextAsync("Associazione Imprese Emilia");
        await secretary.GetByTestId("space-showcase").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "space-showcase-verified.png") });

        await partner.ReloadAsync();
        await Expect(item).ToHaveAttributeAsync("data-verified", "true");
        await partner.GetByTestId("endorse-text").FillAsync("Ottima collaborazione, cantiere consegnato in anticipo.");
        await partner.GetByTestId("endorse-submit").ClickAsync();
        await Expect(partner.GetByTestId("endorsement-item")).ToContainTextAsync("Impianti Bianchi S.n.c.");
        await Expect(partner.GetByTestId("endorsement-withdraw")).ToBeVisibleAsync();
        await Expect(partner.GetByTestId("endorse-form")).ToHaveCountAsync(0); // a firm endorses another once

        // Another firm's Owner sees the verified project and the endorsement, with nothing to do about either.
        var outsiderApi = fixture.NewApiClient();
        var outsiderEmail = await outsiderApi.SignUp("verdi");
        await outsiderApi.CreateBusiness("Verdi Informatica S.r.l.");
        var outsider = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(outsider, outsiderEmail);
        await outsider.GotoAsync($"/#/businesses/{rossi.Id}");
        var seen = outsider.Locator($"[data-testid='showcase-item'][data-project-id='{project.Id}']");
        await Expect(seen).ToHaveAttributeAsync("data-verified", "true");
        await Expect(outsider.GetByTestId("endorsement-item")).ToContainTextAsync("Ottima collaborazione");
        await Expect(seen.GetByTestId("showcase-confirm")).ToHaveCountAsync(0);
        await Expect(outsider.GetByTestId("endorsement-withdraw")).ToHaveCountAsync(0);
        await Expect(outsider.GetByTestId("endorse-form")).ToHaveCountAsync(0);
        await Expect(outsider.GetByTestId("showcase-new")).ToHaveCountAsync(0);
        await outsider.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "showcase-outsider.png"), FullPage = true });
        var visitor = await fixture.NewPerson();
        await visitor.GotoAsync($"/#/businesses/{rossi.Id}");
        await Expect(visitor.Locator($"[data-testid='showcase-item'][data-project-id='{project.Id}']")).ToHaveAttributeAsync("data-verified", "true");
        await Expect(visitor.GetByTestId("showcase-verified-by")).ToContainTextAsync("Verificato da Associazione Imprese Emilia");
        await Expect(visitor.GetByTestId("endorsement-item")).ToContainTextAsync("Ottima collaborazione");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "business-showcase.png"), FullPage = true });
    }

    [Fact]
    public async Task A_firm_s_owner_publishes_a_project_with_a_partner_from_the_form_and_sees_it_listed()
    {
        var ownerApi = fixture.NewApiClient();
        var ownerEmail = await ownerApi.SignUp("gialli");
        var gialli = await ownerApi.CreateBusiness("Costruzioni Gialli S.r.l.");
        var partnerApi = fixture.NewApiClient();
        await partnerApi.SignUp("blu");
        var blu = await partnerApi.CreateBusiness("Serramenti Blu S.n.c.");

        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, ownerEmail);
        await owner.GotoAsync($"/#/businesses/{gialli.Id}");
        await owner.GetByText("Pubblica un progetto").ClickAsync();
        await owner.GetByTestId("showcase-title").FillAsync("Palestra comunale di Imola");
        await owner.GetByTestId("showcase-description").FillAsync("Nuova palestra con serramenti ad alta efficienza.");
        await owner.GetByTestId("showcase-client").FillAsync("Comune di Imola");
        await owner.GetByTestId("showcase-year").FillAsync("2023");
        await owner.GetByTestId("showcase-amount").FillAsync("480000");
        await owner.GetByTestId("showcase-cpv-search").FillAsync("45214210");
        await owner.GetByTestId("showcase-cpv-option").First.ClickAsync();
        await Expect(owner.GetByTestId("showcase-cpv").GetByRole(Microsoft.Playwright.AriaRole.Listitem)).ToHaveCountAsync(1);
        await owner.GetByTestId("showcase-partner-search").FillAsync("Serramenti Blu");
        await owner.Locator($"[data-testid='showcase-partner-option'][data-value='{blu.Id}']").ClickAsync();
        await Expect(owner.GetByTestId("showcase-partners")).ToContainTextAsync("Serramenti Blu S.n.c.");

        await owner.GetByTestId("showcase-submit").ClickAsync();
        await Expect(owner.GetByTestId("showcase-status")).ToHaveTextAsync("Progetto pubblicato: in attesa delle conferme dei partner.");
        await Expect(owner.GetByTestId("showcase-item")).ToContainTextAsync("Palestra comunale di Imola");
        await Expect(owner.GetByTestId("showcase-item")).ToContainTextAsync("Serramenti Blu S.n.c.");
        await Expect(owner.GetByTestId("showcase-title")).ToHaveValueAsync(""); // the form is ready for the next project
    }
}
