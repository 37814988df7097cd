using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Server.Tests.Hosting;

/// <summary>
/// A server on SQLite with settings of its own (small rate limits, a trusted proxy, an allowed origin), shared by the
/// tests of one class. With a trusted proxy configured, <see cref="Client"/> speaks as the client at a given address
/// behind it: TestServer gives the connection no address of its own, and the forwarded-headers middleware then takes
/// the one the proxy forwards.
/// </summary>
public abstract class ConfiguredHost(params (string Key, string Value)[] settings) : IAsyncLifetime
{
    MarketplaceHost host = null!;

    public WebApplicationFactory<Program> Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        host = new MarketplaceHost(await TestDatabase.Create(DatabaseProvider.Sqlite));
        Server = host.WithWebHostBuilder(b => { foreach (var (key, value) in settings) b.UseSetting(key, value); });
        Server.StartServer();
    }

    /// <summary>A client that keeps cookies, like a browser, at <paramref name="address"/> (sent as X-Forwarded-For).</summary>
    public HttpClient Client(string? address = null, Uri? baseAddress = null)
    {
        var client = Server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false, BaseAddress = baseAddress ?? new Uri("http://localhost") });
        if (address is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync(); // disposes Server, made from it
        await host.Database.DisposeAsync();
    }
}
