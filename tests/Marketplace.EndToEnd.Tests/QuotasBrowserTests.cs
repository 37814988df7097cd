using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// An RTI's quotas: the lead types 40/60 and is told the lead holds the largest share, saves 60/40, the member's open
/// page (English, at 390 px) reads them live; both firms sign, the lead submits, and after opening the buyer reads each
/// firm's quotas under the grouping's name.
/// </summary>
public sealed class QuotasBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_lead_sets_the_quotas_the_member_reads_them_live_both_sign_and_the_buyer_reads_them_after_opening()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var buyer = await arranged.Buyer("appalti", "Comune di Casalecchio di Reno");
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { Capabilities = ["45310000"] });
        foreach (var firm in new[] { rossi, bianchi }) await firm.Api.RecordDgue(firm.Firm.Id); // the DGUEs the submission needs
        var clock = fixture.ServerClock;
        var now = clock.GetUtcNow();
        var tender = await (await buyer.Api.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Adeguamento della scuola Rodari", null,
            [new LotRequest(0, "Opere edili e impianti", null, ["45214200"], new MoneyDto(1_050_000m, "EUR"), null)], [],
            [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddDays(2), now.AddDays(7), null, null, false, []), Json)).Read<TenderDto>();
        (await buyer.Api.PostAsJsonAsync($"/api/tenders/{tender.Id}/publish", new VersionRequest(tender.Version), Json)).EnsureSuccessStatusCode();
        var alliance = await (await rossi.Api.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(rossi.Firm.Id, arranged.Id, tender.Id, "RTI Rodari", "Accordo"), Json))
            .Read<AllianceDto>();
        (await rossi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(bianchi.Firm.Id, AllianceRole.Member), Json))
            .EnsureSuccessStatusCode();
        (await bianchi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{bianchi.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json))
            .EnsureSuccessStatusCode();
        clock.SetUtcNow(tender.EnquiryDeadline.AddMinutes(1));
        var bid = $"/api/alliances/{alliance.Id}/bid";
        (await rossi.Api.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere murarie", 1, null, rossi.Firm.Id, new MoneyDto(630_000m, "EUR")), Json))
            .EnsureSuccessStatusCode();
        (await bianchi.Api.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Impianti elettrici", 1, null, bianchi.Firm.Id, new MoneyDto(420_000m, "EUR")), Json))
            .EnsureSuccessStatusCode();

        var lead = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(lead, rossi.Email);
        await lead.GotoAsync($"/#/alliances/{alliance.Id}");
        var member = await fixture.NewPerson("en-GB", TenderBrowserTests.Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(member, bianchi.Email);
        await member.GotoAsync($"/#/alliances/{alliance.Id}");
        foreach (var page in new[] { lead, member })
        {
            await Expect(page.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
            await page.GetByTestId("alliance-tab-bid").ClickAsync();
        }
        await Expect(member.GetByTestId("quota-warning")).ToHaveTextAsync("Lot 1 has work packages but no quotas: declare each firm's participation and execution quota.");

        // The lead gives itself the smaller share: refused next to its own participation, nothing stored.
        var quotas = lead.GetByTestId("quotas");
        ILocator Row(IPage page, Guid firm) => page.GetByTestId("quota-row").And(page.Locator($"[data-firm-id='{firm}']"));
        async Task Type(Guid firm, string participation, string execution)
        {
            await Row(lead, firm).GetByTestId("quota-participation").FillAsync(participation);
            await Row(lead, firm).GetByTestId("quota-execution").FillAsync(execution);
        }
        await Type(rossi.Firm.Id, "40", "40");
        await Type(bianchi.Firm.Id, "60", "60");
        await quotas.GetByTestId("save-quotas").ClickAsync();
        await Expect(Row(lead, rossi.Firm.Id).Locator(".field-error")).ToHaveTextAsync(
            "Nel lotto 1 la quota di partecipazione della mandataria (40%) deve essere maggiore di quella di ogni altra impresa (60%).");
        await lead.ScreenshotAsync(new() { Path = Shot("quotas-1-refused-it.png"), FullPage = true });
        await Expect(quotas).ToHaveAttributeAsync("data-version", "0");

        // 60/40, as the work packages split the lot's price (630 000 and 420 000 of 1 050 000).
        await Type(rossi.Firm.Id, "60", "60");
        await Type(bianchi.Firm.Id, "40", "40");
        await Expect(quotas.GetByTestId("quota-sum-participation")).ToHaveTextAsync("100 %");
        await quotas.GetByTestId("save-quotas").ClickAsync();
        await Expect(quotas.GetByTestId("quotas-status")).ToHaveTextAsync("Quote salvate: le imprese devono approvare di nuovo l'offerta.");
        await Expect(quotas.GetByTestId("quota-warning")).ToHaveCountAsync(0);
        await lead.ScreenshotAsync(new() { Path = Shot("quotas-2-saved-it.png"), FullPage = true });

        // The member's open page follows without a reload; it edits too (an Owner), so it reads them in its inputs.
        await Expect(member.GetByTestId("quota-warning")).ToHaveCountAsync(0);
        await Expect(Row(member, rossi.Firm.Id).GetByTestId("quota-participation")).ToHaveValueAsync("60");
        await Expect(Row(member, bianchi.Firm.Id).GetByTestId("quota-execution")).ToHaveValueAsync("40");
        await member.GetByTestId("quotas").ScrollIntoViewIfNeededAsync();
        await member.GetByTestId("quotas").ScreenshotAsync(new() { Path = Shot("quotas-3-member-en-390.png") });

        // Both firms sign what now includes the quotas; the lead submits.
        await member.GetByTestId("sign-bid").And(member.Locator($"[data-firm-id='{bianchi.Firm.Id}']")).ClickAsync();
        await lead.GetByTestId("sign-bid").And(lead.Locator($"[data-firm-id='{rossi.Firm.Id}']")).ClickAsync();
        await Expect(lead.GetByTestId("submit-ready")).ToBeVisibleAsync();
        await lead.GetByTestId("submit-joint-bid").ClickAsync();
        await lead.GetByTestId("confirm-yes").ClickAsync();
        await Expect(lead.GetByTestId("joint-receipt-digest")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));

        // After opening, the buyer reads each firm's quotas under the grouping's name.
        clock.SetUtcNow(tender.SubmissionDeadline.AddMinutes(1));
        var officer = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyer.Email);
        await officer.GotoAsync($"/#/tenders/{tender.Id}");
        var ranked = officer.GetByTestId("ranked-bid");
        await Expect(ranked).ToHaveCountAsync(1);
        await Expect(ranked.GetByTestId("bid-quota")).ToHaveTextAsync([
            "Edilizia Rossi S.r.l.: partecipazione 60 %, esecuzione 60 %",
            "Impianti Bianchi S.n.c.: partecipazione 40 %, esecuzione 40 %",
        ]);
        await officer.ScreenshotAsync(new() { Path = Shot("quotas-4-buyer-opened-it.png"), FullPage = true });
    }
}
