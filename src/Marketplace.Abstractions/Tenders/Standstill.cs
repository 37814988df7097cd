namespace Marketplace.Tenders;

/// <summary>
/// The standstill period after an award (termine dilatorio, "stand still"): art. 18 c. 3 D.Lgs. 36/2023, the contract
/// is not signed before 32 days from the sending of the last communication of the award. The platform communicates an
/// award to every bidder on the tender's page when it is made, so the period runs from the decision. It does not apply
/// when only one bid was submitted or admitted for the lot (art. 18 c. 4 lett. a). Contracts below the EU thresholds
/// are exempt too (art. 55 c. 2), which the platform cannot tell from a lot: the buyer waits the period there as well.
/// An award is the buyer's decision from the moment it is made (TenderAwards); the standstill only holds the contract.
/// </summary>
public static class Standstill
{
    /// <summary>Art. 18 c. 3 D.Lgs. 36/2023: 32 days.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(32);

    /// <summary>When the standstill of an award decided at <paramref name="decidedAt"/> ends; null when it does not apply (one admissible bid, art. 18 c. 4 lett. a).</summary>
    public static DateTimeOffset? Ends(DateTimeOffset decidedAt, int admissibleBids) => admissibleBids > 1 ? decidedAt + Period : null;

    /// <summary>Whether the lot's award is final: its contract may be signed (no standstill, or it has run).</summary>
    public static bool IsFinal(LotDecision decision, DateTimeOffset now) =>
        decision.BidId is not null && (decision.StandstillEnds is not { } ends || now >= ends);

    /// <summary>The latest standstill still running among the decisions at <paramref name="now"/>, or null when none runs.</summary>
    public static DateTimeOffset? RunningUntil(IEnumerable<LotDecision> decisions, DateTimeOffset now) =>
        decisions.Where(d => d.BidId is not null && d.StandstillEnds > now).Max(d => d.StandstillEnds);
}
