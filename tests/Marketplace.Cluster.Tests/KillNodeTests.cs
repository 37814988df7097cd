using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Alliances;
using Marketplace.Data.ReadModels;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Cluster.Tests;

/// <summary>
/// A node killed with SIGKILL (no shutdown, no goodbye to the cluster) in the middle of a burst of bids and joint-bid
/// edits, while a tender's deadline falls. Node A holds every grain the burst writes to (it was alone when they were
/// first used, and holds the clock work); the writes go through both nodes, as a load balancer spreads them. What users
/// rely on: node B takes the grains over, nothing acknowledged is lost or stored twice, a client's retry of a write that
/// failed does not duplicate it, and the tender opens its bids once.
/// </summary>
public sealed class KillNodeTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Bounds on "eventually", never speeds: a dead silo is declared after a few missed probes (docs/cluster.md).
    static readonly TimeSpan TakeOverCap = TimeSpan.FromSeconds(60);
    static readonly TimeSpan Tendering = TimeSpan.FromSeconds(24), KillBeforeDeadline = TimeSpan.FromSeconds(4);
    // Short, so that the moment the bids open (deadline + grace) falls while node A is dead and not yet declared so.
    static readonly TimeSpan OpeningGrace = TimeSpan.FromSeconds(3);
    const int Bidders = 12, Packages = 4;

    readonly string clusterId = $"test-{Guid.NewGuid():N}";
    readonly string auditKeyFile = Path.Combine(Path.GetTempPath(), $"marketplace-cluster-{Guid.NewGuid():N}.key");
    readonly List<ServerNode> nodes = [];
    TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.Create(DatabaseProvider.Postgres);

    ServerNode StartNode(string name)
    {
        var settings = ClusterSettings.For(database, clusterId, auditKeyFile);
        settings["Tenders:OpeningGrace"] = OpeningGrace.ToString();
        var node = ServerNode.Start(name, settings);
        nodes.Add(node);
        return node;
    }

    string Outputs => string.Join("\n\n", nodes.Select(n => $"--- node {n.Name} ---\n{n.Output}"));

    /// <summary>Where the load balancer sends requests: every node it has not taken out of rotation.</summary>
    sealed class Rotation(params ServerNode[] nodes)
    {
        readonly List<ServerNode> live = [.. nodes];
        int next;

        public ServerNode Next()
        {
            lock (live) return live[next++ % live.Count];
        }

        public void TakeOut(ServerNode node)
        {
            lock (live) live.Remove(node);
        }
    }

    /// <summary>One write as its client saw it: what it sent, and whether the server acknowledged it (2xx).</summary>
    sealed record Attempt(string Content, ServerNode Node, DateTimeOffset At, HttpStatusCode? Status, string? Error, string? Code = null)
    {
        public bool Acknowledged => Status is { } s && (int)s is >= 200 and < 300;
        public bool Failed => Status is null || (int)Status >= 500; // no answer, or the server could not do it: the client tries again
    }

    [Fact]
    public async Task Node_B_takes_over_from_a_killed_node_A_with_every_acknowledged_write_once_and_the_deadline_opened_once()
    {
        // --- the world, built on node A alone, so node A holds its grains and the clock work ------------------------
        var a = StartNode("A");
        await a.WaitReady(TwoNodeCluster.StartPatience);
        var admin = TwoNodeCluster.Browse(a);
        await admin.SignUp("segreteria");
        var spaceId = await admin.Http.CreateSpace();
        var buyer = TwoNodeCluster.Browse(a);
        await buyer.SignUp("buyer");
        var buyerId = (await buyer.Http.CreateBusiness("Comune di Nodo", BusinessKind.Buyer)).Id;
        await admin.Http.ApproveBuyer(buyer.Http, spaceId, buyerId);
        var firms = new List<(Browser Person, Guid FirmId)>();
        for (var i = 1; i <= Bidders; i++)
        {
            var person = TwoNodeCluster.Browse(a);
            await person.SignUp($"impresa{i}");
            var firm = await person.Http.CreateBusiness($"Impresa Nodo {i}");
            await admin.Http.Admit(spaceId, person.Http, firm.Id);
            firms.Add((person, firm.Id));
        }
        var now = DateTimeOffset.UtcNow;
        var longTender = await Publish(buyer, await Draft(buyer, buyerId, spaceId, "Gara lunga", now.AddDays(1), now.AddDays(2)));
        var (lead, leadId) = firms[0];
        var (partner, partnerId) = firms[1];
        var alliance = await (await lead.Http.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(leadId, spaceId, longTender.Id, "RTI Nodo", "Accordo"), Json)).Read<AllianceDto>();
        (await lead.Http.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(partnerId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await partner.Http.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partnerId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        var packages = new List<WorkPackageDto>();
        for (var i = 1; i <= Packages; i++)
        {
            var saved = await (await lead.Http.PostAsJsonAsync($"/api/alliances/{alliance.Id}/bid/work-packages",
                new SaveWorkPackageRequest(null, 0, $"Pacchetto {i}", 1, null, leadId, new MoneyDto(1000m * i, "EUR")), Json)).Read<JointBidDto>();
            packages.Add(saved.WorkPackages.Single(w => w.Title == $"Pacchetto {i}"));
        }
        // The burst's tender, drafted now (its grain on node A); its real deadlines are set once node B is up.
        var draft = await Draft(buyer, buyerId, spaceId, "Gara breve", now.AddDays(1), now.AddDays(2));

        var b = StartNode("B");
        await b.WaitReady(TwoNodeCluster.StartPatience);
        now = DateTimeOffset.UtcNow;
        var edited = await (await buyer.Http.PutAsJsonAsync($"/api/tenders/{draft.Id}", new EditTenderRequest(draft.Version, [spaceId], draft.Title, null,
            [.. draft.Lots.Select(l => new LotRequest(l.Number, l.Title, null, ["45210000"], l.EstimatedValue, null))], [],
            [new CriterionRequest(1, "Prezzo", CriterionKind.Price, 100)], now.AddSeconds(3), now.AddSeconds(3) + Tendering, null, null, false, []), Json)).Read<TenderDto>();
        var tender = await Publish(buyer, edited);
        var deadline = tender.SubmissionDeadline;

        // --- the burst, through both nodes; node A killed while it runs, before the deadline ------------------------
        var rotation = new Rotation(a, b);
        var bidAttempts = firms.ToDictionary(f => f.FirmId, _ => new List<Attempt>());
        var packageAttempts = packages.ToDictionary(p => p.Id, _ => new List<Attempt>());
        var persistedWithoutAnswer = new ConcurrentBag<string>(); // package saves that failed at the client yet were stored
        var lastNewWrite = deadline - TimeSpan.FromSeconds(2);

        async Task<Attempt> Send(Browser person, Func<HttpClient, Task<HttpResponseMessage>> write, string content)
        {
            var node = rotation.Next();
            using var through = person.On(node);
            through.Http.Timeout = TimeSpan.FromSeconds(45);
            var at = DateTimeOffset.UtcNow;
            try
            {
                using var response = await write(through.Http);
                var code = (int)response.StatusCode is >= 400 and < 500 ? (await response.Refusal()).Code : null;
                return new Attempt(content, node, at, response.StatusCode, null, code);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return new Attempt(content, node, at, null, e.GetType().Name);
            }
        }

        async Task BidLoop(Browser person, Guid firmId, int index)
        {
            while (DateTimeOffset.UtcNow < tender.EnquiryDeadline.AddMilliseconds(300)) await Task.Delay(50);
            for (var round = 0; DateTimeOffset.UtcNow < lastNewWrite; round++)
            {
                var price = 900_000m - index * 1000 - round; // every write of every firm names its own price
                Attempt attempt;
                do
                {
                    attempt = await Send(person, http => http.PutAsJsonAsync($"/api/tenders/{tender.Id}/bids/{firmId}",
                        new SubmitBidRequest([new LotPriceRequest(1, new MoneyDto(price, "EUR"))], [], []), Json), price.ToString(CultureInfo.InvariantCulture));
                    lock (bidAttempts) bidAttempts[firmId].Add(attempt);
                    if (attempt.Failed) await Task.Delay(250); // the client tries the same bid again
                }
                while (attempt.Failed && DateTimeOffset.UtcNow < deadline + TakeOverCap);
                if (!attempt.Acknowledged) break; // refused (the deadline passed): the firm stops
            }
        }

        async Task PackageLoop(WorkPackageDto package)
        {
            var version = package.Version;
            for (var round = 1; DateTimeOffset.UtcNow < lastNewWrite; round++)
            {
                var title = $"{package.Title} rev {round}";
                Attempt attempt;
                do
                {
                    attempt = await Send(lead, http => http.PostAsJsonAsync($"/api/alliances/{alliance.Id}/bid/work-packages",
                        new SaveWorkPackageRequest(package.Id, version, title, 1, null, leadId, package.Price), Json), title);
                    lock (packageAttempts) packageAttempts[package.Id].Add(attempt);
                    if (attempt.Failed) await Task.Delay(250);
                }
                while (attempt.Failed && DateTimeOffset.UtcNow < deadline + TakeOverCap);
                if (attempt.Status == HttpStatusCode.Conflict)
                {
                    // The same save, retried, names a version that is gone: an earlier try of it was stored though its
                    // answer was lost. Nobody else edits this package, so what is stored must be exactly that try.
                    var stored = (await ReadBid(lead, b, alliance.Id)).WorkPackages.Single(w => w.Id == package.Id);
                    stored.Title.Should().Be(title, "a conflict on a retried save means the lost try was stored, and it is this one");
                    persistedWithoutAnswer.Add(title);
                    version = stored.Version;
                }
                else if (attempt.Acknowledged) version++;
                else throw new InvalidOperationException($"Save of {title} was refused: {attempt.Status}\n{Outputs}");
            }
        }

        var burst = Task.WhenAll([.. firms.Select((f, i) => BidLoop(f.Person, f.FirmId, i)), .. packages.Select(PackageLoop)]);
        while (DateTimeOffset.UtcNow < deadline - KillBeforeDeadline) await Task.Delay(20);
        rotation.TakeOut(a); // the load balancer's health check will see it gone; requests already on A die with it
        var killedAt = DateTimeOffset.UtcNow;
        await a.Kill();
        var sinceKill = Stopwatch.StartNew();

        // --- node B serves the grains node A held: measured from the kill, capped ------------------------------------
        using var buyerOnB = buyer.On(b);
        using var leadOnB = lead.On(b);
        buyerOnB.Http.Timeout = leadOnB.Http.Timeout = TimeSpan.FromSeconds(10); // a call to a grain of the dead node may wait: ask again
        var served = await Task.WhenAll(Eventually(sinceKill, () => buyerOnB.Http.GetAsync($"/api/tenders/{tender.Id}")),
            Eventually(sinceKill, () => leadOnB.Http.GetAsync($"/api/alliances/{alliance.Id}/bid")));
        output.WriteLine($"node A killed (SIGKILL) {(deadline - killedAt).TotalSeconds:F1} s before the submission deadline; node B served the tender "
            + $"{served[0].TotalSeconds:F1} s and the joint bid {served[1].TotalSeconds:F1} s after the kill");
        await burst.WaitAsync(TakeOverCap + Tendering);

        // --- the tender opens, once, on node B ------------------------------------------------------------------------
        var opening = Stopwatch.StartNew();
        TenderDto? seen = null;
        while (opening.Elapsed < TakeOverCap + OpeningGrace && seen?.Status != TenderStatus.Evaluation)
        {
            await Task.Delay(500);
            using var read = await buyerOnB.Http.GetAsync($"/api/tenders/{tender.Id}");
            if (read.IsSuccessStatusCode) seen = await read.Read<TenderDto>();
        }
        seen?.Status.Should().Be(TenderStatus.Evaluation, "the deadline fell while node A was dying, and node B opens the bids\n{0}", Outputs);
        output.WriteLine($"the bids were open {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1} s after the kill, {(DateTimeOffset.UtcNow - deadline).TotalSeconds:F1} s after the deadline (opening grace {OpeningGrace.TotalSeconds} s)");

        // --- every acknowledged write is there exactly once -----------------------------------------------------------
        var options = new DbContextOptionsBuilder<PostgresMarketplaceDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new PostgresMarketplaceDbContext(options);
        var rows = await db.Bids.AsNoTracking().Where(r => r.TenderId == tender.Id).ToListAsync();
        var prices = (await db.BidLots.AsNoTracking().Where(l => l.TenderId == tender.Id).ToListAsync()).ToDictionary(l => l.BidId, l => l.Amount);
        var failedWrites = bidAttempts.Values.SelectMany(x => x).Count(x => x.Failed) + packageAttempts.Values.SelectMany(x => x).Count(x => x.Failed);
        output.WriteLine($"{bidAttempts.Values.Sum(x => x.Count(y => y.Acknowledged))} bids and {packageAttempts.Values.Sum(x => x.Count(y => y.Acknowledged))} "
            + $"package saves acknowledged; {failedWrites} writes failed at the client and were retried; {persistedWithoutAnswer.Count} package saves were stored though their answer was lost");
        var all = bidAttempts.Values.Concat(packageAttempts.Values).SelectMany(x => x).ToList();
        foreach (var failure in all.Where(x => x.Failed).GroupBy(x => $"{x.Error ?? ((int)x.Status!).ToString(CultureInfo.InvariantCulture)} through {x.Node.Name}"))
            output.WriteLine($"  failed: {failure.Count()} x {failure.Key}, sent {(failure.Min(x => x.At) - killedAt).TotalSeconds:F1} … {(failure.Max(x => x.At) - killedAt).TotalSeconds:F1} s from the kill");
        failedWrites.Should().BeGreaterThan(0, "the kill fell in the burst: some writes were in flight to node A or to its grains");
        all.Where(x => x.Node == b && x.Status == HttpStatusCode.InternalServerError).Should().BeEmpty(
            "until the survivor takes the dead node's grains over, it answers 503 (try again), not 500\n{0}", Outputs);
        foreach (var (firmId, attempts) in bidAttempts)
        {
            attempts.Where(x => !x.Acknowledged && !x.Failed).Select(x => x.Code).Where(c => c != BidNotStoredException.DeadlinePassed.Code)
                .Should().BeEmpty("a bid is refused only when it arrives after the deadline\n{0}", Outputs);
            var stored = rows.Where(r => r.BidderId == firmId).ToList();
            stored.Should().HaveCountLessThanOrEqualTo(1, "firm {0} has one stored bid, never two", firmId);
            // What may be stored: the last acknowledged bid, or a later try whose answer the client never had.
            var lastAcked = attempts.FindLastIndex(x => x.Acknowledged);
            var possible = attempts.Select((x, i) => (x, i)).Where(t => t.i == lastAcked || t.i > lastAcked && t.x.Failed)
                .Select(t => decimal.Parse(t.x.Content, CultureInfo.InvariantCulture)).ToList();
            if (lastAcked >= 0) stored.Should().ContainSingle("firm {0}'s acknowledged bid is stored", firmId);
            if (stored.Count == 0) continue;
            stored[0].Status.Should().Be(BidStatus.Submitted);
            possible.Should().Contain(prices.GetValueOrDefault(stored[0].BidId) ?? -1,
                "firm {0}'s opened bid is its last acknowledged one, or a later try it sent", firmId);
        }
        var workspace = await ReadBid(lead, b, alliance.Id);
        workspace.WorkPackages.Should().HaveCount(Packages, "retried saves never add a package");
        foreach (var package in packages)
        {
            var attempts = packageAttempts[package.Id];
            var stored = workspace.WorkPackages.Single(w => w.Id == package.Id);
            var acknowledged = attempts.Where(x => x.Acknowledged).Select(x => x.Content).Concat(persistedWithoutAnswer).ToHashSet();
            var expectedVersion = package.Version + attempts.Select(x => x.Content).Distinct().Count(acknowledged.Contains);
            stored.Version.Should().Be(expectedVersion, "package {0} is at the version of its last acknowledged save, each save counted once", package.Title);
            stored.Title.Should().Be(attempts.Last(x => acknowledged.Contains(x.Content)).Content);
        }

        // --- the deadline opened once ---------------------------------------------------------------------------------
        var head = await db.Tenders.AsNoTracking().SingleAsync(t => t.TenderId == tender.Id);
        var links = await db.AuditEntries.AsNoTracking().Where(e => e.TenderId == tender.Id && e.Chain == AuditChainKind.Public).OrderBy(e => e.Sequence).ToListAsync();
        AuditChain.FirstBroken(tender.Id, AuditChainKind.Public, [.. links.Select(l => l.ToLink())], head.AuditHeadSequence, head.AuditHeadHash)
            .Should().BeNull("the tender's audit chain is whole");
        links.Where(l => l.Kind == "SubmissionsClosed").Should().ContainSingle().Which.At.Should().Be(deadline);
        links.Where(l => l.Kind == TenderState.OpenedEvent).Should().ContainSingle("the bids are opened once, whichever node ran the deadline")
            .Which.Detail.Should().Contain($"bids={rows.Count}", "and every stored bid was opened");
    }

    /// <summary>How long after the kill a read through node B first succeeds (a grain served), capped.</summary>
    async Task<TimeSpan> Eventually(Stopwatch waited, Func<Task<HttpResponseMessage>> read)
    {
        while (true)
        {
            try
            {
                using var response = await read();
                if (response.IsSuccessStatusCode) return waited.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (waited.Elapsed > TakeOverCap) throw new TimeoutException($"node B did not serve the grains within {TakeOverCap}\n{Outputs}");
            await Task.Delay(200);
        }
    }

    static async Task<JointBidDto> ReadBid(Browser person, ServerNode node, Guid allianceId)
    {
        using var on = person.On(node);
        return (await on.Http.GetFromJsonAsync<JointBidDto>($"/api/alliances/{allianceId}/bid", Json))!;
    }

    static async Task<TenderDto> Draft(Browser buyer, Guid buyerId, Guid spaceId, string title, DateTimeOffset enquiries, DateTimeOffset submissions) =>
        await (await buyer.Http.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyerId, [spaceId], title, null,
            [new LotRequest(0, "Lotto unico", null, ["45210000"], new MoneyDto(1_000_000m, "EUR"), null)], [],
            [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], enquiries, submissions, null, null, false, []), Json)).Read<TenderDto>();

    static async Task<TenderDto> Publish(Browser buyer, TenderDto draft) =>
        await (await buyer.Http.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).Read<TenderDto>();

    public async Task DisposeAsync()
    {
        await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
        await database.DisposeAsync();
        File.Delete(auditKeyFile);
    }
}
