using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class OutcomesBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_association_sets_a_target_and_sees_the_actual_move_on_reload_when_a_joint_bid_is_submitted()
    {
        // Arranged through the API: a space over Bologna, two member firms in an RTI for a tender that shows its bid count.
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"], ComuneCode = "037006" });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { Capabilities = ["45310000"], ComuneCode = "036023" });
        var buyerApi = fixture.NewApiClient();
        await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Casalecchio di Reno", BusinessKind.Buyer);
        await arranged.Secretary.ApproveBuyer(buyerApi, arranged.Id, buyer.Id);
        var now = fixture.ServerClock.GetUtcNow();
        var draft = await (await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Riqualificazione della scuola Rodari", null,
            [new LotRequest(0, "Opere edili", null, ["45214200"], new MoneyDto(620_000m, "EUR"), "037011")],
            [], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddDays(1), now.AddDays(14), null, null, true, []), Json)).Read<TenderDto>();
        (await buyerApi.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        var alliance = await (await rossi.Api.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(rossi.Firm.Id, arranged.Id, draft.Id, "RTI Rodari", "Accordo"), Json)).Read<AllianceDto>();
        (await rossi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(bianchi.Firm.Id, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await bianchi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{bianchi.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        fixture.ServerClock.SetUtcNow(draft.EnquiryDeadline.AddMinutes(1));

        // The secretary opens the dashboard and sets this quarter's target: two joint bids.
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/dashboard");
        var jointBids = secretary.GetByTestId("outcome-JointBids");
        await Expect(jointBids).ToHaveAttributeAsync("data-actual", "0");
        await Expect(secretary.GetByTestId("outcome-AlliancesFormed")).ToHaveAttributeAsync("data-actual", "1");
        await secretary.GetByTestId("outcomes-set-targets").ClickAsync();
        await secretary.GetByTestId("outcomes-target-JointBids").FillAsync("2");
        await secretary.GetByTestId("outcomes-target-TerritoryShare").FillAsync("150");
        await secretary.GetByTestId("outcomes-save").ClickAsync();
        await Expect(secretary.GetByTestId("form-error-targets-TerritoryShare")).ToHaveTextAsync("Una percentuale da 0 a 100, con al massimo un decimale.");
        await secretary.GetByTestId("outcomes-target-TerritoryShare").FillAsync("60,5");
        await secretary.GetByTestId("outcomes-save").ClickAsync();
        await Expect(secretary.GetByTestId("outcomes-message")).ToContainTextAsync("salvati");
        await Expect(secretary.GetByTestId("outcome-JointBids-target")).ToHaveTextAsync("2");
        await Expect(secretary.GetByTestId("outcome-TerritoryShare-target")).ToHaveTextAsync("60,5%");
        await Expect(jointBids).ToHaveAttributeAsync("data-actual", "0");

        // The RTI submits its joint bid. No message reaches the space for it: the secretary sees it on reload.
        await ArrangedFirms.SubmitJointBid(alliance.Id, (rossi, 450_000m), (bianchi, 140_000m));

        await secretary.ReloadAsync();
        await Expect(jointBids).ToHaveAttributeAsync("data-actual", "1");
        await Expect(secretary.GetByTestId("outcome-JointBids-actual")).ToHaveTextAsync("1");
        await Expect(jointBids).ToContainTextAsync("50% dell'obiettivo");
        await Expect(secretary.GetByTestId("outcomes-chart")).ToBeVisibleAsync();
        await secretary.GetByTestId("outcomes").ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("outcomes-it.png"), FullPage = true });
        var csv = await secretary.GetByTestId("outcomes-csv").GetAttributeAsync("href");
        csv.Should().EndWith("outcomes.csv?lang=it");

        // In English, and on a phone.
        var english = await fixture.NewPerson("en-GB");
        await BusinessProfileBrowserTests.SignIn(english, arranged.SecretaryEmail);
        await english.GotoAsync($"/#/spaces/{arranged.Id}/dashboard");
        await Expect(english.GetByTestId("outcome-JointBids")).ToContainTextAsync("Joint bids submitted");
        await Expect(english.GetByTestId("outcome-JointBids")).ToContainTextAsync("50% of the target");
        await english.ScreenshotAsync(new() { Path = Shot("outcomes-en.png"), FullPage = true });
        var phone = await fixture.NewPerson(width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, arranged.SecretaryEmail);
        await phone.GotoAsync($"/#/spaces/{arranged.Id}/dashboard");
        await Expect(phone.GetByTestId("outcome-JointBids")).ToHaveAttributeAsync("data-actual", "1");
        await phone.GetByTestId("outcomes-set-targets").ClickAsync();
        await phone.GetByTestId("outcomes").ScreenshotAsync(new() { Path = Shot("outcomes-390.png") });
    }
    /// <summary>
    /// The secretary reads what happened since the space opened, marks the dashboard checked, and at the next look reads
    /// only what moved since: a new member, a standing alliance, and this quarter's target for alliances reached.
    /// </summary>
    [Fact]
    public async Task The_secretary_reads_what_changed_since_their_last_check_and_marks_it_checked()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"]);
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");
        await arranged.Member("bianchi", "Impianti Bianchi S.n.c.");
        // What happens at the very moment of a check is the next check's news: the first look comes a minute later.
        fixture.ServerClock.Advance(TimeSpan.FromMinutes(1));
        (await arranged.Secretary.PutAsJsonAsync($"/api/spaces/{arranged.Id}/targets", new SetTargetsRequest(
            Marketplace.Spaces.Quarter.Of(fixture.ServerClock.GetUtcNow()).ToString(), [new(Marketplace.Spaces.OutcomeMeasure.AlliancesFormed, 1)]), Json))
            .EnsureSuccessStatusCode();

        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/dashboard");
        var changes = secretary.GetByTestId("dashboard-changes");
        await Expect(changes.GetByTestId("changes-title")).ToHaveTextAsync("Cosa è successo dall'apertura dello spazio");
        await Expect(changes.GetByTestId("changes-item")).ToHaveTextAsync(["2 nuove imprese aderenti"]);
        await changes.GetByTestId("dashboard-check").ClickAsync();
        await Expect(changes.GetByTestId("changes-status")).ToHaveTextAsync("Verifica segnata: la prossima volta vedrai cosa è cambiato da ora.");
        await Expect(changes.GetByTestId("changes-none")).ToHaveTextAsync("Niente di nuovo da allora.");
        await Expect(changes.GetByTestId("changes-title")).ToContainTextAsync("Cosa è cambiato dalla tua ultima verifica");

        fixture.ServerClock.Advance(TimeSpan.FromMinutes(5));
        await arranged.Member("verdi", "Verdi Serramenti S.r.l.");
        (await rossi.Api.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(rossi.Firm.Id, arranged.Id, null, "Rete Rossi Bianchi", "Accordo di rete"), Json))
            .EnsureSuccessStatusCode();
        fixture.ServerClock.Advance(TimeSpan.FromMinutes(5));

        await secretary.ReloadAsync();
        await Expect(changes.GetByTestId("changes-item")).ToHaveTextAsync(
            ["1 nuova impresa aderente", "1 alleanza costituita", "Obiettivo del trimestre raggiunto: Alleanze costituite (1)"]);
        await changes.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("dashboard-changes-it.png") });

        // Another look, in English on a phone, reads the same news: this person has not marked it checked since.
        var phone = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, arranged.SecretaryEmail);
        await phone.GotoAsync($"/#/spaces/{arranged.Id}/dashboard");
        var english = phone.GetByTestId("dashboard-changes");
        await Expect(english.GetByTestId("changes-title")).ToContainTextAsync("What changed since your last check");
        await Expect(english.GetByTestId("changes-item")).ToHaveTextAsync(
            ["1 new member firm", "1 alliance formed", "Quarter's target reached: Alliances formed (1)"]);
        await english.ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Shot("dashboard-changes-en-390.png") });
    }
}
