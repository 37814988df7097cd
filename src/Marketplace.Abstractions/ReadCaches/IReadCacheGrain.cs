using Orleans.Concurrency;

namespace Marketplace.ReadCaches;

/// <summary>
/// Answers of hot reads computed from the read models, kept for one topic (e.g. "space/{id}") until something they are
/// computed from changes. One activation per topic in the whole cluster, so every node reads and invalidates the same
/// entries. It never computes: a reader that misses computes the answer and offers it back with the generation it read;
/// an invalidation starts a new generation, so an answer computed before the change can never be stored after it.
/// Only answers that are the same for every viewer allowed to see them belong here: whether a viewer may see them is
/// decided on every request, never cached.
/// </summary>
/// <remarks>
/// A part holds a value of one Orleans-serialisable type, as readers use it (JSON bytes sent as they are, or typed
/// values an answer adds to), so a hit costs no parsing. Values are shared, not copied, by every reader on the node:
/// nobody changes one after offering it or reading it.
/// </remarks>
[Alias("Marketplace.IReadCacheGrain")]
public interface IReadCacheGrain : IGrainWithStringKey
{
    /// <summary>The stored answer for the part (null on a miss) and the current generation, to offer a computed answer back with.</summary>
    [Alias("Get"), ReadOnly] Task<CachedRead<T>> Get<T>(string part) where T : class;

    /// <summary>Stores the answer, unless the topic was invalidated since <paramref name="generation"/> was read.</summary>
    [Alias("Put")] Task Put<T>(string part, Guid generation, Immutable<T> value) where T : class;

    /// <summary>Drops every answer of the topic; called after a change they depend on was stored.</summary>
    [Alias("Invalidate")] Task Invalidate();
}

/// <summary>A part's stored answer (null when there is none) and the generation it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.CachedRead`1")]
public sealed record CachedRead<T>(Guid Generation, T? Value) where T : class;
