namespace Marketplace.Live;

/// <summary>
/// Entries that the nodes of the cluster keep in one grain, one per hub connection, each under its node's lease.
/// Nodes add and remove their own entries and renew all of them every <see cref="LiveLeases.RenewalPeriod"/>, so:
/// <list type="bullet">
/// <item>an entry not renewed for <see cref="LiveLeases.Lifetime"/> belongs to a dead node and is dropped when read;</item>
/// <item>a grain that lost its memory (its own node died) has every live entry back within one renewal;</item>
/// <item>a renewal never undoes a newer change: an entry added since the renewal's snapshot is kept, and one removed
/// since (or removed by another node) is refused, and the renewing node drops it too.</item>
/// </list>
/// A removal is remembered for one lifetime, long enough for the owning node's next renewal to hear of it.
/// </summary>
public sealed class NodeEntries<T>
{
    sealed record Entry(Guid Node, T Value, DateTimeOffset RenewedAt);

    readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    readonly Dictionary<string, DateTimeOffset> removed = new(StringComparer.Ordinal);

    public void Add(string id, Guid node, T value, DateTimeOffset now)
    {
        entries[id] = new Entry(node, value, now);
        removed.Remove(id);
    }

    /// <summary>Removes the entry; false when there was none (to announce nothing).</summary>
    public bool Remove(string id, DateTimeOffset now)
    {
        removed[id] = now;
        return entries.Remove(id);
    }

    /// <summary>The node holds exactly these entries; answers the ones it must drop.</summary>
    public string[] Renew(Guid node, IReadOnlyDictionary<string, T> held, DateTimeOffset now)
    {
        Lapse(now);
        var refused = held.Keys.Where(removed.ContainsKey).ToArray();
        foreach (var (id, value) in held)
            if (!removed.ContainsKey(id)) entries[id] = new Entry(node, value, now);
        // Entries the node no longer holds, unless added after its snapshot was taken (within the last period).
        foreach (var id in entries.Where(e => e.Value.Node == node && !held.ContainsKey(e.Key) && now - e.Value.RenewedAt > LiveLeases.RenewalPeriod)
                     .Select(e => e.Key).ToList())
            entries.Remove(id);
        // The node drops the refused ones now: their removal needs remembering no longer.
        foreach (var id in refused) removed.Remove(id);
        return refused;
    }

    /// <summary>The entries whose nodes are alive.</summary>
    public IReadOnlyList<T> Live(DateTimeOffset now)
    {
        Lapse(now);
        return [.. entries.Values.Select(e => e.Value)];
    }

    public IReadOnlyList<string> LiveIds(DateTimeOffset now)
    {
        Lapse(now);
        return [.. entries.Keys];
    }

    void Lapse(DateTimeOffset now)
    {
        foreach (var id in entries.Where(e => now - e.Value.RenewedAt > LiveLeases.Lifetime).Select(e => e.Key).ToList()) entries.Remove(id);
        foreach (var id in removed.Where(r => now - r.Value > LiveLeases.Lifetime).Select(r => r.Key).ToList()) removed.Remove(id);
    }
}
