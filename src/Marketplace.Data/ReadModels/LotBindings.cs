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
    /// Every one of <paramref name="lots"/> the firm may not bid for alone: what its bid panel tells the firm's people
    /// before they try. Read without the lock: the check when a bid is stored stays the guard.
    /// </summary>
    public static async Task<int[]> BoundLots(MarketplaceDbContext db, Guid tenderId, Guid firmId, IReadOnlyCollection<int> lots, CancellationToken ct) =>
        (await Of(db, tenderId, [firmId], lots, ct)).BoundLots(firmId, [firmId], lots);

    /// <summary>
    /// The stored bindings of <paramref name="firms"/> to <paramref name="lots"/>, read once for a batch of bid writes
    /// that then apply to them one after another (<see cref="Held.Bid"/>), as if each had been stored alone. Call it under the tender's lock.
    /// </summary>
    public static async Task<Held> Of(MarketplaceDbContext db, Guid tenderId, IReadOnlyCollection<Guid> firms, IReadOnlyCollection<int> lots,
        CancellationToken ct)
    {
        var bids = await (
            from t in db.BidTenderers
            where t.TenderId == tenderId && firms.Contains(t.FirmId)
            join l in db.BidLots on t.BidId equals l.BidId
            where lots.Contains(l.Lot)
            join b in db.Bids on t.BidId equals b.BidId
            where b.Status == BidStatus.Submitted
            select new LotBinding(b.BidderId, t.FirmId, l.Lot)).ToListAsync(ct);
        var signOffs = await db.JointSignOffs.Where(s => s.TenderId == tenderId && firms.Contains(s.FirmId) && lots.Contains(s.Lot))
            .Select(s => new LotBinding(s.AllianceId, s.FirmId, s.Lot)).ToListAsync(ct);
        return new Held(bids, signOffs);
    }

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
