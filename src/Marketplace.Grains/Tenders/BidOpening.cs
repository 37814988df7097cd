namespace Marketplace.Tenders;

/// <summary>A bid's receipt as the tender's audit chain records it: its latest submission, and whether it was withdrawn since.</summary>
public sealed record RecordedReceipt(Guid BidId, int Submission, string Digest, DateTimeOffset ReceivedAt, bool Withdrawn);

/// <summary>
/// A bid's stored state as the opening found it: decrypted, or null when it could not be (<paramref name="BidId"/> is
/// then only what the bid rows say, to name it).
/// </summary>
public sealed record StoredBid(Guid BidderId, Guid BidId, BidState? State);

/// <summary>
/// What opening makes of the stored bids: each bid that stands is re-verified (its decrypted content's digest is the
/// one on the receipt its audit chain recorded, and that chain holds) and opened from that content alone; any other
/// is opened as an integrity failure, without lots, so it is never ranked on data that may have been tampered with.
/// </summary>
public static class BidOpening
{
    public static OpenedBid[] Open(IReadOnlyCollection<StoredBid> stored, IReadOnlyCollection<RecordedReceipt> receipts, bool chainHolds)
    {
        var recorded = receipts.ToDictionary(r => r.BidId);
        var opened = new List<OpenedBid>();
        foreach (var bid in stored)
        {
            if (bid.State is not { } state)
            {
                opened.Add(Failed(bid.BidId, bid.BidderId, recorded.GetValueOrDefault(bid.BidId), BidIntegrityFailure.Unreadable));
                continue;
            }
            if (state.Status != BidStatus.Submitted) continue;
            var content = state.Content!;
            var receipt = recorded.GetValueOrDefault(state.BidId);
            var digest = BidSeal.Digest(content);
            var failure = !chainHolds ? BidIntegrityFailure.ChainBroken
                : receipt is null || receipt.Withdrawn || receipt.Submission != content.Submission ? BidIntegrityFailure.ReceiptMissing
                : receipt.Digest != digest ? BidIntegrityFailure.DoesNotMatchReceipt
                : (BidIntegrityFailure?)null;
            opened.Add(failure is { } no ? Failed(state.BidId, state.BidderId, receipt, no)
                : new OpenedBid(state.BidId, state.BidderId, content.Tenderers, content.Lots, digest, state.Receipt!.ReceivedAt));
        }
        // A bid the chain says stands but whose sealed content is not stored as submitted (deleted, or an older state put back).
        foreach (var receipt in receipts.Where(r => !r.Withdrawn && !opened.Any(o => o.BidId == r.BidId)))
            opened.Add(Failed(receipt.BidId, stored.FirstOrDefault(s => s.BidId == receipt.BidId)?.BidderId ?? Guid.Empty, receipt,
                chainHolds ? BidIntegrityFailure.ContentMissing : BidIntegrityFailure.ChainBroken));
        return [.. opened];
    }

    static OpenedBid Failed(Guid bidId, Guid bidderId, RecordedReceipt? receipt, BidIntegrityFailure failure) =>
        new(bidId, bidderId, [], [], receipt?.Digest ?? "", receipt?.ReceivedAt ?? default, failure);
}
