namespace Marketplace.Live;

/// <summary>Who is in an alliance's workspace on every node (<see cref="IWorkspacePresenceGrain"/>), in memory: the nodes' renewals rebuild it.</summary>
internal sealed class WorkspacePresenceGrain(LeaseClock clock) : Grain, IWorkspacePresenceGrain
{
    readonly NodeEntries<Viewer> viewers = new();

    public Task<Viewer[]> Join(string connectionId, Guid node, Viewer viewer)
    {
        viewers.Add(connectionId, node, viewer, clock.Now);
        return Viewers();
    }

    public Task<Viewer[]?> Leave(string connectionId) =>
        Task.FromResult(viewers.Remove(connectionId, clock.Now) ? Present() : null);

    public Task<string[]> Renew(Guid node, ViewerConnection[] held) =>
        Task.FromResult(viewers.Renew(node, held.DistinctBy(v => v.ConnectionId).ToDictionary(v => v.ConnectionId, v => v.Viewer), clock.Now));

    public Task<Viewer[]> Viewers() => Task.FromResult(Present());

    /// <summary>One entry per person, however many tabs they have open, in e-mail order.</summary>
    Viewer[] Present() => [.. viewers.Live(clock.Now).DistinctBy(v => v.UserId).OrderBy(v => v.Name, StringComparer.Ordinal)];
}
