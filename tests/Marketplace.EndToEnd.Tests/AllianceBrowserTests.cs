using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class AllianceBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_lead_forms_an_alliance_from_the_tender_and_the_invited_firm_joins_live()
    {
        // Arranged through the API: a space with two member firms and a buyer's published tender.
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var space = arranged.Id;
        async Task<(string Email, Guid Id)> Member(string who, string name, string cpv)
        {
            var (_, email, firm) = await arranged.Member(who, name, p => p with { Capabilities = [cpv], ComuneCode = "037006" });
            return (email, firm.Id);
        }
        var (rossiEmail, rossi) = await Member("rossi", "Edilizia Rossi S.r.l.", "45210000");
        var (bianchiEmail, bianchi) = await Member("bianchi", "Impianti Bianchi S.n.c.", "45310000");
        var buyerApi = fixture.NewApiClient();
        await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Casalecchio di Reno", BusinessKind.Buyer);
        await arranged.Secretary.ApproveBuyer(buyerApi, space, buyer.Id);
        var now = DateTimeOffset.UtcNow;
        var draft = await (await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [space], "Riqualificazione della scuola Rodari", null,
            [new LotRequest(0, "Opere edili", null, ["45214200"], new MoneyDto(620_000m, "EUR"), null),
             new LotRequest(0, "Impianti", null, ["45310000"], new MoneyDto(280_000m, "EUR"), null)],
            [], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddDays(7), now.AddDays(14), null, null, false, []), Json)).Read<TenderDto>();
        (await buyerApi.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();

        var partner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(partner, bianchiEmail);
        await partner.GotoAsync($"/#/businesses/{bianchi}");
        await Expect(partner.GetByTestId("firm-alliances")).ToBeVisibleAsync();
        await HubGroups.UntilJoined(partner, "WatchBusinessTeam", bianchi); // where the invitation's notice comes

        // The lead forms the alliance from the tender page and invites the partner.
        var lead = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(lead, rossiEmail);
        await lead.GotoAsync($"/#/tenders/{draft.Id}");
        await lead.GetByTestId("form-alliance").ClickAsync();
        await lead.GetByTestId("alliance-name").FillAsync("RTI Rodari");
        await lead.GetByTestId("form-alliance-submit").ClickAsync();
        await Expect(lead.GetByTestId("alliance-title")).ToHaveTextAsync("RTI Rodari");
        await Expect(lead.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        // The lead is not offered to leave; the page says why, in the server's refusal.
        await Expect(lead.GetByTestId("leave-alliance")).ToHaveCountAsync(0);
        await Expect(lead.GetByTestId("firm-blocker")).ToHaveTextAsync("Per uscire, la capofila passa prima il ruolo a una mandante.");
        await lead.GetByTestId("alliance-tab-partners").ClickAsync();
        await lead.GetByTestId("invite-firm").SelectOptionAsync(bianchi.ToString());
        await lead.GetByTestId("invite-submit").ClickAsync();
        await Expect(lead.GetByTestId("invite-status")).ToContainTextAsync("Impianti Bianchi S.n.c.");
        await lead.GetByTestId("alliance-tab-overview").ClickAsync();
        await Expect(lead.GetByTestId("alliance-member").And(lead.Locator($"[data-firm-id='{bianchi}']")))
            .ToHaveAttributeAsync("data-standing", "Invited");

        // The partner is told live, reads the agreement and joins; the lead sees it without reloading.
        await Expect(partner.GetByTestId("alliance-notice")).ToBeVisibleAsync();
        await Expect(partner.GetByTestId("alliance-invite-item")).ToHaveCountAsync(1);
        await partner.ScreenshotAsync(new() { Path = Shot("alliance-1-invitation-notice.png") });
        await partner.GetByTestId("alliance-invite-item").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(partner.GetByTestId("alliance-invitation")).ToBeVisibleAsync();
        await partner.ScreenshotAsync(new() { Path = Shot("alliance-2-invitation.png"), FullPage = true });
        await partner.GetByTestId("accept-invitation").ClickAsync();
        await Expect(partner.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");

        await Expect(lead.GetByTestId("alliance-member").And(lead.Locator($"[data-firm-id='{bianchi}']")))
            .ToHaveAttributeAsync("data-standing", "Active");
        await lead.ScreenshotAsync(new() { Path = Shot("alliance-3-lead-workspace.png"), FullPage = true });

        // New terms: the partner is asked live to accept them again.
        await lead.GetByTestId("alliance-tab-agreement").ClickAsync();
        await lead.GetByTestId("agreement-text").FillAsync("Accordo di RTI, versione 2: quote 70 % capofila, 30 % mandante; responsabilità solidale.");
        await lead.GetByTestId("publish-agreement").ClickAsync();
        await Expect(partner.GetByTestId("agreement-pending")).ToBeVisibleAsync();
        await Expect(partner.GetByTestId("alliance-tab-overview-count")).ToHaveTextAsync("1");
        // "Leggi l'accordo" opens the agreement's tab, with version 2; the terms are accepted back on the overview.
        await partner.GetByTestId("read-agreement").ClickAsync();
        await Expect(partner.GetByTestId("alliance-agreement")).ToBeVisibleAsync();
        await Expect(partner.GetByTestId("alliance-agreement")).ToHaveAttributeAsync("data-version", "2");
        await partner.GetByTestId("alliance-tab-overview").ClickAsync();
        await partner.GetByTestId("accept-agreement").ClickAsync();
        await lead.GetByTestId("alliance-tab-overview").ClickAsync();
        await Expect(lead.GetByTestId("alliance-member").And(lead.Locator($"[data-firm-id='{bianchi}']")).GetByTestId("member-agreement"))
            .ToHaveAttributeAsync("data-state", "accepted");
        await partner.ScreenshotAsync(new() { Path = Shot("alliance-4-partner.png"), FullPage = true });
    }
}
