using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.Feeds;

/// <summary>
/// The feeds' rows as fetchers use them. A feed is fetched under a claim: one conditional UPDATE (nobody's live claim,
/// and for a scheduled fetch, due) that one node alone can win on either database; the result is recorded under that
/// claim, which ends with it. A node that dies while fetching leaves its claim to lapse, and the feed is fetched again.
/// </summary>
public static class ImportFeedRows
{
    static IQueryable<ImportFeed> Free(this IQueryable<ImportFeed> rows, DateTimeOffset now) =>
        rows.Where(f => f.ClaimedUntil == null || f.ClaimedUntil < now);

    /// <summary>The ids of up to <paramref name="limit"/> feeds due now that nobody holds, the longest overdue first.</summary>
    public static Task<List<Guid>> DueFeeds(this MarketplaceDbContext db, DateTimeOffset now, int limit, CancellationToken ct) =>
        db.ImportFeeds.AsNoTracking().Free(now).Where(f => f.NextFetchAt <= now).OrderBy(f => f.NextFetchAt).Select(f => f.Id).Take(limit).ToListAsync(ct);

    /// <summary>
    /// Claims the feed until <paramref name="until"/>; null if another node holds it, it is gone, or (when
    /// <paramref name="onlyIfDue"/>) it is not due. The claim's token is in the answer.
    /// </summary>
    public static async Task<ImportFeed?> ClaimFeed(this MarketplaceDbContext db, Guid id, DateTimeOffset now, DateTimeOffset until, bool onlyIfDue, CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var rows = db.ImportFeeds.Where(f => f.Id == id).Free(now);
        if (onlyIfDue) rows = rows.Where(f => f.NextFetchAt <= now);
        var won = await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.ClaimToken, token).SetProperty(f => f.ClaimedUntil, until), ct);
        return won == 1 ? await db.ImportFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.ClaimToken == token, ct) : null;
    }

    /// <summary>
    /// Records the claimed fetch's result, made for <paramref name="actor"/> (who the next scheduled fetch imports for),
    /// and frees the feed; false if the claim lapsed (or the feed was removed) meanwhile.
    /// </summary>
    public static async Task<bool> Fetched(this MarketplaceDbContext db, ImportFeed claimed, DateTimeOffset at, string report, Guid actor, CancellationToken ct) =>
        await db.ImportFeeds.Where(f => f.Id == claimed.Id && f.ClaimToken == claimed.ClaimToken).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.OwnerId, actor)
            .SetProperty(f => f.LastFetchAt, at)
            .SetProperty(f => f.LastReport, report)
            .SetProperty(f => f.NextFetchAt, at.AddHours(claimed.PeriodHours))
            .SetProperty(f => f.ClaimToken, (Guid?)null)
            .SetProperty(f => f.ClaimedUntil, (DateTimeOffset?)null), ct) == 1;
}
