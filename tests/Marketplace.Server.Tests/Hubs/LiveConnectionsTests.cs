using System.Net.Http.Json;
using Marketplace.Live;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>A user's live connections are known to the whole cluster (the user's grain), not to one node's memory.</summary>
public sealed class LiveConnectionsTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    // A bound on waiting for the server to see a connection close, not a speed requirement.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    IUserConnectionsGrain ConnectionsOf(Guid userId) => fixture.Host.Services.GetRequiredService<IGrainFactory>().UserConnections(userId);

    [Fact]
    public async Task A_signed_in_user_s_connections_are_known_cluster_wide_while_open_and_forgotten_once_closed()
    {
        var (http, laptop) = await fixture.Connect(signedIn: true);
        var me = (await http.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!;
        var phone = await fixture.SignInElsewhere(me.Email);
        // The server runs a hub call only after the connection's start (which registers it) is done.
        foreach (var tab in new[] { laptop, phone }) await tab.InvokeAsync("UnwatchTender", Guid.NewGuid());

        (await ConnectionsOf(me.Id).Live()).Should().BeEquivalentTo([laptop.ConnectionId, phone.ConnectionId]);

        await laptop.StopAsync();
        var until = DateTime.UtcNow + Patience;
        while ((await ConnectionsOf(me.Id).Live()).Length > 1 && DateTime.UtcNow < until) await Task.Delay(50);
        (await ConnectionsOf(me.Id).Live()).Should().Equal([phone.ConnectionId]);
    }
}
