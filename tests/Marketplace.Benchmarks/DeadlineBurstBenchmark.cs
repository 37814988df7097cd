using System.Diagnostics;
using System.Globalization;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Benchmarks.Bench;

namespace Marketplace.Benchmarks;

/// <summary>
/// The deadline burst: N bids (1,000) submitted in the last 2 s before a tender's submission deadline T, against the
/// real server in-process (real clock, EF grain storage on PostgreSQL), then a late wave over [T, T + 0.5 s) that must
/// all be refused: half from member firms that have not bid, half resubmissions of burst bids. Afterwards the tender
/// is opened and the database checked: every acknowledged bid is stored exactly once with its receipt, none at or
/// after T, the opened tender holds exactly the acknowledged bids, and the tender's audit chain verifies.
/// Before it, N firms (--warmup, 300) bid on another tender, as a server that has taken bids before would have: the
/// burst then times the bids, not the first JIT compilation of the code that takes them.
/// Options: [--bids N] [--late N] [--window-ms N] [--late-ms N] [--setup-parallelism N] [--warmup N] [--trace] (see <see cref="BurstProbe"/>).
/// Exit code: 0 when everything verifies; 1 on any violation; 3 when everything verifies but bids sent before T were refused.
/// </summary>
internal static class DeadlineBurstBenchmark
{
    /// <summary>Building works: the tender's lot and every firm's capability, so every firm is told of the tender.</summary>
    const string Cpv = "45210000";

    static readonly TimeSpan EnquiryLead = TimeSpan.FromSeconds(3), Tendering = TimeSpan.FromSeconds(4);
    // The tender opens its bids OpeningGrace after the deadline; read it a little after that.
    static readonly TimeSpan Settle = new TenderOptions().OpeningGrace + TimeSpan.FromSeconds(3);

    sealed record Shot(int Index, Guid FirmId, Guid ActorId, decimal Price, DateTimeOffset Scheduled, bool Late, bool Resubmission);

    /// <summary>One Submit as the caller saw it: wall-clock start and end, latency, and the receipt or the refusal.</summary>
    sealed record Call(Shot Shot, DateTimeOffset Start, DateTimeOffset End, double Ms, Receipt? Receipt, string? Refusal)
    {
        public bool Acknowledged => Receipt is not null;
    }

    public static async Task<int> Run(BenchOptions args)
    {
        var count = Math.Max(1, args.Int("--bids", 1000));
        var lateCount = Math.Max(0, args.Int("--late", 100));
        var window = TimeSpan.FromMilliseconds(args.Int("--window-ms", 2000));
        var lateWindow = TimeSpan.FromMilliseconds(args.Int("--late-ms", 500));
        var parallelism = args.Int("--setup-parallelism", 16);
        var warmupCount = Math.Max(0, args.Int("--warmup", 300));
        await using var probe = args.Flag("--trace") ? new BurstProbe() : null;

        // WebApplicationFactory finds the server's content root through MvcTestingAppManifest.json in the working
        // directory, as under a test runner; scripts/bench.sh runs from the repository root.
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        await using var database = await TestDatabase.Create(DatabaseProvider.Postgres);
        await using var server = new MarketplaceHost(database);
        var host = probe is null ? server : server.WithWebHostBuilder(b => b.ConfigureTestServices(probe.Configure));
        host.StartServer(); // migrations, then the silo
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var Db = Bench.Db(database.ConnectionString);

        // --- the world, through grains: an association's space, a buyer, member firms that build -----------------
        var setup = Stopwatch.StartNew();
        var admin = Guid.NewGuid();
        var associationId = Guid.NewGuid();
        Must(await grains.GetGrain<IBusinessGrain>(associationId).Create(new CreateBusiness(admin, BusinessKind.Association, "Associazione Imprese Benchmark")), "the association");
        var spaceId = Guid.NewGuid();
        var space = Must(await grains.GetGrain<ISpaceGrain>(spaceId).Create(new CreateSpace(admin, associationId,
            new SpaceSettings("Spazio Gare Benchmark", null, [], [], DirectoryVisibility.MembersOnly), "Regolamento del benchmark")), "the space");
        var buyerActor = Guid.NewGuid();
        var buyerId = Guid.NewGuid();
        Must(await grains.GetGrain<IBusinessGrain>(buyerId).Create(new CreateBusiness(buyerActor, BusinessKind.Buyer, "Comune di Benchmark")), "the buyer");
        Must(await grains.SpaceBuyer(spaceId, buyerId).RequestPublishing(buyerActor), "the buyer's request to publish");
        Must(await grains.SpaceBuyer(spaceId, buyerId).Decide(admin, BuyerDecision.Approve), "the space's approval");

        var lateFirms = (lateCount + 1) / 2; // the even late shots come from firms that have not bid
        var firms = Enumerable.Range(0, count + lateFirms).Select(_ => (Id: Guid.NewGuid(), Actor: Guid.NewGuid())).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, firms.Length), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var (firm, actor) = firms[i];
            var name = $"Impresa Benchmark {i + 1:D4}";
            var business = grains.GetGrain<IBusinessGrain>(firm);
            var created = Must(await business.Create(new CreateBusiness(actor, BusinessKind.Firm, name)), name);
            Must(await business.EditProfile(new EditProfile(actor, created.Version, BusinessProfile.Named(name) with { Capabilities = [Cpv] })), $"{name}'s profile");
            var membership = grains.Membership(spaceId, firm);
            Must(await membership.Apply(new ApplyToSpace(actor, null, space.Policy.Version)), $"{name}'s application");
            Must(await membership.Decide(new DecideMembership(admin, MembershipDecision.Approve, null)), $"{name}'s approval");
        });

        // --- warm-up: bids on another tender, all at once and then resubmitted, while the JIT's second tier catches up --
        if (warmupCount > 0)
        {
            var warmupId = Guid.NewGuid();
            var opens = DateTimeOffset.UtcNow + EnquiryLead;
            var warmupDraft = Must(await grains.Tender(warmupId).Draft(new DraftTender(buyerActor, buyerId, [spaceId], new TenderDetails(
                "Gara di riscaldamento", "Le offerte prima della scadenza misurata",
                [new Lot(0, "Lotto unico", null, [Cpv], new Money(1_000_000m, "EUR"), null)], [],
                [new AwardCriterion(0, "Prezzo", CriterionKind.Price, 100)],
                opens, opens + TimeSpan.FromHours(1), null, null, false, []))), "the warm-up draft");
            Must(await grains.Tender(warmupId).Publish(new PublishTender(buyerActor, warmupDraft.Version)), "the warm-up publication");
            await Task.Delay(opens - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100));
            foreach (var round in new[] { 800_000m, 700_000m })
                await Task.WhenAll(firms.Take(Math.Min(warmupCount, firms.Length)).Select((f, i) => Task.Run(async () =>
                    Must(await grains.Bid(warmupId, f.Id).Submit(new SubmitBid(f.Actor, [new Tenderer(f.Id, TendererRole.Lead)],
                        [new LotPrice(1, new Money(round - i, "EUR"))], [], [], DateTimeOffset.UtcNow)), "a warm-up bid"))));
            await Task.Delay(TimeSpan.FromSeconds(2)); // tiered compilation recompiles hot methods in the background
        }

        var tenderId = Guid.NewGuid();
        var tender = grains.Tender(tenderId);
        var now = DateTimeOffset.UtcNow;
        var draft = Must(await tender.Draft(new DraftTender(buyerActor, buyerId, [spaceId], new TenderDetails(
            "Manutenzione straordinaria edifici comunali", "La gara del benchmark della scadenza",
            [new Lot(0, "Lotto unico", null, [Cpv], new Money(1_000_000m, "EUR"), null)], [],
            [new AwardCriterion(0, "Prezzo", CriterionKind.Price, 100)],
            now + EnquiryLead, now + EnquiryLead + Tendering, null, null, false, []))), "the draft");
        var published = Must(await tender.Publish(new PublishTender(buyerActor, draft.Version)), "the publication");
        var deadline = published.Details.SubmissionDeadline;
        var setupTime = setup.Elapsed;
        Console.WriteLine($"Set up {firms.Length:N0} member firms and the tender in {setupTime.TotalSeconds:F1} s; "
            + $"enquiries close {published.Details.EnquiryDeadline:HH:mm:ss.fff}, submissions T = {deadline:HH:mm:ss.fff} UTC");

        // --- the burst and the late wave, on one clock ---------------------------------------------------------------
        var shots = new List<Shot>();
        for (var i = 0; i < count; i++)
            shots.Add(new Shot(i, firms[i].Id, firms[i].Actor, 900_000m - i, deadline - window + window * i / count, Late: false, Resubmission: false));
        for (var j = 0; j < lateCount; j++)
        {
            var at = deadline + lateWindow * j / lateCount;
            var (firm, actor) = j % 2 == 0 ? firms[count + j / 2] : firms[j * 7919 % count];
            shots.Add(new Shot(count + j, firm, actor, 500_000m + j, at, Late: true, Resubmission: j % 2 == 1));
        }

        var anchor = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        async Task Until(DateTimeOffset at)
        {
            // Task.Delay counts whole milliseconds: round up, and wait again if the timer still fired early.
            for (var wait = at - anchor - watch.Elapsed; wait > TimeSpan.Zero; wait = at - anchor - watch.Elapsed)
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
        }

        async Task<Call> Fire(Shot shot)
        {
            await Until(shot.Scheduled);
            var start = DateTimeOffset.UtcNow;
            var began = Stopwatch.GetTimestamp();
            Receipt? receipt = null;
            string? refusal;
            try
            {
                var outcome = await grains.Bid(tenderId, shot.FirmId).Submit(new SubmitBid(shot.ActorId, [new Tenderer(shot.FirmId, TendererRole.Lead)],
                    [new LotPrice(1, new Money(shot.Price, "EUR"))], [], [], start)); // stamped on arrival, as the HTTP endpoint does
                receipt = outcome.Value;
                refusal = outcome.Problem is { } no ? $"{no.Kind}: {no.Detail}" : null;
            }
            catch (Exception e)
            {
                // Orleans names the grain and message after " for message:": cut it, so the report counts one reason
                // per kind of failure rather than listing every call that timed out.
                refusal = $"{e.GetType().Name}: {e.Message.Split(" for message:")[0]}";
            }
            return new Call(shot, start, DateTimeOffset.UtcNow, Stopwatch.GetElapsedTime(began).TotalMilliseconds, receipt, refusal);
        }

        await Until(deadline - window - TimeSpan.FromSeconds(1));
        probe?.StartSampling(database.ConnectionString);
        var meter = Task.Run(async () =>
        {
            await Until(deadline - window);
            return new CpuMeter();
        });
        var calls = await Task.WhenAll(shots.Select(Fire)); // every task starts now and waits for its own slot
        var cpu = (await meter).Summary();
        if (probe is not null) await probe.StopSampling();

        // --- opening --------------------------------------------------------------------------------------------------
        await Until(deadline + Settle);
        var opened = await tender.Get();

        // --- verification against the database -------------------------------------------------------------------------
        var checks = new List<(string Name, List<string> Problems)>();
        List<string> Check(string name)
        {
            var problems = new List<string>();
            checks.Add((name, problems));
            return problems;
        }
        var acked = calls.Where(c => c.Acknowledged).ToList();
        var refusedBefore = calls.Where(c => !c.Acknowledged && c.Start < deadline).ToList();
        var refusedAfter = calls.Where(c => !c.Acknowledged && c.Start >= deadline).ToList();

        var inTime = Check("no bid sent at or after T acknowledged, no receipt time at or after T");
        foreach (var c in acked.Where(c => c.Receipt!.ReceivedAt >= deadline || c.Start >= deadline))
            inTime.Add($"bid of firm {c.Shot.FirmId} ({(c.Shot.Late ? "late wave" : "burst")}) sent at {Rel(c.Start, deadline)} was acknowledged "
                + $"with receipt time {Rel(c.Receipt!.ReceivedAt, deadline)}");
        foreach (var c in calls.Where(c => c.Shot.Late && c.Start < deadline))
            inTime.Add($"the scheduler sent late shot {c.Shot.Index} before T ({Rel(c.Start, deadline)})");

        await using var db = Db();
        var rows = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId).ToListAsync();
        var lots = (await db.BidLots.AsNoTracking().Where(l => l.TenderId == tenderId).ToListAsync()).ToLookup(l => l.BidId);
        var rowsById = rows.ToLookup(r => r.BidId);
        var storedOnce = Check("every acknowledged receipt has exactly one row in `bids` with its digest, receipt time, submission and price, status Submitted");
        foreach (var c in acked)
        {
            var receipt = c.Receipt!;
            var stored = rowsById[receipt.BidId].ToList();
            if (stored.Count != 1) { storedOnce.Add($"acknowledged bid {receipt.BidId} has {stored.Count} rows in bids"); continue; }
            var row = stored[0];
            if (row.Digest != receipt.Digest || row.ReceivedAt != receipt.ReceivedAt || row.Submission != receipt.Submission
                || row.Status != BidStatus.Submitted || row.BidderId != c.Shot.FirmId)
                storedOnce.Add($"bid {receipt.BidId} is stored as ({row.Status}, submission {row.Submission}, {row.ReceivedAt:O}, {row.Digest}) "
                    + $"but was acknowledged as (submission {receipt.Submission}, {receipt.ReceivedAt:O}, {receipt.Digest})");
            if (lots[receipt.BidId].Select(l => (l.Lot, l.Amount)).SingleOrDefault() != (1, c.Shot.Price))
                storedOnce.Add($"bid {receipt.BidId}'s stored price is not the acknowledged {c.Shot.Price}");
        }
        var nothingElse = Check($"no other bid stored: stored = acknowledged ({rows.Count} = {acked.Count}), one per firm, none received at or after T");
        if (rows.Count != acked.Count) nothingElse.Add($"{rows.Count} bids are stored but {acked.Count} were acknowledged");
        foreach (var row in rows.Where(r => r.ReceivedAt >= deadline))
            nothingElse.Add($"stored bid {row.BidId} has ReceivedAt {Rel(row.ReceivedAt, deadline)}");
        foreach (var bidder in rows.GroupBy(r => r.BidderId).Where(g => g.Count() > 1))
            nothingElse.Add($"firm {bidder.Key} has {bidder.Count()} stored bids");

        var ackedIds = acked.Select(c => c.Receipt!.BidId).ToHashSet();
        var openedRight = Check($"the opened tender ({opened?.Status}) holds exactly the acknowledged bids, with their digests");
        if (opened is null) openedRight.Add("the tender is gone");
        else
        {
            var expected = acked.Count > 0 ? TenderStatus.Evaluation : TenderStatus.Unsuccessful;
            if (opened.Status != expected) openedRight.Add($"the tender is {opened.Status} after the deadline, not {expected}");
            if (opened.Bids.Length != ackedIds.Count || !opened.Bids.Select(b => b.BidId).ToHashSet().SetEquals(ackedIds))
                openedRight.Add($"the opened tender holds {opened.Bids.Length} bids, {opened.Bids.Count(b => ackedIds.Contains(b.BidId))} of the {ackedIds.Count} acknowledged");
            var digests = acked.ToDictionary(c => c.Receipt!.BidId, c => c.Receipt!.Digest);
            foreach (var bid in opened.Bids.Where(b => digests.TryGetValue(b.BidId, out var d) && d != b.Digest))
                openedRight.Add($"opened bid {bid.BidId} has digest {bid.Digest}, not the receipt's");
        }

        var head = await db.Tenders.AsNoTracking().SingleAsync(t => t.TenderId == tenderId);
        var all = await db.AuditEntries.AsNoTracking().Where(e => e.TenderId == tenderId).OrderBy(e => e.Sequence).ToListAsync();
        var (tenderLinks, links) = (all.Where(l => l.Chain == AuditChainKind.Public).ToList(), all.Where(l => l.Chain == AuditChainKind.Sealed).ToList());
        var chain = Check($"the audit chains ({tenderLinks.Count} public links, {links.Count} sealed) verify against the heads in `tenders`, record each "
            + "acknowledged submission once, close submissions at T and open bids only on links the opening recorded");
        if (AuditChain.FirstBroken(tenderId, AuditChainKind.Public, [.. tenderLinks.Select(l => l.ToLink())], head.AuditHeadSequence, head.AuditHeadHash) is { } broken)
            chain.Add($"the public chain breaks at link {broken} of {tenderLinks.Count} (head {head.AuditHeadSequence})");
        if (AuditChain.FirstBroken(tenderId, AuditChainKind.Sealed, [.. links.Select(l => l.ToLink())], head.SealedHeadSequence, head.SealedHeadHash) is { } sealedBroken)
            chain.Add($"the sealed chain breaks at link {sealedBroken} of {links.Count} (head {head.SealedHeadSequence})");
        var bidLinks = links.Where(l => l.Kind == "BidSubmitted").ToList();
        var bidLinksBySubject = bidLinks.ToLookup(l => l.Subject);
        if (bidLinks.Count != acked.Count) chain.Add($"the audit chain records {bidLinks.Count} submissions, {acked.Count} were acknowledged");
        foreach (var receipt in acked.Select(c => c.Receipt!))
            if (bidLinksBySubject[receipt.BidId.ToString("N")].SingleOrDefault() is not { } link
                || !link.Detail.Contains($"digest={receipt.Digest}", StringComparison.Ordinal) || link.At != receipt.ReceivedAt)
                chain.Add($"the audit chain does not record bid {receipt.BidId} once with its receipt");
        var closed = tenderLinks.SingleOrDefault(l => l.Kind == "SubmissionsClosed");
        if (closed is null || closed.At != deadline) chain.Add("the audit chain does not close submissions at T");
        var sealedAtOpening = tenderLinks.SingleOrDefault(l => l.Kind == "BidsOpened") is { } o ? AuditChain.SealedHeadIn(o.Detail) : null;
        if (sealedAtOpening is null) chain.Add("the opening does not record the sealed chain's head");
        else if (bidLinks.Any(l => l.Sequence > sealedAtOpening.Value.Sequence))
            chain.Add($"{bidLinks.Count(l => l.Sequence > sealedAtOpening.Value.Sequence)} submissions are recorded after the bids were opened");
        var violations = checks.SelectMany(c => c.Problems).ToList();

        // The database's own durable insert rate in the same run, after the burst so it does not load the burst.
        var pgbench = await Pgbench.DurableInserts(database.ConnectionString);

        // --- figures ---------------------------------------------------------------------------------------------------
        var burst = calls.Where(c => !c.Shot.Late).ToList();
        var late = calls.Where(c => c.Shot.Late).ToList();
        var span = (burst.Max(c => c.End) - burst.Min(c => c.Start)).TotalSeconds;
        var burstAcked = burst.Count(c => c.Acknowledged);
        var throughput = burstAcked / span;
        var lag = calls.Select(c => (c.Start - c.Shot.Scheduled).TotalMilliseconds).ToList();
        var toGrain = acked.Select(c => (c.Receipt!.ReceivedAt - c.Start).TotalMilliseconds).ToList();
        var inGrain = acked.Select(c => (c.End - c.Receipt!.ReceivedAt).TotalMilliseconds).ToList();

        var slice = TimeSpan.FromMilliseconds(250);
        var slices = calls.GroupBy(c => (int)Math.Floor((c.Shot.Scheduled - deadline) / slice)).OrderBy(g => g.Key).Select(g =>
        {
            var from = g.Key * slice.TotalMilliseconds;
            return $"| T{from / 1000:+0.00;−0.00;+0.00} … T{(from + slice.TotalMilliseconds) / 1000:+0.00;−0.00;+0.00} s | {g.Count()} | "
                + $"{g.Count(c => c.Acknowledged)} | {g.Count(c => !c.Acknowledged)} | {Cells(g.Select(c => c.Ms))} |";
        });
        string Reasons(IEnumerable<Call> refused) => string.Join("\n", refused.GroupBy(c => c.Refusal).OrderByDescending(g => g.Count())
            .Select(g => $"- {g.Count()} × {g.Key} (sent {Rel(g.Min(c => c.Start), deadline)} … {Rel(g.Max(c => c.Start), deadline)})"));

        var verdict = violations.Count > 0 ? $"**FAILED: {violations.Count} violation(s)**"
            : refusedBefore.Count > 0 ? $"**Verified, but {refusedBefore.Count} bid(s) sent before the deadline were refused**"
            : "**Verified**: every bid sent before the deadline was acknowledged and stored once; every late one refused.";
        var report = $"""
            # Deadline burst benchmark

            {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, PostgreSQL {await ServerVersion(Db)}, {Machine()}.
            The real server in-process (silo, real clock, EF grain storage and read models on PostgreSQL), called through
            `IBidGrain.Submit`. {count:N0} member firms bid in the last {window.TotalSeconds:0.###} s before the submission deadline T, one every
            {window.TotalMilliseconds / count:F2} ms; then {lateCount} late shots over [T, T + {lateWindow.TotalSeconds:0.###} s): {lateFirms} from member firms that had not bid,
            {lateCount - lateFirms} resubmissions of burst bids. Setup through grains ({firms.Length:N0} firms created, profiled, applied and approved; the
            tender drafted and published) took {setupTime.TotalSeconds:F0} s{(warmupCount > 0 ? $", with a warm-up before the tender: {Math.Min(warmupCount, firms.Length)} of the firms bid twice on another tender" : "")}.

            {verdict}

            | | count |
            |---|---|
            | acknowledged (receipt) | {acked.Count} |
            | refused, sent before T | {refusedBefore.Count} |
            | refused, sent at or after T | {refusedAfter.Count} ({refusedAfter.Count(c => c.Shot.Late)} of the {late.Count} late shots, {refusedAfter.Count(c => !c.Shot.Late)} burst shots the scheduler sent late) |
            | stored in `bids` | {rows.Count} |
            | opened by the tender | {opened?.Bids.Length ?? 0} |

            Throughput: **{throughput:F0} acknowledged bids/s** ({burstAcked} over {span:F2} s, first burst start to last burst completion).
            During that time {cpu}.

            {(pgbench is { } pg
                ? $"The database alone (pgbench after the burst, {pg.Clients} clients, {pg.Seconds} s, one INSERT per transaction; {pg.Settings}): "
                    + $"**{pg.InsertsPerSecond:F0} durable inserts/s**; the burst's bids/s are **{throughput / pg.InsertsPerSecond:P1}** of it."
                : "pgbench was not found (it ships with PostgreSQL's server package): no database figure to compare with.")}

            | latency, ms | p50 | p95 | p99 | max |
            |---|---|---|---|---|
            | burst Submit (all {burst.Count}) | {Cells(burst.Select(c => c.Ms))} |
            | burst Submit, acknowledged | {Cells(burst.Where(c => c.Acknowledged).Select(c => c.Ms))} |
            | late Submit (refused) | {Cells(late.Select(c => c.Ms))} |
            | call start → receipt time (activation, queue) | {Cells(toGrain)} |
            | receipt time → acknowledgement (admit, store) | {Cells(inGrain)} |
            | scheduler lag (start − slot) | {Cells(lag)} |

            By scheduled time:

            | slot | sent | acknowledged | refused | p50 ms | p95 ms | p99 ms | max ms |
            |---|---|---|---|---|---|---|---|
            {string.Join("\n", slices)}

            Refused, sent before T:
            {(refusedBefore.Count == 0 ? "none" : Reasons(refusedBefore))}

            Refused, sent at or after T:
            {(refusedAfter.Count == 0 ? "none" : Reasons(refusedAfter))}

            Verification (database read afresh after opening):
            {string.Join("\n", checks.Select(c => $"- {c.Name}: {(c.Problems.Count == 0 ? "yes" : $"**NO** ({c.Problems.Count})")}"))}
            {string.Concat(violations.Select(v => $"\nVIOLATION: {v}"))}
            {(probe is null ? "" : Trace(probe, burst, deadline))}
            """;
        Console.WriteLine(report);
        await Write("deadline-burst.md", report + "\n");
        return violations.Count > 0 ? 1 : refusedBefore.Count > 0 ? 3 : 0;
    }

    /// <summary>The traced run's breakdown of each burst bid's time, and why the bids sent before T were refused.</summary>
    static string Trace(BurstProbe probe, List<Call> burst, DateTimeOffset deadline)
    {
        var traced = burst.Select(c => (Call: c, Admission: probe.AdmissionOf(c.Shot.FirmId, c.Start, c.End))).ToList();
        var admitted = traced.Where(t => t.Admission is not null).ToList();
        static string Row(string phase, IEnumerable<double> values) => $"| {phase} | {Cells(values)} |";
        var refused = traced.Where(t => !t.Call.Acknowledged && t.Call.Start < deadline).ToList();
        var late = refused.Count(t => t.Admission is { } a && a.ReceivedAt >= deadline);
        var closed = refused.Count(t => t.Admission is { Admitted: false } a && a.ReceivedAt < deadline);
        var store = refused.Count(t => t.Admission is { Admitted: true });
        return $"""

            {probe.Report(burst.Min(c => c.Start), burst.Max(c => c.End), deadline)}

            Each burst bid's time, by phase (ms):

            | phase | p50 | p95 | p99 | max |
            |---|---|---|---|---|
            {Row("call → receipt time taken (bid grain activation: its state read)", admitted.Select(t => (t.Admission!.ReceivedAt - t.Call.Start).TotalMilliseconds))}
            {Row("receipt time → tender starts the admission (queue at the tender grain)", admitted.Select(t => (t.Admission!.Start - t.Admission.ReceivedAt).TotalMilliseconds))}
            {Row("admission (membership and firm look-ups)", admitted.Select(t => (t.Admission!.End - t.Admission.Start).TotalMilliseconds))}
            {Row("admitted → answer (storing: row lock, SQL, commit; live update)", admitted.Where(t => t.Admission!.Admitted).Select(t => (t.Call.End - t.Admission!.End).TotalMilliseconds))}

            Why the {refused.Count} bids sent before T were refused: {late} had their receipt time taken only at or after T (they waited that long
            to reach the server's clock); {closed} were received before T but reached the tender after it had closed submissions; {store} were
            admitted but their write, queued behind the tender row lock, found submissions closed; {refused.Count - late - closed - store} other.
            """;
    }

    /// <summary>A time relative to the deadline, e.g. "T−812.345 ms".</summary>
    static string Rel(DateTimeOffset at, DateTimeOffset deadline) =>
        $"T{(at - deadline).TotalMilliseconds.ToString("+0.000;−0.000;+0.000", CultureInfo.InvariantCulture)} ms";

    static T Must<T>(Outcome<T> outcome, string what) => outcome.Problem is { } no
        ? throw new InvalidOperationException($"Setting up {what} was refused: {no.Kind} {no.Detail} "
            + string.Join("; ", (no.Errors ?? []).Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")))
        : outcome.Value!;
}
