using Marketplace.Testing;

namespace Marketplace.Cluster.Tests;

public sealed class ClusterModeSettingsTests
{
    [Fact]
    public async Task A_cluster_node_on_SQLite_refuses_to_start_and_says_why()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marketplace-cluster-{Guid.NewGuid():N}.db");
        await using var node = ServerNode.Start("sqlite", new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Marketplace"] = $"Data Source={file}",
            ["Cluster:Redis"] = ClusterSettings.Redis,
        });

        var start = () => node.WaitReady(TwoNodeCluster.StartPatience);

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message
            .Should().Contain("Cluster mode (Cluster:Redis is set) needs PostgreSQL");
        File.Exists(file).Should().BeFalse("the node stops before it touches the database");
    }
}
