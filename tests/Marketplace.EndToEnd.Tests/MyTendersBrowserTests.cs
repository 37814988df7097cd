using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A buyer's person finds every tender of the buyer from the header's "I miei bandi": a draft still to publish, the
/// running ones with the questions firms wait an answer to, in plain words; a firm's inbox names the lot it matched.
/// </summary>
public sealed class MyTendersBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    sealed record Arranged(string BuyerEmail, Guid BuyerId, string FirmEmail);

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
        return new(buyer.Email, buyer.Id, firm.Email);
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
}
