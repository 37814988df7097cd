using System.Collections.Concurrent;
using System.Linq.Expressions;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>A firm's live sign-off of a joint bid for one lot: the firm has promised that lot to that alliance.</summary>
public sealed class JointSignOffEntry
{
    public Guid AllianceId { get; set; }
    public Guid TenderId { get; set; }
    public Guid FirmId { get; set; }
    public int Lot { get; set; }
}

/// <summary>
/// Where <see cref="OneBidPerLot"/> is applied: in the transaction that stores a bid or a sign-off, holding the
/// tender's row lock (<see cref="TenderLedger.Lock"/>). Only there are every firm's bindings known (bids are sealed,
/// so no grain sees another bidder's), and only there can two bindings of one firm to one lot not both be stored,
/// whatever the races.
/// </summary>
public static class LotBindings
{
    /// <summary>
    /// <see cref="OneBidPerLot.BoundLot"/> against the stored bindings of <paramref name="firms"/> to
    /// <paramref name="lots"/>: the submitted bids naming them, and their live sign-offs. Call it under the tender's lock.
    /// </summary>
    public static async Task<int?> BoundLot(MarketplaceDbContext db, Guid tenderId, Guid bidderId, IReadOnlyCollection<Guid> firms,
        IReadOnlyCollection<int> lots, CancellationToken ct) =>
        (await Of(db, tenderId, firms, lots, ct)).BoundLot(bidderId, firms, lots);

    /// <summary>
    /// How <paramref name="firms"/> stand as bidders on the tender, for their bid panels, in one round trip: each firm's
    /// own bid (any status) and the <paramref name="lots"/> it may not bid for alone. Read without the lock: the check
    /// when a bid is stored stays the guard.
    /// </summary>
    public static async Task<FirmBidding[]> Standing(MarketplaceDbContext db, Guid tenderId, IReadOnlyCollection<Guid> firms,
        IReadOnlyCollection<int> lots, CancellationToken ct)
    {
        var rows = await Rows(db, tenderId, firms, lots, withOwnBids: true, ct);
        var held = Hold(rows);
        return [.. firms.Distinct().Select(firm =>
        {
            var own = rows.Where(r => r.Kind == RowKind.OwnBid && r.BidderId == firm).ToList();
            return new FirmBidding(firm, own.Count > 0, own.Any(r => r.Submitted), held.BoundLots(firm, [firm], lots));
        })];
    }

    /// <summary>
    /// The stored bindings of <paramref name="firms"/> to <paramref name="lots"/>, read once for a batch of bid writes
    /// that then apply to them one after another (<see cref="Held.Bid"/>), as if each had been stored alone. Call it under the tender's lock.
    /// </summary>
    public static async Task<Held> Of(MarketplaceDbContext db, Guid tenderId, IReadOnlyCollection<Guid> firms, IReadOnlyCollection<int> lots,
        CancellationToken ct) =>
        Hold(await Rows(db, tenderId, firms, lots, withOwnBids: false, ct));

    static Held Hold(List<Row> rows) => new(
        [.. rows.Where(r => r.Kind == RowKind.NamedInSubmittedBid).Select(r => new LotBinding(r.BidderId, r.FirmId, r.Lot))],
        [.. rows.Where(r => r.Kind == RowKind.SignOff).Select(r => new LotBinding(r.BidderId, r.FirmId, r.Lot))]);

    enum RowKind { OwnBid, NamedInSubmittedBid, SignOff }

    // One shape for the three kinds of row, so that one UNION ALL reads them in one round trip.
    sealed class Row
    {
        public RowKind Kind { get; init; }
        public Guid BidderId { get; init; }
        public Guid FirmId { get; init; }
        public int Lot { get; init; }
        public bool Submitted { get; init; }
    }

    static async Task<List<Row>> Rows(MarketplaceDbContext db, Guid tenderId, IReadOnlyCollection<Guid> firms, IReadOnlyCollection<int> lots,
        bool withOwnBids, CancellationToken ct)
    {
        var rows = new List<Row>();
        var query = RowsQueries.GetOrAdd(db.GetType(), _ => EF.CompileAsyncQuery(RowsQuery));
        await foreach (var row in query(db, tenderId, [.. firms], [.. lots], withOwnBids).WithCancellation(ct)) rows.Add(row);
        return rows;
    }

    // Compiled once per provider's context (a compiled query serves one model; the tests run both in one process): every
    // tender page a firm's people open reads it, and building and matching its expression tree on each call cost more
    // processor time than running it.
    static readonly ConcurrentDictionary<Type, Func<MarketplaceDbContext, Guid, Guid[], int[], bool, IAsyncEnumerable<Row>>> RowsQueries = new();

    static readonly Expression<Func<MarketplaceDbContext, Guid, Guid[], int[], bool, IQueryable<Row>>> RowsQuery =
        (db, tenderId, firms, lots, withOwnBids) =>
            // The firms' own bids, when asked for.
            (from b in db.Bids
             where withOwnBids && b.TenderId == tenderId && firms.Contains(b.BidderId)
             select new Row { Kind = RowKind.OwnBid, BidderId = b.BidderId, FirmId = b.BidderId, Lot = 0, Submitted = b.Status == BidStatus.Submitted })
            // A submitted bid naming one of the firms for one of the lots (an alliance's, or the firm's own).
            .Concat(
                from t in db.BidTenderers
                where t.TenderId == tenderId && firms.Contains(t.FirmId)
                join l in db.BidLots on t.BidId equals l.BidId
                where lots.Contains(l.Lot)
                join b in db.Bids on t.BidId equals b.BidId
                where b.Status == BidStatus.Submitted
                select new Row { Kind = RowKind.NamedInSubmittedBid, BidderId = b.BidderId, FirmId = t.FirmId, Lot = l.Lot, Submitted = true })
            // A firm's live sign-off of an alliance's joint bid for one of the lots.
            .Concat(
                from s in db.JointSignOffs
                where s.TenderId == tenderId && firms.Contains(s.FirmId) && lots.Contains(s.Lot)
                select new Row { Kind = RowKind.SignOff, BidderId = s.AllianceId, FirmId = s.FirmId, Lot = s.Lot, Submitted = false });

    /// <summary>Bindings read under the tender's lock, kept up to date by the bids of a batch as they are stored.</summary>
    public sealed class Held(List<LotBinding> bids, List<LotBinding> signOffs)
    {
        public int? BoundLot(Guid bidderId, IReadOnlyCollection<Guid> firms, IReadOnlyCollection<int> lots) =>
            OneBidPerLot.BoundLot(bidderId, firms, lots, bids.Concat(signOffs));

        public int[] BoundLots(Guid bidderId, IReadOnlyCollection<Guid> firms, IReadOnlyCollection<int> lots) =>
            OneBidPerLot.BoundLots(bidderId, firms, lots, bids.Concat(signOffs));

        /// <summary>A bid of <paramref name="bidderId"/> stored: its earlier bid binds no more; the new one binds when submitted.</summary>
        public void Bid(Guid bidderId, BidStatus status, IEnumerable<Guid> firms, IReadOnlyCollection<int> lots)
        {
            bids.RemoveAll(b => b.BidderId == bidderId);
            if (status == BidStatus.Submitted) bids.AddRange(firms.SelectMany(firm => lots.Select(lot => new LotBinding(bidderId, firm, lot))));
        }
    }
}
