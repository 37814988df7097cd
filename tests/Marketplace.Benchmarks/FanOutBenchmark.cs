using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
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
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Benchmarks.Bench;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Benchmarks;

/// <summary>
/// Live co-editing fan-out (issue #5: p99 ≤ 150 ms): N watchers (1,000) on one alliance workspace over real
/// WebSockets, 10 joint-bid edits per second through the API (each one stored by the grain on PostgreSQL), timed from
/// the start of the save to the moment the last watcher has the change; next to it, in the same run, a bare hub
/// broadcast to the same group (no API, grain or database) at the same rate.
/// Options: [--watchers N] [--edits N] [--rate N per second].
/// </summary>
internal static class FanOutBenchmark
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10); // a bound on waiting for one message, not a target

    public static async Task<int> Run(BenchOptions args)
    {
        var watchers = args.Int("--watchers", 1000);
        var edits = args.Int("--edits", 100);
        var rate = args.Int("--rate", 10);
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
            DirectoryVisibility.MembersOnly, "Regolamento"), Json)).Read<SpaceDetailDto>()).Summary.Id;
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

        // N watchers: the lead's people with N tabs open on the workspace.
        var arrivals = new ConcurrentDictionary<int, ConcurrentBag<long>>(); // version → arrival timestamps
        var connections = new List<HubConnection>();
        for (var i = 0; i < watchers; i++)
        {
            var hub = new HubConnectionBuilder().WithUrl(new Uri(address, MarketplaceRoutes.HubPath), o => o.Cookies = leadCookies)
                .AddJsonProtocol(o => o.PayloadSerializerOptions = Json).Build();
            hub.On<JointBidChangedDto>("JointBidChanged", c => arrivals.GetOrAdd(c.Version, _ => []).Add(Stopwatch.GetTimestamp()));
            await hub.StartAsync();
            await hub.InvokeAsync("WatchAlliance", alliance.Id);
            connections.Add(hub);
        }
        Console.WriteLine($"{watchers} watchers joined");

        async Task<double> LastArrival(int version, long start)
        {
            var waited = Stopwatch.StartNew();
            while ((!arrivals.TryGetValue(version, out var bag) || bag.Count < watchers) && waited.Elapsed < Patience) await Task.Delay(1);
            var got = arrivals.GetValueOrDefault(version);
            if (got is null || got.Count < watchers) throw new InvalidOperationException($"Version {version} reached {got?.Count ?? 0} of {watchers} watchers.");
            return Stopwatch.GetElapsedTime(start, got.Max()).TotalMilliseconds;
        }

        // Paced at the rate asked; each message is awaited by all watchers in the background while the next one goes.
        async Task<List<double>> Paced(Func<int, Task<int>> send)
        {
            var pending = new List<Task<double>>();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < edits; i++)
            {
                var slot = TimeSpan.FromSeconds((double)i / rate);
                if (slot > clock.Elapsed) await Task.Delay(slot - clock.Elapsed);
                var start = Stopwatch.GetTimestamp();
                var version = await send(i);
                pending.Add(LastArrival(version, start));
            }
            return [.. await Task.WhenAll(pending)];
        }

        var saves = await Paced(async i =>
        {
            var response = await lead.PostAsJsonAsync($"/api/alliances/{alliance.Id}/bid/work-packages",
                new SaveWorkPackageRequest(null, 0, $"Pacchetto {i}", 1, null, firm.Id, new MoneyDto(1000m + i, "EUR")), Json);
            response.EnsureSuccessStatusCode();
            return (await response.Read<JointBidDto>()).Version;
        });
        var hubContext = host.Services.GetRequiredService<IHubContext<MarketplaceHub, IMarketplaceClient>>();
        var bare = await Paced(async i =>
        {
            var version = 1_000_000 + i;
            await hubContext.Clients.Group(Topics.Alliance(alliance.Id)).JointBidChanged(new JointBidChangedDto(alliance.Id, version, ""));
            return version;
        });
        foreach (var hub in connections) await hub.DisposeAsync();

        Console.WriteLine($"save → last watcher: p50 {P(saves, 50):F1} ms, p99 {P(saves, 99):F1} ms; bare broadcast: p50 {P(bare, 50):F1} ms, p99 {P(bare, 99):F1} ms");
        await Write("fan-out.md", $"""
            # Workspace fan-out benchmark

            {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, PostgreSQL {await ServerVersion(Db)}, {Machine()}.
            {watchers:N0} SignalR connections (WebSockets, in the same process as the server) watching one alliance workspace;
            {edits} changes at {rate} per second. "Save" is a joint-bid work package saved through the API (grain, PostgreSQL write,
            then the hub), timed from the start of the request until the last of the {watchers:N0} watchers has the change.
            "Bare broadcast" sends the same message straight to the same group through the hub context, at the same rate.

            | latency to the last watcher, ms | p50 | p95 | p99 | max |
            |---|---|---|---|---|
            | save → last watcher | {Cells(saves)} |
            | bare hub broadcast | {Cells(bare)} |
            """);
        return 0;
    }
}
