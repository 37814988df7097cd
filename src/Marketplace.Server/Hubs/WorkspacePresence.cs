using System.Collections.Concurrent;
using Marketplace.Server.Endpoints;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Server.Hubs;

/// <summary>
/// Who is looking at each alliance's workspace right now, on this node: the connections in its live group and their
/// users. Every join and leave (a tab closed, a firm removed) tells the group the new list of viewers.
/// </summary>
public sealed class WorkspacePresence(IHubContext<MarketplaceHub, IMarketplaceClient> hub)
{
    sealed record Viewer(Guid UserId, string Email);

    readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Viewer>> byAlliance = new();

    public Task Join(Guid allianceId, string connectionId, Guid userId, string email)
    {
        byAlliance.GetOrAdd(allianceId, _ => new())[connectionId] = new Viewer(userId, email);
        return Announce(allianceId);
    }

    public Task Leave(Guid allianceId, string connectionId) =>
        byAlliance.TryGetValue(allianceId, out var viewers) && viewers.TryRemove(connectionId, out _) ? Announce(allianceId) : Task.CompletedTask;

    /// <summary>A connection closed: it leaves every workspace it was in.</summary>
    public async Task LeaveAll(string connectionId)
    {
        foreach (var alliance in byAlliance.Where(a => a.Value.ContainsKey(connectionId)).Select(a => a.Key).ToList())
            await Leave(alliance, connectionId);
    }

    public PresenceDto Of(Guid allianceId) => new(allianceId,
        byAlliance.TryGetValue(allianceId, out var viewers)
            ? [.. viewers.Values.DistinctBy(v => v.UserId).OrderBy(v => v.Email).Select(v => new ViewerDto(v.UserId, v.Email))]
            : []);

    Task Announce(Guid allianceId) => hub.Clients.Group(Topics.Alliance(allianceId)).PresenceChanged(Of(allianceId));
}
