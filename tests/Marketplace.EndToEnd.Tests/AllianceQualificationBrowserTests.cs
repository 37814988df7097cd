using System.Globalization;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The school lot (OG1 class III with OS30 class I): the alliance lacks OS30 and reads so on its workspace; a
/// member firm's owner records OS30 class I on the firm's page, and the lead's open workspace shows the lot qualifies, live.
/// </summary>
public sealed class AllianceQualificationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static readonly DateOnly Today = QualificationRules.Today(DateTimeOffset.UtcNow);

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_lead_reads_the_missing_OS30_and_sees_the_lot_qualify_live_once_a_member_records_it()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { Capabilities = ["45310000"] });
        var buyerApi = fixture.NewApiClient();
        await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Casalecchio di Reno", BusinessKind.Buyer);
        await arranged.Secretary.ApproveBuyer(buyerApi, arranged.Id, buyer.Id);
        var now = DateTimeOffset.UtcNow;
        var school = new LotRequirementsRequest(new CategoryAmountRequest("OG1", 850_000m), [new CategoryAmountRequest("OS30", 200_000m)], null, null, null);
        var draft = await (await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Adeguamento della scuola Rodari", null,
            [new LotRequest(0, "Opere edili e impianti", null, ["45214200"], new MoneyDto(1_050_000m, "EUR"), null, school)],
            [], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddDays(7), now.AddDays(14), null, null, false, []), Json)).Read<TenderDto>();
        (await buyerApi.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        (await rossi.Api.PutAsJsonAsync($"/api/businesses/{rossi.Firm.Id}/qualifications", new EditQualificationsRequest(rossi.Firm.Version,
            [new("OG1", SoaClass.III, Today.AddYears(2), "SOA Nord S.p.A.")], null), Json)).EnsureSuccessStatusCode();
        var alliance = await (await rossi.Api.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(rossi.Firm.Id, arranged.Id, draft.Id, "RTI Rodari", "Accordo"), Json))
            .Read<AllianceDto>();
        (await rossi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(bianchi.Firm.Id, AllianceRole.Member), Json))
            .EnsureSuccessStatusCode();
        (await bianchi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{bianchi.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json))
            .EnsureSuccessStatusCode();

        // The lead opens the workspace's partners tab: the lot does not qualify, OS30 class I is missing.
        var lead = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(lead, rossi.Email);
        await lead.GotoAsync($"/#/alliances/{alliance.Id}");
        await Expect(lead.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await lead.GetByTestId("alliance-tab-partners").ClickAsync();
        var lot = lead.GetByTestId("qualification-lot");
        await Expect(lot).ToHaveAttributeAsync("data-qualifies", "false");
        await Expect(lot.GetByTestId("qualification-verdict")).ToHaveTextAsync("L'alleanza non si qualifica");
        await Expect(lot.GetByTestId("qualification-failure")).ToHaveTextAsync(
            "Manca la categoria OS30 classe I richiesta dal lotto: nessuna impresa ha un'attestazione SOA valida in questa categoria.");
        await Expect(lot.Locator("[data-testid='qualification-check'][data-category='OG1'] [data-testid='qualification-by']")).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await lead.ScreenshotAsync(new() { Path = Shot("alliance-qualification-1-missing-it.png"), FullPage = true });

        // The member's owner records OS30 class I on the firm's page.
        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, bianchi.Email);
        await owner.GotoAsync($"/#/businesses/{bianchi.Firm.Id}");
        var section = owner.GetByTestId("qualifications-section");
        await section.GetByTestId("qualifications-edit").ClickAsync();
        await section.GetByTestId("soa-add").ClickAsync();
        var added = section.GetByTestId("soa-row").Last;
        await added.GetByTestId("soa-category").SelectOptionAsync("OS30");
        await added.GetByTestId("soa-class").SelectOptionAsync("I");
        await added.GetByTestId("soa-expires").FillAsync(Today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await added.GetByTestId("soa-issuer").FillAsync("SOA Centro S.p.A.");
        await section.GetByTestId("qualifications-save").ClickAsync();
        await Expect(section.GetByTestId("qualifications-status")).ToHaveTextAsync("Qualificazioni salvate.");

        // The lead's open page shows the lot qualifies, without a reload.
        await Expect(lot).ToHaveAttributeAsync("data-qualifies", "true");
        await Expect(lot.GetByTestId("qualification-verdict")).ToHaveTextAsync("L'alleanza si qualifica");
        await Expect(lot.GetByTestId("qualification-failure")).ToHaveCountAsync(0);
        await Expect(lot.Locator("[data-testid='qualification-check'][data-category='OS30'] [data-testid='qualification-by']")).ToContainTextAsync("Impianti Bianchi S.n.c.");
        await lead.ScreenshotAsync(new() { Path = Shot("alliance-qualification-2-qualifies-it.png"), FullPage = true });

        var phone = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, bianchi.Email);
        await phone.GotoAsync($"/#/alliances/{alliance.Id}");
        await phone.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(phone.GetByTestId("qualification-verdict")).ToHaveTextAsync("The alliance qualifies");
        await phone.GetByTestId("alliance-qualification").ScreenshotAsync(new() { Path = Shot("alliance-qualification-3-en-390.png") });
    }
}
