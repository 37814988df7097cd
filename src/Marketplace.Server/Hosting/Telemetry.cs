using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.Server.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics of the web host, Orleans, the database and outgoing HTTP, turned on by
/// configuration only, so the embedded default runs as before: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (an environment
/// variable or any configuration source, with the other standard <c>OTEL_*</c> settings) exports traces, metrics and
/// logs over OTLP; <c>Telemetry:MetricsPort</c> serves a Prometheus scrape at <c>/metrics</c> on that port only. The
/// instruments carry route templates, grain types and status codes, never a request's body or a grain's state.
/// </summary>
public sealed record Telemetry(bool Otlp, int? MetricsPort)
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsPath = "/metrics";

    /// <summary>What Orleans itself emits (grain calls across nodes, activations, messaging, membership).</summary>
    internal static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
    internal const string OrleansMeter = "Microsoft.Orleans";
    /// <summary>SignalR's hub method spans (.NET 9+); its connection metrics come with the ASP.NET Core instrumentation.</summary>
    internal const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    public bool On => Otlp || MetricsPort is not null;

    public static Telemetry From(IConfiguration configuration) => new(
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]),
        configuration.GetValue<int?>("Telemetry:MetricsPort"));

    /// <summary>Orleans starts a span per grain call and carries the trace across nodes only when asked to.</summary>
    public static void TraceGrainCalls(ISiloBuilder orleans, IConfiguration configuration)
    {
        if (From(configuration).On) orleans.AddActivityPropagation();
    }

    /// <summary>Whether a request is a scrape: the path, on the metrics port (never the port the proxy forwards).</summary>
    public bool IsScrape(HttpContext context) =>
        context.Connection.LocalPort == MetricsPort && context.Request.Path == MetricsPath;
}

public static class TelemetrySetup
{
    public static IHostApplicationBuilder AddMarketplaceTelemetry(this IHostApplicationBuilder builder)
    {
        // Every log line written while a request or grain call runs carries its trace and span ids (in the scopes of
        // the JSON console format, and as the record's own ids over OTLP), so a line leads to its trace and back.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var telemetry = Telemetry.From(builder.Configuration);
        builder.Services.AddSingleton(telemetry);
        if (!telemetry.On) return builder;

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "marketplace",
                serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !telemetry.IsScrape(c) && !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddSource(Telemetry.SignalRSource)
                .AddSource(Telemetry.OrleansSources))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Telemetry.OrleansMeter));
        if (telemetry.MetricsPort is not null) otel.WithMetrics(m => m.AddPrometheusExporter());
        if (telemetry.Otlp) otel.UseOtlpExporter(); // reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS from configuration
        return builder;
    }

    /// <summary>The Prometheus scrape, before anything else sees the request; on other ports /metrics is not special.</summary>
    public static WebApplication UseMetricsScrape(this WebApplication app)
    {
        var telemetry = app.Services.GetRequiredService<Telemetry>();
        if (telemetry.MetricsPort is not null) app.UseOpenTelemetryPrometheusScrapingEndpoint(telemetry.IsScrape);
        return app;
    }
}
