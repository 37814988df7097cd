using System.Text.Json;
using Marketplace.Data;
using Marketplace.ReadCaches;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// A space's hot reads that are the same for every viewer allowed to see them (its host's name and member count, its
/// tender list, its directory's unfiltered first page), kept in the space's <see cref="IReadCacheGrain"/>
/// ("space/{id}"). Whether the viewer may see them is decided by the endpoint on every request, never cached.
/// What invalidates them is here too, called by <see cref="Realtime.HubLiveUpdates"/> when a grain reports a stored
/// change, before watchers are told (so a watcher's reload reads the change): a firm's standing (the count, the
/// directory), the space's own change, a published tender of the space (its list), and a business's change (its name
/// and profile facts in the directories it is in, the tender lists of its tenders, the spaces it hosts).
/// </summary>
internal static class SpaceReads
{
    /// <summary>The parts of a space's cache; a new part must be invalidated by every change it is computed from.</summary>
    public const string SummaryPart = "summary", TendersPart = "tenders", DirectoryPart = "directory/";

    static string Topic(Guid spaceId) => $"space/{spaceId}";

    /// <summary>The part's answer as JSON in the API's <paramref name="options"/> (<see cref="CachedReads.Json{T}"/>).</summary>
    public static Task<SharedJson> CachedJson<T>(this IGrainFactory grains, Guid spaceId, string part, JsonSerializerOptions options, Func<Task<T>> compute) =>
        CachedReads.Json(grains.GetGrain<IReadCacheGrain>(Topic(spaceId)), part, options, compute);

    /// <summary>The part's value, for an answer that adds to it what depends on the viewer.</summary>
    public static Task<T> CachedValue<T>(this IGrainFactory grains, Guid spaceId, string part, Func<Task<T>> compute) where T : class =>
        CachedReads.Value(grains.GetGrain<IReadCacheGrain>(Topic(spaceId)), part, compute);

    public static Task SpaceChanged(IGrainFactory grains, Guid spaceId, ILogger log) => Invalidate(grains, [spaceId], log);

    /// <summary>A draft is in no list; a published tender is in its spaces' lists.</summary>
    public static Task TenderChanged(IGrainFactory grains, TenderSnapshot tender, ILogger log) =>
        tender.Status == TenderStatus.Draft ? Task.CompletedTask : Invalidate(grains, tender.Spaces, log);

    /// <summary>The spaces whose cached answers show the business: those it has a standing in, hosts, or has tenders in.</summary>
    public static async Task BusinessChanged(IGrainFactory grains, Guid businessId, MarketplaceDbContext db, ILogger log)
    {
        Guid[] spaces;
        try
        {
            spaces = await db.SpaceMembers.Where(m => m.BusinessId == businessId).Select(m => m.SpaceId)
                .Union(db.Spaces.Where(s => s.HostId == businessId).Select(s => s.SpaceId))
                .Union(db.TenderSpaces.Where(s => db.Tenders.Any(t => t.TenderId == s.TenderId && t.BuyerId == businessId)).Select(s => s.SpaceId))
                .ToArrayAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The spaces showing business {BusinessId} could not be found: their cached reads stay until they expire", businessId);
            return;
        }
        await Invalidate(grains, spaces, log);
    }

    static Task Invalidate(IGrainFactory grains, IEnumerable<Guid> spaces, ILogger log) =>
        CachedReads.Invalidate(grains, spaces.Select(Topic), log);
}
