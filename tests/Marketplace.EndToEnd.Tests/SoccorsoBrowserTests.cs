using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Soccorso istruttorio after opening: the buyer asks a firm to complete a declaration, the firm's open page (on a
/// phone) shows the request live with its deadline, the firm answers with a document, and the buyer's open page shows
/// the answer arrive, with the document to download; the bid's price stays as opened.
/// </summary>
public sealed class SoccorsoBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Theory]
    [InlineData("it-IT", "it", 390)]
    [InlineData("en-GB", "en", 1280)]
    public async Task The_buyer_asks_the_firm_answers_with_a_document_and_the_buyer_reads_it_live(string locale, string lang, int width)
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"], association: "Associazione Artigiani Modena", name: "Spazio Artigiani");
        var buyer = await arranged.Buyer("acquisti", "Comune di Carpi");
        var ferrari = await arranged.Member("ferrari", "Costruzioni Ferrari S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bassi = await arranged.Member("bassi", "Edilizia Bassi S.n.c.", p => p with { Capabilities = ["45210000"] });

        var clock = fixture.ServerClock;
        var now = clock.GetUtcNow();
        var tender = await (await buyer.Api.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Rifacimento della palestra comunale", null,
            [new LotRequest(0, "Opere edili", null, ["45214200"], new MoneyDto(300_000m, "EUR"), null)], [],
            [new CriterionRequest(0, "Prezzo", Marketplace.Tenders.CriterionKind.Price, 100)], now.AddDays(2), now.AddDays(7), null, null, false, []), Json)).Read<TenderDto>();
        (await buyer.Api.PostAsJsonAsync($"/api/tenders/{tender.Id}/publish", new VersionRequest(tender.Version), Json)).EnsureSuccessStatusCode();
        clock.SetUtcNow(tender.EnquiryDeadline.AddMinutes(1));
        foreach (var (firm, price) in new[] { (ferrari, 280_000m), (bassi, 265_000m) })
            (await firm.Api.PutAsJsonAsync($"/api/tenders/{tender.Id}/bids/{firm.Firm.Id}", new SubmitBidRequest([new LotPriceRequest(1, new MoneyDto(price, "EUR"))], [], []), Json))
                .EnsureSuccessStatusCode();
        clock.SetUtcNow(tender.SubmissionDeadline.AddMinutes(1));

        var officer = await fixture.NewPerson(locale, TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyer.Email);
        await officer.GotoAsync($"/#/tenders/{tender.Id}");
        var firmPage = await fixture.NewPerson(locale, TenderBrowserTests.Rome, width);
        await BusinessProfileBrowserTests.SignIn(firmPage, bassi.Email);
        await firmPage.GotoAsync($"/#/tenders/{tender.Id}");
        await Expect(firmPage.GetByTestId("my-result-lot")).ToHaveAttributeAsync("data-rank", "1");
        await Expect(firmPage.GetByTestId("tender-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(firmPage.GetByTestId("soccorso-bidder")).ToHaveCountAsync(0);

        // The buyer asks Bassi; an empty subject is refused first, naming the field, and nothing is sent.
        var bassiBid = officer.GetByTestId("soccorso-bid").And(officer.Locator($"[data-bidder-id='{bassi.Firm.Id}']"));
        await bassiBid.GetByTestId("soccorso-ask").ClickAsync();
        await officer.GetByTestId("soccorso-send").ClickAsync();
        await Expect(officer.GetByTestId("form-error-subject")).ToBeVisibleAsync();
        // The server's clock runs ahead of the browser's here: the deadline is typed from the server's, 8 days on, in Rome's time.
        var deadline = TimeZoneInfo.ConvertTime(clock.GetUtcNow().AddDays(8), TimeZoneInfo.FindSystemTimeZoneById(TenderBrowserTests.Rome));
        await officer.GetByTestId("soccorso-deadline-input").FillAsync(deadline.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var subject = lang == "it"
            ? "Manca la dichiarazione di regolarità contributiva (DURC) firmata dal legale rappresentante."
            : "The signed declaration of social security compliance (DURC) is missing.";
        await officer.GetByTestId("soccorso-subject-input").FillAsync(subject);
        await officer.ScreenshotAsync(new() { Path = Shot($"soccorso-1-ask-{lang}.png"), FullPage = true });
        await officer.GetByTestId("soccorso-send").ClickAsync();
        await Expect(bassiBid.GetByTestId("soccorso-request")).ToHaveAttributeAsync("data-status", "Open");
        await Expect(bassiBid.GetByTestId("soccorso-subject")).ToHaveTextAsync(subject);

        // The firm's open page shows the request, its deadline and the clock, and says the sealed bid is not touched.
        var request = firmPage.GetByTestId("soccorso-request");
        await Expect(request).ToHaveAttributeAsync("data-status", "Open");
        await Expect(request.GetByTestId("soccorso-subject")).ToHaveTextAsync(subject);
        await Expect(firmPage.GetByTestId("soccorso-bidder")).ToContainTextAsync(lang == "it" ? "non modifica l'offerta sigillata" : "does not change the sealed bid");
        await Expect(request.GetByTestId("soccorso-deadline")).ToContainTextAsync(lang == "it" ? "Rispondere entro il" : "Answer by");
        await firmPage.GetByTestId("soccorso-text").FillAsync(lang == "it" ? "In allegato la dichiarazione firmata." : "The signed declaration is attached.");
        await firmPage.GetByTestId("soccorso-file").SetInputFilesAsync(new FilePayload
        {
            Name = "DURC Bassi.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n%dichiarazione DURC\n"u8.ToArray()],
        });
        await Expect(firmPage.GetByTestId("soccorso-file-item")).ToContainTextAsync("DURC Bassi.pdf");
        await firmPage.ScreenshotAsync(new() { Path = Shot($"soccorso-2-firm-answers-{lang}-{width}.png"), FullPage = true });
        await firmPage.GetByTestId("soccorso-reply").ClickAsync();
        await Expect(request).ToHaveAttributeAsync("data-status", "Answered");
        await Expect(firmPage.GetByTestId("soccorso-form")).ToHaveCountAsync(0);
        await firmPage.ScreenshotAsync(new() { Path = Shot($"soccorso-3-firm-answered-{lang}-{width}.png"), FullPage = true });

        // The buyer's open page shows the answer arrive, with its document; the price is the one opened.
        var answered = bassiBid.GetByTestId("soccorso-request");
        await Expect(answered).ToHaveAttributeAsync("data-status", "Answered");
        await Expect(answered.GetByTestId("soccorso-answer-text")).ToContainTextAsync(lang == "it" ? "In allegato" : "is attached");
        await Expect(answered.GetByTestId("soccorso-document")).ToContainTextAsync("DURC Bassi.pdf");
        var download = await officer.RunAndWaitForDownloadAsync(() => answered.GetByTestId("soccorso-document").ClickAsync());
        download.SuggestedFilename.Should().Be("DURC Bassi.pdf");
        await Expect(officer.GetByTestId("ranked-bid").First.GetByTestId("ranked-price")).ToContainTextAsync("265");
        await Expect(officer.GetByTestId("audit-status")).ToHaveAttributeAsync("data-valid", "true");
        await officer.ScreenshotAsync(new() { Path = Shot($"soccorso-4-buyer-reads-{lang}.png"), FullPage = true });
    }
}
