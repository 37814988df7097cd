using Orleans.Concurrency;

namespace Marketplace.ReadCaches;

internal sealed class ReadCacheGrain : Grain, IReadCacheGrain
{
    /// <summary>Parts beyond this are not stored: a topic's answers stay a bounded amount of memory whatever readers ask.</summary>
    internal const int MaxParts = 32;

    /// <summary>
    /// Invalidation comes with every stored change; this age only bounds how long an answer could outlive a change
    /// whose notice was lost (a node that failed between its write and the notice).
    /// </summary>
    static readonly long MaxAgeMs = (long)TimeSpan.FromMinutes(5).TotalMilliseconds;

    // A new activation starts a new generation too: an answer read from an earlier activation is never stored.
    Guid generation = Guid.NewGuid();
    readonly Dictionary<string, (object Value, long StoredAt)> parts = new(StringComparer.Ordinal);

    public Task<CachedRead<T>> Get<T>(string part) where T : class => Task.FromResult(
        parts.TryGetValue(part, out var entry) && Environment.TickCount64 - entry.StoredAt < MaxAgeMs
            ? new CachedRead<T>(generation, entry.Value as T)
            : new CachedRead<T>(generation, null));

    public Task Put<T>(string part, Guid generation, Immutable<T> value) where T : class
    {
        if (generation == this.generation && (parts.Count < MaxParts || parts.ContainsKey(part)))
            parts[part] = (value.Value, Environment.TickCount64);
        return Task.CompletedTask;
    }

    public Task Invalidate()
    {
        generation = Guid.NewGuid();
        parts.Clear();
        return Task.CompletedTask;
    }
}
