using System.Collections.Concurrent;
using Marketplace.Live;
using Marketplace.Server.Endpoints;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Server.Hubs;

/// <summary>
/// Who is looking at each alliance's workspace right now, cluster-wide: the truth is the alliance's
/// <see cref="IWorkspacePresenceGrain"/>, fed by every node. Every join and leave (a tab closed, a firm removed)
/// tells the group the new list of viewers. This node remembers only its own viewers, to renew their lease.
/// </summary>
public sealed class WorkspacePresence(IHubContext<MarketplaceHub, IMarketplaceClient> hub, IGrainFactory grains, LiveNode node)
{
    readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Viewer>> byAlliance = new();

    public async Task Join(Guid allianceId, string connectionId, Guid userId, string name)
    {
        var viewer = new Viewer(userId, name);
        byAlliance.GetOrAdd(allianceId, _ => new(StringComparer.Ordinal))[connectionId] = viewer;
        await Announce(allianceId, await grains.WorkspacePresence(allianceId).Join(connectionId, node.Id, viewer));
    }

    /// <summary>The connection leaves the workspace, whichever node holds it (that node's next renewal hears of it).</summary>
    public async Task Leave(Guid allianceId, string connectionId)
    {
        if (byAlliance.TryGetValue(allianceId, out var mine)) mine.TryRemove(connectionId, out _);
        if (await grains.WorkspacePresence(allianceId).Leave(connectionId) is { } viewers) await Announce(allianceId, viewers);
    }

    /// <summary>A connection of this node closed: it leaves every workspace it was in.</summary>
    public async Task LeaveAll(string connectionId)
    {
        foreach (var alliance in byAlliance.Where(a => a.Value.ContainsKey(connectionId)).Select(a => a.Key).ToList())
            await Leave(alliance, connectionId);
    }

    /// <summary>Renews the lease of this node's viewers, workspace by workspace.</summary>
    internal Task Renew() => Task.WhenAll(byAlliance.Where(a => !a.Value.IsEmpty).Select(async a =>
    {
        var held = a.Value.Select(v => new ViewerConnection(v.Key, v.Value)).ToArray();
        foreach (var dropped in await grains.WorkspacePresence(a.Key).Renew(node.Id, held)) a.Value.TryRemove(dropped, out _);
    }));

    Task Announce(Guid allianceId, Viewer[] viewers) => hub.Clients.Group(Topics.Alliance(allianceId))
        .PresenceChanged(new PresenceDto(allianceId, [.. viewers.Select(v => new ViewerDto(v.UserId, v.Name))]));
}
