using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class ShowcaseBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_partner_confirms_a_joint_project_and_then_endorses_the_firm_that_published_it()
    {
        var publisherApi = fixture.NewApiClient();
        await publisherApi.SignUp("rossi");
        var rossi = await publisherApi.CreateBusiness("Edilizia Rossi S.r.l.");
        var partnerApi = fixture.NewApiClient();
        var partnerEmail = await partnerApi.SignUp("bianchi");
        var bianchi = await partnerApi.CreateBusiness("Impianti Bianchi S.n.c.");
        var project = await (await publisherApi.PostAsJsonAsync("/api/showcase", new PublishShowcaseRequest(rossi.Id,
            "Scuola primaria di via Verdi", "Ristrutturazione e impianti.", "Comune di Bologna", 2024,
            new MoneyDto(1_250_000m, "EUR"), ["45214210"], [bianchi.Id]), Json)).Read<ShowcaseDto>();

        var partner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(partner, partnerEmail);
        await partner.GotoAsync($"/#/businesses/{rossi.Id}");
        var item = partner.Locator($"[data-testid='showcase-item'][data-project-id='{project.Id}']");
        await Expect(item).ToHaveAttributeAsync("data-verified", "false");

        await item.GetByTestId("showcase-confirm").ClickAsync();

        await Expect(item).ToHaveAttributeAsync("data-verified", "true");
        await partner.GetByTestId("endorse-text").FillAsync("Ottima collaborazione, cantiere consegnato in anticipo.");
        await partner.GetByTestId("endorse-submit").ClickAsync();
        await Expect(partner.GetByTestId("endorsement-item")).ToContainTextAsync("Impianti Bianchi S.n.c.");
        var visitor = await fixture.NewPerson();
        await visitor.GotoAsync($"/#/businesses/{rossi.Id}");
        await Expect(visitor.Locator($"[data-testid='showcase-item'][data-project-id='{project.Id}']")).ToHaveAttributeAsync("data-verified", "true");
        await Expect(visitor.GetByTestId("endorsement-item")).ToContainTextAsync("Ottima collaborazione");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "business-showcase.png"), FullPage = true });
    }
}
