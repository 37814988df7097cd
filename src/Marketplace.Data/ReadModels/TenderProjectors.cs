using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// Keeps a tender's list row and spaces equal to its grain state, appends its new events to the audit chain, and on
/// publication puts the tender in the inbox of every member firm whose capabilities match a lot.
/// </summary>
public sealed class TenderProjector(IOptions<TenderOptions> options) : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(TenderState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken ct)
    {
        if (state is not TenderState { Exists: true } tender) return; // tenders are never deleted
        var details = tender.Details!;
        var unchained = await TenderLedger.Unchained(db, tender.Id, AuditChain.TenderSubject, tender.History, ct);
        var row = await TenderLedger.Lock(db, tender.Id, ct);
        var wasPublished = row is not null && row.Status != TenderStatus.Draft;
        if (row is null)
        {
            row = new TenderEntry { TenderId = tender.Id, Title = "", Cpv = "" };
            db.Tenders.Add(row);
        }
        row.BuyerId = tender.BuyerId;
        row.Title = details.Title;
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

        await db.Awards.Where(a => a.TenderId == tender.Id).ExecuteDeleteAsync(ct);
        db.Awards.AddRange(tender.Decisions.Where(d => d.BidId is not null).Select(d =>
        {
            var price = tender.Bids.Single(b => b.BidId == d.BidId).Lots.Single(l => l.Lot == d.Lot).Price;
            return new AwardEntry { TenderId = tender.Id, Lot = d.Lot, BidId = d.BidId!.Value, Amount = price.Amount, Currency = price.Currency, At = d.At };
        }));
        await db.TenderSpaces.Where(s => s.TenderId == tender.Id).ExecuteDeleteAsync(ct);
        db.TenderSpaces.AddRange(tender.Spaces.Select(s => new TenderSpaceEntry { TenderId = tender.Id, SpaceId = s }));
        TenderLedger.Chain(db, row, AuditChain.TenderSubject, unchained);
        if (!wasPublished && tender.Status == TenderStatus.Enquiries) await Notify(db, tender, ct);
    }

    /// <summary>Every current member firm of the tender's spaces with a capability that matches a lot (<see cref="TenderRules.MatchKeys"/>).</summary>
    async Task Notify(MarketplaceDbContext db, TenderState tender, CancellationToken ct)
    {
        var digits = options.Value.MatchDigits;
        var (prefixes, ancestors) = TenderRules.MatchKeys(tender.Details!, digits);
        var spaces = tender.Spaces;
        var firms = await db.SpaceMembers.AsNoTracking()
            .Where(m => spaces.Contains(m.SpaceId) && m.Status == MembershipStatus.Member && m.BusinessId != tender.BuyerId)
            .Where(m => db.BusinessCapabilities.Any(c => c.BusinessId == m.BusinessId && (prefixes.Contains(c.CpvDigits.Substring(0, digits)) || ancestors.Contains(c.CpvDigits))))
            .Select(m => m.BusinessId).Distinct().ToListAsync(ct);
        db.Inbox.AddRange(firms.Select(f => new InboxEntry { BusinessId = f, TenderId = tender.Id, Title = tender.Details!.Title, At = tender.PublishedAt!.Value }));
    }
}

/// <summary>
/// Keeps a bid's rows equal to its grain state and appends its events to the tender's audit chain. It is also the
/// deadline's last guard: inside the same transaction, a tender that no longer takes bids refuses the write.
/// </summary>
public sealed class BidProjector : IReadModelProjector
{
    public bool Handles(Type stateType) => stateType == typeof(BidState);

    public async Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken ct)
    {
        if (state is not BidState { Exists: true } bid) return;
        // Everything that does not need the tender's lock comes first, so bids wait for each other as briefly as possible.
        if (bid.History.Count > 1)
        {
            await db.Bids.Where(b => b.BidId == bid.BidId).ExecuteDeleteAsync(ct);
            await db.BidLots.Where(b => b.BidId == bid.BidId).ExecuteDeleteAsync(ct);
            await db.BidTenderers.Where(b => b.BidId == bid.BidId).ExecuteDeleteAsync(ct);
        }
        var content = bid.Content!;
        db.Bids.Add(new BidEntry
        {
            BidId = bid.BidId, TenderId = bid.TenderId, BidderId = bid.BidderId, Status = bid.Status, Submission = content.Submission,
            Digest = bid.Receipt!.Digest, ReceivedAt = bid.Receipt.ReceivedAt,
        });
        db.BidLots.AddRange(content.Lots.Select(l => new BidLotEntry { BidId = bid.BidId, TenderId = bid.TenderId, Lot = l.Lot, Amount = l.Price.Amount, Currency = l.Price.Currency }));
        db.BidTenderers.AddRange(content.Tenderers.Select(t => new BidTendererEntry { BidId = bid.BidId, TenderId = bid.TenderId, FirmId = t.FirmId, Role = t.Role }));
        var subject = bid.BidId.ToString("N");
        var unchained = await TenderLedger.Unchained(db, bid.TenderId, subject, bid.History, ct);

        var tender = await TenderLedger.Lock(db, bid.TenderId, ct);
        if (tender is null || !TenderRules.TakesBidsAt(tender.Status, tender.EnquiryDeadline, tender.SubmissionDeadline, bid.UpdatedAt))
            throw BidNotStoredException.Closed(tender?.SubmissionDeadline ?? bid.UpdatedAt);
        if (bid.Status == BidStatus.Submitted && await OneBidPerLot.BoundLot(db, bid.TenderId, bid.BidderId,
                [.. content.Tenderers.Select(t => t.FirmId)], [.. content.Lots.Select(l => l.Lot)], ct) is { } lot)
            throw content.Tenderers is [{ FirmId: var alone }] && alone == bid.BidderId ? BidNotStoredException.Clash(lot) : BidNotStoredException.JointClash();
        TenderLedger.Chain(db, tender, subject, unchained);
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
    public static async Task<AuditEvent[]> Unchained(MarketplaceDbContext db, Guid tenderId, string subject, IReadOnlyList<AuditEvent> history, CancellationToken ct)
    {
        var recorded = await db.AuditEntries.Where(e => e.TenderId == tenderId && e.Subject == subject)
            .MaxAsync(e => (int?)e.SubjectSequence, ct) ?? 0;
        return [.. history.Where(h => h.Sequence > recorded)];
    }

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

/// <summary>The bids a tender opens: those stored as submitted (withdrawn ones are not opened).</summary>
public sealed class EfTenderBids(IServiceScopeFactory scopes) : ITenderBids
{
    public async Task<bool> HasSubmitted(Guid tenderId, Guid bidderId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        return await db.Bids.AnyAsync(b => b.TenderId == tenderId && b.BidderId == bidderId && b.Status == BidStatus.Submitted);
    }

    public async Task<OpenedBid[]> Submitted(Guid tenderId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var bids = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId && b.Status == BidStatus.Submitted).ToListAsync();
        var lots = (await db.BidLots.AsNoTracking().Where(l => l.TenderId == tenderId).ToListAsync()).ToLookup(l => l.BidId);
        var tenderers = (await db.BidTenderers.AsNoTracking().Where(t => t.TenderId == tenderId).ToListAsync()).ToLookup(t => t.BidId);
        return [.. bids.Select(b => new OpenedBid(b.BidId, b.BidderId,
            [.. tenderers[b.BidId].OrderBy(t => t.Role).Select(t => new Tenderer(t.FirmId, t.Role))],
            [.. lots[b.BidId].OrderBy(l => l.Lot).Select(l => new LotPrice(l.Lot, new Showcase.Money(l.Amount, l.Currency)))],
            b.Digest, b.ReceivedAt))];
    }
}
