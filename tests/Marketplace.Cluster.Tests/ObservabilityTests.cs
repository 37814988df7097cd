using System.Net;
using System.Text.Json;
using Marketplace.Data;
using Marketplace.Testing;

namespace Marketplace.Cluster.Tests;

/// <summary>
/// One server process configured as docker/compose.yaml runs its nodes for operators: a Prometheus scrape on a port of
/// its own, JSON console logs with their scopes, and request logging on (so every request writes a line); and exporting
/// over OTLP to a collector (<see cref="OtlpReceiver"/>), every second.
/// </summary>
public sealed class ObservedNode : IAsyncLifetime
{
    readonly string auditKeyFile = Path.Combine(Path.GetTempPath(), $"marketplace-observed-{Guid.NewGuid():N}.key");
    TestDatabase database = null!;

    public ServerNode Node { get; private set; } = null!;
    public OtlpReceiver Collector { get; } = new();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.Create(DatabaseProvider.Postgres);
        var settings = ClusterSettings.OneNode(database, auditKeyFile);
        settings["Logging:Console:FormatterName"] = "json";
        settings["Logging:Console:FormatterOptions:IncludeScopes"] = "true";
        settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint;
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "500";
        Node = ServerNode.Start("observed", settings, metrics: true);
        await Node.WaitReady(TwoNodeCluster.StartPatience);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        Collector.Dispose();
        await database.DisposeAsync();
        File.Delete(auditKeyFile);
    }
}

/// <summary>What an operator watching a node relies on: its metrics, and log lines that lead to their traces.</summary>
public sealed class ObservabilityTests(ObservedNode fixture) : IClassFixture<ObservedNode>
{
    [Fact]
    public async Task The_metrics_port_serves_Orleans_and_ASP_NET_Core_metrics()
    {
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(fixture.Node.Address, "health/ready"))).EnsureSuccessStatusCode(); // a request to count

        var scrape = await http.GetStringAsync(new Uri(fixture.Node.MetricsAddress!, "metrics"));

        var series = scrape.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        series.Should().Contain(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("http_route=\"/health/ready\""),
            "ASP.NET Core's request durations are there, by route template");
        series.Should().Contain(l => l.StartsWith("orleans_grains{", StringComparison.Ordinal) && l.Contains("grain_type=\"clockwork\""),
            "Orleans' own meter is there (the clock work grain runs on every started node)");
        series.Should().Contain(l => l.StartsWith("kestrel_active_connections", StringComparison.Ordinal), "Kestrel's connection gauges are there");
    }

    [Fact]
    public async Task The_port_the_proxy_forwards_does_not_serve_the_metrics()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(fixture.Node.Address, "metrics"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, "only the metrics port answers a scrape; the public port is what users reach");
    }

    [Fact]
    public async Task A_log_line_written_in_a_request_carries_the_request_s_trace_id()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()); // 32 hex digits, as W3C trace context wants
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Node.Address, "api/auth/me"));
        request.Headers.Add("traceparent", $"00-{traceId}-b7ad6b7169203331-01"); // as a traced caller (a proxy, a browser agent) sends it

        (await http.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var lines = await LinesMentioning(traceId);
        lines.Should().NotBeEmpty("the request's log lines carry its trace id\n{0}", fixture.Node.Output);
        var line = JsonDocument.Parse(lines[0]).RootElement;
        line.GetProperty("Scopes").EnumerateArray()
            .Where(s => s.TryGetProperty("TraceId", out _)).Select(s => s.GetProperty("TraceId").GetString())
            .Should().ContainSingle().Which.Should().Be(traceId, "the trace id is a field of the JSON line, not just text in it");
        line.GetProperty("State").GetProperty("Path").GetString().Should().Be("/api/auth/me");
    }

    [Fact]
    public async Task Traces_and_metrics_reach_the_configured_OTLP_collector()
    {
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(fixture.Node.Address, "api/auth/me"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var exported = async () =>
        {
            while (!(fixture.Collector.Received("/v1/traces", "/api/auth/me") && fixture.Collector.Received("/v1/metrics", "orleans")))
                await Task.Delay(200);
        };

        // A bound on waiting for the exporters (every second here), not a speed requirement.
        await exported.Should().CompleteWithinAsync(TimeSpan.FromSeconds(30),
            "the request's span (named by its route) and Orleans' metrics are exported to the collector\n{0}", fixture.Node.Output);
    }

    /// <summary>The node's JSON lines that name the trace id; the console is written a moment after the answer leaves.</summary>
    async Task<List<string>> LinesMentioning(string traceId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var lines = fixture.Node.Output.Split('\n').Where(l => l.StartsWith('{') && l.Contains(traceId, StringComparison.Ordinal)).ToList();
            if (lines.Count > 0) return lines;
            await Task.Delay(100);
        }
        return [];
    }
}
