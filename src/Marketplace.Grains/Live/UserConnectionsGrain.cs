namespace Marketplace.Live;

/// <summary>A user's live hub connections on every node (<see cref="IUserConnectionsGrain"/>), in memory: the nodes' renewals rebuild it.</summary>
internal sealed class UserConnectionsGrain(LeaseClock clock) : Grain, IUserConnectionsGrain
{
    readonly NodeEntries<bool> connections = new();

    public Task Add(string connectionId, Guid node)
    {
        connections.Add(connectionId, node, true, clock.Now);
        return Task.CompletedTask;
    }

    public Task Remove(string connectionId)
    {
        connections.Remove(connectionId, clock.Now);
        return Task.CompletedTask;
    }

    public Task<string[]> Renew(Guid node, string[] connectionIds) =>
        Task.FromResult(connections.Renew(node, connectionIds.Distinct().ToDictionary(id => id, _ => true), clock.Now));

    public Task<string[]> Live() => Task.FromResult(connections.LiveIds(clock.Now).ToArray());
}
