using System.Globalization;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class TenderBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    internal const string Rome = "Europe/Rome";

    /// <summary>The firm's price (typed 598500,37) as the buyer's Italian page writes it once the bids are opened.</summary>
    const string SealedPrice = "598.500,37";

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    /// <summary>A time as a datetime-local field in Rome wants it.</summary>
    internal static string Local(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, TimeZoneInfo.FindSystemTimeZoneById(Rome)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_buyer_publishes_a_matching_firm_bids_under_seal_and_sees_the_award_live()
    {
        // Arranged through the API: a space, a buyer, and a builder that is a member of the space.
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var space = arranged.Id;
        var buyerApi = fixture.NewApiClient();
        var buyerEmail = await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Casalecchio di Reno", BusinessKind.Buyer);
        await arranged.Secretary.ApproveBuyer(buyerApi, space, buyer.Id);
        var (_, firmEmail, rossi) = await arranged.Member("rossi", "Edilizia Rossi S.r.l.",
            p => p with { Capabilities = ["45210000"], ComuneCode = "037006" });

        var clock = fixture.ServerClock;
        var enquiryDeadline = clock.GetUtcNow().AddDays(7);
        var submissionDeadline = clock.GetUtcNow().AddDays(14);

        var firm = await fixture.NewPerson(timezone: Rome);
        await BusinessProfileBrowserTests.SignIn(firm, firmEmail);
        await firm.GotoAsync("/#/inbox");
        await Expect(firm.GetByTestId("nav-inbox")).ToBeVisibleAsync();
        await HubGroups.UntilJoined(firm, "WatchBusinessTeam", rossi.Id); // where the new tender's notice comes

        // The buyer drafts the tender in the form and publishes it.
        var officer = await fixture.NewPerson(timezone: Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyerEmail);
        await officer.GotoAsync($"/#/tenders/new?buyer={buyer.Id}");
        await officer.GetByTestId($"tender-space-{space}").CheckAsync();
        await officer.GetByTestId("tender-title").FillAsync("Riqualificazione della scuola Rodari");
        await officer.GetByTestId("tender-description").FillAsync("Cappotto termico, serramenti e coperture dell'edificio di via Garibaldi.");
        await officer.GetByTestId("lot-title-0").FillAsync("Opere edili");
        await officer.GetByTestId("lot-cpv-0").FillAsync("45214200");
        await officer.GetByTestId("lot-cpv-option").First.ClickAsync();
        await officer.GetByTestId("lot-value-0").FillAsync("620000");
        await officer.GetByTestId("criteria-mode-weighted").CheckAsync();
        await officer.GetByTestId("criterion-name-1").FillAsync("Qualità tecnica");
        // The native date fields show the browser's format; under each, the date reads in the app's language.
        await Expect(officer.GetByTestId("enquiry-deadline-reading")).ToHaveTextAsync("Nessuna data scelta");
        await officer.GetByTestId("enquiry-deadline").FillAsync(Local(enquiryDeadline));
        await officer.GetByTestId("submission-deadline").FillAsync(Local(submissionDeadline));
        var rome = TimeZoneInfo.ConvertTime(submissionDeadline, TimeZoneInfo.FindSystemTimeZoneById(Rome));
        var italian = CultureInfo.GetCultureInfo("it-IT");
        await Expect(officer.GetByTestId("submission-deadline-reading")).ToContainTextAsync(
            $"{rome.ToString("dddd", italian)} {rome.Day} {rome.ToString("MMMM", italian)} {rome.Year}");
        await Expect(officer.GetByTestId("submission-deadline-reading")).ToContainTextAsync(rome.ToString("HH:mm", CultureInfo.InvariantCulture));
        // The documents' picker speaks Italian too, and attaches what is chosen.
        await Expect(officer.GetByTestId("document-upload-button")).ToHaveTextAsync("Scegli i file");
        await Expect(officer.GetByTestId("document-upload-chosen")).ToHaveTextAsync("Nessun file scelto");
        await officer.GetByTestId("document-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "Capitolato speciale.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n%capitolato\n"u8.ToArray()],
        });
        await Expect(officer.GetByTestId("form-document")).ToContainTextAsync("Capitolato speciale.pdf");
        await officer.ScreenshotAsync(new() { Path = Shot("tender-0-form-dates-files.png"), FullPage = true });
        await officer.GetByTestId("save-draft").ClickAsync();
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Draft");
        await officer.ScreenshotAsync(new() { Path = Shot("tender-1-draft.png"), FullPage = true });
        // Publishing cannot be taken back: the officer is told what it does first, and "Annulla" leaves the draft as it was.
        await officer.GetByTestId("publish-tender").ClickAsync();
        await Expect(officer.GetByTestId("confirm-dialog")).ToContainTextAsync("Riqualificazione della scuola Rodari");
        await officer.GetByTestId("confirm-no").ClickAsync();
        await Expect(officer.GetByTestId("confirm-dialog")).ToHaveCountAsync(0);
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Draft");
        await officer.GetByTestId("publish-tender").ClickAsync();
        await Expect(officer.GetByTestId("confirm-dialog")).ToContainTextAsync("rettifica");
        await officer.ScreenshotAsync(new() { Path = Shot("tender-1b-confirm-publish.png") });
        await officer.GetByTestId("confirm-yes").ClickAsync();
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Enquiries");
        var tenderUrl = officer.Url;

        // The matching firm is told live, and opens the tender from the notice.
        await Expect(firm.GetByTestId("inbox-notice")).ToContainTextAsync("Riqualificazione della scuola Rodari");
        await Expect(firm.GetByTestId("inbox-item")).ToHaveCountAsync(1);
        await firm.ScreenshotAsync(new() { Path = Shot("tender-2-inbox-notice.png") });

        // Bids open once the enquiry period ends; the firm bids and gets its receipt.
        clock.SetUtcNow(enquiryDeadline.AddMinutes(1));
        await firm.GotoAsync(tenderUrl);
        await Expect(firm.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Tendering");
        await Expect(firm.GetByTestId("tender-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await firm.GetByTestId("bid-price-1").FillAsync("598500,37");
        await firm.GetByTestId("bid-answer-2").FillAsync("Squadra con 20 anni di esperienza in edilizia scolastica; cantiere nei mesi estivi.");
        await firm.GetByTestId("submit-bid").ClickAsync();
        await Expect(firm.GetByTestId("receipt-digest")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        var digest = await firm.GetByTestId("receipt-digest").TextContentAsync();
        await firm.ScreenshotAsync(new() { Path = Shot("tender-3-receipt.png"), FullPage = true });
        // The tender's open data is a link away, and holds the public notice, not the sealed bid.
        var ocds = await firm.APIRequest.GetAsync(await firm.GetByTestId("tender-ocds").GetAttributeAsync("href") ?? "");
        ocds.Status.Should().Be(200);
        (await ocds.TextAsync()).Should().Contain("Riqualificazione della scuola Rodari").And.NotContain("598500.37", "the sealed price as a JSON number (a dot never stands in an id)");
        var record = await firm.APIRequest.GetAsync(await firm.GetByTestId("tender-ocds-record").GetAttributeAsync("href") ?? "");
        record.Status.Should().Be(200);
        (await record.TextAsync()).Should().Contain("compiledRelease").And.NotContain("598500.37", "the sealed price as a JSON number (a dot never stands in an id)");
        // So is the open data of every tender of the space and of the buyer, on their pages (in a second tab: the
        // tender's page stays open for the award it hears live).
        var tab = await firm.Context.NewPageAsync();
        async Task OpenDataLinked(string address, string section, string link, string says, string shot)
        {
            await tab.GotoAsync(address);
            await Expect(tab.GetByTestId(link)).ToBeVisibleAsync();
            await Expect(tab.GetByTestId(section)).ToContainTextAsync(says);
            await tab.ScreenshotAsync(new() { Path = Shot(shot), FullPage = true });
            var package = await tab.APIRequest.GetAsync(await tab.GetByTestId(link).GetAttributeAsync("href") ?? "");
            package.Status.Should().Be(200);
            (await package.TextAsync()).Should().Contain("Riqualificazione della scuola Rodari").And.NotContain("598500.37", "the sealed price as a JSON number (a dot never stands in an id)");
        }
        await OpenDataLinked($"/#/spaces/{space}/tenders", "space-tenders", "space-ocds", "Dati aperti delle gare pubblicate in questo spazio", "tender-3b-space-open-data.png");
        await OpenDataLinked($"/#/businesses/{buyer.Id}", "buyer-tenders", "buyer-ocds", "Dati aperti delle gare pubblicate da questo committente", "tender-3c-buyer-open-data.png");
        await tab.CloseAsync();

        // The buyer sees the tender sealed: no price, no firm, in none of the ways a price is written (the forms with a
        // separator, which no id or digest on the page can contain).
        await officer.ReloadAsync();
        await Expect(officer.GetByTestId("bid-sealed-notice")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("ranked-bid")).ToHaveCountAsync(0);
        var buyerSees = await officer.Locator("body").InnerTextAsync();
        buyerSees.Should().NotContain(SealedPrice).And.NotContain("598500,37").And.NotContain("598500.37").And.NotContain("Edilizia Rossi");
        await officer.ScreenshotAsync(new() { Path = Shot("tender-4-sealed-for-buyer.png"), FullPage = true });

        // After the deadline the bids open by themselves, live on the buyer's page; the buyer scores and awards.
        await Expect(officer.GetByTestId("tender-live-status")).ToHaveAttributeAsync("data-state", "connected");
        clock.SetUtcNow(submissionDeadline.AddMinutes(1));
        await Expect(officer.GetByTestId("evaluation")).ToBeVisibleAsync();
        var row = officer.GetByTestId("ranked-bid").And(officer.Locator($"[data-bidder-id='{rossi.Id}']"));
        await Expect(row).ToContainTextAsync("Edilizia Rossi");
        await Expect(row.GetByTestId("ranked-price")).ToContainTextAsync(SealedPrice); // the very text the sealed page was searched for
        await row.GetByTestId("score-2").FillAsync("85");
        await row.GetByTestId("save-scores").ClickAsync();
        await Expect(row.GetByTestId("bid-complete")).ToBeVisibleAsync();
        await officer.ScreenshotAsync(new() { Path = Shot("tender-5-evaluation.png"), FullPage = true });
        await officer.GetByTestId("award-1").ClickAsync();
        await Expect(officer.GetByTestId("confirm-dialog")).ToContainTextAsync("Edilizia Rossi");
        await Expect(officer.GetByTestId("confirm-dialog")).ToContainTextAsync("definitiva");
        await officer.ScreenshotAsync(new() { Path = Shot("tender-5b-confirm-award.png") });
        await officer.GetByTestId("confirm-yes").ClickAsync();
        await Expect(officer.GetByTestId("decision-1")).ToContainTextAsync("Edilizia Rossi");
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Awarded");
        await Expect(officer.GetByTestId("audit-status")).ToHaveAttributeAsync("data-valid", "true");
        await officer.ScreenshotAsync(new() { Path = Shot("tender-6-awarded-buyer.png"), FullPage = true });
        // The buyer reads the opened bids' links of the sealed chain, apart from the tender's public chain.
        await Expect(officer.GetByTestId("audit-sealed-status")).ToHaveAttributeAsync("data-valid", "true");
        await officer.GetByTestId("audit-sealed-links").Locator("summary").ClickAsync();
        await Expect(officer.GetByTestId("audit-sealed-links").GetByTestId("audit-link").First).ToHaveAttributeAsync("data-kind", "BidSubmitted");
        await officer.Locator("section.audit").ScreenshotAsync(new() { Path = Shot("tender-6-audit-buyer.png") });

        // The firm sees the award live, and that the opened bid is exactly the one it sealed.
        await Expect(firm.GetByTestId("award-badge")).ToBeVisibleAsync();
        await Expect(firm.GetByTestId("receipt-digest")).ToHaveTextAsync(digest!);
        await firm.ScreenshotAsync(new() { Path = Shot("tender-7-awarded-firm.png"), FullPage = true });

        // The same, in English on a phone.
        var phone = await fixture.NewPerson("en-GB", Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, firmEmail);
        await phone.GotoAsync(tenderUrl);
        await Expect(phone.GetByTestId("award-badge")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Shot("tender-8-awarded-firm-en-390.png"), FullPage = true });
    }
    /// <summary>Finding 2 of issue #10: a sealed bid altered in the database before the deadline is shown to the buyer as such, not ranked.</summary>
    [Fact]
    public async Task The_buyer_s_evaluation_shows_an_integrity_failure_when_a_stored_bid_was_tampered_with()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"], association: "Associazione Artigiani Modena", name: "Spazio Artigiani");
        var space = arranged.Id;
        var buyerApi = fixture.NewApiClient();
        var buyerEmail = await buyerApi.SignUp("acquisti");
        var buyer = await buyerApi.CreateBusiness("Comune di Carpi", BusinessKind.Buyer);
        async Task<(HttpClient Api, Guid Id)> Member(string name)
        {
            var (api, _, firm) = await arranged.Member(name.Split(' ')[0].ToLowerInvariant(), name, p => p with { Capabilities = ["45210000"] });
            return (api, firm.Id);
        }
        var honest = await Member("Costruzioni Ferrari S.r.l.");
        var tampered = await Member("Edilizia Bassi S.n.c.");
        await arranged.Secretary.ApproveBuyer(buyerApi, space, buyer.Id);

        var clock = fixture.ServerClock;
        var now = clock.GetUtcNow();
        var draft = await (await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [space], "Rifacimento della palestra comunale", null,
            [new LotRequest(0, "Opere edili", null, ["45214200"], new MoneyDto(300_000m, "EUR"), null)], [],
            [new CriterionRequest(0, "Prezzo", Marketplace.Tenders.CriterionKind.Price, 100)], now.AddDays(2), now.AddDays(7), null, null, true, []), Json)).Read<TenderDto>();
        (await buyerApi.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        clock.SetUtcNow(draft.EnquiryDeadline.AddMinutes(1));
        foreach (var (api, id, price) in new[] { (honest.Api, honest.Id, 280_000m), (tampered.Api, tampered.Id, 265_000m) })
            (await api.PutAsJsonAsync($"/api/tenders/{draft.Id}/bids/{id}", new SubmitBidRequest([new LotPriceRequest(1, new MoneyDto(price, "EUR"))], [], []), Json))
                .EnsureSuccessStatusCode();

        // Whoever holds the database changes the stored sealed bid of one firm before the deadline.
        var key = tampered.Id.ToString("N");
        var row = await fixture.Host.Query(db => db.GrainStates.AsNoTracking().SingleAsync(g => g.StateName == "bid" && g.GrainId.EndsWith(key)));
        var at = row.Data.Length - 10;
        var altered = row.Data[..at] + (row.Data[at] == 'A' ? 'B' : 'A') + row.Data[(at + 1)..];
        await fixture.Host.Query(db => db.GrainStates.Where(g => g.GrainId == row.GrainId && g.StateName == "bid").ExecuteUpdateAsync(u => u.SetProperty(g => g.Data, altered)));
        clock.SetUtcNow(draft.SubmissionDeadline.AddMinutes(1));

        foreach (var (locale, name) in new[] { ("it-IT", "it"), ("en-GB", "en") })
        {
            var officer = await fixture.NewPerson(locale, Rome);
            await BusinessProfileBrowserTests.SignIn(officer, buyerEmail);
            await officer.GotoAsync($"/#/tenders/{draft.Id}");
            var failure = officer.GetByTestId("integrity-failure");
            await Expect(failure).ToHaveCountAsync(1);
            await Expect(failure).ToHaveAttributeAsync("data-reason", "Unreadable");
            await Expect(failure).ToContainTextAsync("Edilizia Bassi");
            await Expect(failure.GetByTestId("integrity-reason")).ToHaveTextAsync(name == "it"
                ? "Il contenuto memorizzato non si può decifrare: è stato alterato."
                : "Its stored content cannot be decrypted: it was altered.");
            var ranked = officer.GetByTestId("ranked-bid");
            await Expect(ranked).ToHaveCountAsync(1);
            await Expect(ranked).ToContainTextAsync("Costruzioni Ferrari");
            await officer.GetByTestId("evaluation").ScreenshotAsync(new() { Path = Shot($"tender-integrity-failure-{name}.png") });
        }
    }

    [Fact]
    public async Task A_buyer_editing_lots_and_criteria_is_told_which_fields_to_fix_and_stays_on_the_form()
    {
        var buyerApi = fixture.NewApiClient();
        var buyerEmail = await buyerApi.SignUp("gare-zola");
        var buyer = await buyerApi.CreateBusiness("Comune di Zola Predosa", BusinessKind.Buyer);
        var officer = await fixture.NewPerson(timezone: Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyerEmail);
        await officer.GotoAsync($"/#/tenders/new?buyer={buyer.Id}");

        // Lots and criteria come and go: a second lot added and the first removed; a third criterion added and removed.
        await officer.GetByTestId("add-lot").ClickAsync();
        await Expect(officer.GetByTestId("lot-form")).ToHaveCountAsync(2);
        await officer.GetByTestId("lot-title-1").FillAsync("Impianti");
        await officer.GetByTestId("remove-lot-0").ClickAsync();
        await Expect(officer.GetByTestId("lot-form")).ToHaveCountAsync(1);
        await Expect(officer.GetByTestId("lot-title-0")).ToHaveValueAsync("Impianti");
        await officer.GetByTestId("criteria-mode-weighted").CheckAsync();
        await Expect(officer.GetByTestId("criterion-row")).ToHaveCountAsync(2);
        await officer.GetByTestId("add-criterion").ClickAsync();
        await Expect(officer.GetByTestId("criterion-row")).ToHaveCountAsync(3);
        await officer.GetByTestId("remove-criterion-2").ClickAsync();
        await Expect(officer.GetByTestId("criterion-row")).ToHaveCountAsync(2);

        // Each save says what is still wrong, field by field, and puts the cursor on the first such field.
        var status = officer.GetByTestId("tender-form-status");
        await officer.GetByTestId("lot-value-0").FillAsync("dodici");
        await officer.GetByTestId("save-draft").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-state", "error");
        await Expect(officer.GetByTestId("lot-value-0")).ToHaveAttributeAsync("aria-invalid", "true");
        await officer.GetByTestId("lot-value-0").FillAsync("120000");
        await officer.GetByTestId("save-draft").ClickAsync();
        await Expect(officer.GetByTestId("lot-value-0")).ToHaveAttributeAsync("aria-invalid", "false");
        await Expect(officer.GetByTestId("form-error-enquiryDeadline")).ToHaveTextAsync("Questo campo è obbligatorio.");
        await Expect(officer.GetByTestId("enquiry-deadline")).ToBeFocusedAsync();
        await Expect(status).ToHaveTextAsync("Controlla i campi evidenziati.");
        await Expect(officer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/tenders/new"));
        await officer.ScreenshotAsync(new() { Path = Shot("tender-form-errors.png"), FullPage = true });
    }
}
