using Marketplace.Data.Audit;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Marketplace.Server.Hosting;

/// <summary>
/// The work the clock brings (tender deadlines, award follow-ups, audit checkpoints), done in one place in the
/// cluster: this grain has one activation, and its timers tick only there. Every node pokes it
/// (<see cref="ClockWorkKeeper"/>), so after the node holding it dies, another activates it within a poke.
/// </summary>
[Alias("Marketplace.IClockWorkGrain")]
public interface IClockWorkGrain : IGrainWithIntegerKey
{
    /// <summary>Wakes the grain (and so its timers) if it is not running; waits for no work.</summary>
    [Alias("Poke"), AlwaysInterleave] Task Poke();

    /// <summary>Works the deadlines and follow-ups due now, in the grain's turn: never beside a tick of its timer.</summary>
    [Alias("Tick")] Task Tick();
}

public static class ClockWorkKeys
{
    /// <summary>The cluster's one clock-work grain.</summary>
    public static IClockWorkGrain ClockWork(this IGrainFactory grains) => grains.GetGrain<IClockWorkGrain>(0);
}

/// <summary>
/// Ticks <see cref="DeadlineScheduler"/> every second and <see cref="AuditCheckpointScheduler"/> every checkpoint
/// interval (real time; what is due is judged by the marketplace's clock). Timer callbacks do not interleave, so two
/// ticks never run at once; and since every tender method checks the clock itself and a transition happens once, a
/// tick repeated by a second activation (briefly possible while the cluster decides a node is dead) changes nothing.
/// What the scheduler remembers of failing items is in memory: a new activation simply tries them again.
/// </summary>
internal sealed class ClockWorkGrain(DeadlineScheduler deadlines, AuditCheckpointScheduler checkpoints, IOptions<AuditOptions> audit) : Grain, IClockWorkGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(deadlines.Run, new GrainTimerCreationOptions(TimeSpan.Zero, DeadlineScheduler.Period) { KeepAlive = true });
        this.RegisterGrainTimer(checkpoints.Run, new GrainTimerCreationOptions(TimeSpan.Zero, audit.Value.CheckpointInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task Poke() => Task.CompletedTask;

    public Task Tick() => deadlines.Tick(CancellationToken.None);
}

/// <summary>
/// On every node, pokes the cluster's <see cref="IClockWorkGrain"/> at start and then every few seconds, so the clock
/// work starts with the first node and resumes on a surviving node soon after the one running it dies.
/// </summary>
internal sealed class ClockWorkKeeper(IGrainFactory grains, ILogger<ClockWorkKeeper> log) : BackgroundService
{
    static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        var failed = 0;
        do
        {
            try
            {
                await grains.ClockWork().Poke();
                failed = 0;
            }
            catch (Exception e)
            {
                // A call cancelled or refused because the node is stopping is no failure; any other (a cancelled call
                // included, while the silo starts) is logged and tried again.
                if (stoppingToken.IsCancellationRequested) return;
                if (++failed == 1) log.LogWarning(e, "The clock work could not be woken; trying again every {Period}", Period);
                else if (int.IsPow2(failed)) log.LogWarning("The clock work still cannot be woken ({Times} times in a row): {Error}", failed, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
