using System.Net;
using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Marketplace.Cluster.Tests;

/// <summary>
/// Two server processes, A and B, in cluster mode on one fresh PostgreSQL database and the test Redis, both ready.
/// Tests talk to either node as a browser would; <see cref="StartNode"/> adds a node (e.g. after killing one).
/// </summary>
public class TwoNodeCluster : IAsyncLifetime
{
    /// <summary>How long a node may take to start; generous, as the machine running the tests may be loaded.</summary>
    public static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(2);

    readonly string clusterId = $"test-{Guid.NewGuid():N}";
    readonly string auditKeyFile = Path.Combine(Path.GetTempPath(), $"marketplace-cluster-{Guid.NewGuid():N}.key");
    readonly List<ServerNode> nodes = [];

    public TestDatabase Database { get; private set; } = null!;
    public ServerNode A { get; private set; } = null!;
    public ServerNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.Create(DatabaseProvider.Postgres);
        // Both at once on an empty database, as docker compose starts them: migrations and first keys race.
        A = StartNode("A");
        B = StartNode("B");
        await Task.WhenAll(A.WaitReady(StartPatience), B.WaitReady(StartPatience));
    }

    /// <summary>Starts one more node of this cluster (its own ports); wait for it with <see cref="ServerNode.WaitReady"/>.</summary>
    public ServerNode StartNode(string name)
    {
        var node = ServerNode.Start(name, ClusterSettings.For(Database, clusterId, auditKeyFile));
        lock (nodes) nodes.Add(node);
        return node;
    }

    /// <summary>Every node's last output, for a failing test's message.</summary>
    public string Outputs => string.Join("\n\n", nodes.Select(n => $"--- node {n.Name} ---\n{n.Output}"));

    /// <summary>A browser on a node: an HTTP client with its own cookie jar.</summary>
    public static Browser Browse(ServerNode node) => new(node, new CookieContainer());

    public async Task DisposeAsync()
    {
        await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
        await Database.DisposeAsync();
        File.Delete(auditKeyFile);
    }
}

/// <summary>A browser-like user of one node: HTTP with a cookie jar, and hub connections that carry the same cookies.</summary>
public sealed class Browser(ServerNode node, CookieContainer cookies) : IDisposable
{
    public ServerNode Node { get; } = node;
    public CookieContainer Cookies { get; } = cookies;
    public HttpClient Http { get; } = new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = node.Address };

    /// <summary>The same user (the same cookies) in a browser tab on another node, as a load balancer would route it.</summary>
    public Browser On(ServerNode other)
    {
        var jar = new CookieContainer();
        foreach (Cookie cookie in Cookies.GetCookies(Node.Address)) jar.Add(other.Address, new Cookie(cookie.Name, cookie.Value));
        return new Browser(other, jar);
    }

    /// <summary>Registers a new user and signs in with a cookie; returns the e-mail.</summary>
    public Task<string> SignUp(string name = "user") => Http.SignUp(name);

    public Task<HubConnection> Hub() => HubClients.Connect(Node.Address, Cookies);

    public void Dispose() => Http.Dispose();
}
