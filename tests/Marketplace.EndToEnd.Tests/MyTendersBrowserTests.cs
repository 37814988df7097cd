using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A buyer's person finds every tender of the buyer from the header's "I miei bandi": a draft still to publish, the
/// running ones with the questions firms wait an answer to, in plain words, following them live; a firm's inbox and
/// the notice of a new tender name the lot it matched.
/// </summary>
public sealed class MyTendersBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    sealed record Arranged(ArrangedBuyer Buyer, ArrangedFirm Firm, Guid SchoolId)
    {
        public string BuyerEmail => Buyer.Email;
        public Guid BuyerId => Buyer.Id;
        public string FirmEmail => Firm.Email;
    }

    /// <summary>
    /// A space with a plumbing firm and a buyer that published a school's upkeep (plumbing in Carpi, painting in
    /// Bologna), on which the firm asked three questions and was answered one, and a gym's, and keeps a draft.
    /// </summary>
    async Task<Arranged> Arrange()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO", "BO"]);
        var buyer = await arranged.Buyer();
        var firm = await arranged.Member("firm", "Impianti Gatti S.r.l.", p => p with { Capabilities = ["45330000"] });
        var now = fixture.ServerClock.GetUtcNow();
        var school = await buyer.Publish("Manutenzione scuole comunali", now.AddDays(3), now.AddDays(10),
            new LotRequest(0, "Impianti sanitari", null, ["45330000"], new MoneyDto(120_000m, "EUR"), "036005"),
            new LotRequest(0, "Tinteggiatura aule", null, ["45442100"], new MoneyDto(40_000m, "EUR"), "037006"));
        await buyer.Publish("Rifacimento bagni palestra", now.AddDays(3), now.AddDays(20),
            new LotRequest(0, "Bagni e spogliatoi", null, ["45330000"], new MoneyDto(900_000m, "EUR"), "037006"));
        await buyer.Draft("Sgombero neve 2027", now.AddDays(30), now.AddDays(40), new LotRequest(0, "Sgombero neve", null, ["90620000"], null, null));
        foreach (var question in new[] { "È previsto un sopralluogo?", "Il subappalto è ammesso?", "Quali orari per i lavori?" })
            (await firm.Api.PostAsJsonAsync($"/api/tenders/{school.Id}/questions", new AskRequest(firm.Firm.Id, question), Json)).EnsureSuccessStatusCode();
        (await buyer.Api.PostAsJsonAsync($"/api/tenders/{school.Id}/questions/1/answer", new TextRequest("Sì, il lunedì."), Json)).EnsureSuccessStatusCode();
        return new(buyer, firm, school.Id);
    }

    static ILocator Tender(IPage page, string title) => page.GetByTestId("my-tender").Filter(new() { HasText = title });

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_buyer_s_person_sees_every_tender_with_the_questions_waiting_in_italian(int width)
    {
        var a = await Arrange();
        var page = await fixture.NewPerson(width: width);
        await BusinessProfileBrowserTests.SignIn(page, a.BuyerEmail);

        await page.GetByTestId("nav-my-tenders").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "I miei bandi" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("my-tender")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("my-tenders-group")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("my-tenders-group").First).ToContainTextAsync("Bozze da completare e pubblicare");
        await Expect(Tender(page, "Sgombero neve 2027").GetByTestId("my-tender-status")).ToContainTextAsync("Bozza: non ancora pubblicata, le imprese non la vedono.");
        var school = Tender(page, "Manutenzione scuole comunali");
        await Expect(school.GetByTestId("my-tender-status")).ToContainTextAsync("Pubblicata: le imprese possono porre quesiti fino a");
        await Expect(school.GetByTestId("my-tender-questions")).ToHaveTextAsync("2 quesiti aspettano una risposta");
        await Expect(Tender(page, "Rifacimento bagni palestra").GetByTestId("my-tender-questions")).ToHaveTextAsync("Nessun quesito in attesa");
        await Expect(page.GetByTestId("my-tenders-waiting")).ToHaveTextAsync("2 quesiti in tutto aspettano una risposta.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"my-tenders-it-{width}.png"), FullPage = true });

        await school.GetByRole(AriaRole.Link, new() { Name = "Manutenzione scuole comunali" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manutenzione scuole comunali" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_buyer_s_person_reaches_the_list_from_the_buyer_s_page_in_english()
    {
        var a = await Arrange();
        var page = await fixture.NewPerson(locale: "en-GB");
        await BusinessProfileBrowserTests.SignIn(page, a.BuyerEmail);

        await page.GotoAsync($"/#/businesses/{a.BuyerId}");
        await page.GetByTestId("buyer-my-tenders").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My tenders" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("my-tender")).ToHaveCountAsync(3);
        var school = Tender(page, "Manutenzione scuole comunali");
        await Expect(school.GetByTestId("my-tender-status")).ToContainTextAsync("Published: firms may ask questions until");
        await Expect(school.GetByTestId("my-tender-questions")).ToHaveTextAsync("2 questions waiting for an answer");
        await Expect(Tender(page, "Sgombero neve 2027").GetByTestId("my-tender-status")).ToContainTextAsync("Draft: not published yet, firms cannot see it.");
        await Expect(page.GetByTestId("my-tenders-group").First).ToContainTextAsync("Drafts to finish and publish");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "my-tenders-en-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task A_firm_s_inbox_names_the_lot_it_matched()
    {
        var a = await Arrange();
        var page = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(page, a.FirmEmail);

        await page.GetByTestId("nav-inbox").ClickAsync();
        var school = page.GetByTestId("inbox-item").Filter(new() { HasText = "Manutenzione scuole comunali" });
        await Expect(school.GetByTestId("inbox-lots")).ToContainTextAsync("Lotto 1 · Impianti sanitari");
        await Expect(school.GetByTestId("inbox-lots")).ToContainTextAsync("Carpi (MO)");
        await Expect(school.GetByTestId("inbox-lots")).Not.ToContainTextAsync("Tinteggiatura");
        await Expect(page.GetByTestId("nav-my-tenders")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "inbox-lots-it-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task A_buyer_s_open_list_shows_a_firm_s_new_question_without_a_reload()
    {
        var a = await Arrange();
        var page = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(page, a.BuyerEmail);
        await page.GetByTestId("nav-my-tenders").ClickAsync();
        var school = Tender(page, "Manutenzione scuole comunali");
        await Expect(school.GetByTestId("my-tender-questions")).ToHaveTextAsync("2 quesiti aspettano una risposta");
        await Expect(page.GetByTestId("my-tenders-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        (await a.Firm.Api.PostAsJsonAsync($"/api/tenders/{a.SchoolId}/questions", new AskRequest(a.Firm.Firm.Id, "Si può visitare la scuola di sabato?"), Json))
            .EnsureSuccessStatusCode();

        await Expect(school.GetByTestId("my-tender-questions")).ToHaveTextAsync("3 quesiti aspettano una risposta");
        await Expect(page.GetByTestId("my-tenders-waiting")).ToHaveTextAsync("3 quesiti in tutto aspettano una risposta.");
        (await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue("the page was not reloaded");

        // Answered by a colleague elsewhere: the count goes down the same way.
        (await a.Buyer.Api.PostAsJsonAsync($"/api/tenders/{a.SchoolId}/questions/2/answer", new TextRequest("No, solo nei giorni feriali."), Json))
            .EnsureSuccessStatusCode();
        await Expect(school.GetByTestId("my-tender-questions")).ToHaveTextAsync("2 quesiti aspettano una risposta");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "my-tenders-live-it-1280.png"), FullPage = true });
    }

    [Theory]
    [InlineData("it-IT", "Lotto 2 · Impianto idrico", "Nuova gara per le tue imprese:")]
    [InlineData("en-GB", "Lot 2 · Impianto idrico", "A new tender for your firms:")]
    public async Task The_notice_of_a_new_tender_names_the_lot_that_matched_the_firm(string locale, string lot, string notice)
    {
        var a = await Arrange();
        var page = await fixture.NewPerson(locale: locale);
        await BusinessProfileBrowserTests.SignIn(page, a.FirmEmail);
        await Expect(page.GetByTestId("nav-inbox")).ToBeVisibleAsync();
        await HubGroups.UntilJoined(page, "WatchBusinessTeam", a.Firm.Firm.Id); // where the notice comes

        var now = fixture.ServerClock.GetUtcNow();
        var tender = await a.Buyer.Publish("Ristrutturazione centro sportivo", now.AddDays(3), now.AddDays(10),
            new LotRequest(0, "Opere edili", null, ["45210000"], new MoneyDto(300_000m, "EUR"), "036005"),
            new LotRequest(0, "Impianto idrico", null, ["45330000"], new MoneyDto(80_000m, "EUR"), "036005"));

        var told = page.GetByTestId("inbox-notice").And(page.Locator($"[data-tender-id='{tender.Id}']"));
        await Expect(told).ToContainTextAsync(notice);
        await Expect(told.GetByTestId("inbox-notice-lots")).ToContainTextAsync(lot);
        await Expect(told.GetByTestId("inbox-notice-lots")).ToContainTextAsync("Carpi (MO)");
        await Expect(told.GetByTestId("inbox-notice-lots")).Not.ToContainTextAsync("Opere edili");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"inbox-notice-lot-{locale}-1280.png") });

        // Opening the inbox, which lists the tender, takes the notice away.
        await page.GetByTestId("nav-inbox").ClickAsync();
        await Expect(page.GetByTestId("inbox-item").And(page.Locator($"[data-tender-id='{tender.Id}' i]"))).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("inbox-notice")).ToHaveCountAsync(0);
    }
}
