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
/// The rule "a firm bids for a lot once, alone or in one alliance", enforced without telling any firm about another
/// firm's sealed bid.
/// <para>
/// A firm binds itself to a lot in two ways: by submitting a bid for it (alone, or as a tenderer of an alliance's
/// bid), and by signing a joint bid that covers it (a live sign-off, one of the current version). Each binding is
/// checked against the firm's other bindings, and stored, inside the transaction that holds the tender's row lock
/// (<see cref="TenderLedger.Lock"/>), so two bindings of one firm to one lot cannot both be stored, whatever the races.
/// </para>
/// <para>
/// Who is told: a refused sign-off is told to the signing firm's people, a refused solo bid to the bidding firm's
/// people. Either way the conflicting binding is that same firm's own (its own bid, or its own signature, or an
/// alliance it is a tenderer of), so they learn nothing they did not know. A joint bid is submitted only once every
/// bidding firm has a live sign-off, and each sign-off was stored after this check, while any later binding of that
/// firm to those lots is refused here: so the lead's submission never meets a partner's other bid, and the lead
/// learns at most that a firm has not signed, which it sees anyway. The check at the submission stays as the last
/// guard, with a refusal that names no firm and no lot.
/// </para>
/// </summary>
public static class OneBidPerLot
{
    /// <summary>
    /// The first of <paramref name="lots"/> for which one of <paramref name="firms"/> is already bound by another
    /// bidder than <paramref name="bidderId"/> (a firm's own id, or an alliance's): a submitted bid naming the firm,
    /// or its live sign-off of another alliance's joint bid. Call it under the tender's lock.
    /// </summary>
    public static async Task<int?> BoundLot(MarketplaceDbContext db, Guid tenderId, Guid bidderId, IReadOnlyCollection<Guid> firms,
        IReadOnlyCollection<int> lots, CancellationToken ct)
    {
        var theirBids = db.BidTenderers.Where(t => t.TenderId == tenderId && firms.Contains(t.FirmId)).Select(t => t.BidId);
        var bid = await db.BidLots.Where(l => theirBids.Contains(l.BidId) && lots.Contains(l.Lot)
                && db.Bids.Any(b => b.BidId == l.BidId && b.BidderId != bidderId && b.Status == BidStatus.Submitted))
            .OrderBy(l => l.Lot).Select(l => (int?)l.Lot).FirstOrDefaultAsync(ct);
        var signed = await db.JointSignOffs.Where(s => s.TenderId == tenderId && s.AllianceId != bidderId && firms.Contains(s.FirmId) && lots.Contains(s.Lot))
            .OrderBy(s => s.Lot).Select(s => (int?)s.Lot).FirstOrDefaultAsync(ct);
        return bid is null ? signed : signed is null ? bid : Math.Min(bid.Value, signed.Value);
    }
}
