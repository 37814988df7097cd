using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class BuyerConsentBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_buyer_asks_to_publish_with_a_mandate_the_space_s_admin_approves_and_the_buyer_revokes_the_mandate()
    {
        var arranged = await ArrangedSpace.Create(fixture, [], policy: "Regolamento");
        var (space, secretaryEmail) = (arranged.Id, arranged.SecretaryEmail);
        var buyerApi = fixture.NewApiClient();
        var officerEmail = await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Casalecchio di Reno", BusinessKind.Buyer);

        // The procurement officer asks to publish in the space and mandates its admins.
        var officer = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(officer, officerEmail);
        await officer.GotoAsync($"/#/businesses/{buyer.Id}");
        var section = officer.GetByTestId("buyer-spaces");
        await Expect(section.GetByTestId("buyer-spaces-empty")).ToBeVisibleAsync();
        await section.GetByTestId("buyer-space-choice").SelectOptionAsync(space.ToString());
        await section.GetByTestId("buyer-ask-with-mandate").ClickAsync();
        var standing = section.GetByTestId("buyer-standing");
        await Expect(standing).ToHaveAttributeAsync("data-approval", "Requested");
        await Expect(standing).ToHaveAttributeAsync("data-mandated", "true");

        // The association's secretary approves it in the space's admin area.
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, secretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{space}/admin");
        var buyers = secretary.GetByTestId("admin-buyers");
        var request = buyers.Locator($"[data-testid='buyer-standing'][data-buyer-id='{buyer.Id}']");
        await Expect(request).ToContainTextAsync("Comune di Casalecchio di Reno");
        await request.GetByTestId("buyer-approve").ClickAsync();
        await Expect(request).ToHaveAttributeAsync("data-approval", "Approved");
        await Expect(buyers.GetByTestId("admin-buyers-status")).ToContainTextAsync("può ora pubblicare");
        await buyers.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "space-admin-buyers.png") });

        // Mandated, the secretary starts a draft for the buyer.
        var now = DateTimeOffset.UtcNow;
        var drafted = await arranged.Secretary.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [space], "Manutenzione del verde", null,
            [new LotRequest(0, "Sfalci", null, ["45214200"], new MoneyDto(40_000m, "EUR"), null)],
            [], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddDays(7), now.AddDays(14), null, null, false, []), Json);
        var draft = await drafted.EnsureSuccessStatusCode().Read<TenderDto>();

        // The officer sees the approval, then revokes the mandate; the history keeps every step.
        await officer.ReloadAsync();
        await Expect(standing).ToHaveAttributeAsync("data-approval", "Approved");
        await standing.GetByTestId("mandate-revoke").ClickAsync();
        await Expect(standing).ToHaveAttributeAsync("data-mandated", "false");
        await standing.Locator("summary").ClickAsync();
        await Expect(standing.GetByTestId("buyer-history").Locator("li")).ToHaveCountAsync(4);
        await Expect(standing.GetByTestId("buyer-history")).ToContainTextAsync("mandato revocato");
        await officer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "buyer-spaces.png"), FullPage = true });

        // The secretary still sees the draft they started, but it is the buyer's people's now: the page offers none of
        // its actions (the server would refuse each) and says why, and so does its edit form.
        await secretary.GotoAsync($"/#/tenders/{draft.Id}");
        var manage = secretary.GetByTestId("tender-manage");
        await Expect(manage.GetByTestId("manage-blocked")).ToContainTextAsync("ha revocato il mandato");
        await Expect(secretary.GetByTestId("publish-tender")).ToHaveCountAsync(0);
        await Expect(secretary.GetByTestId("edit-tender")).ToHaveCountAsync(0);
        await Expect(secretary.GetByTestId("cancel-tender")).ToHaveCountAsync(0);
        await secretary.GotoAsync($"/#/tenders/{draft.Id}/edit");
        var unavailable = secretary.GetByTestId("tender-form-unavailable");
        await Expect(unavailable).ToHaveAttributeAsync("data-reason", "refused");
        await Expect(unavailable).ToContainTextAsync("ha revocato il mandato");
    }

    [Fact]
    public async Task A_space_sets_the_days_tenders_give_firms_and_a_draft_that_closes_sooner_says_so_before_publishing()
    {
        var arranged = await ArrangedSpace.Create(fixture, [], policy: "Regolamento");
        var space = arranged.Id;
        var buyerApi = fixture.NewApiClient();
        var officerEmail = await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Sasso Marconi", BusinessKind.Buyer);
        (await buyerApi.PostAsync($"/api/spaces/{space}/buyers/{buyer.Id}/request", null)).EnsureSuccessStatusCode();
        (await arranged.Secretary.PostAsJsonAsync($"/api/spaces/{space}/buyers/{buyer.Id}/decision", new BuyerDecisionRequest(BuyerDecision.Approve), Json))
            .EnsureSuccessStatusCode();

        // The secretary asks 20 days of every tender in the space, on the space's settings form.
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{space}/settings");
        var days = secretary.GetByTestId("space-minimum-tendering");
        await Expect(days).ToHaveValueAsync("0");
        await days.FillAsync("20");
        await days.Locator("xpath=ancestor::section[1]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "space-settings-minimum-tendering.png") });
        await secretary.GetByTestId("space-save").ClickAsync();
        await Expect(secretary).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/spaces/{space}$"));

        // The officer's draft closes in 14 days: its page offers no Publish and says which deadline would do.
        var now = DateTimeOffset.UtcNow;
        var drafted = await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [space], "Manutenzione del verde", null,
            [new LotRequest(0, "Sfalci", null, ["77310000"], new MoneyDto(40_000m, "EUR"), null)],
            [], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddDays(7), now.AddDays(14), null, null, false, []), Json);
        var draft = await drafted.EnsureSuccessStatusCode().Read<TenderDto>();
        var officer = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(officer, officerEmail);
        await officer.GotoAsync($"/#/tenders/{draft.Id}");
        var blocked = officer.GetByTestId("publish-blocked");
        await Expect(blocked).ToContainTextAsync("Spazio Imprese Emilia");
        await Expect(blocked).ToContainTextAsync("almeno 20 giorni");
        await Expect(officer.GetByTestId("publish-tender")).ToHaveCountAsync(0);
        await Expect(officer.GetByTestId("edit-tender")).ToBeVisibleAsync();
        await officer.GetByTestId("tender-manage").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "tender-publish-too-soon.png") });
    }
}
