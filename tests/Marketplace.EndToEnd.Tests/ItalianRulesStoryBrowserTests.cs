using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Alliances;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Issue #13's story end to end, on the school lot (OG1 with the separable OS30 and OS28, avvalimento allowed): the RTI
/// of Rossi and Bianchi relies on Neri for OS30 and reads that it does not qualify for want of OS28 class I; the partner
/// suggestion adds Verdi, which completes it; the lead sets the three firms' quotas, every firm signs, Neri's person
/// commits from its to-do list (English, 390 px) and the lead submits. Two firms bid alone. After opening the buyer
/// excludes the cheapest bid, asks the RTI to complete a declaration (soccorso istruttorio), which its lead answers,
/// awards the lot to the RTI, next in the ranking, and completes the tender once the standstill is over.
/// </summary>
public sealed class ItalianRulesStoryBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Three_firms_and_an_auxiliary_qualify_sign_and_submit_and_the_buyer_excludes_asks_and_awards_the_next_ranked_after_the_standstill()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var buyer = await arranged.Buyer("appalti", "Comune di Casalecchio di Reno");
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { Capabilities = ["45310000"] });
        var verdi = await arranged.Member("verdi", "Verdi Termotecnica S.r.l.", p => p with { Capabilities = ["45331000"] });
        var neri = await arranged.Member("neri", "Neri Elettrica S.r.l.", p => p with { Capabilities = ["45315000"] });
        var ferrari = await arranged.Member("ferrari", "Costruzioni Ferrari S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bassi = await arranged.Member("bassi", "Edilizia Bassi S.n.c.", p => p with { Capabilities = ["45210000"] });
        var clock = fixture.ServerClock;
        var today = QualificationRules.Today(clock.GetUtcNow());
        var school = new LotRequirementsRequest(new CategoryAmountRequest("OG1", 650_000m),
            [new CategoryAmountRequest("OS30", 200_000m), new CategoryAmountRequest("OS28", 200_000m)], null, null, null, true);
        var tender = await buyer.Publish("Adeguamento della scuola Rodari", clock.GetUtcNow().AddDays(2), clock.GetUtcNow().AddDays(7),
            new LotRequest(0, "Opere edili e impianti", null, ["45214200"], new MoneyDto(1_050_000m, "EUR"), null, school));
        // Arranged through the API: each firm records its SOA attestations on its page (QualificationsBrowserTests clicks it).
        foreach (var (firm, attestation) in new[]
                 {
                     (rossi, new SoaAttestationRequest("OG1", SoaClass.III, today.AddYears(2), "SOA Nord S.p.A.")),
                     (neri, new SoaAttestationRequest("OS30", SoaClass.II, today.AddYears(1), "SOA Centro S.p.A.")),
                     (verdi, new SoaAttestationRequest("OS28", SoaClass.I, today.AddYears(1), "SOA Centro S.p.A.")),
                 })
            (await firm.Api.PutAsJsonAsync($"/api/businesses/{firm.Firm.Id}/qualifications", new EditQualificationsRequest(firm.Firm.Version, [attestation], null), Json))
                .EnsureSuccessStatusCode();
        // Arranged through the API: each firm of the RTI and the auxiliary answer their DGUE (DgueBrowserTests clicks it).
        foreach (var firm in new[] { rossi, bianchi, verdi, neri }) await firm.Api.RecordDgue(firm.Firm.Id);
        // Arranged through the API: Rossi forms the RTI, Bianchi joins, and both price their work once questions close.
        var alliance = await RodariRti.Form(fixture, tender, rossi, bianchi);

        // The lead declares Neri lending OS30 class I to Bianchi; the partners tab reads that OS28 class I is missing.
        var lead = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        var lot = await AllianceQualificationBrowserTests.OpenPartners(lead, rossi.Email, alliance.Id);
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        var reliances = await AvvalimentoBrowserTests.DeclareOs30(lead, bianchi.Firm.Id, neri.Firm.Id);
        await Expect(reliances.GetByTestId("reliance-status")).ToHaveTextAsync("Contratto di avvalimento da allegare");
        await lead.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(lot.GetByTestId("qualification-verdict")).ToHaveTextAsync("L'alleanza non si qualifica");
        await Expect(lot.GetByTestId("qualification-failure")).ToContainTextAsync("Manca la categoria OS28 classe I");
        await Expect(lot.GetByTestId("qualification-failure")).Not.ToContainTextAsync("OS30");

        // The suggestion names Verdi as the firm that completes OS28; the lead invites it, and it joins.
        var suggested = lead.GetByTestId("suggestion").And(lead.Locator($"[data-firm-id='{verdi.Firm.Id}']"));
        await Expect(suggested.GetByTestId("suggestion-completes")).ToContainTextAsync("Completa OS28 classe I");
        await Expect(suggested.GetByTestId("suggestion-completes")).ToContainTextAsync("con questa impresa l'alleanza si qualifica");
        await lead.GetByTestId("suggestions").ScrollIntoViewIfNeededAsync();
        await lead.ScreenshotAsync(new() { Path = Shot("story13-1-missing-os28-it.png"), FullPage = true });
        await suggested.GetByTestId("invite-suggestion").ClickAsync();
        await Expect(lead.GetByTestId("suggestion").And(lead.Locator($"[data-firm-id='{verdi.Firm.Id}']"))).ToHaveCountAsync(0);
        // Arranged through the API: Verdi's owner accepts the invitation (AllianceBrowserTests clicks it on the to-do list).
        (await verdi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{verdi.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json))
            .EnsureSuccessStatusCode();
        await Expect(lot).ToHaveAttributeAsync("data-qualifies", "true");
        await Expect(lot.Locator("[data-testid='qualification-check'][data-category='OS28'] [data-testid='qualification-by']")).ToContainTextAsync("Verdi Termotecnica S.r.l.");
        await Expect(lot.Locator("[data-testid='qualification-check'][data-category='OS30'] [data-testid='qualification-by']")).ToContainTextAsync("Neri Elettrica S.r.l.");
        await lead.ScreenshotAsync(new() { Path = Shot("story13-2-qualifies-it.png"), FullPage = true });

        // The lead attaches the avvalimento contract and links it; then sets each firm's quotas.
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        await AuxiliaryCommitmentBrowserTests.LinkContract(lead, reliances, "Contratto di avvalimento Neri.pdf");
        await Expect(reliances.GetByTestId("reliance-status")).ToHaveTextAsync("In attesa dell'impegno dell'ausiliaria");
        var quotas = lead.GetByTestId("quotas");
        foreach (var (firm, share) in new[] { (rossi, "50"), (bianchi, "30"), (verdi, "20") })
        {
            var row = lead.GetByTestId("quota-row").And(lead.Locator($"[data-firm-id='{firm.Firm.Id}']"));
            await row.GetByTestId("quota-participation").FillAsync(share);
            await row.GetByTestId("quota-execution").FillAsync(share);
        }
        await quotas.GetByTestId("save-quotas").ClickAsync();
        await Expect(quotas.GetByTestId("quotas-status")).ToHaveTextAsync("Quote salvate: le imprese devono approvare di nuovo l'offerta.");

        // Every firm signs: the lead here, Bianchi and Verdi through the API (QuotasBrowserTests clicks a member's).
        await lead.GetByTestId("sign-bid").And(lead.Locator($"[data-firm-id='{rossi.Firm.Id}']")).ClickAsync();
        var bid = $"/api/alliances/{alliance.Id}/bid";
        var signed = (await rossi.Api.GetFromJsonAsync<JointBidDto>(bid, Json))!;
        foreach (var firm in new[] { bianchi, verdi })
            (await firm.Api.PostAsJsonAsync($"{bid}/sign", new SignRequest(firm.Firm.Id, signed.Digest), Json)).EnsureSuccessStatusCode();
        await Expect(lead.GetByTestId("submit-missing")).ToContainTextAsync("Neri Elettrica S.r.l. non ha firmato il suo impegno sull'avvalimento del lotto 1");

        // Neri's person, in English on a phone, finds the request in its to-do list and commits on Neri's page.
        var auxiliary = await fixture.NewPerson("en-GB", TenderBrowserTests.Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(auxiliary, neri.Email);
        await auxiliary.GotoAsync("/#/todo");
        var asked = auxiliary.Locator("[data-testid='todo-item'][data-kind='ConfirmAvvalimento']");
        await Expect(asked).ToContainTextAsync("Confirm, for «Neri Elettrica S.r.l.», the avvalimento (reliance) for «RTI Rodari»");
        await asked.GetByRole(AriaRole.Link, new() { Name = "Open the avvalimento" }).ClickAsync();
        var lending = auxiliary.GetByTestId("lending");
        await Expect(lending.GetByTestId("lending-what")).ToHaveTextAsync("Neri Elettrica S.r.l. lends OS30 class I to Impianti Bianchi S.n.c.");
        await lending.GetByTestId("lending-commit").ClickAsync();
        await Expect(lending.GetByTestId("lending-status")).ToContainTextAsync("Commitment signed on");
        await auxiliary.ScreenshotAsync(new() { Path = Shot("story13-3-auxiliary-signed-en-390.png"), FullPage = true });

        // The lead submits (1 050 000); two firms bid alone through the API: Ferrari cheaper, Bassi dearer.
        await Expect(lead.GetByTestId("submit-ready")).ToBeVisibleAsync();
        await lead.GetByTestId("submit-joint-bid").ClickAsync();
        await lead.GetByTestId("confirm-yes").ClickAsync();
        await Expect(lead.GetByTestId("joint-receipt-digest")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(auxiliary.GetByTestId("lending-submitted")).ToBeVisibleAsync();
        foreach (var (firm, price) in new[] { (ferrari, 980_000m), (bassi, 1_090_000m) })
            (await firm.Api.PutAsJsonAsync($"/api/tenders/{tender.Id}/bids/{firm.Firm.Id}", new SubmitBidRequest([new LotPriceRequest(1, new MoneyDto(price, "EUR"))], [], []), Json))
                .EnsureSuccessStatusCode();

        // After opening the buyer excludes Ferrari's bid, with a reason.
        clock.SetUtcNow(tender.SubmissionDeadline.AddMinutes(1));
        var officer = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyer.Email);
        await officer.GotoAsync($"/#/tenders/{tender.Id}");
        var ranked = officer.GetByTestId("ranked-bid");
        await Expect(ranked).ToHaveCountAsync(3);
        await Expect(ranked.First).ToContainTextAsync("Costruzioni Ferrari");
        await ranked.And(officer.Locator($"[data-bidder-id='{ferrari.Firm.Id}']")).GetByTestId("exclude").ClickAsync();
        await officer.GetByTestId("exclusion-reason").FillAsync("Attestazione SOA OG1 scaduta alla data di scadenza delle offerte.");
        await officer.GetByTestId("exclusion-confirm").ClickAsync();
        await Expect(officer.GetByTestId("excluded-bid")).ToContainTextAsync("Costruzioni Ferrari");
        await Expect(ranked).ToHaveCountAsync(2);
        // The buyer reads a grouping by its firms.
        await Expect(ranked.First).ToContainTextAsync("Edilizia Rossi S.r.l., Impianti Bianchi S.n.c., Verdi Termotecnica S.r.l.");

        // The buyer asks the RTI to complete a declaration; its lead answers on the alliance's page.
        var rtiBid = officer.GetByTestId("soccorso-bid").And(officer.Locator($"[data-bidder-id='{alliance.Id}']"));
        await rtiBid.GetByTestId("soccorso-ask").ClickAsync();
        var deadline = TimeZoneInfo.ConvertTime(clock.GetUtcNow().AddDays(8), TimeZoneInfo.FindSystemTimeZoneById(TenderBrowserTests.Rome));
        await officer.GetByTestId("soccorso-deadline-input").FillAsync(deadline.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await officer.GetByTestId("soccorso-subject-input").FillAsync("Manca la dichiarazione di Verdi Termotecnica sulla quota di esecuzione.");
        await officer.GetByTestId("soccorso-send").ClickAsync();
        await Expect(rtiBid.GetByTestId("soccorso-request")).ToHaveAttributeAsync("data-status", "Open");
        await officer.ScreenshotAsync(new() { Path = Shot("story13-4-excluded-and-asked-it.png"), FullPage = true });

        await lead.GotoAsync($"/#/alliances/{alliance.Id}");
        var request = lead.GetByTestId("soccorso-request");
        await Expect(request).ToHaveAttributeAsync("data-status", "Open");
        await lead.GetByTestId("soccorso-text").FillAsync("Verdi Termotecnica dichiara una quota di esecuzione del 20%, come da offerta.");
        await lead.GetByTestId("soccorso-reply").ClickAsync();
        await Expect(request).ToHaveAttributeAsync("data-status", "Answered");
        await Expect(rtiBid.GetByTestId("soccorso-request")).ToHaveAttributeAsync("data-status", "Answered");

        // The lot goes to the RTI, next in the ranking; the award is final after the standstill, then the tender completes.
        await officer.GetByTestId("award-1").ClickAsync();
        await Expect(officer.GetByTestId("confirm-dialog")).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await officer.GetByTestId("confirm-yes").ClickAsync();
        await Expect(officer.GetByTestId("decision-1")).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await Expect(officer.GetByTestId("complete-tender")).ToHaveCountAsync(0);
        await officer.ScreenshotAsync(new() { Path = Shot("story13-5-awarded-standstill-it.png"), FullPage = true });
        var english = await fixture.NewPerson("en-GB", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(english, bianchi.Email);
        await english.GotoAsync($"/#/tenders/{tender.Id}");
        await Expect(english.GetByTestId("standstill-1")).ToHaveAttributeAsync("data-running", "true");
        await english.ScreenshotAsync(new() { Path = Shot("story13-6-standstill-member-en.png"), FullPage = true });

        clock.SetUtcNow(clock.GetUtcNow().AddDays(33));
        await officer.ReloadAsync();
        await officer.GetByTestId("complete-tender").ClickAsync();
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Complete");
        await Expect(officer.GetByTestId("audit-status")).ToHaveAttributeAsync("data-valid", "true");
        await officer.ScreenshotAsync(new() { Path = Shot("story13-7-completed-it.png"), FullPage = true });
    }
}
