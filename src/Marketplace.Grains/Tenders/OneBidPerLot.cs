namespace Marketplace.Tenders;

/// <summary>
/// A firm bound to one lot of a tender by a bidder (a firm's own id, or an alliance's): by a submitted bid that names
/// the firm as a tenderer, or by the firm's live sign-off of an alliance's joint bid (one of its current version).
/// </summary>
public sealed record LotBinding(Guid BidderId, Guid FirmId, int Lot);

/// <summary>
/// The rule "a firm bids for a lot once, alone or in one alliance", enforced without telling any firm about another
/// firm's sealed bid.
/// <para>
/// Who is told: a refused sign-off is told to the signing firm's people, a refused solo bid to the bidding firm's
/// people. Either way the conflicting binding is that same firm's own (its own bid, or its own signature, or an
/// alliance it is a tenderer of), so they learn nothing they did not know. A joint bid is submitted only once every
/// bidding firm has a live sign-off, and each sign-off was checked when it was stored, while any later binding of that
/// firm to those lots is refused: so the lead's submission never meets a partner's other bid, and the lead learns at
/// most that a firm has not signed, which it sees anyway. The check at the submission stays as the last guard, with
/// a refusal that names no firm and no lot.
/// </para>
/// </summary>
public static class OneBidPerLot
{
    /// <summary>
    /// The first of <paramref name="lots"/> for which one of <paramref name="firms"/> is already bound by a bidder other
    /// than <paramref name="bidderId"/>, or null when the new binding may stand. A bidder's own earlier binding (a
    /// resubmission, a sign-off of a newer version) never counts against it.
    /// </summary>
    public static int? BoundLot(Guid bidderId, IReadOnlyCollection<Guid> firms, IReadOnlyCollection<int> lots, IEnumerable<LotBinding> bindings) =>
        BoundLots(bidderId, firms, lots, bindings).Cast<int?>().FirstOrDefault();

    /// <summary>Every one of <paramref name="lots"/> that <see cref="BoundLot"/> would refuse, in order.</summary>
    public static int[] BoundLots(Guid bidderId, IReadOnlyCollection<Guid> firms, IReadOnlyCollection<int> lots, IEnumerable<LotBinding> bindings) =>
        [.. bindings.Where(b => b.BidderId != bidderId && firms.Contains(b.FirmId) && lots.Contains(b.Lot)).Select(b => b.Lot).Distinct().Order()];
}
