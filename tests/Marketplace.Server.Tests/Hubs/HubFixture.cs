using System.Net;
using System.Net.Http.Json;
using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>The server on a real Kestrel port, so SignalR runs over real WebSockets.</summary>
public class HubFixture : IAsyncLifetime
{
    public MarketplaceHost Host { get; private set; } = null!;

    protected virtual TimeProvider? Clock => null;

    public async Task InitializeAsync()
    {
        Host = new MarketplaceHost(await TestDatabase.Create(DatabaseProvider.Sqlite), realPort: true, clock: Clock);
        _ = Host.ServerAddress;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Host.Database.DisposeAsync();
    }

    /// <summary>A browser-like user: an HTTP client and a hub connection sharing one cookie jar; each signed-in one has a name of their own.</summary>
    public Task<(HttpClient Http, HubConnection Hub)> Connect(bool signedIn) => Connect(Host, signedIn);

    /// <summary>An association's signed-in admin, connected, and the members-only space it hosts: where space stories begin.</summary>
    public async Task<(HttpClient Admin, HubConnection AdminHub, Guid SpaceId)> Space()
    {
        var (admin, hub) = await Connect(signedIn: true);
        var association = await admin.CreateBusiness("Associazione", Marketplace.Businesses.BusinessKind.Association);
        var created = await admin.PostAsJsonAsync("/api/spaces", new Server.Endpoints.CreateSpaceRequest(association.Id, "Spazio", null, [], [],
            Marketplace.Spaces.DirectoryVisibility.MembersOnly, "Regolamento", MinimumTenderingDays: 0), ApiClientExtensions.Json);
        return (admin, hub, (await created.Read<Server.Endpoints.SpaceDetailDto>()).Summary.Id);
    }

    /// <summary>A signed-in person's new firm, admitted to the space unless <paramref name="join"/> is false, its connection watching the firm's team.</summary>
    public async Task<(HttpClient Http, HubConnection Hub, Guid Id)> Firm(HttpClient admin, Guid spaceId, string name, bool join = true)
    {
        var (http, hub) = await Connect(signedIn: true);
        var firm = await http.CreateBusiness(name);
        if (join) await admin.Admit(spaceId, http, firm.Id);
        await hub.InvokeAsync("WatchBusinessTeam", firm.Id);
        return (http, hub, firm.Id);
    }

    /// <summary>A browser-like user of any host on a real port.</summary>
    public static async Task<(HttpClient Http, HubConnection Hub)> Connect(MarketplaceHost host, bool signedIn)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = host.ServerAddress };
        if (signedIn)
        {
            var id = Guid.NewGuid().ToString("N");
            var email = $"hub-{id}@example.it";
            (await http.PostAsJsonAsync("/api/auth/register", new { email, password = ApiClientExtensions.Password, displayName = $"Persona {id[..8]}" })).EnsureSuccessStatusCode();
            await http.SignIn(email);
        }
        return (http, await Open(host, cookies));
    }

    /// <summary>Another browser of a user already registered, signed in as them.</summary>
    public async Task<HubConnection> SignInElsewhere(string email)
    {
        var cookies = new CookieContainer();
        await new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Host.ServerAddress }.SignIn(email);
        return await Open(Host, cookies);
    }

    /// <summary>
    /// A connection the server has registered for its user: the server runs a call only after the connection's start
    /// (where it is registered) is done, so one round trip waits for it; a test that moves the person's connections
    /// (joining a team) would otherwise race the registration.
    /// </summary>
    static async Task<HubConnection> Open(MarketplaceHost host, CookieContainer cookies)
    {
        var connection = await HubClients.Connect(host.ServerAddress, cookies);
        await connection.InvokeAsync("UnwatchTender", Guid.NewGuid());
        return connection;
    }
}

/// <summary>The hub fixture with a clock the tests move, to cross tender deadlines.</summary>
public sealed class ClockedHubFixture : HubFixture
{
    public FakeTimeProvider FakeClock { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => FakeClock;
}
