using Marketplace.JointBids;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// One firm's share of one lot of a joint bid, as the bid was submitted (<see cref="LotShare"/>): what the
/// relationship ledger credits each partner with once the lot is awarded. <see cref="Submission"/> names the
/// submission it is of, so a share is read only with the very submission the tender holds.
/// </summary>
public sealed class BidShareEntry
{
    public Guid BidId { get; set; }
    public int Submission { get; set; }
    public Guid TenderId { get; set; }
    public int Lot { get; set; }
    public Guid FirmId { get; set; }
    public decimal Part { get; set; }
    public decimal Whole { get; set; }
    public ShareBasis Basis { get; set; }

    public LotShare Share() => new(Lot, FirmId, Part, Whole, Basis);
}

/// <summary>
/// Writes a joint bid's shares when it is submitted, from its content at that moment: never from the joint bid as it
/// is later changed (a change after submission is not what the buyer opens or awards). The rows hold parts of sealed
/// prices, so they are read only for awarded lots, which exist only after opening.
/// </summary>
internal static class BidShares
{
    public static async Task Submitted(MarketplaceDbContext db, JointBidState bid, IReadOnlyList<Tenders.AuditEvent> unchained, CancellationToken ct)
    {
        // Only a write whose last event is the submission holds the content submitted; a write that carries it with
        // later changes (a retried write) does not, and the ledger then says the share is not known instead of guessing.
        if (bid.Receipt is not { } receipt || !bid.SubmittedAsItIs || !unchained.Any(e => e.Kind == JointBidState.SubmittedEvent)) return;
        await db.BidShares.Where(s => s.BidId == receipt.BidId).ExecuteDeleteAsync(ct);
        db.BidShares.AddRange(LotShares.Of(bid.WorkPackages, bid.Quotas).Select(s => new BidShareEntry
        {
            BidId = receipt.BidId, Submission = receipt.Submission, TenderId = bid.TenderId, Lot = s.Lot, FirmId = s.FirmId,
            Part = s.Part, Whole = s.Whole, Basis = s.Basis,
        }));
    }
}
