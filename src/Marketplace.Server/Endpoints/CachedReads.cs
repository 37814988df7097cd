using System.Text.Json;
using Marketplace.ReadCaches;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// Reading through and invalidating an <see cref="IReadCacheGrain"/> topic; what each topic holds and what invalidates
/// it lives with its reads (<see cref="SpaceReads"/>, <see cref="InboxReads"/>).
/// </summary>
internal static class CachedReads
{
    /// <summary>How values the server reads back itself are stored; answers sent as they are use the API's options.</summary>
    static readonly JsonSerializerOptions Internal = new(JsonSerializerDefaults.General);

    /// <summary>The part's answer as JSON in the API's <paramref name="options"/>: the stored one, or else computed now and offered to the cache.</summary>
    public static async Task<byte[]> Json<T>(IReadCacheGrain cache, string part, JsonSerializerOptions options, Func<Task<T>> compute)
    {
        var cached = await cache.Get(part);
        if (cached.Value is { } stored) return stored;
        var value = JsonSerializer.SerializeToUtf8Bytes(await compute(), options);
        await cache.Put(part, cached.Generation, value);
        return value;
    }

    /// <summary>The part's value, for an answer that adds to it what depends on the viewer.</summary>
    public static async Task<T> Value<T>(IReadCacheGrain cache, string part, Func<Task<T>> compute) =>
        JsonSerializer.Deserialize<T>(await Json(cache, part, Internal, compute), Internal)!;

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
