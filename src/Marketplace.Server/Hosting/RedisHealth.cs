using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Marketplace.Server.Hosting;

/// <summary>
/// Whether this node reaches the cluster's Redis (membership, reminders and the SignalR backplane): a node that does
/// not is taken out of the load balancer, as one that does not reach the database is. One connection, kept open.
/// </summary>
internal sealed class RedisHealth(ClusterMode cluster) : IHealthCheck, IAsyncDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    readonly Lazy<Task<ConnectionMultiplexer>> redis = new(() => ConnectionMultiplexer.ConnectAsync(cluster.RedisOptions()));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await redis.Value.WaitAsync(Patience, cancellationToken);
            await connection.GetDatabase().PingAsync().WaitAsync(Patience, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis cannot be reached.", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (redis.IsValueCreated && redis.Value.IsCompletedSuccessfully) await redis.Value.Result.DisposeAsync();
    }
}
