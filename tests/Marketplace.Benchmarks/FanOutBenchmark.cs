using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Hosting;
using Marketplace.Server.Hubs;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Benchmarks.Bench;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Benchmarks;

/// <summary>
/// Live co-editing fan-out (issue #11): N watchers (1,000) on one alliance workspace over real WebSockets, the people
/// of its lead firm, so each hears every change (JointBidChanged) with its firm's part in the same message, which is
/// what it needs to show the change without reading the bid. Three phases in the same run:
/// <list type="number">
/// <item>saves of new work packages through the API at <c>--rate</c> (10) per second, each timed from the start of its
/// request until the last watcher has it;</item>
/// <item>a bare broadcast, at the same rate, of the very change message the saves sent (the same bytes, to the same
/// group), straight through the hub context: no API, grain or database;</item>
/// <item>edits of those packages at <c>--burst-rate</c> (50) per second, requests overlapping as they come, to show
/// whether the rate is held and with which latency.</item>
/// </list>
/// Before them, a warm-up that is not measured (--warmup N: at most N rounds, 30; 0 for none).
/// Options: [--watchers N] [--edits N] [--rate N per second] [--burst-edits N] [--burst-rate N per second] [--warmup N].
/// </summary>
internal static class FanOutBenchmark
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20); // a bound on waiting for one message, not a target

    public static async Task<int> Run(BenchOptions args)
    {
        var watchers = args.Int("--watchers", 1000);
        var edits = args.Int("--edits", 100);
        var rate = args.Int("--rate", 10);
        var burstEdits = args.Int("--burst-edits", 250);
        var burstRate = args.Int("--burst-rate", 50);
        var warmup = Math.Max(0, args.Int("--warmup", 30));
        if (edits + 11 > JointBids.JointBidState.MaxPackages) throw new ArgumentException($"--edits saves new packages beside the first and a warm-up round's ten: at most {JointBids.JointBidState.MaxPackages - 11}.");
        var loadAtStart = LoadAverage();
        Environment.CurrentDirectory = AppContext.BaseDirectory; // WebApplicationFactory finds the server from here
        await using var database = await TestDatabase.Create(DatabaseProvider.Postgres);
        await using var host = new MarketplaceHost(database, realPort: true);
        var address = host.ServerAddress;
        var Db = Bench.Db(database.ConnectionString);

        // A space, a buyer's published tender, and an alliance for it led by one firm.
        (HttpClient Http, CookieContainer Cookies) Person()
        {
            var cookies = new CookieContainer();
            return (new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address }, cookies);
        }
        var (admin, _) = Person();
        await admin.SignUp("admin");
        var association = await admin.CreateBusiness("Associazione", BusinessKind.Association);
        var space = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento", MinimumTenderingDays: 0), Json)).Read<SpaceDetailDto>()).Summary.Id;
        var (lead, leadCookies) = Person();
        await lead.SignUp("lead");
        var firm = await lead.CreateBusiness("Rossi Costruzioni");
        (await lead.PostAsJsonAsync($"/api/spaces/{space}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/spaces/{space}/firms/{firm.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json)).EnsureSuccessStatusCode();
        var (buyer, _) = Person();
        await buyer.SignUp("buyer");
        var buyerId = (await buyer.CreateBusiness("Comune", BusinessKind.Buyer)).Id;
        await admin.ApproveBuyer(buyer, space, buyerId);
        var now = DateTimeOffset.UtcNow;
        var draft = await (await buyer.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyerId, [space], "Scuola", null,
            [new LotRequest(0, "Opere", null, ["45214200"], null, null)], [], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)],
            now.AddDays(1), now.AddDays(2), null, null, false, []), Json)).Read<TenderDto>();
        (await buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        var alliance = await (await lead.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(firm.Id, space, draft.Id, "RTI", "Accordo"), Json)).Read<AllianceDto>();
        var packages = $"/api/alliances/{alliance.Id}/bid/work-packages";
        // The first save starts the bid (it takes the alliance's firms): a change every watcher reads again, so not measured.
        (await lead.PostAsJsonAsync(packages, new SaveWorkPackageRequest(null, 0, "Cantiere", 1, null, firm.Id, new MoneyDto(500m, "EUR")), Json)).EnsureSuccessStatusCode();

        // N watchers: the lead's people with N tabs open on the workspace. A watcher has a version once it has the change.
        var arrivals = new ConcurrentDictionary<int, Arrivals>(); // version → how many watchers have it, and when the last had it
        var connections = new List<HubWatcher>();
        var delivered = 0L; // JointBidChanged messages received, by all watchers
        JointBidChangedDto? heard = null; // a change as the saves send it: the bare broadcast sends the same message
        for (var i = 0; i < watchers; i++)
        {
            connections.Add(await HubWatcher.Watch(address, MarketplaceRoutes.HubPath, leadCookies, alliance.Id, (since, version, message) =>
            {
                var at = Stopwatch.GetTimestamp();
                if (heard is null) heard = Saved(message);
                // A message may tell several changes as one (those stored while the one before was being delivered):
                // the watcher then has each of them.
                Interlocked.Increment(ref delivered);
                for (var v = since + 1; v <= version; v++) arrivals.GetOrAdd(v, _ => new Arrivals()).Had(at, watchers);
            }));
        }
        // The first package save heard is the bare broadcast's message.
        JointBidChangedDto? Saved(ReadOnlySpan<byte> message)
        {
            using var invocation = JsonDocument.Parse(message.ToArray());
            return invocation.RootElement.GetProperty("arguments")[0].Deserialize<JointBidChangedDto>(Json) is { Edit: JointBids.JointBidEdit.PackageSaved } saved ? saved : null;
        }
        using var stop = new CancellationTokenSource();
        var keepingAlive = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(10), stop.Token); } catch (OperationCanceledException) { return; }
                foreach (var watcher in connections) await watcher.KeepAlive();
            }
        });
        Console.WriteLine($"{watchers} watchers joined");

        // Warm-up, not measured: a server in use has taken edits long before, so the phases time the edits, not the JIT.
        // Tiered compilation recompiles a method once it has been called 30 times after the JIT stopped meeting new
        // methods, so a short warm-up left the first phase to pay for most of it (2,800 methods recompiled during the
        // saves, a third of the process's CPU; a few hundred in the phases after). Rounds of what the phases do (new
        // packages saved, edited side by side and deleted again, so the bid keeps its size; bare broadcasts), every change
        // heard by every watcher, until a round has the JIT compile next to nothing.
        var hubContext = host.Services.GetRequiredService<IHubContext<MarketplaceHub, IMarketplaceClient>>();
        var editors = Topics.AllianceEditors(alliance.Id, firm.Id);
        var (rounds, lastRoundJit) = (0, 0L);
        var warming = Stopwatch.StartNew();
        while (rounds < warmup)
        {
            var jitBefore = JitInfo.GetCompiledMethodCount();
            var round = new List<(Guid Id, int Version)>();
            for (var p = 0; p < 10; p++)
            {
                var saved = await (await lead.PostAsJsonAsync(packages, new SaveWorkPackageRequest(null, 0, $"Riscaldamento {p}", 1, null, firm.Id,
                    new MoneyDto(100m + p, "EUR")), Json)).EnsureSuccessStatusCode().Read<JointBidDto>();
                var package = saved.WorkPackages.Single(w => w.Title == $"Riscaldamento {p}");
                round.Add((package.Id, package.Version));
            }
            var edited = new ConcurrentBag<(Guid Id, int Version)>();
            await Parallel.ForEachAsync(round, async (package, _) =>
            {
                var version = package.Version;
                for (var k = 0; k < 3; k++)
                    version = (await (await lead.PostAsJsonAsync(packages, new SaveWorkPackageRequest(package.Id, version, $"Riscaldamento {package.Id:N}", 1,
                        $"Giro {k}", firm.Id, new MoneyDto(200m + k, "EUR")), Json)).EnsureSuccessStatusCode().Read<JointBidDto>())
                        .WorkPackages.Single(w => w.Id == package.Id).Version;
                edited.Add((package.Id, version));
            });
            if (heard is { } message)
                for (var b = 0; b < 10; b++)
                    await hubContext.Clients.Group(editors).JointBidChanged(message with { Since = 1_999_999 - b, Version = 2_000_000 - b });
            foreach (var (id, version) in edited)
                (await lead.DeleteAsync($"{packages}/{id}?version={version}")).EnsureSuccessStatusCode();
            rounds++;
            lastRoundJit = JitInfo.GetCompiledMethodCount() - jitBefore;
            if (lastRoundJit <= 20 || warming.Elapsed > TimeSpan.FromSeconds(90)) break;
        }
        var warmSeconds = warming.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(1)); // the last round's deliveries and background compilations end

        // Waits to be told, not by looking again every millisecond: with hundreds of saves pending, polling cost the
        // 2 cores more than the saves did, and made a server that fell behind fall further.
        async Task<double> LastArrival(int version, long start)
        {
            var got = arrivals.GetOrAdd(version, _ => new Arrivals());
            try
            {
                await got.All.Task.WaitAsync(Patience);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"Version {version} reached {got.Count} of {watchers} watchers.");
            }
            return Stopwatch.GetElapsedTime(start, got.Last).TotalMilliseconds;
        }

        // Each send starts at its slot whether the one before has finished or not (a server that falls behind shows it
        // in the latencies and in the rate held), and is then awaited by all watchers.
        // Each send's own answer is timed too: a save answered late waited for the joint bid's turn (the saves fell
        // behind); one answered at once but heard late waited for the delivery.
        // And the CPU the process (server and watchers) spent on each change, and the machine's use, over the phase.
        async Task<(List<double> Latencies, List<double> Answered, double Seconds, double CpuMs, string Cpu)> Paced(int count, int perSecond, Func<int, Task<int>> send)
        {
            var pending = new List<Task<(double Last, double Answered)>>();
            var (heardBefore, jitBefore) = (Interlocked.Read(ref delivered), JitInfo.GetCompiledMethodCount());
            var cpu = new CpuMeter();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var slot = TimeSpan.FromSeconds((double)i / perSecond);
                if (slot > clock.Elapsed) await Task.Delay(slot - clock.Elapsed);
                var n = i;
                pending.Add(Task.Run(async () =>
                {
                    var start = Stopwatch.GetTimestamp();
                    var version = await send(n);
                    var answered = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    return (await LastArrival(version, start), answered);
                }));
            }
            var latencies = await Task.WhenAll(pending);
            var seconds = clock.Elapsed.TotalSeconds;
            return ([.. latencies.Select(l => l.Last)], [.. latencies.Select(l => l.Answered)], seconds,
                (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / count,
                $"{cpu.Summary()}, and each watcher heard {(Interlocked.Read(ref delivered) - heardBefore) / (double)watchers:F0} messages of changes; the JIT compiled {JitInfo.GetCompiledMethodCount() - jitBefore} methods");
        }

        var created = new ConcurrentDictionary<Guid, int>(); // package → its version, for the burst's edits
        Console.WriteLine($"saves, {rate}/s"); // each phase says when it begins, for a profiler to follow
        var saves = await Paced(edits, rate, async i =>
        {
            var response = await lead.PostAsJsonAsync(packages, new SaveWorkPackageRequest(null, 0, $"Pacchetto {i:D3}", 1, null, firm.Id, new MoneyDto(1000m + i, "EUR")), Json);
            var bid = await response.EnsureSuccessStatusCode().Read<JointBidDto>();
            var package = bid.WorkPackages.Single(w => w.Title == $"Pacchetto {i:D3}");
            created[package.Id] = package.Version;
            return bid.Version;
        });
        var loadBeforeBare = LoadAverage();
        var template = heard ?? throw new InvalidOperationException("No package save was heard.");
        Console.WriteLine($"bare broadcast, {rate}/s");
        var broadcast = await Paced(edits, rate, async i =>
        {
            var version = 1_000_000 + i;
            await hubContext.Clients.Group(editors).JointBidChanged(template with { Since = version - 1, Version = version });
            return version;
        });

        // The burst edits the packages round the list: each package's edits follow one another (a save names the version
        // it changes), different packages' overlap.
        var loadBeforeBurst = LoadAverage();
        var ids = created.Keys.ToArray();
        var chains = new ConcurrentDictionary<Guid, Task>();
        var deliveredBefore = Interlocked.Read(ref delivered);
        Console.WriteLine($"burst, {burstRate}/s");
        var burst = await Paced(burstEdits, burstRate, async i =>
        {
            var id = ids[i % ids.Length];
            var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var before = chains.GetValueOrDefault(id, Task.CompletedTask);
            chains[id] = done.Task;
            await before;
            try
            {
                var response = await lead.PostAsJsonAsync(packages, new SaveWorkPackageRequest(id, created[id], $"Pacchetto {Array.IndexOf(ids, id):D3}", 1,
                    $"Revisione {i}", firm.Id, new MoneyDto(2000m + i, "EUR")), Json);
                var bid = await response.EnsureSuccessStatusCode().Read<JointBidDto>();
                created[id] = bid.WorkPackages.Single(w => w.Id == id).Version;
                done.SetResult(bid.Version);
                return bid.Version;
            }
            catch (Exception e)
            {
                done.SetException(e);
                throw;
            }
        });
        Console.WriteLine("done");
        var burstMessages = (Interlocked.Read(ref delivered) - deliveredBefore) / (double)watchers;
        await stop.CancelAsync();
        await keepingAlive;
        foreach (var watcher in connections) await watcher.DisposeAsync();

        // When the burst fell behind, if it did: the slowest edit to its answer and to its last watcher, second by second.
        Console.WriteLine("burst, each second's slowest answer / last watcher, ms: " + string.Join("  ", burst.Answered.Chunk(burstRate)
            .Zip(burst.Latencies.Chunk(burstRate), (a, l) => $"{a.Max():F0}/{l.Max():F0}")));
        var changeBytes = JsonSerializer.SerializeToUtf8Bytes(template, Json).Length;
        double P99(List<double> v) => P(v, 99);
        var ratio = P99(saves.Latencies) / P99(broadcast.Latencies);
        var held = burstEdits / burst.Seconds;
        Console.WriteLine($"save → last watcher: p50 {P(saves.Latencies, 50):F1} ms, p99 {P99(saves.Latencies):F1} ms; bare broadcast: p50 {P(broadcast.Latencies, 50):F1} ms, " +
            $"p99 {P99(broadcast.Latencies):F1} ms; ratio {ratio:F2}; {burstRate}/s burst: {held:F1} edits/s held, p99 {P99(burst.Latencies):F1} ms, answered p99 {P99(burst.Answered):F1} ms; CPU per change: saves {saves.CpuMs:F1} ms, bare {broadcast.CpuMs:F1} ms");
        await Write("fan-out.md", $"""
            # Workspace fan-out benchmark

            {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, PostgreSQL {await ServerVersion(Db)}, {Machine()}.
            Load average {loadAtStart} when the run began, {loadBeforeBare} before the bare broadcast, {loadBeforeBurst} before the burst.
            {watchers:N0} SignalR connections (WebSockets, in the same process as the server, each reading the versions of every change it is sent: `HubWatcher`) of the lead firm's people watching one
            alliance workspace. "Save" is a joint-bid work package saved through the API (grain, PostgreSQL write, then the hub:
            the change with the firm's part, {changeBytes:N0} bytes of JSON, to the firm's editors, sent after the joint bid's turn), timed
            from the start of the request until the last of the {watchers:N0} watchers has it. "Bare broadcast" sends the very same change
            message straight to the same group through the hub context, at the same rate, timed until the last watcher has it.
            Before them, not measured: {(warmup > 0 ? $"a warm-up of {rounds} rounds in {warmSeconds:F0} s, each saving 10 new packages, editing each 3 times, 10 bare broadcasts and deleting the packages, every change heard by every watcher, until a round had the JIT compile {lastRoundJit} methods" : "no warm-up")}.

            | latency, ms | changes | sent per second | p50 | p95 | p99 | max |
            |---|---|---|---|---|---|---|
            | save → last watcher | {edits} | {rate} | {Cells(saves.Latencies)} |
            | bare hub broadcast | {edits} | {rate} | {Cells(broadcast.Latencies)} |
            | edit → last watcher, burst | {burstEdits} | {burstRate} | {Cells(burst.Latencies)} |
            | save → its answer | {edits} | {rate} | {Cells(saves.Answered)} |
            | edit → its answer, burst | {burstEdits} | {burstRate} | {Cells(burst.Answered)} |

            Save p99 ÷ bare broadcast p99: **{ratio:F2}** (goal ≤ 2). Burst: {burstEdits} edits asked at {burstRate}/s, all delivered
            in {burst.Seconds:F1} s ({held:F1} edits/s held), p99 {P99(burst.Latencies):F1} ms (goal ≤ 500 ms); each watcher
            was told them in {burstMessages:F0} messages (edits stored while the one before was being delivered are told as one).

            CPU of this process (server and watchers) per change: saves {saves.CpuMs:F1} ms, bare broadcast {broadcast.CpuMs:F1} ms,
            burst {burst.CpuMs:F1} ms. Over the saves {saves.Cpu}; over the bare broadcast {broadcast.Cpu}; over the burst {burst.Cpu}.
            """);
        return 0;
    }
}

/// <summary>A version's arrivals at the watchers: how many have it, when the last of them had it, and a signal once all have.</summary>
sealed class Arrivals
{
    public int Count { get; private set; }
    public long Last { get; private set; }
    public TaskCompletionSource All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    readonly Lock gate = new();

    public void Had(long at, int watchers)
    {
        lock (gate)
        {
            Count++;
            Last = Math.Max(Last, at);
            if (Count == watchers) All.TrySetResult();
        }
    }
}
