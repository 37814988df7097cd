namespace Marketplace.Tenders;

/// <summary>
/// The buyer's exclusion of an opened bid (art. 94-98 D.Lgs. 36/2023: a bidder in an exclusion ground, or a bid that
/// does not meet the tender's terms): the bid leaves every ranking while the exclusion stands, so the lot goes to the
/// next admissible bid. The buyer may take it back in self-correction while no lot the bid was for is decided; once
/// a lot is decided, the ranking it was decided on stands, and so does the exclusion.
/// </summary>
public sealed partial class TenderState
{
    public const int MaxExclusionReason = 2000;

    public List<BidExclusion> Exclusions { get; set; } = [];

    public static readonly Refusal
        BidExcluded = new("tender.bidExcluded", "This bid was excluded by the buyer ({reason}): it is not ranked, scored or awarded."),
        ExclusionReason = new("tender.exclusionReason", "Say why the bid is excluded, in at most {max} characters: its firms read it."),
        AwardedBid = new("tender.awardedBid", "Lot {lot} is already awarded to this bid: an award is not undone by an exclusion."),
        NotExcluded = new("tender.notExcluded", "This bid is not excluded."),
        ExclusionStands = new("tender.exclusionStands", "Lot {lot}, which this bid was for, is already decided on the ranking without it: the exclusion stands.");

    public Problem? CheckExclude(ExcludeBid command, TenderActor actor)
    {
        if (Guard(actor, EvaluationOnly) is { } no) return no;
        if (Bids.FirstOrDefault(b => b.BidId == command.BidId) is not { } bid) return Problem.NotFound(NoSuchBid);
        if (bid.Failure is not null) return Problem.Conflict(BidFailedIntegrity);
        if (ExclusionOf(bid.BidId) is { } excluded) return Problem.Conflict(BidExcluded, ("reason", excluded.Reason));
        if (bid.Lots.Select(l => Decisions.FirstOrDefault(d => d.Lot == l.Lot && d.BidId == bid.BidId)).OfType<LotDecision>().FirstOrDefault() is { } won)
            return Problem.Conflict(AwardedBid, ("lot", won.Lot));
        if (bid.Lots.All(l => Decided(l.Lot))) return Problem.Conflict(BidDecided);
        return command.Reason.Clean() is { Length: > 0 and <= MaxExclusionReason } ? null
            : Problem.Invalid("reason", ExclusionReason, ("max", MaxExclusionReason));
    }

    /// <summary>
    /// The public chain records which bid was excluded and the digest of the reason, not the reason: the reason is
    /// the excluded firms' and the buyer's, and the digest lets either prove later what was written.
    /// </summary>
    public void Exclude(ExcludeBid command, DateTimeOffset now)
    {
        var reason = command.Reason.Trim();
        Exclusions.Add(new BidExclusion(command.BidId, reason, now));
        Record("BidExcluded", Detail(("bid", command.BidId.ToString("N")), ("reason", AuditChain.Sha256Hex(reason))), now);
    }

    public Problem? CheckReadmit(ReadmitBid command, TenderActor actor) =>
        Guard(actor, EvaluationOnly)
        ?? (Bids.FirstOrDefault(b => b.BidId == command.BidId) is not { } bid ? Problem.NotFound(NoSuchBid)
        : ExclusionOf(bid.BidId) is null ? Problem.Conflict(NotExcluded)
        : ExclusionStandsFor(bid, Decisions) is { } lot ? Problem.Conflict(ExclusionStands, ("lot", lot))
        : null);

    /// <summary>The first lot the bid was for that is decided, so its exclusion can no longer be taken back; null while it can (the buyer's page shows it).</summary>
    public static int? ExclusionStandsFor(OpenedBid bid, IEnumerable<LotDecision> decisions) =>
        bid.Lots.Select(l => (int?)l.Lot).FirstOrDefault(lot => decisions.Any(d => d.Lot == lot));

    public void Readmit(ReadmitBid command, DateTimeOffset now)
    {
        Exclusions.RemoveAll(e => e.BidId == command.BidId);
        Record("BidReadmitted", Detail(("bid", command.BidId.ToString("N"))), now);
    }

    BidExclusion? ExclusionOf(Guid bidId) => Exclusions.FirstOrDefault(e => e.BidId == bidId);

    /// <summary>A bid the buyer excluded is refused by scoring and awarding with the true reason, before anything else about it.</summary>
    Problem? CheckNotExcluded(Guid? bidId) =>
        bidId is { } id && ExclusionOf(id) is { } excluded ? Problem.Conflict(BidExcluded, ("reason", excluded.Reason)) : null;
}
