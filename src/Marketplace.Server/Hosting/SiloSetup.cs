using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Serialization;
using Marketplace.Server.Realtime;

namespace Marketplace.Server.Hosting;

public static class SiloSetup
{
    /// <summary>
    /// The Orleans silo inside the web host. Ports come from <c>Silo:SiloPort</c> and <c>Silo:GatewayPort</c>
    /// (Orleans reads its own "Orleans" section, so ours has another name). One silo on localhost, or a member of a
    /// cluster on Redis when <see cref="ClusterMode"/> says so.
    /// </summary>
    public static IHostApplicationBuilder AddMarketplaceSilo(this IHostApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection("Silo");
        int siloPort = silo.GetValue("SiloPort", 11111), gatewayPort = silo.GetValue("GatewayPort", 30000);
        var cluster = ClusterMode.From(builder.Configuration);
        builder.UseOrleans(orleans =>
        {
            Telemetry.TraceGrainCalls(orleans, builder.Configuration);
            OperatorDashboard.AddTo(orleans, builder.Configuration);
            if (cluster is null)
            {
                orleans.UseLocalhostClustering(siloPort, gatewayPort);
                return;
            }
            orleans.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            orleans.Configure<EndpointOptions>(o =>
            {
                (o.SiloPort, o.GatewayPort) = (siloPort, gatewayPort);
                // Unset, Orleans advertises the machine's first non-loopback address (a container's own, in compose).
                if (cluster.AdvertisedIP is { } ip) o.AdvertisedIPAddress = ip;
            });
            orleans.UseRedisClustering(o => o.ConfigurationOptions = cluster.RedisOptions());
            // Reminders outlive any node: whichever node holds the grain when one is due fires it. Redis must keep its
            // data (appendonly) for them to outlive Redis too; docs/cluster.md says so.
            orleans.UseRedisReminderService(o => o.ConfigurationOptions = cluster.RedisOptions());
        });
        // A grain's database failure reaches the caller as the provider's own exception, even from another node, so the
        // host can tell "the database is unreachable" (503) from a bug (500).
        builder.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        GrainInterfaceTypes.AddTo(builder.Services);
        builder.Services.AddSingleton<ILiveUpdates, HubLiveUpdates>();
        builder.Services.AddSingleton<Businesses.IActsFor, Businesses.GrainActsFor>(); // one grain call per user, not a query
        builder.Services.AddHeldCards(); // the names, logos and standings pages show, not a grain call per firm or space
        // Who is connected and who is in a workspace live in grains, fed by every node under a lease (Hubs/LeaseRenewal).
        builder.Services.AddSingleton<Hubs.LiveNode>();
        builder.Services.TryAddSingleton(Live.LeaseClock.Real);
        builder.Services.AddSingleton<Hubs.HubConnections>();
        builder.Services.AddSingleton<Realtime.MergedSends>();
        builder.Services.AddSingleton<Hubs.WorkspacePresence>();
        builder.Services.AddHostedService<Hubs.LeaseRenewal>();
        // The clock work runs once in the cluster, in a grain every node keeps awake (ClockWork.cs); each activation has its own.
        builder.Services.AddTransient<DeadlineScheduler>();
        builder.Services.AddTransient<AuditCheckpointScheduler>();
        builder.Services.AddHostedService<ClockWorkKeeper>();
        return builder;
    }
}
