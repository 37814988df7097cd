using System.Text.Json;
using Marketplace.ReadCaches;
using Orleans.Concurrency;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// Reading through and invalidating an <see cref="IReadCacheGrain"/> topic; what each topic holds and what invalidates
/// it lives with its reads (<see cref="SpaceReads"/>, <see cref="InboxReads"/>).
/// </summary>
internal static class CachedReads
{
    /// <summary>
    /// The part's value: the stored one, or else computed now and offered to the cache. It is shared with every other
    /// reader, so whoever reads it adds what depends on the viewer to a new answer and never changes it.
    /// </summary>
    public static Task<T> Value<T>(IReadCacheGrain cache, string part, Func<Task<T>> compute) where T : class =>
        Value(cache, part, cache.Get<T>(part), compute);

    /// <summary>
    /// The part's value, the cache asked already (<paramref name="asked"/>): a reader asks it beside the viewer's check
    /// and comes here once the check passed, so a refused viewer never makes it compute.
    /// </summary>
    public static async Task<T> Value<T>(IReadCacheGrain cache, string part, Task<CachedRead<T>> asked, Func<Task<T>> compute) where T : class
    {
        var cached = await asked;
        if (cached.Value is { } stored) return stored;
        var value = await compute();
        await cache.Put(part, cached.Generation, new Immutable<T>(value));
        return value;
    }

    /// <summary>The part's answer as JSON in the API's <paramref name="options"/>, for an answer sent as it is (<see cref="SharedJson"/>).</summary>
    public static Task<SharedJson> Json<T>(IReadCacheGrain cache, string part, JsonSerializerOptions options, Func<Task<T>> compute) =>
        Value(cache, part, async () => SharedJson.Of(JsonSerializer.SerializeToUtf8Bytes(await compute(), options)));

    /// <summary>
    /// Drops the topics' answers, side by side. The change is stored when we get here: a failure must not turn it into
    /// an error for its author. The cache's own age limit bounds how long an answer can then outlive the change.
    /// </summary>
    public static Task Invalidate(IGrainFactory grains, IEnumerable<string> topics, ILogger log) =>
        Task.WhenAll(topics.Distinct().Select(async topic =>
        {
            try
            {
                await grains.GetGrain<IReadCacheGrain>(topic).Invalidate();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The cached reads of {Topic} could not be invalidated", topic);
            }
        }));
}
