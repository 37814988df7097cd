using System.Text.RegularExpressions;
using Marketplace.Testing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Marketplace.Cluster.Tests;

/// <summary>
/// docker/compose.yaml, checked without a Docker engine: it parses (shared blocks merged, as compose merges them),
/// runs the services docker/README.md names, every node is a cluster node on PostgreSQL and Redis sharing the key
/// files, and the proxy sends requests to exactly those nodes and is the one proxy they trust.
/// </summary>
public sealed class ComposeFileTests
{
    static readonly string Folder = Path.Combine(RepositoryPaths.Root, "docker");

    static Dictionary<string, Dictionary<object, object>> Services()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Folder, "compose.yaml")));
        var compose = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return ((Dictionary<object, object>)compose["services"]).ToDictionary(s => (string)s.Key, s => (Dictionary<object, object>)s.Value);
    }

    static IEnumerable<string> Nodes(Dictionary<string, Dictionary<object, object>> services) =>
        services.Where(s => s.Value.TryGetValue("build", out var build) && ((Dictionary<object, object>)build)["dockerfile"] is "docker/Dockerfile")
            .Select(s => s.Key);

    static Dictionary<object, object> Environment(Dictionary<object, object> service) => (Dictionary<object, object>)service["environment"];

    [Fact]
    public void The_compose_file_runs_the_services_its_README_names_and_no_other()
    {
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));
        // The first column of the README's table of services: "| `node1`, `node2` | ... |".
        var named = Regex.Matches(readme, @"^\| (`[a-z0-9]+`(?:, `[a-z0-9]+`)*) \|", RegexOptions.Multiline)
            .SelectMany(m => Regex.Matches(m.Groups[1].Value, "`([a-z0-9]+)`").Select(n => n.Groups[1].Value));

        Services().Keys.Should().BeEquivalentTo(named);
    }

    [Fact]
    public void Two_or_more_server_nodes_run_in_cluster_mode_on_one_database_one_Redis_and_one_key_volume()
    {
        var services = Services();
        var nodes = Nodes(services).ToList();

        nodes.Should().HaveCountGreaterThanOrEqualTo(2);
        foreach (var node in nodes)
        {
            var environment = Environment(services[node]);
            environment["Database__Provider"].Should().Be("Postgres", "cluster mode refuses SQLite ({0})", node);
            environment["ConnectionStrings__Marketplace"].As<string>().Should().Contain("Host=db;");
            environment["Cluster__Redis"].As<string>().Should().StartWith("redis:");
            environment["Sealing__KeyFile"].As<string>().Should().StartWith("/keys/");
            environment["Audit__SigningKeyFile"].As<string>().Should().StartWith("/keys/");
            ((List<object>)services[node]["volumes"]).Should().Contain("keys:/keys", "every node opens the same sealed bids");
        }
        foreach (var setting in new[] { "Cluster__ClusterId", "Cluster__ServiceId" })
            nodes.Select(n => Environment(services[n])[setting]).Distinct().Should().ContainSingle("{0} makes them one cluster", setting);
    }

    [Fact]
    public void The_proxy_spreads_requests_over_exactly_the_nodes_and_is_the_proxy_they_trust()
    {
        var services = Services();
        var caddyfile = File.ReadAllText(Path.Combine(Folder, "Caddyfile"));
        var upstreams = Regex.Match(caddyfile, @"reverse_proxy ([^{\n]+)").Groups[1].Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(u => u.Split(':')[0]);
        var proxyAddress = ((Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)
            services["proxy"]["networks"])["default"]))["ipv4_address"];

        upstreams.Should().BeEquivalentTo(Nodes(services), "a node the proxy does not know gets no requests");
        ((List<object>)services["proxy"]["volumes"]).Should().Contain("./Caddyfile:/etc/caddy/Caddyfile:ro");
        foreach (var node in Nodes(services))
            Environment(services[node])["ForwardedHeaders__KnownProxies__0"].Should().Be(proxyAddress,
                "{0} believes X-Forwarded-For from the proxy only, so rate limits see each client", node);
    }

    [Fact]
    public void Every_node_serves_its_metrics_on_a_port_it_listens_on_and_the_proxy_never_forwards()
    {
        var services = Services();
        var caddyfile = File.ReadAllText(Path.Combine(Folder, "Caddyfile"));
        var forwarded = Regex.Match(caddyfile, @"reverse_proxy ([^{\n]+)").Groups[1].Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(u => u.Split(':')[1]).ToHashSet();

        foreach (var node in Nodes(services))
        {
            var environment = Environment(services[node]);
            var metricsPort = (string)environment["Telemetry__MetricsPort"];
            ((string)environment["ASPNETCORE_HTTP_PORTS"]).Split(';').Should().Contain(metricsPort, "{0} listens where its scrape answers", node);
            forwarded.Should().NotContain(metricsPort, "users reach {0} through the proxy, and never its metrics", node);
            services[node].Should().NotContainKey("ports", "{0} publishes nothing: the proxy is the way in", node);
        }
    }

    [Fact]
    public void The_image_is_published_for_linux_x64_runs_as_a_non_root_user_and_reports_its_health()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Folder, "Dockerfile"));
        var final = dockerfile.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();

        dockerfile.Should().Contain(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal) && l.Contains("-r linux-x64"));
        final.Should().Contain(l => l.StartsWith("USER ", StringComparison.Ordinal) && !l.Contains("root"));
        final.Should().Contain(l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && l.Contains("/health/ready"));
    }
}
