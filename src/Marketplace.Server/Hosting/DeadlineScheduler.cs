using Marketplace.Data;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Hosting;

/// <summary>
/// The durable scheduler of tender deadlines. Each tender's next deadline is stored with it (its read-model row,
/// written in the same transaction as its state), so after a restart nothing is forgotten: every second this asks
/// the tenders whose deadline has come to catch up. Correctness never hangs on it: every tender method also checks
/// the clock itself. This only makes the transition happen (and be announced) when nobody is looking.
/// It also follows up awards: a lot won by an alliance's joint bid becomes a showcase project (once, by the bid's id).
/// </summary>
internal sealed class DeadlineScheduler(IServiceScopeFactory scopes, IGrainFactory grains, MarketplaceClock clock, ILogger<DeadlineScheduler> log)
    : BackgroundService
{
    static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The cadence is real time; what is due is judged by the injected clock. (A test's fake clock jumps days at once:
        // a timer on it would fire once for every second jumped.)
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await Tick(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Tender deadlines could not be read; trying again in {Period}", Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Joint bids that won a lot and are not in the showcase yet: each publishes its project.</summary>
    async Task PublishWonProjects(CancellationToken ct)
    {
        List<Guid> alliances;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            alliances = await db.Awards.AsNoTracking().Join(db.Bids, a => a.BidId, b => b.BidId, (a, b) => b)
                .Where(b => db.Alliances.Any(x => x.AllianceId == b.BidderId) && !db.ShowcaseProjects.Any(p => p.ProjectId == b.BidId))
                .Select(b => b.BidderId).Distinct().Take(100).ToListAsync(ct);
        }
        foreach (var alliance in alliances) await grains.GetGrain<JointBids.IJointBidGrain>(alliance).PublishWonProject();
    }

    internal async Task Tick(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            due = await db.Tenders.AsNoTracking().Where(t => t.NextDeadline <= now).OrderBy(t => t.NextDeadline).Select(t => t.TenderId).Take(100).ToListAsync(ct);
        }
        await PublishWonProjects(ct);
        foreach (var tender in due)
        {
            try
            {
                await grains.Tender(tender).CatchUp();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Tender {TenderId} could not catch up with its deadline; trying again next tick", tender);
            }
        }
    }
}
