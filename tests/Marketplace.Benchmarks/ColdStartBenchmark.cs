using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Marketplace.Testing;
using static Marketplace.Benchmarks.Bench;

namespace Marketplace.Benchmarks;

/// <summary>
/// Cold start on the embedded default (issue #11): the built server (src/Marketplace.Server's Release build) run as
/// `dotnet run` runs it (Development, so the demo is seeded; SQLite under the content root's data folder), timed from
/// the process's start to the first 200 from /health/ready. The first start is on an empty folder (migrations, keys,
/// the demo seed); the others restart on the same folder, as an operator restarts an install.
/// Options: [--restarts N] (5). Exit code 1 if the server did not become ready.
/// </summary>
internal static class ColdStartBenchmark
{
    static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(120);

    public static async Task<int> Run(BenchOptions args)
    {
        var restarts = Math.Max(1, args.Int("--restarts", 5));
        var build = Path.Combine(RepositoryPaths.Root, "src", "Marketplace.Server", "bin", "Release", "net10.0");
        var server = Path.Combine(build, "Marketplace.Server.dll");
        if (!File.Exists(server)) throw new InvalidOperationException($"{server} is missing: build the server in Release first.");
        var machine = Machine();

        // A fresh install: the content root holds only the settings files; data/ appears on first start.
        var root = Directory.CreateTempSubdirectory("marketplace-start-").FullName;
        try
        {
            foreach (var settings in Directory.EnumerateFiles(build, "appsettings*.json")) File.Copy(settings, Path.Combine(root, Path.GetFileName(settings)));
            var first = await StartOnce(server, root);
            var again = new List<Start>();
            for (var i = 0; i < restarts; i++) again.Add(await StartOnce(server, root));
            var (wall, cpu) = (again.Select(s => s.Wall).ToList(), again.Select(s => s.Cpu).ToList());

            var report = $"""
                # Cold start benchmark

                {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {machine}.
                `dotnet {Path.GetRelativePath(RepositoryPaths.Root, server)}` (Release build, Development environment as `dotnet run`
                starts it: SQLite under the content root, the demo seeded), timed from the process's start to the first 200 from
                `/health/ready` (polled every 10 ms). CPU is the server process's user + system time when it answered ready: on a
                shared machine the wall time follows the load, the CPU time much less.

                | start | to ready, ms | CPU to ready, ms |
                |---|---|---|
                | first, empty data folder (migrations, keys, demo seed) | {first.Wall:F0} | {first.Cpu:F0} |
                | restart on the seeded folder (×{restarts}): p50 | {P(wall, 50):F0} | {P(cpu, 50):F0} |
                | restart: min … max | {wall.Min():F0} … {wall.Max():F0} | {cpu.Min():F0} … {cpu.Max():F0} |

                Load average at the end: {LoadAverage()}.
                """;
            Console.WriteLine(report);
            await Write("cold-start.md", report + "\n");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Milliseconds from the process's start to ready: on the clock, and of CPU the process used.</summary>
    readonly record struct Start(double Wall, double Cpu);

    /// <summary>Starts the server on <paramref name="root"/>, waits until it is ready, stops it.</summary>
    static async Task<Start> StartOnce(string server, string root)
    {
        var (http, silo, gateway) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { server, "--contentRoot", root, "--urls", $"http://127.0.0.1:{http}",
                     "--Silo:SiloPort", $"{silo}", "--Silo:GatewayPort", $"{gateway}" })
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var began = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            while (true)
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"The server exited ({process.ExitCode}) before it was ready: {await output}{await errors}");
                if (Stopwatch.GetElapsedTime(began) > GiveUp) throw new TimeoutException($"The server was not ready within {GiveUp.TotalSeconds} s.");
                try
                {
                    using var answer = await client.GetAsync($"http://127.0.0.1:{http}/health/ready");
                    if (answer.StatusCode == HttpStatusCode.OK)
                    {
                        var wall = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                        process.Refresh();
                        return new(wall, process.TotalProcessorTime.TotalMilliseconds);
                    }
                }
                catch (HttpRequestException) { } // not listening yet
                catch (TaskCanceledException) { }
                await Task.Delay(10);
            }
        }
        finally
        {
            // Stopped as an operator stops it (SIGTERM: the silo leaves, the database closes), so the next start finds what a restart finds.
            using (var stop = Process.Start("kill", ["-TERM", $"{process.Id}"])) await stop.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await process.WaitForExitAsync(patience.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
