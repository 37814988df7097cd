using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// An RTI's subcontracting: the qualification card says OS30 must be declared as subcontracted; the lead declares it
/// at 40% and is refused, the buyer allowing 30%, then at 30% with the alliance's subcontractor; the member's open page
/// (English, at 390 px) reads it live; both firms sign, the lead submits, and after opening the buyer reads it.
/// </summary>
public sealed class SubcontractingBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_lead_declares_OS30_in_subcontract_within_the_limit_the_member_reads_it_live_and_the_buyer_after_opening()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var buyer = await arranged.Buyer("appalti", "Comune di Casalecchio di Reno");
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { Capabilities = ["45310000"] });
        var verdi = await arranged.Member("verdi", "Verdi Elettrica S.r.l.", p => p with { Capabilities = ["45310000"] });
        var clock = fixture.ServerClock;
        var now = clock.GetUtcNow();
        var school = new LotRequirementsRequest(new CategoryAmountRequest("OG1", 850_000m), [new CategoryAmountRequest("OS30", 200_000m)], 30, null, null);
        var tender = await (await buyer.Api.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Adeguamento della scuola Rodari", null,
            [new LotRequest(0, "Opere edili e impianti", null, ["45214200"], new MoneyDto(1_050_000m, "EUR"), null, school)], [],
            [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddDays(2), now.AddDays(7), null, null, false, []), Json)).Read<TenderDto>();
        (await buyer.Api.PostAsJsonAsync($"/api/tenders/{tender.Id}/publish", new VersionRequest(tender.Version), Json)).EnsureSuccessStatusCode();
        // Rossi's OG1 class IV covers the prevailing category with OS30's work: OS30 is left to a subcontractor.
        (await rossi.Api.PutAsJsonAsync($"/api/businesses/{rossi.Firm.Id}/qualifications", new EditQualificationsRequest(rossi.Firm.Version,
            [new("OG1", SoaClass.IV, DateOnly.FromDateTime(now.AddYears(2).UtcDateTime), "SOA Nord S.p.A.")], null), Json)).EnsureSuccessStatusCode();
        foreach (var firm in new[] { rossi, bianchi }) await firm.Api.RecordDgue(firm.Firm.Id); // the bidding firms' DGUEs, which the submission needs
        var alliance = await RodariRti.Form(fixture, tender, rossi, bianchi, (verdi, AllianceRole.Subcontractor));

        var lead = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(lead, rossi.Email);
        await lead.GotoAsync($"/#/alliances/{alliance.Id}");
        var member = await fixture.NewPerson("en-GB", TenderBrowserTests.Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(member, bianchi.Email);
        await member.GotoAsync($"/#/alliances/{alliance.Id}");
        await Expect(member.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await member.GetByTestId("alliance-tab-bid").ClickAsync();
        await Expect(lead.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await lead.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(lead.GetByTestId("qualification-undeclared")).ToHaveTextAsync(
            "Lotto 1: OS30 va dichiarata in subappalto: nessuna impresa dell'alleanza è qualificata.");

        // 40% of the lot in OS30, to the alliance's subcontractor: refused next to the share, saying the buyer's 30%.
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        var section = lead.GetByTestId("subcontracts");
        await section.GetByTestId("subcontract-add").ClickAsync();
        var row = section.GetByTestId("subcontract-row");
        await row.GetByTestId("subcontract-work").SelectOptionAsync("cat:OS30");
        await row.GetByTestId("subcontract-who").SelectOptionAsync($"firm:{verdi.Firm.Id}");
        await row.GetByTestId("subcontract-percent").FillAsync("40");
        await section.GetByTestId("save-subcontracts").ClickAsync();
        await Expect(row.Locator(".field-error")).ToHaveTextAsync("Lotto 1: si subappalterebbe il 40%, oltre il 30% ammesso dalla stazione appaltante.");
        await Expect(section).ToHaveAttributeAsync("data-version", "0");
        await section.ScrollIntoViewIfNeededAsync();
        await lead.ScreenshotAsync(new() { Path = Shot("subcontract-1-refused-it.png"), FullPage = true });

        await row.GetByTestId("subcontract-percent").FillAsync("30");
        await Expect(section.GetByTestId("subcontract-sum")).ToHaveTextAsync("Lotto 1: subappaltato 30 % su un massimo del 30 %");
        await section.GetByTestId("save-subcontracts").ClickAsync();
        await Expect(section.GetByTestId("subcontracts-status")).ToHaveTextAsync("Subappalto salvato: le imprese devono approvare di nuovo l'offerta.");
        await lead.ScreenshotAsync(new() { Path = Shot("subcontract-2-saved-it.png"), FullPage = true });
        await lead.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(lead.GetByTestId("qualification-undeclared")).ToHaveCountAsync(0);

        // The member's open page follows without a reload; it edits too (an Owner), so it reads the row in its fields.
        var theirs = member.GetByTestId("subcontracts");
        await Expect(theirs.GetByTestId("subcontract-percent")).ToHaveValueAsync("30");
        await Expect(theirs.GetByTestId("subcontract-who")).ToHaveValueAsync($"firm:{verdi.Firm.Id}");
        await Expect(theirs.GetByTestId("subcontract-sum")).ToHaveTextAsync("Lot 1: 30 % subcontracted of at most 30 %");
        await theirs.ScrollIntoViewIfNeededAsync();
        await theirs.ScreenshotAsync(new() { Path = Shot("subcontract-3-member-en-390.png") });

        // Both firms sign what now includes the declaration; the lead submits.
        await member.GetByTestId("sign-bid").And(member.Locator($"[data-firm-id='{bianchi.Firm.Id}']")).ClickAsync();
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        await lead.GetByTestId("sign-bid").And(lead.Locator($"[data-firm-id='{rossi.Firm.Id}']")).ClickAsync();
        await Expect(lead.GetByTestId("submit-ready")).ToBeVisibleAsync();
        await lead.GetByTestId("submit-joint-bid").ClickAsync();
        await lead.GetByTestId("confirm-yes").ClickAsync();
        await Expect(lead.GetByTestId("joint-receipt-digest")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));

        // After opening, the buyer reads the declaration under the grouping's name.
        clock.SetUtcNow(tender.SubmissionDeadline.AddMinutes(1));
        var officer = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyer.Email);
        await officer.GotoAsync($"/#/tenders/{tender.Id}");
        var ranked = officer.GetByTestId("ranked-bid");
        await Expect(ranked).ToHaveCountAsync(1);
        await Expect(ranked.GetByTestId("bid-subcontract")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("^Lotto 1 · OS30 · .+: 30 % del lotto, subappaltatore Verdi Elettrica S\\.r\\.l\\.$"));
        await officer.ScreenshotAsync(new() { Path = Shot("subcontract-4-buyer-opened-it.png"), FullPage = true });
    }
}
