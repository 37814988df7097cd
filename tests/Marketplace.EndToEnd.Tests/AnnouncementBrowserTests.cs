using Marketplace.Testing;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The association's secretary announces an assembly on the space's page; a member firm's owner, with the page open on
/// a phone, sees it arrive and then sees it change, without reloading; a mistaken title is named before anything is kept.
/// </summary>
public sealed class AnnouncementBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_secretary_announces_an_assembly_and_a_member_firm_s_open_page_shows_it_live()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"]);
        var (_, firmEmail, _) = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");

        var firm = await fixture.NewPerson(width: 390);
        await BusinessProfileBrowserTests.SignIn(firm, firmEmail);
        await firm.GetByTestId("lang-en").ClickAsync();
        await firm.GotoAsync($"/#/spaces/{arranged.Id}");
        var seen = firm.GetByTestId("space-announcements");
        await Expect(seen.GetByTestId("announcements-empty")).ToHaveTextAsync("The association has published no announcements.");
        await Expect(seen.GetByTestId("announcement-new")).ToHaveCountAsync(0);
        await Expect(firm.GetByTestId("space-live-status")).ToHaveAttributeAsync("data-state", "connected");

        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}");
        var mine = secretary.GetByTestId("space-announcements");
        await Expect(mine.GetByTestId("announcements-empty")).ToHaveTextAsync(
            "Nessun avviso pubblicato. Gli avvisi raggiungono tutte le persone delle imprese membri.");
        await mine.GetByTestId("announcement-new").ClickAsync();
        await mine.GetByTestId("announcement-title").FillAsync("Ok");
        await mine.GetByTestId("announcement-text").FillAsync("Giovedì 17 dicembre alle 18, sala consiliare.\nSi discute il bando per la scuola Galilei.");
        await mine.GetByTestId("announcement-save").ClickAsync();
        await Expect(mine.GetByTestId("announcement-title-error")).ToHaveTextAsync("Un titolo da 3 a 120 caratteri, su una riga.");
        await mine.GetByTestId("announcement-title").FillAsync("Assemblea dei soci");
        await secretary.ScreenshotAsync(new() { Path = Shot("announcement-1-writing-it.png") });
        await mine.GetByTestId("announcement-save").ClickAsync();
        await Expect(mine.GetByTestId("announcements-status")).ToHaveTextAsync("Avviso pubblicato: le imprese membri lo vedono ora.");
        await Expect(mine.GetByTestId("announcement-heading")).ToHaveTextAsync("Assemblea dei soci");

        // The firm's open page shows it, in the firm's language around the association's words.
        await Expect(seen.GetByTestId("announcement-heading")).ToHaveTextAsync("Assemblea dei soci");
        await Expect(seen.GetByTestId("announcement-body")).ToHaveTextAsync("Giovedì 17 dicembre alle 18, sala consiliare.\nSi discute il bando per la scuola Galilei.");
        await Expect(seen.GetByTestId("announcement-when")).ToContainTextAsync("Published on");
        await Expect(seen.GetByTestId("announcement-edit")).ToHaveCountAsync(0);
        await seen.ScrollIntoViewIfNeededAsync();
        await firm.ScreenshotAsync(new() { Path = Shot("announcement-2-member-en-390.png"), FullPage = true });

        await mine.GetByTestId("announcement-edit").ClickAsync();
        await mine.GetByTestId("announcement-title").FillAsync("Assemblea dei soci: nuova sala");
        await mine.GetByTestId("announcement-save").ClickAsync();
        await Expect(mine.GetByTestId("announcements-status")).ToHaveTextAsync("Modifiche salvate: le imprese membri vedono l'avviso aggiornato.");
        await Expect(seen.GetByTestId("announcement-heading")).ToHaveTextAsync("Assemblea dei soci: nuova sala");
        await Expect(seen.GetByTestId("announcement-when")).ToContainTextAsync("edited on");
        await secretary.ScreenshotAsync(new() { Path = Shot("announcement-3-published-it.png") });

        await mine.GetByTestId("announcement-withdraw").ClickAsync();
        await Expect(secretary.GetByTestId("confirm-dialog")).ToContainTextAsync("«Assemblea dei soci: nuova sala» non sarà più visibile alle imprese membri.");
        await secretary.GetByTestId("confirm-yes").ClickAsync();
        await Expect(mine.GetByTestId("announcements-status")).ToHaveTextAsync("Avviso ritirato: le imprese membri non lo vedono più.");
        await Expect(seen.GetByTestId("announcement")).ToHaveCountAsync(0);
    }
}
