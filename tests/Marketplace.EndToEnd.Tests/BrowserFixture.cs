using System.Net;
using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The real server on a real Kestrel port and the system's Chromium driven by Playwright (Playwright cannot
/// download browsers here; MARKETPLACE_CHROMIUM, default /usr/bin/chromium, names the one to use).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    IPlaywright playwright = null!;

    /// <summary>What the Content Security Policy blocked on any page since the current test began (tests run one at a time).</summary>
    internal static System.Collections.Concurrent.ConcurrentQueue<string> CspViolations { get; } = new();

    public MarketplaceHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri Address => Host.ServerAddress;

    /// <summary>Where screenshots go, for people to look at: artifacts/screenshots at the repository root.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    /// <summary>The server's clock; null for the real one.</summary>
    protected virtual TimeProvider? Clock => null;

    /// <summary>Configuration keys for the server beyond the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public async Task InitializeAsync()
    {
        Host = new MarketplaceHost(await TestDatabase.Create(DatabaseProvider.Sqlite), realPort: true, clock: Clock, settings: Settings);
        _ = Host.ServerAddress;
        var chromium = Environment.GetEnvironmentVariable("MARKETPLACE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium is not at {chromium}: install Debian's chromium package or set MARKETPLACE_CHROMIUM.");
        playwright = await Playwright.CreateAsync();
        // A bound on waiting for the page, not a speed requirement: live updates normally arrive in milliseconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumFlags });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A separate browser profile (its own cookies), as a different person on a different computer.</summary>
    public async Task<IPage> NewPerson(string locale = "it-IT", string? timezone = null, int width = 1280)
    {
        // Reduced motion: charts draw their final values at once, so screenshots show what a user ends up seeing.
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Address.ToString(), Locale = locale, ViewportSize = new() { Width = width, Height = 900 }, ReducedMotion = ReducedMotion.Reduce,
            TimezoneId = timezone,
        });
        // Every page runs under the server's Content Security Policy; anything it blocks is a broken page.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));");
        var page = await context.NewPageAsync();
        HubGroups.Follow(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("CSP violation", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                CspViolations.Enqueue($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// <summary>An API client with its own cookies, for arranging data quickly.</summary>
    public HttpClient NewApiClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Address };

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Host.DisposeAsync();
        await Host.Database.DisposeAsync();
    }
}

/// <summary>The browser fixture with a server clock the test moves, to cross tender deadlines when the story says so.</summary>
public sealed class ClockedBrowserFixture : BrowserFixture
{
    public FakeTimeProvider ServerClock { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => ServerClock;
}

/// <summary>The browser fixture with a server that, as in production, signs an account in only once its address is confirmed.</summary>
public sealed class ConfirmingBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string>? Settings { get; } = new Dictionary<string, string> { ["Accounts:RequireConfirmedEmail"] = "true" };
}
