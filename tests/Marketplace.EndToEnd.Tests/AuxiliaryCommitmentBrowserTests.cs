using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Avvalimento from the auxiliary's side: the lead declares that Neri Elettrica lends OS30 class I to the member,
/// attaches the avvalimento contract and links it; Neri's person (English, at 390 px) waiting on its to-do list sees the
/// request arrive live and follows it to Neri's page; the submission waits for Neri; the person reads only what Neri
/// lends, to whom and under which contract, and signs the commitment; the lead submits and Neri's open page says so live;
/// after opening the buyer reads Neri as jointly liable with its commitment (Italian).
/// </summary>
public sealed class AuxiliaryCommitmentBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_auxiliary_reads_only_what_it_lends_signs_its_commitment_and_the_buyer_reads_it_jointly_liable_after_opening()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var buyer = await arranged.Buyer("appalti", "Comune di Casalecchio di Reno");
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { Capabilities = ["45310000"] });
        var neri = await arranged.Member("neri", "Neri Elettrica S.r.l.", p => p with { Capabilities = ["45315000"] });
        var clock = fixture.ServerClock;
        var today = QualificationRules.Today(clock.GetUtcNow());
        var school = new LotRequirementsRequest(new CategoryAmountRequest("OG1", 850_000m), [new CategoryAmountRequest("OS30", 200_000m)], null, null, null, true);
        var tender = await buyer.Publish("Adeguamento della scuola Rodari", clock.GetUtcNow().AddDays(2), clock.GetUtcNow().AddDays(7),
            new LotRequest(0, "Opere edili e impianti", null, ["45214200"], new MoneyDto(1_050_000m, "EUR"), null, school));
        // Rossi holds the prevailing OG1; nobody of the RTI holds OS30, which Neri holds in class II.
        foreach (var (firm, attestation) in new[] { (rossi, new SoaAttestationRequest("OG1", SoaClass.III, today.AddYears(2), "SOA Nord S.p.A.")),
                     (neri, new SoaAttestationRequest("OS30", SoaClass.II, today.AddYears(1), "SOA Centro S.p.A.")) })
            (await firm.Api.PutAsJsonAsync($"/api/businesses/{firm.Firm.Id}/qualifications", new EditQualificationsRequest(firm.Firm.Version, [attestation], null), Json))
                .EnsureSuccessStatusCode();
        // Rossi keeps its DGUE on its page, pointing at its OG1: it is sealed with the bid.
        var rossiDgue = (await rossi.Api.GetFromJsonAsync<FirmDgueDto>($"/api/businesses/{rossi.Firm.Id}/dgue", Json))!;
        (await rossi.Api.PutAsJsonAsync($"/api/businesses/{rossi.Firm.Id}/dgue", new EditDgueRequest(rossiDgue.Version,
            [.. DgueRules.Grounds.Select(g => new DgueAnswerRequest(g.Code, false, null))], new DgueSelectionRequest(["OG1"], false)), Json)).EnsureSuccessStatusCode();
        // Bianchi and the auxiliary Neri keep theirs too: the lead submits only with every firm's current DGUE.
        foreach (var firm in new[] { bianchi, neri }) await firm.Api.RecordDgue(firm.Firm.Id);
        var alliance = await RodariRti.Form(fixture, tender, rossi, bianchi);
        var bid = $"/api/alliances/{alliance.Id}/bid";

        // The lead declares Neri lending OS30 class I to Bianchi, attaches the contract to the bid and links it.
        var lead = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(lead, rossi.Email);
        await lead.GotoAsync($"/#/alliances/{alliance.Id}");
        await Expect(lead.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        var section = await AvvalimentoBrowserTests.DeclareOs30(lead, bianchi.Firm.Id, neri.Firm.Id);
        await Expect(section.GetByTestId("reliance-status")).ToHaveTextAsync("Contratto di avvalimento da allegare");

        // Neri's person, in English on a phone, has nothing to do yet: the commitment is asked with the contract.
        var auxiliary = await fixture.NewPerson("en-GB", TenderBrowserTests.Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(auxiliary, neri.Email);
        await auxiliary.GotoAsync("/#/todo");
        await Expect(auxiliary.GetByTestId("todo-live-status")).ToHaveAttributeAsync("data-state", "connected");
        var asked = auxiliary.Locator("[data-testid='todo-item'][data-kind='ConfirmAvvalimento']");
        await Expect(asked).ToHaveCountAsync(0);

        await LinkContract(lead, section, "Contratto di avvalimento Neri.pdf");
        await Expect(section.GetByTestId("reliance-status")).ToHaveTextAsync("In attesa dell'impegno dell'ausiliaria");

        // The request reaches Neri's open to-do list live, and leads to Neri's own page.
        await Expect(asked).ToContainTextAsync("Confirm, for «Neri Elettrica S.r.l.», the avvalimento (reliance) for «RTI Rodari» – «Adeguamento della scuola Rodari»");
        await auxiliary.ScreenshotAsync(new() { Path = Shot("auxiliary-1b-todo-en-390.png"), FullPage = true });
        await asked.GetByRole(AriaRole.Link, new() { Name = "Open the avvalimento" }).ClickAsync();
        await Expect(auxiliary).ToHaveURLAsync(new Regex($"#/alliances/{alliance.Id}/lending$", RegexOptions.IgnoreCase));

        // Both firms sign; the submission waits for Neri, and says so.
        var signed = (await rossi.Api.GetFromJsonAsync<JointBidDto>(bid, Json))!;
        (await bianchi.Api.PostAsJsonAsync($"{bid}/sign", new SignRequest(bianchi.Firm.Id, signed.Digest), Json)).EnsureSuccessStatusCode();
        await lead.GetByTestId("sign-bid").And(lead.Locator($"[data-firm-id='{rossi.Firm.Id}']")).ClickAsync();
        await Expect(lead.GetByTestId("submit-missing")).ToContainTextAsync(
            "Neri Elettrica S.r.l. non ha firmato il suo impegno sull'avvalimento del lotto 1");
        await section.ScrollIntoViewIfNeededAsync();
        await lead.ScreenshotAsync(new() { Path = Shot("auxiliary-1-awaiting-it.png"), FullPage = true });

        // Neri's person reads only what Neri lends, and signs.
        var lending = auxiliary.GetByTestId("lending");
        await Expect(lending.GetByTestId("lending-what")).ToHaveTextAsync("Neri Elettrica S.r.l. lends OS30 class I to Impianti Bianchi S.n.c.");
        await Expect(lending.GetByTestId("lending-liable")).ToHaveTextAsync("jointly liable");
        await Expect(lending.GetByTestId("lending-contract")).ToHaveTextAsync("Contratto di avvalimento Neri.pdf");
        await Expect(lending.GetByTestId("lending-status")).ToHaveTextAsync("Awaiting your commitment");
        await Expect(auxiliary.GetByTestId("lending-tender")).ToHaveTextAsync("Adeguamento della scuola Rodari");
        await Expect(auxiliary.GetByTestId("lending-page")).Not.ToContainTextAsync("630");
        await Expect(auxiliary.GetByTestId("lending-page")).Not.ToContainTextAsync("Opere murarie");
        await auxiliary.ScreenshotAsync(new() { Path = Shot("auxiliary-2-lending-en-390.png"), FullPage = true });
        await lending.GetByTestId("lending-commit").ClickAsync();
        await Expect(auxiliary.GetByTestId("lending-answer-status")).ToHaveTextAsync("Commitment signed: the lead may submit the bid.");
        await Expect(lending.GetByTestId("lending-status")).ToContainTextAsync("Commitment signed on");
        await auxiliary.ScreenshotAsync(new() { Path = Shot("auxiliary-3-signed-en-390.png"), FullPage = true });
        await Expect(auxiliary.GetByTestId("lending-submitted")).ToHaveCountAsync(0);

        // The lead's open page reads the commitment live, and submits.
        await Expect(section.GetByTestId("reliance-status")).ToContainTextAsync("Impegno firmato dall'ausiliaria il");
        await Expect(lead.GetByTestId("submit-ready")).ToBeVisibleAsync();
        await lead.GetByTestId("submit-joint-bid").ClickAsync();
        await lead.GetByTestId("confirm-yes").ClickAsync();
        await Expect(lead.GetByTestId("joint-receipt-digest")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));

        // Neri's open page says so without a reload; the bid itself stays closed to Neri.
        await Expect(auxiliary.GetByTestId("lending-submitted")).ToHaveTextAsync(
            "The bid was submitted with your commitment: the buyer reads it when the bids are opened.");
        await auxiliary.ScreenshotAsync(new() { Path = Shot("auxiliary-3b-submitted-en-390.png"), FullPage = true });
        await auxiliary.GotoAsync($"/#/alliances/{alliance.Id}/bid");
        await Expect(auxiliary.GetByTestId("reliances")).ToHaveCountAsync(0);

        // After opening, the buyer reads Neri as jointly liable, with its commitment.
        clock.SetUtcNow(tender.SubmissionDeadline.AddMinutes(1));
        var officer = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyer.Email);
        await officer.GotoAsync($"/#/tenders/{tender.Id}");
        var ranked = officer.GetByTestId("ranked-bid");
        await Expect(ranked).ToHaveCountAsync(1);
        var reliance = ranked.GetByTestId("bid-reliance");
        await Expect(reliance).ToContainTextAsync("Neri Elettrica S.r.l. presta OS30 classe I a Impianti Bianchi S.n.c.");
        await Expect(reliance.GetByTestId("bid-reliance-liable")).ToHaveTextAsync("solidalmente responsabile");
        await Expect(reliance).ToContainTextAsync("impegno firmato dall'ausiliaria il");
        await officer.ScreenshotAsync(new() { Path = Shot("auxiliary-4-buyer-opened-it.png"), FullPage = true });

        // ...and Rossi's DGUE as sealed with the bid (the other firms kept none).
        await Expect(ranked.GetByTestId("bid-dgue")).ToHaveCountAsync(3);
        var dgue = ranked.Locator($"[data-testid='bid-dgue'][data-firm-id='{rossi.Firm.Id}']");
        await dgue.Locator("summary").ClickAsync();
        await Expect(dgue.Locator("summary")).ToHaveTextAsync("DGUE di Edilizia Rossi S.r.l.");
        await Expect(dgue.GetByTestId("dgue-standing")).ToContainTextAsync("Confermato il");
        await Expect(dgue.Locator("[data-testid='dgue-ground'][data-ground='antimafia'] [data-testid='dgue-answer']")).ToHaveTextAsync("No");
        await Expect(dgue.GetByTestId("dgue-criterion")).ToContainTextAsync("Attestazione SOA OG1 classe III");
        await officer.ScreenshotAsync(new() { Path = Shot("auxiliary-5-buyer-dgue-it.png"), FullPage = true });
    }

    /// <summary>On the documents tab the lead attaches the avvalimento contract <paramref name="name"/>; on the joint-bid tab it links it to the reliance.</summary>
    internal static async Task LinkContract(IPage lead, ILocator reliances, string name)
    {
        await lead.GetByTestId("alliance-tab-documents").ClickAsync();
        await lead.GetByTestId("joint-document-input").SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n%contratto di avvalimento\n"u8.ToArray()],
        });
        await Expect(lead.GetByTestId("joint-document")).ToContainTextAsync(name);
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        await reliances.GetByTestId("reliance-contract").SelectOptionAsync(new SelectOptionValue { Label = name });
    }
}
