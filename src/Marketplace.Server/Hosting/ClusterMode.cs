using System.Net;
using Marketplace.Data;
using StackExchange.Redis;

namespace Marketplace.Server.Hosting;

/// <summary>
/// Several server nodes sharing one PostgreSQL database and one Redis, read from the <c>Cluster</c> section. Without
/// <c>Cluster:Redis</c> the server is one embedded node (localhost silo, no other service), as <c>dotnet run</c> wants.
/// Redis holds the Orleans membership table and reminders and carries SignalR messages between nodes; everything a
/// user owns stays in PostgreSQL. docs/cluster.md lists the settings.
/// </summary>
public sealed record ClusterMode(string Redis, string ClusterId, string ServiceId, IPAddress? AdvertisedIP)
{
    public const string Section = "Cluster";

    /// <summary>The prefix of the SignalR backplane's Redis channels, so two services on one Redis never hear each other.</summary>
    public string ChannelPrefix => $"marketplace:{ServiceId}:signalr";

    /// <summary>
    /// The redis connection options with the client's retry policy: a node that starts before Redis keeps trying
    /// instead of failing its start-up, and /health/ready says not ready meanwhile.
    /// </summary>
    public ConfigurationOptions RedisOptions()
    {
        var options = ConfigurationOptions.Parse(Redis);
        options.AbortOnConnectFail = false;
        return options;
    }

    /// <summary>The cluster settings, or null in embedded mode. Refuses a cluster on SQLite (one file on one machine).</summary>
    public static ClusterMode? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var redis = section["Redis"];
        if (string.IsNullOrWhiteSpace(redis)) return null;
        if (configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) != DatabaseProvider.Postgres)
            throw new InvalidOperationException(
                "Cluster mode (Cluster:Redis is set) needs PostgreSQL: every node must read and write the same database, and a " +
                "SQLite file belongs to one machine. Set Database:Provider=Postgres and ConnectionStrings:Marketplace, or " +
                "remove Cluster:Redis to run one embedded node.");
        var advertised = section["AdvertisedIP"];
        return new ClusterMode(redis,
            section["ClusterId"] is { Length: > 0 } cluster ? cluster : "marketplace",
            section["ServiceId"] is { Length: > 0 } service ? service : "marketplace",
            string.IsNullOrWhiteSpace(advertised) ? null : IPAddress.Parse(advertised));
    }
}
