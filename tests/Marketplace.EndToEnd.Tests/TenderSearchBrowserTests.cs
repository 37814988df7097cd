using Marketplace.Server.Endpoints;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A firm finds the tenders of its spaces from the header's "Bandi": by its trade and a place in its own words, or by
/// a CPV code, and the page says what it searched for and which lot matched.
/// </summary>
public sealed class TenderSearchBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    /// <summary>
    /// A space with a buyer that published a school's upkeep (plumbing in Carpi, painting in Bologna) and a gym's in
    /// Bologna (plumbing), and a member firm; the firm's e-mail.
    /// </summary>
    async Task<string> Arrange()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO", "BO"]);
        var buyer = await arranged.Buyer();
        var firm = await arranged.Member("firm", "Impianti Gatti S.r.l.", p => p with { Capabilities = ["45330000"] });
        var now = fixture.ServerClock.GetUtcNow();
        await buyer.Publish("Manutenzione scuole comunali", now.AddDays(3), now.AddDays(10),
            new LotRequest(0, "Impianti sanitari", null, ["45330000"], new MoneyDto(120_000m, "EUR"), "036005"),
            new LotRequest(0, "Tinteggiatura aule", null, ["45442100"], new MoneyDto(40_000m, "EUR"), "037006"));
        await buyer.Publish("Rifacimento bagni palestra", now.AddDays(3), now.AddDays(20),
            new LotRequest(0, "Bagni e spogliatoi", null, ["45330000"], new MoneyDto(900_000m, "EUR"), "037006"));
        return firm.Email;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_firm_finds_a_tender_by_idraulico_a_modena_in_italian(int width)
    {
        var email = await Arrange();
        var page = await fixture.NewPerson(width: width);
        await BusinessProfileBrowserTests.SignIn(page, email);

        await page.GetByTestId("nav-tenders").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bandi" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("tender-item")).ToHaveCountAsync(2);
        await page.GetByTestId("tender-search").FillAsync("idraulico a Modena");

        await Expect(page.GetByTestId("tender-item")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("tender-item")).ToContainTextAsync("Manutenzione scuole comunali");
        await Expect(page.GetByTestId("found-lots")).ToContainTextAsync("Lotto 1 · Impianti sanitari");
        await Expect(page.GetByTestId("found-lots")).ToContainTextAsync("Carpi (MO)");
        await Expect(page.GetByTestId("found-lots")).Not.ToContainTextAsync("Tinteggiatura");
        await Expect(page.GetByTestId("tenders-searched")).ToContainTextAsync("Cercato:");
        await Expect(page.GetByTestId("tenders-searched")).ToContainTextAsync("mestiere «idraulico»: Lavori di idraulica");
        await Expect(page.GetByTestId("tenders-searched")).ToContainTextAsync("provincia di Modena");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"tenders-search-it-{width}.png"), FullPage = true });

        await page.GetByTestId("tender-item").GetByRole(AriaRole.Link, new() { Name = "Manutenzione scuole comunali" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manutenzione scuole comunali" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_firm_finds_a_tender_by_a_cpv_code_in_english_and_narrows_it_by_value(int width)
    {
        var email = await Arrange();
        var page = await fixture.NewPerson(locale: "en-GB", width: width);
        await BusinessProfileBrowserTests.SignIn(page, email);

        await page.GetByTestId("nav-tenders").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tenders" })).ToBeVisibleAsync();
        await page.GetByTestId("tender-search").FillAsync("45330000");
        await Expect(page.GetByTestId("tender-item")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("tenders-searched")).ToContainTextAsync("Searching for:");
        await Expect(page.GetByTestId("tenders-searched")).ToContainTextAsync("Plumbing and sanitary works");
        // The soonest deadline first.
        await Expect(page.GetByTestId("tender-item").First).ToContainTextAsync("Manutenzione scuole comunali");

        await page.GetByTestId("tender-filter-min").FillAsync("500000");
        await Expect(page.GetByTestId("tender-item")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("tender-item")).ToContainTextAsync("Rifacimento bagni palestra");
        await Expect(page.GetByTestId("found-lots")).ToContainTextAsync("Lot 1 · Bagni e spogliatoi");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"tenders-search-en-{width}.png"), FullPage = true });

        await page.GetByTestId("tender-filter-max").FillAsync("100000");
        await Expect(page.GetByTestId("tender-search-error")).ToContainTextAsync("The least value is at most the greatest");
    }
}
