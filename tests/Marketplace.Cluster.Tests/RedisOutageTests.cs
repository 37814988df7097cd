using System.Net;
using System.Text.Json;
using Marketplace.Data;
using Marketplace.Testing;

namespace Marketplace.Cluster.Tests;

/// <summary>What a load balancer (and the operator) reads from a node while the cluster's Redis is away.</summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    // Bounds on waiting for the node to notice, not speed requirements: a health check asks Redis with 2 s of patience.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    readonly string auditKeyFile = Path.Combine(Path.GetTempPath(), $"marketplace-redis-outage-{Guid.NewGuid():N}.key");
    PrivateRedis redis = null!;
    TestDatabase database = null!;
    ServerNode node = null!;

    public async Task InitializeAsync()
    {
        redis = await PrivateRedis.Start();
        database = await TestDatabase.Create(DatabaseProvider.Postgres);
        node = ServerNode.Start("A", ClusterSettings.For(database, $"test-{Guid.NewGuid():N}", auditKeyFile, redis.Configuration));
        await node.WaitReady(TwoNodeCluster.StartPatience);
    }

    [Fact]
    public async Task Readiness_turns_unhealthy_naming_Redis_while_it_is_down_and_healthy_when_it_is_back()
    {
        using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(10) };

        await redis.Stop();
        var down = await ReadinessUntil(http, HttpStatusCode.ServiceUnavailable);

        down.Checks.Should().Contain("redis", "Unhealthy", "the answer names what took the node out of the load balancer");
        down.Checks.Should().Contain("database", "Healthy", "the database is still there");

        await redis.Resume();
        var back = await ReadinessUntil(http, HttpStatusCode.OK);

        back.Checks.Should().Contain("redis", "Healthy", "the node is ready again without a restart\n{0}", node.Output);
        node.HasExited.Should().BeFalse("losing Redis for a while does not end the node");
    }

    sealed record Readiness(HttpStatusCode Status, Dictionary<string, string> Checks);

    async Task<Readiness> ReadinessUntil(HttpClient http, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + Patience;
        Readiness last;
        do
        {
            var response = await http.GetAsync("health/ready");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            last = new(response.StatusCode, body.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!));
            if (last.Status == wanted) return last;
            await Task.Delay(500);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"/health/ready still answered {last.Status} ({string.Join(", ", last.Checks)}) after {Patience}:\n{node.Output}");
    }

    public async Task DisposeAsync()
    {
        await node.DisposeAsync();
        await redis.DisposeAsync();
        await database.DisposeAsync();
        File.Delete(auditKeyFile);
    }
}
