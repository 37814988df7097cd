using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// The joint bid's reliances (avvalimento) as its state keeps them beyond their declaration (<see cref="RelianceRules"/>):
/// sealed with the bid, each with its auxiliary's commitment.
/// </summary>
public static class JointBidReliances
{
    /// <summary>The reliances as sealed, in the order declared; none when the bid relies on no auxiliary, so its sealed form is unchanged.</summary>
    public static BidReliance[]? Sealed(this JointBidState bid) =>
        bid.Reliances.Count == 0 ? null
        : [.. bid.Reliances.Select(r => new BidReliance(r.Lot, r.AuxiliaryId, r.RelyingFirmId, r.Kind, r.Category, r.Class, r.Amount))];
}
