using System.Collections.Concurrent;

namespace Marketplace.ReadCaches;

/// <summary>
/// What pages show of a grain beside its id (a name, a logo's tag), kept by this silo for a short while. Pages name
/// several firms and a space on every read (a joint bid names each firm it involves, the workspace every member), and
/// one grain call per name was the largest share of those pages' cost (issue #11). On this silo a card is never older
/// than its grain: the grain forgets it after every change (<see cref="Forget"/>), and a card read while a change was
/// being made is not kept (<see cref="epoch"/>). Another silo of a cluster may show the previous card for up to
/// <see cref="HeldFor"/> after a change. A grain that holds nothing (not created yet) is not remembered. Cards are for
/// what a page shows; a decision (admitting a bid, refusing an action) asks the grain itself.
/// </summary>
/// <typeparam name="TKey">The grain's key (an id, or a pair for a grain keyed by two).</typeparam>
public abstract class HeldCards<TKey, TCard> where TKey : notnull where TCard : class
{
    /// <summary>How long another silo may show a card after its grain changed.</summary>
    public static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(30);

    /// <summary>Past this many cards the silo starts over rather than tracking which to evict: 100k firms fit.</summary>
    const int MostHeld = 200_000;

    readonly ConcurrentDictionary<TKey, (TCard Card, long Until)> held = new();

    /// <summary>Counts changes forgotten: a card read before one was made is not kept, as it may be the older card.</summary>
    long epoch;

    /// <summary>The card as the grain holds it now (null when the grain holds nothing).</summary>
    protected abstract Task<TCard?> Read(TKey id);

    /// <summary>The cards of those that exist, each read from its grain at most once per <see cref="HeldFor"/>.</summary>
    public async Task<Dictionary<TKey, TCard>> Of(IEnumerable<TKey> ids)
    {
        var now = Environment.TickCount64;
        var cards = new Dictionary<TKey, TCard>();
        List<TKey>? missing = null;
        foreach (var id in ids)
        {
            if (cards.ContainsKey(id)) continue;
            if (held.TryGetValue(id, out var entry) && entry.Until > now) cards[id] = entry.Card;
            else if (!(missing ??= []).Contains(id)) missing.Add(id);
        }
        if (missing is null) return cards;
        var before = Interlocked.Read(ref epoch);
        var read = await Task.WhenAll(missing.Select(Read));
        var keep = Interlocked.Read(ref epoch) == before;
        if (keep && held.Count >= MostHeld) held.Clear();
        var until = Environment.TickCount64 + (long)HeldFor.TotalMilliseconds;
        for (var i = 0; i < missing.Count; i++)
        {
            if (read[i] is not { } card) continue;
            cards[missing[i]] = card;
            if (keep) held[missing[i]] = (card, until);
        }
        // A change forgotten between the check above and these writes: drop what was kept (at worst a fresh card).
        if (keep && Interlocked.Read(ref epoch) != before)
            foreach (var id in missing) held.TryRemove(id, out _);
        return cards;
    }

    /// <summary>Called by the grain after each change, stored or not: the next read asks the grain.</summary>
    public void Forget(TKey id)
    {
        Interlocked.Increment(ref epoch);
        held.TryRemove(id, out _);
        Forgotten?.Invoke(id);
    }

    /// <summary>Told of each card forgotten: cards drawn from the same grain by another feature forget theirs too.</summary>
    public event Action<TKey>? Forgotten;
}
