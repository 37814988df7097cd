using System.Diagnostics;
using System.Net.Sockets;

namespace Marketplace.Testing;

/// <summary>
/// A Redis of one test's own (redis-server on a free loopback port, append-only as docker/compose.yaml runs it), so the
/// test can stop it and start it again, with its data, under running servers without touching the shared test Redis.
/// </summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("marketplace-private-redis-").FullName;
    Process? server;

    PrivateRedis(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string (host:port).</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<PrivateRedis> Start()
    {
        var redis = new PrivateRedis(MarketplaceHost.FreePort());
        await redis.Resume();
        return redis;
    }

    /// <summary>Stops the server (SIGTERM: it writes its append-only file and exits, as a restart would).</summary>
    public async Task Stop()
    {
        if (server is null) return;
        using (var term = Process.Start("kill", ["-TERM", server.Id.ToString()])) await term.WaitForExitAsync();
        await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        server.Dispose();
        server = null;
    }

    /// <summary>Starts the (stopped) server again on the same port and data; returns once it accepts connections.</summary>
    public async Task Resume()
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["--bind", "127.0.0.1", "--port", Port.ToString(), "--dir", folder, "--save", "", "--appendonly", "yes"])
            start.ArgumentList.Add(argument);
        server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (install the 'redis-server' package).");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (server.HasExited) throw new InvalidOperationException($"redis-server exited ({server.ExitCode}) on port {Port}.");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new TimeoutException($"redis-server does not accept connections on port {Port}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (server is { HasExited: false }) { server.Kill(); await server.WaitForExitAsync(); }
        server?.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
