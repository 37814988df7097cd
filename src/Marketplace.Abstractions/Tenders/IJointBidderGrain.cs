namespace Marketplace.Tenders;

/// <summary>
/// A bidder made of several firms, as a tender's bids see it. Tenders own this port and whatever forms joint bidders
/// (the alliances) implements it, so tenders never depend on alliances. Keyed by the bidder's id: for a firm bidding
/// alone there is no joint bidder and <see cref="Bidder"/> answers null.
/// </summary>
[Alias("Marketplace.IJointBidderGrain")]
public interface IJointBidderGrain : IGrainWithGuidKey
{
    [Alias("Bidder")] Task<JointBidder?> Bidder();
}

/// <summary>
/// What a bid needs to know of a joint bidder: the lead (whose people withdraw its bid), the tender it was formed for,
/// the firms taking part now, and its tenderers (the lead and members who bid and sign).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointBidder")]
public sealed record JointBidder(Guid LeadId, Guid? TenderId, Guid[] ActiveFirms, Tenderer[] Tenderers)
{
    public bool IsActive(Guid firmId) => ActiveFirms.Contains(firmId);
}
