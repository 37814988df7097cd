using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.ReadCaches;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// A firm's newest inbox notices with where their tenders stand, kept in the firm's <see cref="IReadCacheGrain"/>
/// ("inbox/{firmId}") as they are (<see cref="InboxNotice"/>, no parsing on a hit): the same for all of the firm's people. Whether a viewer is one of them, and which notices are
/// unread for them, is decided on every request, never cached. Every change of a published tender drops the cached
/// inboxes of the firms that have it (publication adds a notice to them; later changes move its status or deadline),
/// called by <see cref="Realtime.HubLiveUpdates"/> before anyone is told of the change.
/// </summary>
internal static class InboxReads
{
    const string NoticesPart = "notices";

    /// <summary>An inbox shows this many notices, the newest first.</summary>
    const int Shown = 100;

    static string Topic(Guid firmId) => $"inbox/{firmId}";

    static IReadCacheGrain Cache(IGrainFactory grains, Guid firmId) => grains.GetGrain<IReadCacheGrain>(Topic(firmId));

    /// <summary>Asks the firm's cache for its notices: a hit or a miss, nothing shown or computed, so it may go beside the viewer's check.</summary>
    public static Task<CachedRead<InboxNotice[]>> Cached(IGrainFactory grains, Guid firmId) => Cache(grains, firmId).Get<InboxNotice[]>(NoticesPart);

    /// <summary>
    /// The firm's notices: the cache's (<paramref name="cached"/>), or on a miss computed now and offered to it; the read
    /// models (<paramref name="db"/>) are asked for only then.
    /// </summary>
    public static Task<InboxNotice[]> Newest(IGrainFactory grains, Func<MarketplaceDbContext> db, Guid firmId, Task<CachedRead<InboxNotice[]>> cached, CancellationToken ct) =>
        CachedReads.Value(Cache(grains, firmId), NoticesPart, cached, () => Query(db(), firmId, ct));

    /// <summary>
    /// Each notice's tender is looked up by its key: joined instead, PostgreSQL reads the whole tenders table for
    /// every inbox computed. Not an EF.CompileAsyncQuery: compiled, it answered 500 when SQLite and PostgreSQL hosts
    /// ran side by side in one process; EF caches this query's translation anyway. The lots the notices name are read
    /// as the tenders' lot rows say now (an amendment may retitle them), in one more query.
    /// </summary>
    static async Task<InboxNotice[]> Query(MarketplaceDbContext db, Guid firmId, CancellationToken ct)
    {
        var rows = await db.Inbox.AsNoTracking().Where(i => i.BusinessId == firmId).OrderByDescending(i => i.At).Take(Shown)
            .Select(i => new
            {
                i.TenderId, i.Title, i.At, i.Lots,
                Status = db.Tenders.Where(t => t.TenderId == i.TenderId).Select(t => t.Status).First(),
                SubmissionDeadline = db.Tenders.Where(t => t.TenderId == i.TenderId).Select(t => t.SubmissionDeadline).First(),
            }).ToListAsync(ct);
        var tenders = rows.Select(r => r.TenderId).ToList();
        var lots = (await db.TenderLots.AsNoTracking().Where(l => tenders.Contains(l.TenderId)).ToListAsync(ct))
            .ToDictionary(l => (l.TenderId, l.Lot));
        return [.. rows.Select(r => new InboxNotice(r.TenderId, r.Title, r.At, r.Status, r.SubmissionDeadline,
            [.. InboxNotices.LotNumbers(r.Lots).Select(n => lots.GetValueOrDefault((r.TenderId, n))).OfType<TenderLotEntry>().OrderBy(l => l.Lot)
                .Select(l => new InboxLot(l.Lot, l.Title, l.EstimatedValue is { } v ? new Money(v, l.Currency!) : null, l.ComuneCode, l.ProvinceSigla))]))];
    }

    /// <summary>The firms whose notice of the tender was written at <paramref name="at"/>: those an amendment told of it.</summary>
    public static async Task<Guid[]> ToldAt(IServiceScopeFactory scopes, Guid tenderId, DateTimeOffset at)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Inbox.AsNoTracking()
            .Where(i => i.TenderId == tenderId && i.At == at).Select(i => i.BusinessId).ToArrayAsync();
    }

    /// <summary>
    /// Drops the cached inboxes of the firms that have the tender (a draft is in none), side by side, and returns
    /// those firms. The change is stored when we get here: if they cannot be found, the cache's age limit bounds how
    /// long an inbox can show the tender as it was.
    /// </summary>
    public static async Task<Guid[]> TenderChanged(IGrainFactory grains, IServiceScopeFactory scopes, TenderSnapshot tender, ILogger log)
    {
        if (tender.Status == TenderStatus.Draft) return [];
        Guid[] firms;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            firms = await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Inbox.AsNoTracking()
                .Where(i => i.TenderId == tender.Id).Select(i => i.BusinessId).ToArrayAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The inboxes showing tender {TenderId} could not be found: their cached reads stay until they expire", tender.Id);
            return [];
        }
        await CachedReads.Invalidate(grains, firms.Select(Topic), log);
        return firms;
    }
}
