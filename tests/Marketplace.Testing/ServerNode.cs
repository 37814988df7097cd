using System.Diagnostics;
using System.Text;

namespace Marketplace.Testing;

/// <summary>
/// One real server process (the built Marketplace.Server.dll, run with <c>dotnet</c>) on loopback, with its own HTTP,
/// silo and gateway ports. Nodes given the same database, Redis and cluster id form one cluster, as in production.
/// Its console output is kept (the last lines) so a failing test can say why a node did not start or died.
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    const int KeptLines = 400;
    readonly Process process;
    readonly Queue<string> output = new();

    ServerNode(string name, Process process, Uri address, Uri? metricsAddress)
    {
        Name = name;
        this.process = process;
        Address = address;
        MetricsAddress = metricsAddress;
    }

    public string Name { get; }

    /// <summary>The node's HTTP base address (http://127.0.0.1:port/).</summary>
    public Uri Address { get; }

    /// <summary>The node's second HTTP port, where its Prometheus scrape answers (only when started with metrics).</summary>
    public Uri? MetricsAddress { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The built server: MARKETPLACE_SERVER_DLL, or the server's own build output in the tests' configuration.</summary>
    public static string ServerDll =>
        Environment.GetEnvironmentVariable("MARKETPLACE_SERVER_DLL") is { Length: > 0 } dll ? dll : DefaultDll();

    static string DefaultDll()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // bin/<configuration>/<tfm>
        return Path.Combine(RepositoryPaths.Root, "src", "Marketplace.Server", "bin", tests.Parent!.Name, tests.Name, "Marketplace.Server.dll");
    }

    /// <summary>
    /// Starts a node with the given settings (configuration keys, e.g. "Cluster:Redis"); it is not ready yet. With
    /// <paramref name="metrics"/> it also listens on a second port, its Telemetry:MetricsPort.
    /// </summary>
    public static ServerNode Start(string name, IReadOnlyDictionary<string, string> settings, bool metrics = false)
    {
        var dll = ServerDll;
        if (!File.Exists(dll)) throw new InvalidOperationException($"The server is not built: {dll} is missing (dotnet build Marketplace.sln).");
        var port = MarketplaceHost.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // the content root: appsettings.json is there
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var metricsPort = metrics ? MarketplaceHost.FreePort() : (int?)null;
        start.ArgumentList.Add(metricsPort is { } scrape ? $"--urls=http://127.0.0.1:{port};http://127.0.0.1:{scrape}" : $"--urls=http://127.0.0.1:{port}");
        if (metricsPort is not null) start.ArgumentList.Add($"--Telemetry:MetricsPort={metricsPort}");
        start.ArgumentList.Add("--Accounts:RequireConfirmedEmail=false"); // the tests sign in right after registering
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new ServerNode(name, process, new Uri($"http://127.0.0.1:{port}/"),
            metricsPort is { } p ? new Uri($"http://127.0.0.1:{p}/") : null);
        process.OutputDataReceived += (_, line) => node.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => node.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.Enqueue(line);
            if (output.Count > KeptLines) output.Dequeue();
        }
    }

    /// <summary>The node's last lines of console output.</summary>
    public string Output
    {
        get { lock (output) return string.Join('\n', output); }
    }

    /// <summary>Waits until /health/ready answers 200 (database, and Redis in cluster mode, reachable; silo started).</summary>
    public async Task WaitReady(TimeSpan patience)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < patience)
        {
            if (process.HasExited)
            {
                // The parameterless wait also waits for the redirected output to be read to its end: without it the
                // message a node printed as it stopped may not have reached Output yet.
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"Node {Name} exited ({process.ExitCode}) before it was ready:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync("health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { } // not listening yet
            catch (TaskCanceledException) { } // starting, slowly
            await Task.Delay(250);
        }
        throw new TimeoutException($"Node {Name} was not ready after {patience}:\n{Output}");
    }

    /// <summary>Ends the process at once (SIGKILL, as kill -9): no shutdown, no goodbye to the cluster.</summary>
    public async Task Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM, as an orchestrator does) and waits for it, killing it after the patience.</summary>
    public async Task Stop(TimeSpan patience)
    {
        if (process.HasExited) return;
        if (OperatingSystem.IsWindows()) { await Kill(); return; }
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()])) await term.WaitForExitAsync();
        try { await process.WaitForExitAsync().WaitAsync(patience); }
        catch (TimeoutException) { await Kill(); }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop(TimeSpan.FromSeconds(15));
        process.Dispose();
    }

    public override string ToString() => $"{Name} ({Address})";
}

/// <summary>The settings that make server nodes one cluster: one database, one Redis, one cluster id.</summary>
public static class ClusterSettings
{
    public const string RedisVariable = "MARKETPLACE_TEST_REDIS";

    /// <summary>The test Redis (the README's test command starts one); fails loudly without it, like PostgreSQL.</summary>
    public static string Redis => Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } redis ? redis
        : throw new InvalidOperationException($"{RedisVariable} is not set. Run the tests with the README's test command (scripts/test.sh), which starts Redis.");

    /// <summary>
    /// A node's settings: the shared ones (database, key files, Redis, cluster id) and its own silo ports. A fresh
    /// cluster id keeps clusters of different tests apart on one Redis.
    /// </summary>
    public static Dictionary<string, string> For(TestDatabase database, string clusterId, string auditKeyFile, string? redis = null)
    {
        var settings = OneNode(database, auditKeyFile);
        settings["Cluster:Redis"] = redis ?? Redis;
        settings["Cluster:ClusterId"] = clusterId;
        settings["Cluster:ServiceId"] = clusterId;
        settings["Cluster:AdvertisedIP"] = "127.0.0.1";
        return settings;
    }

    /// <summary>The settings of one node on its own (embedded mode, no Redis) on the given database.</summary>
    public static Dictionary<string, string> OneNode(TestDatabase database, string auditKeyFile) =>
        new(MarketplaceHost.UnlimitedRates)
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Marketplace"] = database.ConnectionString,
            ["Sealing:KeyFile"] = database.SealingKeyFile,
            ["Audit:SigningKeyFile"] = auditKeyFile,
            ["Silo:SiloPort"] = MarketplaceHost.FreePort().ToString(),
            ["Silo:GatewayPort"] = MarketplaceHost.FreePort().ToString(),
            ["Seed:DemoData"] = "false",
        };
}
