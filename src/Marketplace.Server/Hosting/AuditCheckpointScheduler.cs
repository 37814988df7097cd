using Marketplace.Data;
using Marketplace.Data.Audit;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Hosting;

/// <summary>
/// Signs a checkpoint over every tender's chain heads at start and then every <see cref="AuditOptions.CheckpointInterval"/>
/// (real time), whether or not anything changed: a checkpoint that appeared only after a change would tell when hidden
/// events happened. Each server of a cluster runs it; one checkpoint per interval per server is harmless.
/// </summary>
internal sealed class AuditCheckpointScheduler(IServiceScopeFactory scopes, AuditChains chains, IOptions<AuditOptions> options, ILogger<AuditCheckpointScheduler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await chains.Checkpoint(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The audit checkpoint could not be signed; trying again in {Interval}", options.Value.CheckpointInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
