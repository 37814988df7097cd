using System.Net;
using System.Net.Sockets;
using Marketplace.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Testing;

/// <summary>
/// The real server (silo included) on a given database, with its own silo ports so hosts can run side by side.
/// <paramref name="realPort"/> serves on a real Kestrel port, for SignalR and browser tests; <paramref name="clock"/>
/// replaces the marketplace's clock (a FakeTimeProvider, to cross tender deadlines at will; the runtime keeps the real one);
/// <paramref name="services"/> adds to the server's services (the benchmarks' own baseline endpoint, which the product does not map);
/// <paramref name="settings"/> are configuration keys that win over the test defaults.
/// </summary>
public sealed class MarketplaceHost(TestDatabase database, bool realPort = false, bool seed = false, TimeProvider? clock = null,
    Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>Where this host's e-mails are written as .eml files (unless <c>settings</c> give an SMTP server).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"marketplace-test-mail-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Marketplace", Database.ConnectionString);
        builder.UseSetting("Sealing:KeyFile", Database.SealingKeyFile);
        builder.UseSetting("Silo:SiloPort", FreePort().ToString());
        builder.UseSetting("Silo:GatewayPort", FreePort().ToString());
        builder.UseSetting("Seed:DemoData", seed ? "true" : "false");
        // Tests sign in right after registering, as in Development; the confirmation tests require it themselves.
        builder.UseSetting("Accounts:RequireConfirmedEmail", "false");
        builder.UseSetting("Mail:Folder", MailFolder);
        if (settings is not null) foreach (var (key, value) in settings) builder.UseSetting(key, value);
        foreach (var (key, value) in UnlimitedRates) builder.UseSetting(key, value);
        if (realPort) UseKestrel(0);
        if (clock is not null) builder.ConfigureTestServices(s => s.AddSingleton(new MarketplaceClock(clock)));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>Tests sign in and write far more often than a person; the rate-limit tests set their own small limits.</summary>
    public static IEnumerable<KeyValuePair<string, string>> UnlimitedRates { get; } =
        [.. new[] { "Auth", "Writes", "Uploads" }.Select(limit => KeyValuePair.Create($"RateLimits:{limit}:PermitLimit", "1000000"))];

    /// <summary>The base address of the real Kestrel port (only with realPort).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
    }

    /// <summary>A client that keeps cookies, like a browser, and never follows redirects.</summary>
    public HttpClient Browser() =>
        CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>Runs a query against the host's own database.</summary>
    public async Task<T> Query<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
