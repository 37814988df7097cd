using System.Collections.Concurrent;
using Marketplace.Live;

namespace Marketplace.Server.Hubs;

/// <summary>
/// Which hub connections belong to which signed-in user, cluster-wide, so access can be taken away from a live
/// connection at once (a firm removed from a space leaves its members' group) whichever node holds it: the truth is
/// the user's <see cref="IUserConnectionsGrain"/>. This node remembers only its own connections, to renew their lease.
/// </summary>
public sealed class HubConnections(IGrainFactory grains, LiveNode node)
{
    readonly ConcurrentDictionary<string, Guid> users = new(StringComparer.Ordinal);

    public Task Add(Guid userId, string connectionId)
    {
        users[connectionId] = userId;
        return grains.UserConnections(userId).Add(connectionId, node.Id);
    }

    public Task Remove(Guid userId, string connectionId)
    {
        users.TryRemove(connectionId, out _);
        return grains.UserConnections(userId).Remove(connectionId);
    }

    /// <summary>The user's connections on every live node.</summary>
    public Task<string[]> Of(Guid userId) => grains.UserConnections(userId).Live();

    /// <summary>Renews the lease of this node's connections, user by user.</summary>
    internal Task Renew() => Task.WhenAll(users.GroupBy(c => c.Value, c => c.Key).Select(async held =>
    {
        foreach (var dropped in await grains.UserConnections(held.Key).Renew(node.Id, [.. held])) users.TryRemove(dropped, out _);
    }));
}

/// <summary>This server process as a node of the cluster: the owner of the live entries it renews.</summary>
public sealed class LiveNode
{
    public Guid Id { get; } = Guid.NewGuid();
}
