namespace Marketplace.Live;

/// <summary>
/// A signed-in user's live hub connections on every node of the cluster, keyed by the user's id, so access taken away
/// (a firm removed from an alliance or a space) takes each of the user's connections out of its groups at once,
/// whichever node holds it. Each node adds and removes its own connections and renews them every
/// <see cref="LiveLeases.RenewalPeriod"/>; a connection not renewed for <see cref="LiveLeases.Lifetime"/> (its node
/// died) is dropped, so nothing waits for a dead node to say goodbye. It calls no grain.
/// </summary>
[Alias("Marketplace.IUserConnectionsGrain")]
public interface IUserConnectionsGrain : IGrainWithGuidKey
{
    [Alias("Add")] Task Add(string connectionId, Guid node);

    [Alias("Remove")] Task Remove(string connectionId);

    /// <summary>
    /// The node still holds these connections of the user (and no others): they live on. Answers those it must drop
    /// because they were removed meanwhile.
    /// </summary>
    [Alias("Renew")] Task<string[]> Renew(Guid node, string[] connectionIds);

    /// <summary>The user's connections whose nodes are alive.</summary>
    [Alias("Live")] Task<string[]> Live();
}

/// <summary>
/// Who is looking at an alliance's workspace right now, on every node, keyed by the alliance's id: one entry per
/// hub connection in its live group. Leases as in <see cref="IUserConnectionsGrain"/>. It calls no grain.
/// </summary>
[Alias("Marketplace.IWorkspacePresenceGrain")]
public interface IWorkspacePresenceGrain : IGrainWithGuidKey
{
    /// <summary>The connection joined the workspace; answers who is there now.</summary>
    [Alias("Join")] Task<Viewer[]> Join(string connectionId, Guid node, Viewer viewer);

    /// <summary>
    /// The connection left (or was made to leave) the workspace; answers who is there now, or null when it was not
    /// there (nothing changed, nobody needs telling).
    /// </summary>
    [Alias("Leave")] Task<Viewer[]?> Leave(string connectionId);

    /// <summary>
    /// The node still holds these connections in the workspace (and no others). Answers those it must drop: they were
    /// made to leave meanwhile, e.g. by another node that took their firm's access away.
    /// </summary>
    [Alias("Renew")] Task<string[]> Renew(Guid node, ViewerConnection[] viewers);

    /// <summary>The viewers whose nodes are alive, one per user, by name.</summary>
    [Alias("Viewers")] Task<Viewer[]> Viewers();
}

/// <summary>A person looking at a workspace, by the name others see (never their e-mail: other firms see who is there).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Live.Viewer")]
public sealed record Viewer(Guid UserId, string Name);

/// <summary>A viewer's hub connection, as a node renews it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Live.ViewerConnection")]
public sealed record ViewerConnection(string ConnectionId, Viewer Viewer);

/// <summary>How long a node's entries live without renewal.</summary>
public static class LiveLeases
{
    /// <summary>How often each node renews its entries.</summary>
    public static readonly TimeSpan RenewalPeriod = TimeSpan.FromSeconds(5);

    /// <summary>An entry not renewed for this long belongs to a node that died (three renewals missed): it is dropped.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);
}

/// <summary>
/// The clock node leases are judged by: real time. Whether a node is alive is a fact of the runtime, not of the
/// marketplace's business time (<see cref="MarketplaceClock"/>, which tests move across days); a type of its own so a
/// test can let a lease lapse without sleeping.
/// </summary>
public sealed class LeaseClock(TimeProvider source)
{
    public static LeaseClock Real { get; } = new(TimeProvider.System);

    public DateTimeOffset Now => source.GetUtcNow();
}

public static class LiveKeys
{
    public static IUserConnectionsGrain UserConnections(this IGrainFactory grains, Guid userId) => grains.GetGrain<IUserConnectionsGrain>(userId);

    public static IWorkspacePresenceGrain WorkspacePresence(this IGrainFactory grains, Guid allianceId) => grains.GetGrain<IWorkspacePresenceGrain>(allianceId);
}
