using Marketplace.Data;
using Marketplace.Data.Audit;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Hosting;

/// <summary>
/// Signs a checkpoint over every tender's chain heads when the cluster's clock work starts and then every
/// <see cref="AuditOptions.CheckpointInterval"/> (real time), whether or not anything changed: a checkpoint that
/// appeared only after a change would tell when hidden events happened. It runs in one place in the cluster, ticked by
/// <see cref="ClockWorkGrain"/>; a node taking over signs one at once, which is harmless.
/// </summary>
internal sealed class AuditCheckpointScheduler(IServiceScopeFactory scopes, AuditChains chains, IOptions<AuditOptions> options, ILogger<AuditCheckpointScheduler> log)
{
    /// <summary>One tick: never throws.</summary>
    public async Task Run(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await chains.Checkpoint(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The audit checkpoint could not be signed; trying again in {Interval}", options.Value.CheckpointInterval);
        }
    }
}
