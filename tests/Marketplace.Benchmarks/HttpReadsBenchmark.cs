using System.Globalization;
using System.Runtime;
using System.Net.Http.Headers;
using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Benchmarks.Bench;

namespace Marketplace.Benchmarks;

/// <summary>
/// Page-level reads over HTTP against a bare baseline (issue #11: each page ≥ 0.5× the baseline's req/s, p99 ≤ 3×).
/// The real server on a real Kestrel port (silo, EF storage on PostgreSQL) with a realistic data set
/// (<see cref="HttpReadsWorld"/>); in the same process, <see cref="BaselineEndpoint"/>: bearer authentication plus one
/// grain call. wrk drives each request with the bearer token of the Owner of a firm that is in alliances, baseline and
/// pages interleaved (baseline, page A, baseline, page B, …, baseline) so that each page's ratio is to the mean of the
/// two baseline runs around it, measured in the same conditions. The machine's load is noted at the start of each run.
/// Options: [--firms N] [--tenders N] [--bids N] [--alliances N] [--seconds N] [--warmup N] [--connections N] [--threads N] [--setup-parallelism N].
/// </summary>
internal static class HttpReadsBenchmark
{
    /// <summary>A warm-up round that JIT-compiles fewer methods than this leaves the process as warm as it gets.</summary>
    const int QuietRound = 25;

    public static async Task<int> Run(BenchOptions args)
    {
        if (!WrkDriver.Installed())
        {
            Console.Error.WriteLine("wrk is not installed: `apt-get install -y wrk` (Debian/Ubuntu), then run again.");
            return 2;
        }
        var bulkFirms = args.Int("--firms", 100_000);
        var bulkTenders = args.Int("--tenders", 10_000);
        var bulkBids = args.Int("--bids", 1_000_000);
        var allianceCount = Math.Max(1, args.Int("--alliances", 300));
        var seconds = TimeSpan.FromSeconds(args.Int("--seconds", 10));
        var warmup = TimeSpan.FromSeconds(args.Int("--warmup", 3));
        var connections = args.Int("--connections", 32);
        var threads = args.Int("--threads", 2);
        var startLoad = Machine();

        Environment.CurrentDirectory = AppContext.BaseDirectory; // WebApplicationFactory finds the server from here
        await using var database = await TestDatabase.Create(DatabaseProvider.Postgres);
        await using var host = new MarketplaceHost(database, realPort: true, services: s => s.AddSingleton<IStartupFilter, BaselineEndpoint>());
        var server = host.ServerAddress;
        var Db = Bench.Db(database.ConnectionString);
        var world = await HttpReadsWorld.Make(server, Db, bulkFirms, bulkTenders, bulkBids, allianceCount, args.Int("--setup-parallelism", 8));
        Console.WriteLine($"Set up {world.Setup}");
        // The bulk loading ran in this process: its garbage is the benchmark's, not the server's, so it goes before any run.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        (string Name, string Path)[] pages =
        [
            ("tender detail", $"/api/tenders/{world.TenderId}"),
            ("inbox", $"/api/businesses/{world.FirmId}/inbox"),
            ("business page", $"/api/businesses/{world.FirmId}"),
            ("space page", $"/api/spaces/{world.SpaceId}"),
            ("alliance workspace", $"/api/alliances/{world.AllianceId}"),
            ("alliance workspace: its joint bid", $"/api/alliances/{world.AllianceId}/bid"),
            ("directory, first page", $"/api/spaces/{world.SpaceId}/directory"),
            ("tender list of the space", $"/api/spaces/{world.SpaceId}/tenders"),
        ];
        // --only "tender detail" measures one page (to trace it, say), --only "inbox|space page" some; the default measures them all.
        if (args.Text("--only") is { } only) pages = [.. pages.Where(p => only.Split('|').Contains(p.Name))];
        var baseline = ("baseline: bearer + one grain call", $"{BaselineEndpoint.Path}?firm={world.FirmId}");

        // Each request once, as the Owner: it must answer 200, or the figures would measure refusals.
        using (var check = new HttpClient { BaseAddress = server })
        {
            check.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.OwnerToken);
            foreach (var (name, path) in pages.Prepend(baseline))
            {
                var response = await check.GetAsync(path);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{name} (GET {path}) answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        using var wrk = new WrkDriver(server, connections, threads, serverInThisProcess: true);
        // Warm-up rounds of every request until one leaves the JIT nearly idle: a fresh process recompiles its hot code
        // (tiered compilation) for tens of seconds under load, on one of this machine's two cores, and a page measured
        // meanwhile pays for that. A long-running server has long finished it.
        var (rounds, lastRoundJitted) = (0, 0L);
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            foreach (var (name, path) in pages.Prepend(baseline))
                await wrk.Run(name, path, world.OwnerToken, warmup);
            (rounds, lastRoundJitted) = (rounds + 1, JitInfo.GetCompiledMethodCount() - before);
        } while (lastRoundJitted >= QuietRound && rounds < 10);
        var baselines = new List<LoadRun> { await wrk.Run(baseline.Item1, baseline.Item2, world.OwnerToken, seconds) };
        var runs = new List<(LoadRun Page, LoadRun Before, LoadRun After)>();
        foreach (var (name, path) in pages)
        {
            var page = await wrk.Run(name, path, world.OwnerToken, seconds);
            baselines.Add(await wrk.Run(baseline.Item1, baseline.Item2, world.OwnerToken, seconds));
            runs.Add((page, baselines[^2], baselines[^1]));
            Console.WriteLine($"{name}: {page.RequestsPerSecond:F0} req/s, p99 {page.P99Ms:F1} ms, {page.CpuMicrosPerRequest:F0} CPU µs and {page.KilobytesPerRequest:F1} KB a request, GC paused {page.GcPausePercent:F1} % ({page.FullCollections} gen 2); baseline around it {baselines[^2].RequestsPerSecond:F0} and {baselines[^1].RequestsPerSecond:F0} req/s");
        }

        string F(double x, string format = "F1") => x.ToString(format, CultureInfo.InvariantCulture);
        string Row(LoadRun run, string ratios, string cpuRatio) =>
            $"| {run.Request} | {F(run.RequestsPerSecond, "F0")} | {F(run.P50Ms)} | {F(run.P99Ms)} | {ratios} | {F(run.CpuMicrosPerRequest ?? double.NaN, "F0")} | {cpuRatio} | {F(run.KilobytesPerRequest ?? double.NaN)} | {F(run.GcPausePercent ?? double.NaN)} | {run.FullCollections} | {run.MethodsJitted} | {run.Failures} | {run.LoadAtStart} |";
        var rows = runs.Select(r =>
        {
            var (rps, p99) = ((r.Before.RequestsPerSecond + r.After.RequestsPerSecond) / 2, (r.Before.P99Ms + r.After.P99Ms) / 2);
            var rpsRatio = r.Page.RequestsPerSecond / rps;
            var p99Ratio = r.Page.P99Ms / p99;
            // The CPU ratio is the baseline's CPU per request over the page's, so it reads like the req/s ratio (1 = as cheap).
            var cpuRatio = (r.Before.CpuMicrosPerRequest + r.After.CpuMicrosPerRequest) / 2 / r.Page.CpuMicrosPerRequest;
            return Row(r.Page, $"{(rpsRatio >= 0.5 ? "" : "**")}{F(rpsRatio, "F2")}{(rpsRatio >= 0.5 ? "" : "**")} | "
                + $"{(p99Ratio <= 3 ? "" : "**")}{F(p99Ratio, "F2")}{(p99Ratio <= 3 ? "" : "**")}", F(cpuRatio ?? double.NaN, "F2"));
        });
        var failures = runs.Sum(r => r.Page.Failures) + baselines.Sum(b => b.Failures);
        // The memory goal: the server's resident memory with the data set stored, after every page was read under load.
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var (rss, peak, heap) = (self.WorkingSet64 / 1048576.0, self.PeakWorkingSet64 / 1048576.0, GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);
        Console.WriteLine($"Memory: resident {rss:F0} MiB (peak {peak:F0} MiB), managed heap {heap:F0} MiB");
        await Write("http-reads.md", $"""
            # HTTP page reads against a bare baseline

            {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, PostgreSQL {await ServerVersion(Db)}, {startLoad}.
            The real server (silo, EF storage and read models on PostgreSQL, Kestrel on a real port) in the benchmark's process;
            wrk in its own process, {connections} connections on {threads} threads, {seconds.TotalSeconds:F0} s a run after warm-up rounds of {warmup.TotalSeconds:F0} s of each
            request, repeated until a round JIT-compiled fewer than {QuietRound} methods ({rounds} rounds; the last compiled {lastRoundJitted}; "JIT"
            below is the methods compiled during a run, near 0 when the process measured was warm). Every request carries the bearer token of the Owner of a firm that leads an alliance on the tender and is the
            partner in others ({world.Alliances} alliances in all), and asks `Accept-Encoding: {WrkDriver.AcceptEncoding}` as Chromium does:
            the answers kept the same for everybody (a space's tender list, its directory's first page) then come gzipped, no other is compressed. Data: {world.Firms:N0} member firms in the space, {world.Tenders:N0} tenders;
            set up {world.Setup}.

            **Memory** (issue #11's goal: resident ≤ 1 GiB with 100k firms, 10k tenders and 1M bids stored): after every run
            (the set-up's garbage collected before the first), the benchmark's process (the server and the set-up's clients) was resident at **{rss:F0} MiB** (its peak, the set-up's bulk loading included, {peak:F0} MiB),
            with a managed heap of {heap:F0} MiB ({(GCSettings.IsServerGC ? "server" : "workstation")} GC).

            The baseline is `GET {BaselineEndpoint.Path}`: the product's whole middleware pipeline (bearer authentication, session
            check, rate limiter, authorisation) and one [ReadOnly] grain call (the firm's Get), mapped only by the benchmark host.
            Baseline and page runs alternate; a page's ratios are to the mean of the baseline runs just before and after it
            (issue #11's goal: req/s ratio ≥ 0.5, p99 ratio ≤ 3; bold where a page misses it). Failures are non-2xx answers,
            timeouts and socket errors ({failures} in all). CPU µs is the server's processor time per request (the benchmark's
            process hosts it; wrk runs apart), which a busy machine blurs far less than req/s; its ratio is the baseline's
            CPU per request over the page's (1 = as cheap as the baseline). KB is what the process allocated per request,
            which does not depend on the machine's load at all. GC paused % is the share of the run the garbage collector held
            the process paused, and gen 2 GCs its full collections: a long tail with little pause is requests waiting on each other.

            | request | req/s | p50 ms | p99 ms | req/s ÷ baseline | p99 ÷ baseline | CPU µs / request | baseline's CPU ÷ page's | KB allocated / request | GC paused % | gen 2 GCs | JIT | failures | load average at start |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|
            {string.Join("\n", rows)}

            Baseline runs, in order:

            | request | req/s | p50 ms | p99 ms | | | CPU µs / request | | KB allocated / request | GC paused % | gen 2 GCs | JIT | failures | load average at start |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|
            {string.Join("\n", baselines.Select(b => Row(b, "– | –", "–")))}

            """);
        return failures > 0 ? 1 : 0;
    }
}
