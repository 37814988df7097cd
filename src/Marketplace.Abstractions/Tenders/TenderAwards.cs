namespace Marketplace.Tenders;

/// <summary>A lot awarded to a bid: the decision, the winning bid and its price for that lot.</summary>
public sealed record LotAward(LotDecision Decision, OpenedBid Bid, Money Price);

/// <summary>
/// Which bid won which lot at what price: what an award notice makes public, read the same way by the tender's page,
/// its read model and its open data. Each award counts from the buyer's decision (the aggiudicazione, in force when
/// made): the outcomes, the relationship ledger and the open data mean that. Whether its contract may be signed yet
/// is the standstill's question (<see cref="Standstill.IsFinal"/>), which the tender's page shows every bidder.
/// </summary>
public static class TenderAwards
{
    /// <summary>The decision's award, or null when it declared the lot unsuccessful.</summary>
    public static LotAward? Award(LotDecision decision, IEnumerable<OpenedBid> bids)
    {
        if (decision.BidId is not { } bidId) return null;
        var bid = bids.Single(b => b.BidId == bidId);
        return new LotAward(decision, bid, bid.Lots.Single(l => l.Lot == decision.Lot).Price);
    }

    /// <summary>Every lot awarded to a bid, in the order decided.</summary>
    public static IEnumerable<LotAward> Awarded(IEnumerable<LotDecision> decisions, IReadOnlyCollection<OpenedBid> bids) =>
        decisions.Select(d => Award(d, bids)).OfType<LotAward>();

    public static IEnumerable<LotAward> Awarded(this TenderSnapshot t) => Awarded(t.Decisions, t.Bids);
}
