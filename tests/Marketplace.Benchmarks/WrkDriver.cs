using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Marketplace.Benchmarks;

/// <summary>
/// One load run of one request: throughput, latency percentiles, failures, the machine's load when it began, and the
/// server's CPU time per request (the benchmark's own process hosts the server; wrk runs in another). On a shared,
/// busy machine req/s falls with everyone else's load, while the CPU a request costs the server barely moves: the
/// second figure says what a page costs when the first is blurred. The bytes the process allocated per request move
/// with the work a request does and not at all with the machine's load. The methods the JIT compiled during the run
/// say whether the process was still warming up (tiered compilation burns a core while it recompiles hot code; a
/// long-running server has finished that): a run that compiled many measured the warm-up, not the page. The share of
/// the run the garbage collector held the process paused, and its full (gen 2) collections, say whether a long tail
/// comes from the collector or from requests waiting on each other.
/// </summary>
internal sealed record LoadRun(string Request, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Failures, string LoadAtStart, double? CpuMicrosPerRequest = null, double? KilobytesPerRequest = null, long? MethodsJitted = null, double? GcPausePercent = null, int? FullCollections = null);

/// <summary>
/// Drives one GET with wrk (a C load generator in its own process, so the callers do not share the server's thread
/// pool): fixed connections, a fixed duration, every request carrying the user's bearer token and a browser's
/// Accept-Encoding (<see cref="AcceptEncoding"/>). wrk's own histogram
/// gives the percentiles; a small Lua script prints them with the counts on one line, so nothing parses wrk's prose.
/// </summary>
internal sealed class WrkDriver(Uri server, int connections, int threads, bool serverInThisProcess = false) : IDisposable
{
    // wrk calls done() once, after the run; latencies are in microseconds. Non-2xx answers count as failures.
    const string Script = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, summary.duration,
            latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
        end
        """;

    /// <summary>What Chromium asks every request with: the answers the API keeps gzipped for everybody come so (<c>SharedJson</c>).</summary>
    public const string AcceptEncoding = "gzip, deflate, br, zstd";

    readonly string script = WriteScript();

    static string WriteScript()
    {
        var path = Path.Combine(Path.GetTempPath(), $"marketplace-wrk-{Guid.NewGuid():N}.lua");
        File.WriteAllText(path, Script);
        return path;
    }

    public static bool Installed() => Paths().Any(File.Exists);

    static IEnumerable<string> Paths() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "wrk"));

    public async Task<LoadRun> Run(string request, string pathAndQuery, string token, TimeSpan duration)
    {
        var load = string.Join(' ', File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3) : ["?"]);
        var (cpuBefore, bytesBefore, jitBefore) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), JitInfo.GetCompiledMethodCount());
        var (pausedBefore, fullBefore, started) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2), Stopwatch.GetTimestamp());
        var (exit, output, errors) = await Bench.RunTool("wrk",
        [
            "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s", "--timeout", "30s", "-s", script,
            "-H", $"Authorization: Bearer {token}", "-H", $"Accept-Encoding: {AcceptEncoding}", new Uri(server, pathAndQuery).ToString(),
        ]);
        var (cpu, bytes, jitted) = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, GC.GetTotalAllocatedBytes() - bytesBefore, JitInfo.GetCompiledMethodCount() - jitBefore);
        var (paused, full) = (GC.GetTotalPauseDuration() - pausedBefore, GC.CollectionCount(2) - fullBefore);
        var wall = Stopwatch.GetElapsedTime(started);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no result for {request} (exit {exit}): {output}{errors}");
        var f = line.Split(' ')[1..].Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var (requests, micros) = (f[0], f[1]);
        return new LoadRun(request, requests / (micros / 1e6), f[2] / 1000.0, f[3] / 1000.0, requests, f[4], load,
            serverInThisProcess ? cpu.TotalMicroseconds / Math.Max(1, requests) : null,
            serverInThisProcess ? bytes / 1024.0 / Math.Max(1, requests) : null,
            serverInThisProcess ? jitted : null,
            serverInThisProcess ? 100 * paused / wall : null,
            serverInThisProcess ? full : null);
    }

    public void Dispose() => File.Delete(script);
}
