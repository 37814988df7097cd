namespace Marketplace.Tenders;

/// <summary>
/// Thrown by the storage when a bid or a sign-off must not be stored: the tender closed submissions meanwhile, or a
/// firm is already bound to one of its lots elsewhere. The last guards, inside the transaction that would store it.
/// </summary>
public sealed class BidNotStoredException(Problem problem) : InvalidOperationException(problem.Detail)
{
    /// <summary>The refusal told to whoever tried to store it (a conflict).</summary>
    public Problem Problem { get; } = problem;

    /// <summary>Also the tender's own refusal of a late bid: the storage is its last guard.</summary>
    public static readonly Refusal DeadlinePassed = new("bid.deadlinePassed", "The submission deadline ({deadline}) has passed.");

    public static readonly Refusal
        LotBound = new("bid.lotBound",
            "Your firm already bids for lot {lot} in an alliance's joint bid, or signed one that covers it: a firm bids for a lot once, alone or in one alliance."),
        PartnerLotBound = new("jointBid.partnerLotBound",
            "The joint bid was not stored: a firm of the alliance may not bid for one of its lots in it. Each firm's people are told why when they sign it."),
        SignOffLotBound = new("jointBid.signOffLotBound",
            "Your firm already bids for lot {lot}, or signed another alliance's joint bid that covers it: a firm bids for a lot once, alone or in one alliance, so it cannot sign this one.");

    public static BidNotStoredException Closed(DateTimeOffset deadline) => new(Problem.Conflict(DeadlinePassed, ("deadline", deadline)));

    /// <summary>Told to the people of a firm bidding alone: the binding that clashes is the firm's own.</summary>
    public static BidNotStoredException Clash(int lot) => new(Problem.Conflict(LotBound, ("lot", lot)));

    /// <summary>
    /// Told to an alliance's lead: names no firm and no lot, since the clash would be a partner's own business (the
    /// sign-off rule keeps this from happening at all; this is the last guard).
    /// </summary>
    public static BidNotStoredException JointClash() => new(Problem.Conflict(PartnerLotBound));

    /// <summary>Told to the people of the signing firm: the binding that clashes is the firm's own.</summary>
    public static BidNotStoredException SignOffClash(int lot) => new(Problem.Conflict(SignOffLotBound, ("lot", lot)));

    public static BidNotStoredException? In(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is BidNotStoredException found) return found;
        return null;
    }
}
