using Marketplace.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The browser fixture with a server that may fetch feeds from this machine's loopback, where the tests' publisher runs (a test-only option).</summary>
public sealed class LoopbackFeedBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string>? Settings { get; } = new Dictionary<string, string> { ["OpenData:Import:Feeds:AllowLoopback"] = "true" };
}

/// <summary>
/// An association's secretary gives the platform the address of a publisher's OCDS package to fetch every day: it is
/// fetched at once and imported as an uploaded file, and the page says what it did and when it is fetched next.
/// </summary>
public sealed class ImportFeedBrowserTests(LoopbackFeedBrowserFixture fixture) : IClassFixture<LoopbackFeedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    static readonly string PackageFile = Path.Combine(RepositoryPaths.Root, "tests", "Marketplace.Server.Tests", "OpenData", "Data", "opportunities-package.json");

    [Fact]
    public async Task The_secretary_adds_a_feed_sees_what_its_first_fetch_imported_and_an_inside_address_is_refused()
    {
        await using var publisher = await PackageServer.Start();
        publisher.Serve("/ocds/pacchetto.json", await File.ReadAllTextAsync(PackageFile));
        var arranged = await ArrangedSpace.Create(fixture, ["MO"]);
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/admin");
        var feeds = secretary.GetByTestId("admin-feeds");
        await Expect(feeds.GetByTestId("feeds-empty")).ToHaveTextAsync("Nessun indirizzo: lo spazio importa solo i file caricati.");

        // An address inside the operator's network is refused before anything is fetched, the field saying why.
        await feeds.GetByTestId("feed-url").FillAsync("http://169.254.169.254/latest/meta-data/");
        await feeds.GetByTestId("feed-add").ClickAsync();
        await Expect(feeds.GetByTestId("feed-url-error"))
            .ToHaveTextAsync("169.254.169.254 non è su Internet pubblico (169.254.169.254): i flussi si scaricano solo da indirizzi pubblici.");
        await feeds.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("feed-1-refused-it.png") });

        var url = publisher.Url("/ocds/pacchetto.json");
        await feeds.GetByTestId("feed-url").FillAsync(url);
        await feeds.GetByTestId("feed-period").SelectOptionAsync("24");
        await feeds.GetByTestId("feed-add").ClickAsync();
        var feed = feeds.GetByTestId("feed").And(secretary.Locator($"[data-url='{url}']"));
        await Expect(feed.GetByTestId("feed-result")).ToContainTextAsync("Lette 4 release: 3 nuove opportunità, 0 aggiornate, 0 invariate.");
        await Expect(feed).ToContainTextAsync("Ogni giorno");
        await Expect(feed.GetByTestId("feed-opportunity")).ToHaveCountAsync(3);
        await Expect(feed.GetByTestId("feed-next")).ToContainTextAsync("Prossimo scaricamento:");
        await Expect(feeds.GetByTestId("feed-url-error")).ToHaveCountAsync(0);
        await feeds.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("feed-2-added-it.png"), FullPage = true });

        // The publisher's address stops answering: fetching it now says so, and nothing changes.
        publisher.Status("/ocds/pacchetto.json", 503);
        await feed.GetByTestId("feed-fetch").ClickAsync();
        await Expect(feed.GetByTestId("feed-failure")).ToHaveTextAsync("Nessun pacchetto letto, nulla è cambiato. L'indirizzo ha risposto HTTP 503 invece del pacchetto.");

        await secretary.GetByTestId("lang-en").ClickAsync();
        await Expect(feed.GetByTestId("feed-failure")).ToHaveTextAsync("No package was read; nothing changed. The address answered HTTP 503 instead of the package.");
        await Expect(feed).ToContainTextAsync("Every day");
        await feeds.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("feed-3-failed-en.png"), FullPage = true });

        await feed.GetByTestId("feed-remove").ClickAsync();
        await Expect(feeds.GetByTestId("feeds-empty")).ToHaveTextAsync("No address: the space imports only uploaded files.");
    }
}
