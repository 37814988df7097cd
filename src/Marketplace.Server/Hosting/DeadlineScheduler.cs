using Marketplace.Data;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Hosting;

/// <summary>
/// The durable scheduler of tender deadlines. Each tender's next deadline is stored with it (its read-model row,
/// written in the same transaction as its state), so after a restart nothing is forgotten: every second it asks
/// the tenders whose deadline has come to catch up. Correctness never hangs on it: every tender method also checks
/// the clock itself. This only makes the transition happen (and be announced) when nobody is looking.
/// It also follows up awards: a lot won by an alliance's joint bid becomes a showcase project (once, by the bid's id);
/// and it writes the warnings of bids closing soon to the alliances whose tender it is.
/// A tender (or project) that fails is isolated: it backs off on its own (<see cref="FailingWork"/>) while the others go on.
/// It runs in one place in the cluster, ticked by <see cref="ClockWorkGrain"/>.
/// </summary>
internal sealed class DeadlineScheduler(IServiceScopeFactory scopes, IGrainFactory grains, MarketplaceClock clock, IHostApplicationLifetime lifetime,
    ILogger<DeadlineScheduler> log)
{
    /// <summary>
    /// The cadence is real time; what is due is judged by the injected clock. (A test's fake clock jumps days at once:
    /// a timer on it would fire once for every second jumped.)
    /// </summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    int failedTicks;

    /// <summary>One tick of the cluster's clock work (<see cref="ClockWorkGrain"/>): never throws, logs failures ever more rarely.</summary>
    public async Task Run(CancellationToken ct)
    {
        try
        {
            await Tick(ct);
            failedTicks = 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The node is stopping: what is left is worked by the next activation, on this node or another.
        }
        catch (Exception e)
        {
            // E.g. the database is down: said at once, then ever more rarely (the 2nd, 4th, 8th … failure in a row).
            if (++failedTicks == 1) log.LogWarning(e, "Tender deadlines could not be read; trying again every {Period}", Period);
            else if (int.IsPow2(failedTicks)) log.LogWarning("Tender deadlines still cannot be read ({Ticks} times in a row): {Error}", failedTicks, e.Message);
        }
    }

    const int PageSize = 100;

    readonly FailingWork failingTenders = new(), failingProjects = new();

    internal async Task Tick(CancellationToken ct)
    {
        // The node stopping ends the tick between two tenders. Without this, a tick over many due tenders outlived the
        // silo's shutdown: each call to a tender not yet active waited for a placement the stopping silo refuses.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        ct = stopping.Token;
        var now = clock.GetUtcNow();
        await Visit(failingTenders, (seen, db) => db.Tenders.AsNoTracking().Where(t => t.NextDeadline <= now && !seen.Contains(t.TenderId))
                .OrderBy(t => t.NextDeadline).Select(t => t.TenderId),
            tender => grains.Tender(tender).CatchUp(), "Tender {Id} could not catch up with its deadline", now, ct);
        // Joint bids that won a lot and are not in the showcase yet: each publishes its project.
        await Visit(failingProjects, (seen, db) => db.Awards.AsNoTracking().Join(db.Bids, a => a.BidId, b => b.BidId, (a, b) => b)
                .Where(b => db.Alliances.Any(x => x.AllianceId == b.BidderId) && !db.ShowcaseProjects.Any(p => p.ProjectId == b.BidId) && !seen.Contains(b.BidderId))
                .Select(b => b.BidderId).Distinct(),
            alliance => grains.GetGrain<JointBids.IJointBidGrain>(alliance).PublishWonProject(), "Alliance {Id} could not publish its won project", now, ct);
        await WarnOfDeadlines(now, ct);
    }

    /// <summary>
    /// Writes the warnings of bids closing within 48 h or 2 h (<see cref="Data.ReadModels.DeadlineNotices"/>); the notice
    /// sender judges, when it sends them, whether the joint bid still lacks approvals.
    /// </summary>
    async Task WarnOfDeadlines(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await Data.ReadModels.DeadlineNotices.Add(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>(), now, ct);
        }
        catch (DbUpdateException e)
        {
            // Another activation wrote some of the same warnings first (the unique index refused ours): the next tick finds them written.
            log.LogDebug(e, "Deadline warnings were written elsewhere first; the next tick writes what is left");
        }
    }

    /// <summary>
    /// Works through everything due, page by page, so no number of failing items can crowd out the rest; an item
    /// that fails waits out its back-off, and is logged once per attempt (with the stack trace only the first time).
    /// </summary>
    async Task Visit(FailingWork failing, Func<HashSet<Guid>, MarketplaceDbContext, IQueryable<Guid>> due, Func<Guid, Task> work,
        string failed, DateTimeOffset now, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        List<Guid> page;
        do
        {
            await using (var scope = scopes.CreateAsyncScope())
                page = await due(seen, scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>()).Take(PageSize).ToListAsync(ct);
            foreach (var id in page)
            {
                ct.ThrowIfCancellationRequested(); // the node stops: the next activation takes over
                seen.Add(id);
                if (failing.IsWaiting(id, now)) continue;
                try
                {
                    await work(id);
                    failing.Succeeded(id);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    var failure = failing.Failed(id, now);
                    if (failure.Attempts == 1) log.LogWarning(e, failed + "; trying again at {RetryAt}", id, failure.RetryAt);
                    else log.LogWarning(failed + " ({Attempts} times, last: {Error}); trying again at {RetryAt}", id, failure.Attempts, e.Message, failure.RetryAt);
                }
            }
        }
        while (page.Count == PageSize);
        failing.KeepOnly(seen);
    }
}
