using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Benchmarks.Bench;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Benchmarks;

/// <summary>
/// One node against two (issue #12), in the same run on the same database and Redis: real server processes in cluster
/// mode (<see cref="ServerNode"/>). First node A alone: hot page reads (wrk, as in <see cref="HttpReadsBenchmark"/>, on
/// <see cref="HttpReadsWorld"/>) and a deadline burst of bids over HTTP. Then node B joins: the same reads with half the
/// connections on each node, the same burst spread over both, and the cross-node fan-out: a watcher connected to node B
/// hearing profile edits sent through node A (p50/p99 over the edits). On one machine both nodes share its cores, so the
/// ratio says what a second node costs or gains there, not what a second machine would give.
/// Options: [--firms N] [--tenders N] [--alliances N] [--seconds N] [--warmup N] [--connections N] [--bids N] [--window-ms N] [--edits N].
/// </summary>
internal static class ClusterBenchmark
{
    const string Cpv = "45210000";

    sealed record Burst(int Nodes, int Sent, int Acknowledged, int Refused, int Failed, double BidsPerSecond, List<double> Ms, string Load);

    public static async Task<int> Run(BenchOptions args)
    {
        if (!WrkDriver.Installed())
        {
            Console.Error.WriteLine("wrk is not installed: `apt-get install -y wrk` (Debian/Ubuntu), then run again.");
            return 2;
        }
        var seconds = TimeSpan.FromSeconds(args.Int("--seconds", 10));
        var warmup = TimeSpan.FromSeconds(args.Int("--warmup", 3));
        var connections = Math.Max(2, args.Int("--connections", 32));
        var bids = Math.Max(1, args.Int("--bids", 200));
        var window = TimeSpan.FromMilliseconds(args.Int("--window-ms", 2000));
        var edits = Math.Max(1, args.Int("--edits", 100));
        var startLoad = Machine();

        await using var database = await TestDatabase.Create(DatabaseProvider.Postgres);
        var auditKey = Path.Combine(Path.GetTempPath(), $"marketplace-bench-{Guid.NewGuid():N}.key");
        var clusterId = $"bench-{Guid.NewGuid():N}";
        var nodes = new List<ServerNode>();
        async Task<ServerNode> Node(string name)
        {
            var node = ServerNode.Start(name, ClusterSettings.For(database, clusterId, auditKey));
            nodes.Add(node);
            await node.WaitReady(TimeSpan.FromMinutes(3));
            return node;
        }
        try
        {
            var a = await Node("A");
            var Db = Bench.Db(database.ConnectionString);
            var world = await HttpReadsWorld.Make(a.Address, Db, args.Int("--firms", 10_000), args.Int("--tenders", 1_000), args.Int("--bids", 0), args.Int("--alliances", 30), 8);
            Console.WriteLine($"Set up {world.Setup}");
            (string Name, string Path)[] pages =
            [
                ("tender detail", $"/api/tenders/{world.TenderId}"),
                ("business page", $"/api/businesses/{world.FirmId}"),
                ("space page", $"/api/spaces/{world.SpaceId}"),
                ("alliance workspace: its joint bid", $"/api/alliances/{world.AllianceId}/bid"),
            ];
            var bidders = await Bidders(a, bids);
            Console.WriteLine($"{bids} member firms ready to bid");

            async Task<List<LoadRun>> Reads(ServerNode[] on)
            {
                var runs = new List<LoadRun>();
                foreach (var (name, path) in pages)
                {
                    // One wrk per node, each with its share of the connections, at the same time: the whole cluster's answer.
                    var drivers = on.Select(n => new WrkDriver(n.Address, connections / on.Length, 1)).ToList();
                    await Task.WhenAll(drivers.Select(d => d.Run(name, path, world.OwnerToken, warmup)));
                    var parts = await Task.WhenAll(drivers.Select(d => d.Run(name, path, world.OwnerToken, seconds)));
                    foreach (var d in drivers) d.Dispose();
                    runs.Add(new LoadRun(name, parts.Sum(p => p.RequestsPerSecond), parts.Max(p => p.P50Ms), parts.Max(p => p.P99Ms),
                        parts.Sum(p => p.Requests), parts.Sum(p => p.Failures), parts[0].LoadAtStart));
                    Console.WriteLine($"{on.Length} node(s), {name}: {runs[^1].RequestsPerSecond:F0} req/s, p99 {runs[^1].P99Ms:F1} ms");
                }
                return runs;
            }

            var oneReads = await Reads([a]);
            var oneBurst = await DeadlineBurst(bidders, [a], window);
            var b = await Node("B");
            var twoReads = await Reads([a, b]);
            var twoBurst = await DeadlineBurst(bidders, [a, b], window);
            var fanOut = await FanOut(a, b, edits);

            string F(double x, string format = "F1") => x.ToString(format, CultureInfo.InvariantCulture);
            var readRows = oneReads.Zip(twoReads, (one, two) =>
                $"| {one.Request} | {F(one.RequestsPerSecond, "F0")} | {F(one.P99Ms)} | {F(two.RequestsPerSecond, "F0")} | {F(two.P99Ms)} | "
                + $"**{F(two.RequestsPerSecond / one.RequestsPerSecond, "F2")}** | {one.Failures + two.Failures} | {one.LoadAtStart} / {two.LoadAtStart} |");
            string BurstRow(Burst x) => $"| {x.Nodes} | {x.Sent} | {x.Acknowledged} | {x.Refused} | {x.Failed} | {F(x.BidsPerSecond, "F0")} | {Cells(x.Ms)} | {x.Load} |";
            var failures = oneReads.Concat(twoReads).Sum(r => r.Failures) + oneBurst.Failed + twoBurst.Failed;
            await Write("cluster.md", $"""
                # One node against two (cluster mode)

                {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, PostgreSQL {await ServerVersion(Db)}, {startLoad}.
                Real server processes (`Marketplace.Server.dll`, Release) in cluster mode on one PostgreSQL database and one Redis,
                on loopback: first node A alone, then with node B. **Both nodes run on this one machine and share its
                {Environment.ProcessorCount} cores** with wrk, the benchmark and PostgreSQL: a second node adds no CPU here, so a ratio
                near 1 means the cluster's coordination (Redis membership, grain directory, calls between silos) costs little;
                below 1 is its price on shared cores. What two machines give is not measured here.

                ## Hot reads

                wrk, {connections} connections in all ({connections} on A alone; {connections / 2} on each node, at the same time, for two
                nodes), {seconds.TotalSeconds:F0} s a run after a {warmup.TotalSeconds:F0} s warm-up, the bearer token of a firm's Owner
                (the data of `bash scripts/bench.sh http`, smaller: {world.Firms:N0} firms, {world.Tenders:N0} tenders, {world.Alliances} alliances).
                For two nodes, req/s is the sum over both and p99 the worse of the two.

                | page | 1 node req/s | 1 node p99 ms | 2 nodes req/s | 2 nodes p99 ms | 2 ÷ 1 req/s | failures | load average at start (1 / 2) |
                |---|---|---|---|---|---|---|---|
                {string.Join("\n", readRows)}

                ## Deadline burst

                {bids} member firms each submit one bid over HTTP in the last {window.TotalSeconds:F1} s before a tender's submission
                deadline, one every {window.TotalMilliseconds / bids:F1} ms, through node A alone, then (a new tender, the same firms)
                spread over both nodes in turn. Bids/s: acknowledged bids over first send to last answer. Refused: answered 4xx
                (a bid counts by when its node read it, so one sent just before the deadline to a node too busy to read it in time
                is refused by the deadline rule); failed: 5xx or no answer.

                | nodes | sent | acknowledged | refused | failed | bids/s | p50 ms | p95 ms | p99 ms | max ms | load average at start |
                |---|---|---|---|---|---|---|---|---|---|---|
                {BurstRow(oneBurst)}
                {BurstRow(twoBurst)}

                Ratio 2 nodes ÷ 1 node: **{F(twoBurst.BidsPerSecond / oneBurst.BidsPerSecond, "F2")}** (the offered rate is fixed, so
                both runs can at most keep up with it; the latencies say how easily).

                ## Cross-node fan-out

                A watcher connected to node B (SignalR, the Redis backplane) hears {edits} business-profile edits sent one after the
                other through node A; latency from sending the edit to the watcher's notice.

                | | p50 ms | p95 ms | p99 ms | max ms |
                |---|---|---|---|---|
                | edit through A → notice on B | {Cells(fanOut)} |

                """);
            return failures > 0 ? 1 : 0;
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
            File.Delete(auditKey);
        }
    }

    /// <summary>An approved buyer and the firms that will bid, all members of one space, made through node A's API.</summary>
    sealed record BurstWorld(HttpClient Buyer, Guid BuyerId, Guid SpaceId, (CookieContainer Cookies, Guid FirmId)[] Firms);

    static async Task<BurstWorld> Bidders(ServerNode node, int count)
    {
        var admin = new HttpClient { BaseAddress = node.Address };
        await admin.SignUp("segreteria");
        var spaceId = await admin.CreateSpace("Spazio Gare Cluster");
        var buyer = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = node.Address };
        await buyer.SignUp("buyer");
        var buyerId = (await buyer.CreateBusiness("Comune di Cluster", BusinessKind.Buyer)).Id;
        await admin.ApproveBuyer(buyer, spaceId, buyerId);
        var firms = new (CookieContainer, Guid)[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var cookies = new CookieContainer(); // loopback cookies go to every port: the same sign-in works on both nodes
            using var person = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = node.Address };
            await person.SignUp($"impresa{i}");
            var firm = await person.CreateBusiness($"Impresa Cluster {i + 1:D4}");
            await admin.Admit(spaceId, person, firm.Id);
            firms[i] = (cookies, firm.Id);
        });
        return new BurstWorld(buyer, buyerId, spaceId, firms);
    }

    /// <summary>A tender whose deadline is a few seconds away, and every firm's bid in the window before it, round-robin over the nodes.</summary>
    static async Task<Burst> DeadlineBurst(BurstWorld world, ServerNode[] nodes, TimeSpan window)
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        var now = DateTimeOffset.UtcNow;
        var draft = await (await world.Buyer.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(world.BuyerId, [world.SpaceId], "Gara del cluster", null,
            [new LotRequest(0, "Lotto unico", null, [Cpv], new MoneyDto(1_000_000m, "EUR"), null)], [],
            [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddSeconds(8), now.AddSeconds(16), null, null, false, []), Json)).Read<TenderDto>();
        var published = await world.Buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json);
        if (!published.IsSuccessStatusCode) throw new InvalidOperationException($"The tender was not published: {await published.Content.ReadAsStringAsync()}");
        var deadline = (await published.Read<TenderDto>()).SubmissionDeadline;
        var clients = nodes.Select(n => world.Firms.Select(f => new HttpClient(new HttpClientHandler { CookieContainer = f.Cookies })
            { BaseAddress = n.Address, Timeout = TimeSpan.FromSeconds(60) }).ToArray()).ToArray();
        var first = deadline - window;
        while (DateTimeOffset.UtcNow < first - TimeSpan.FromMilliseconds(200)) await Task.Delay(50);
        var results = await Task.WhenAll(world.Firms.Select(async (firm, i) =>
        {
            var at = first + window * i / world.Firms.Length;
            var wait = at - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var start = Stopwatch.GetTimestamp();
            var sent = DateTimeOffset.UtcNow;
            try
            {
                using var response = await clients[i % nodes.Length][i].PutAsJsonAsync($"/api/tenders/{draft.Id}/bids/{firm.FirmId}",
                    new SubmitBidRequest([new LotPriceRequest(1, new MoneyDto(900_000m - i, "EUR"))], [], []), Json);
                return (Sent: sent, Done: DateTimeOffset.UtcNow, Ms: Stopwatch.GetElapsedTime(start).TotalMilliseconds, Status: (int?)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return (Sent: sent, Done: DateTimeOffset.UtcNow, Ms: Stopwatch.GetElapsedTime(start).TotalMilliseconds, Status: (int?)null);
            }
        }));
        foreach (var client in clients.SelectMany(c => c)) client.Dispose();
        var acked = results.Where(r => r.Status is >= 200 and < 300).ToList();
        var span = (results.Max(r => r.Done) - results.Min(r => r.Sent)).TotalSeconds;
        Console.WriteLine($"{nodes.Length} node(s), deadline burst: {acked.Count} of {results.Length} acknowledged, {acked.Count / span:F0} bids/s");
        return new Burst(nodes.Length, results.Length, acked.Count, results.Count(r => r.Status is >= 400 and < 500), results.Count(r => r.Status is null or >= 500),
            acked.Count / span, [.. results.Select(r => r.Ms)], load);
    }

    /// <summary>Latencies (ms) from an edit sent through node A to its notice at a watcher connected to node B.</summary>
    static async Task<List<double>> FanOut(ServerNode a, ServerNode b, int edits)
    {
        var cookies = new CookieContainer();
        using var owner = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = a.Address };
        await owner.SignUp("owner");
        var profile = await owner.CreateBusiness("Officine Fan-out");
        var watcher = await HubClients.Connect(b.Address, cookies);
        var arrivals = new Dictionary<string, TaskCompletionSource<long>>();
        var names = Enumerable.Range(1, edits).Select(i => $"Officine Fan-out {i}").ToList();
        foreach (var name in names) arrivals[name] = new(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<BusinessProfileDto>("BusinessChanged", p => { if (arrivals.TryGetValue(p.Name, out var arrived)) arrived.TrySetResult(Stopwatch.GetTimestamp()); });
        await watcher.InvokeAsync("WatchBusiness", profile.Id);
        var latencies = new List<double>();
        foreach (var name in names)
        {
            var sent = Stopwatch.GetTimestamp();
            profile = await (await owner.EditProfile(profile.Id, EditOf(profile) with { Name = name })).Read<BusinessProfileDto>();
            latencies.Add(Stopwatch.GetElapsedTime(sent, await arrivals[name].Task.WaitAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds);
        }
        await watcher.DisposeAsync();
        Console.WriteLine($"fan-out A → B: p50 {P(latencies, 50):F1} ms, p99 {P(latencies, 99):F1} ms over {edits} edits");
        return latencies;
    }
}
