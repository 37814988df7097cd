using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.Data.Storage;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// Keeps a tender's list row and spaces equal to its grain state, appends its new events to the audit chain, and on
/// publication puts the tender in the inbox of every member firm whose capabilities match a lot (<see cref="InboxNotices"/>).
/// </summary>
public sealed class TenderProjector(IOptions<TenderOptions> options) : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(TenderState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken ct)
    {
        if (state is not TenderState { Exists: true } tender) return; // tenders are never deleted
        var unchained = await TenderLedger.Unchained(db, tender.Id, AuditChain.TenderSubject, tender.History, ct);
        var row = await TenderLedger.Lock(db, tender.Id, ct);
        var wasPublished = row is not null && row.Status != TenderStatus.Draft;
        if (row is null)
        {
            row = new TenderEntry { TenderId = tender.Id, Title = "", Cpv = "" };
            db.Tenders.Add(row);
        }
        Fill(row, tender);

        await db.Awards.Where(a => a.TenderId == tender.Id).ExecuteDeleteAsync(ct);
        db.Awards.AddRange(TenderAwards.Awarded(tender.Decisions, tender.Bids).Select(a => new AwardEntry
        {
            TenderId = tender.Id, Lot = a.Decision.Lot, BidId = a.Bid.BidId, Amount = a.Price.Amount, Currency = a.Price.Currency, At = a.Decision.At,
        }));
        if (unchained.Any(e => e.Kind == TenderState.OpenedEvent)) await OpenPrices(db, tender, ct);
        await db.TenderSpaces.Where(s => s.TenderId == tender.Id).ExecuteDeleteAsync(ct);
        db.TenderSpaces.AddRange(tender.Spaces.Select(s => new TenderSpaceEntry { TenderId = tender.Id, SpaceId = s }));
        await TenderLots.Replace(db, tender, ct);
        TenderLedger.Chain(db, row, AuditChain.TenderSubject, unchained);
        await AwardNotices.Add(db, tender, unchained, ct);
        await AnswerNotices.Add(db, tender, unchained, ct);
        await SoccorsoNotices.Add(db, tender, unchained, ct);
        // Published here, or imported (an external opportunity is published at once, perhaps past its enquiry period).
        if (!wasPublished && tender.PublishedAt is not null) await InboxNotices.Add(db, tender, tender.PublishedAt.Value, options.Value.MatchDigits, ct);
        else if (unchained.Any(e => e.Kind == TenderState.AmendedEvent))
        {
            await InboxNotices.Rematch(db, tender, options.Value.MatchDigits, ct);
            // An import's amendment may bring lots other firms do: they are told now; those told already are not told again.
            if (tender.External is not null) await InboxNotices.Add(db, tender, tender.UpdatedAt, options.Value.MatchDigits, ct);
        }
    }

    /// <summary>The tender's list row as its state says now (also the start-up back-fill's, <see cref="TenderBackfill"/>).</summary>
    internal static void Fill(TenderEntry row, TenderState tender)
    {
        var details = tender.Details!;
        row.BuyerId = tender.BuyerId;
        row.CreatedBy = tender.CreatedBy;
        row.Title = details.Title;
        row.QuestionsWaiting = tender.Questions.Count(q => q.Answer is null);
        row.Status = tender.Status;
        row.Cpv = string.Join(' ', details.Lots.SelectMany(l => l.Cpv).Distinct());
        row.LotCount = details.Lots.Length;
        row.DisclosesBidCount = details.DisclosesBidCount;
        row.EnquiryDeadline = details.EnquiryDeadline;
        row.SubmissionDeadline = details.SubmissionDeadline;
        row.NextDeadline = tender.Status switch
        {
            TenderStatus.Enquiries => details.EnquiryDeadline,
            TenderStatus.Tendering or TenderStatus.Opening => details.SubmissionDeadline,
            _ => null,
        };
        row.PublishedAt = tender.PublishedAt;
        row.UpdatedAt = tender.UpdatedAt;
        row.ExternalBuyer = tender.External?.BuyerName;
        row.ExternalUrl = tender.External?.Url;
    }

    /// <summary>The bid rows get their prices when the bids are opened: the verified opened prices, never the rows' own.</summary>
    static async Task OpenPrices(MarketplaceDbContext db, TenderState tender, CancellationToken ct)
    {
        await db.BidLots.Where(l => l.TenderId == tender.Id).ExecuteDeleteAsync(ct);
        db.BidLots.AddRange(tender.Bids.Where(b => b.Failure is null).SelectMany(b => b.Lots.Select(l =>
            new BidLotEntry { BidId = b.BidId, TenderId = tender.Id, Lot = l.Lot, Amount = l.Price.Amount, Currency = l.Price.Currency })));
    }
}

/// <summary>
/// Keeps bids' rows equal to their grain states (who bids for which lots, never at what price: prices come at
/// opening), seals the files they carry, and appends their events to the tender's audit chain. It is also the
/// deadline's and <see cref="OneBidPerLot"/>'s last guard: inside the transaction that stores them, under the tender's
/// lock, a bid the tender no longer takes, or one binding a firm to a lot it is bound to elsewhere, is refused.
/// It takes a tender's bids in batches (<see cref="Storage.BidWrites"/> group-commits them): each is judged and
/// chained in the batch's order, exactly as if it had been stored alone after the ones before it.
/// </summary>
public sealed class BidProjector(StateSealer sealer)
{
    /// <summary>
    /// Projects <paramref name="bids"/> of one tender into <paramref name="db"/> (not saved yet); for each, null when
    /// it may be stored, or why not (nothing of a refused bid is projected).
    /// </summary>
    public async Task<BidNotStoredException?[]> Project(MarketplaceDbContext db, Guid tenderId, IReadOnlyList<BidState> bids, CancellationToken ct)
    {
        var refusals = new BidNotStoredException?[bids.Count];
        if (bids.Count == 0) return refusals;
        var subjects = bids.Select(b => b.BidId.ToString("N")).ToList();
        var recorded = await TenderLedger.Recorded(db, tenderId, subjects, ct);
        var tender = await TenderLedger.Lock(db, tenderId, ct);
        var bindings = await LotBindings.Of(db, tenderId, [.. bids.SelectMany(b => b.Content!.Tenderers.Select(t => t.FirmId)).Distinct()],
            [.. bids.SelectMany(b => b.Content!.Lots.Select(l => l.Lot)).Distinct()], ct);
        var replaced = new List<Guid>();
        for (var i = 0; i < bids.Count; i++)
        {
            var bid = bids[i];
            var content = bid.Content!;
            var firms = content.Tenderers.Select(t => t.FirmId).ToList();
            var lots = content.Lots.Select(l => l.Lot).ToList();
            if (tender is null || !TenderRules.TakesBidsAt(tender.Status, tender.EnquiryDeadline, tender.SubmissionDeadline, bid.UpdatedAt))
            {
                refusals[i] = BidNotStoredException.Closed(tender?.SubmissionDeadline ?? bid.UpdatedAt);
                continue;
            }
            if (bid.Status == BidStatus.Submitted && bindings.BoundLot(bid.BidderId, firms, lots) is { } lot)
            {
                refusals[i] = content.Tenderers is [{ FirmId: var alone }] && alone == bid.BidderId ? BidNotStoredException.Clash(lot) : BidNotStoredException.JointClash();
                continue;
            }
            bindings.Bid(bid.BidderId, bid.Status, firms, lots);
            if (bid.History.Count > 1) replaced.Add(bid.BidId);
            db.Bids.Add(new BidEntry
            {
                BidId = bid.BidId, TenderId = bid.TenderId, BidderId = bid.BidderId, Status = bid.Status, Submission = content.Submission,
                Digest = bid.Receipt!.Digest, ReceivedAt = bid.Receipt.ReceivedAt,
            });
            db.BidLots.AddRange(content.Lots.Select(l => new BidLotEntry { BidId = bid.BidId, TenderId = bid.TenderId, Lot = l.Lot }));
            db.BidTenderers.AddRange(content.Tenderers.Select(t => new BidTendererEntry { BidId = bid.BidId, TenderId = bid.TenderId, FirmId = t.FirmId, Role = t.Role }));
            await sealer.SealDocuments(db, bid.TenderId, content.Documents.Select(d => d.Id), ct);
            TenderLedger.Chain(db, tender, subjects[i], TenderLedger.Unchained(bid.History, recorded.GetValueOrDefault(subjects[i])));
        }
        // The rows a resubmission or withdrawal replaces go now, before the batch's inserts are saved.
        if (replaced.Count > 0)
        {
            await db.Bids.Where(b => replaced.Contains(b.BidId)).ExecuteDeleteAsync(ct);
            await db.BidLots.Where(b => replaced.Contains(b.BidId)).ExecuteDeleteAsync(ct);
            await db.BidTenderers.Where(b => replaced.Contains(b.BidId)).ExecuteDeleteAsync(ct);
        }
        return refusals;
    }
}

/// <summary>The tender row as the serialisation point of everything written about one tender.</summary>
internal static class TenderLedger
{
    /// <summary>
    /// The tender's row, locked until the transaction ends (PostgreSQL; SQLite runs one writer at a time): bids and
    /// the tender's own changes then append to its audit chain one after another, and a bid cannot slip in after the
    /// tender closed submissions.
    /// </summary>
    public static Task<TenderEntry?> Lock(MarketplaceDbContext db, Guid tenderId, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Tenders.FromSql($"""SELECT * FROM tenders WHERE "TenderId" = {tenderId} FOR UPDATE""").SingleOrDefaultAsync(ct)
            : db.Tenders.SingleOrDefaultAsync(t => t.TenderId == tenderId, ct);

    /// <summary>
    /// The events of one subject that the chain does not have yet. Each subject (the tender, a bid, an alliance) is
    /// written by its own grain, one write at a time, so this needs no lock; only the head does.
    /// </summary>
    public static async Task<AuditEvent[]> Unchained(MarketplaceDbContext db, Guid tenderId, string subject, IReadOnlyList<AuditEvent> history, CancellationToken ct) =>
        Unchained(history, (await Recorded(db, tenderId, [subject], ct)).GetValueOrDefault(subject));

    /// <summary>The events of <paramref name="history"/> after the <paramref name="recorded"/> ones.</summary>
    public static AuditEvent[] Unchained(IReadOnlyList<AuditEvent> history, int recorded) => [.. history.Where(h => h.Sequence > recorded)];

    /// <summary>How many events of each of <paramref name="subjects"/> the chain has (a subject it has none of is left out).</summary>
    public static Task<Dictionary<string, int>> Recorded(MarketplaceDbContext db, Guid tenderId, IReadOnlyCollection<string> subjects, CancellationToken ct) =>
        db.AuditEntries.Where(e => e.TenderId == tenderId && subjects.Contains(e.Subject)).GroupBy(e => e.Subject)
            .Select(g => new { Subject = g.Key, Recorded = g.Max(e => e.SubjectSequence) }).ToDictionaryAsync(g => g.Subject, g => g.Recorded, ct);

    /// <summary>
    /// Appends a subject's events to its chain of a locked tender row (the tender's own to the public chain, the
    /// others to the sealed one), and moves that chain's head. The public opening link also records the sealed
    /// chain's head at that moment (<see cref="AuditChain.SealedHeadDetail"/>).
    /// </summary>
    public static void Chain(MarketplaceDbContext db, TenderEntry tender, string subject, IEnumerable<AuditEvent> events)
    {
        var chain = AuditChain.ChainOf(subject);
        foreach (var e in events)
        {
            var detail = chain == AuditChainKind.Public && e.Kind == OpeningKind
                ? $"{e.Detail}{(e.Detail.Length > 0 ? ";" : "")}{AuditChain.SealedHeadDetail(tender.SealedHeadSequence, tender.SealedHeadHash)}"
                : e.Detail;
            var (sequence, previous) = chain == AuditChainKind.Public ? (tender.AuditHeadSequence, tender.AuditHeadHash) : (tender.SealedHeadSequence, tender.SealedHeadHash);
            var link = AuditChain.Link(tender.TenderId, chain, sequence + 1, subject, e.Kind, detail, e.At, previous);
            db.AuditEntries.Add(new AuditEntry
            {
                TenderId = tender.TenderId, Chain = chain, Sequence = link.Sequence, Subject = subject, SubjectSequence = e.Sequence, Kind = e.Kind,
                Detail = detail, At = e.At, PreviousHash = link.PreviousHash, Hash = link.Hash,
            });
            if (chain == AuditChainKind.Public) (tender.AuditHeadSequence, tender.AuditHeadHash) = (link.Sequence, link.Hash);
            else (tender.SealedHeadSequence, tender.SealedHeadHash) = (link.Sequence, link.Hash);
        }
    }

    /// <summary>The tender's event that opens the bids: its public link commits to the sealed chain.</summary>
    const string OpeningKind = "BidsOpened";
}

/// <summary>
/// The bids a tender opens: read from their sealed stored states (the bid rows only name a bid whose state cannot be
/// read), each checked against the receipt its audit chain recorded (<see cref="BidOpening"/>).
/// </summary>
public sealed class EfTenderBids(IServiceScopeFactory scopes, StateSealer sealer, Audit.AuditChains chains) : ITenderBids
{
    public async Task<bool> HasSubmitted(Guid tenderId, Guid bidderId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        return await db.Bids.AnyAsync(b => b.TenderId == tenderId && b.BidderId == bidderId && b.Status == BidStatus.Submitted);
    }

    public async Task<FirmBidding[]> Bidding(Guid tenderId, Guid[] firmIds, int[] lots)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        return await LotBindings.Standing(db, tenderId, firmIds, lots, CancellationToken.None);
    }

    public async Task<OpenedBid[]> Submitted(Guid tenderId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var prefix = StateSealer.EnvelopePrefix(tenderId);
        var rows = await db.GrainStates.AsNoTracking().Where(s => s.StateName == BidStateName && s.Data.StartsWith(prefix)).ToListAsync();
        var named = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId).ToDictionaryAsync(b => b.BidderId, b => b.BidId);
        if (rows.Count > 0) await sealer.LoadKey(tenderId);
        var stored = new List<StoredBid>();
        foreach (var row in rows)
        {
            var grainId = GrainId.Parse(row.GrainId);
            grainId.GetGuidKey(out var extension);
            var bidderId = Guid.ParseExact(extension!, "N");
            var state = await Decrypt(row, grainId);
            stored.Add(new StoredBid(bidderId, state?.BidId ?? named.GetValueOrDefault(bidderId), state is { } s && s.TenderId == tenderId && s.BidderId == bidderId ? s : null));
        }
        var (receipts, chainHolds) = await RecordedReceipts(db, tenderId);
        return BidOpening.Open(stored, receipts, chainHolds);
    }

    // The bid grain's [PersistentState] name.
    const string BidStateName = "bid";

    async Task<BidState?> Decrypt(Storage.GrainStateRecord row, GrainId grainId)
    {
        try
        {
            return JsonSerializer.Deserialize<BidState>(await sealer.Unseal(row.Data, EfGrainStorage.SealingContext(row.StateName, grainId)), EfGrainStorage.Json);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null; // altered: the opening reports it
        }
    }

    /// <summary>
    /// The receipts the tender's sealed audit chain records for its bids (each bid's latest BidSubmitted link, and
    /// whether a withdrawal followed it), and whether that chain verifies (<see cref="Audit.AuditChains.Sealed"/>).
    /// The one place the opening reads the chain.
    /// </summary>
    async Task<(RecordedReceipt[] Receipts, bool ChainHolds)> RecordedReceipts(MarketplaceDbContext db, Guid tenderId)
    {
        var chain = await chains.Sealed(db, tenderId, CancellationToken.None);
        var receipts = chain.Links.Where(l => l.Kind is BidState.SubmittedEvent or BidState.WithdrawnEvent).GroupBy(l => l.Subject)
            .Select(bid => (Last: bid.Last(), Submitted: bid.LastOrDefault(l => l.Kind == BidState.SubmittedEvent)))
            .Where(bid => bid.Submitted is not null && Guid.TryParseExact(bid.Last.Subject, "N", out _)
                && BidSeal.ParseReceiptDetail(bid.Submitted.Detail) is not null)
            .Select(bid =>
            {
                var (submission, digest) = BidSeal.ParseReceiptDetail(bid.Submitted!.Detail)!.Value;
                return new RecordedReceipt(Guid.ParseExact(bid.Last.Subject, "N"), submission, digest, bid.Submitted.At,
                    bid.Last.Kind == BidState.WithdrawnEvent);
            });
        return ([.. receipts], chain.Holds);
    }
}
