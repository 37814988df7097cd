using System.Collections.Concurrent;

namespace Marketplace.Server.Hubs;

/// <summary>
/// Which hub connections belong to which signed-in user, on this node, so access can be taken away from a live
/// connection at once (a firm removed from a space leaves its members' group). With several nodes, each node's
/// registry holds its own connections and each node removes its own.
/// </summary>
public sealed class HubConnections
{
    readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> byUser = new();

    public void Add(Guid userId, string connectionId) => byUser.GetOrAdd(userId, _ => new())[connectionId] = 0;

    public void Remove(Guid userId, string connectionId)
    {
        if (byUser.TryGetValue(userId, out var connections)) connections.TryRemove(connectionId, out _);
    }

    public IReadOnlyCollection<string> Of(Guid userId) =>
        byUser.TryGetValue(userId, out var connections) ? [.. connections.Keys] : [];
}
