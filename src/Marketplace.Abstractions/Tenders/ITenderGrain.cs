using Marketplace.Businesses;
using Orleans.Concurrency;

namespace Marketplace.Tenders;

/// <summary>
/// A tender: its details, questions, lifecycle and evaluation. Every method first catches up with the clock, so a
/// deadline holds even if no timer has fired yet. It never holds bid content before the bids are opened.
/// </summary>
[Alias("Marketplace.ITenderGrain")]
public interface ITenderGrain : IGrainWithGuidKey
{
    [Alias("Draft")] Task<Outcome<TenderSnapshot>> Draft(DraftTender command);

    /// <summary>The tender as it stands now (after catching up with the clock); null when no tender has this id.</summary>
    [Alias("Get")] Task<TenderSnapshot?> Get();

    /// <summary>
    /// The tender as stored, read side by side with other readers (every page of the tender reads it), unless a
    /// deadline has passed that it has not yet moved past: then <see cref="TenderPeek.Due"/>, and <see cref="Get"/>
    /// moves it first. Read it through <see cref="TenderKeys.Current"/>.
    /// </summary>
    [Alias("Peek"), ReadOnly] Task<TenderPeek> Peek();

    [Alias("EditDraft")] Task<Outcome<TenderSnapshot>> EditDraft(EditTenderDraft command);

    [Alias("Publish")] Task<Outcome<TenderSnapshot>> Publish(PublishTender command);

    [Alias("Amend")] Task<Outcome<TenderSnapshot>> Amend(AmendTender command);

    [Alias("Ask")] Task<Outcome<TenderSnapshot>> Ask(AskQuestion command);

    [Alias("Answer")] Task<Outcome<TenderSnapshot>> Answer(AnswerQuestion command);

    /// <summary>
    /// Asked by a bid before it is stored: did it reach the server inside the bidding window, may the actor act for
    /// the lead, and is every tenderer a member of one of the tender's spaces? Returns the tender's terms. Read-only,
    /// so a burst of bids before a deadline is judged side by side rather than one after another.
    /// </summary>
    [Alias("Admit"), ReadOnly] Task<Outcome<TenderSnapshot>> Admit(Guid actorId, Tenderer[] tenderers, DateTimeOffset receivedAt);

    /// <summary>
    /// True when the user acts for the buyer: its Owners and Managers, or an admin of every space of the tender
    /// holding the buyer's live mandate. They amend, answer, score, award and cancel. Read-only: every page of the
    /// tender asks it, side by side.
    /// </summary>
    [Alias("IsBuyer"), ReadOnly] Task<bool> IsBuyer(Guid userId);

    /// <summary>
    /// What the user may do with the tender now: for the buyer, and for each of <paramref name="firmIds"/> (the
    /// user's firms), judged by the rules its commands run. Read-only, so the viewers of a tender are answered side
    /// by side: it does not move the tender past its deadlines, its callers have just read it (<see cref="TenderKeys.Current"/>)
    /// or changed it, and the rules judge bidding by the clock, not only by the stored status.
    /// </summary>
    [Alias("ActionsFor"), ReadOnly] Task<TenderViewerActions> ActionsFor(Guid userId, Guid[] firmIds);

    /// <summary>
    /// Told by a bid, a joint bid or an alliance of the tender once it stored a change: the rows its viewers' firms'
    /// bidding facts are read from may have changed, so the tender reads them again (<c>BiddingFacts</c>). Interleaves
    /// with everything: it only forgets.
    /// </summary>
    [Alias("BindingsChanged"), AlwaysInterleave] Task BindingsChanged();

    /// <summary>
    /// The tender's page for one viewer (null for a visitor) in one call, read side by side with other readers: the
    /// tender as stored when the viewer sees it (<see cref="TenderVisibility"/>), the names it shows, the viewer's firms
    /// and what the viewer may do (as <see cref="ActionsFor"/>). <see cref="TenderPage.Due"/> when a deadline has passed
    /// that the tender has not moved past yet: read it then after <see cref="Get"/> has moved it.
    /// </summary>
    [Alias("ViewFor"), ReadOnly] Task<TenderPage> ViewFor(Guid? viewerId);

    [Alias("Score")] Task<Outcome<TenderSnapshot>> Score(ScoreBid command);

    [Alias("Decide")] Task<Outcome<TenderSnapshot>> Decide(DecideLot command);

    /// <summary>
    /// The buyer excludes an opened bid, with a reason: it leaves every ranking, so the next admissible bid moves up;
    /// its firms read the reason on their pages, and the tender's public audit chain records the exclusion.
    /// </summary>
    [Alias("Exclude")] Task<Outcome<TenderSnapshot>> Exclude(ExcludeBid command);

    /// <summary>The buyer takes an exclusion back, while no lot the bid was for is decided.</summary>
    [Alias("Readmit")] Task<Outcome<TenderSnapshot>> Readmit(ReadmitBid command);

    /// <summary>
    /// The buyer asks an opened bid's bidder to complete a missing document or declaration by a deadline (soccorso
    /// istruttorio); the request, its answer, its lapse and its withdrawal are in the tender's audit chain.
    /// </summary>
    [Alias("RequestSoccorso")] Task<Outcome<TenderSnapshot>> RequestSoccorso(RequestSoccorso command);

    /// <summary>The buyer withdraws a request not yet answered.</summary>
    [Alias("WithdrawSoccorso")] Task<Outcome<TenderSnapshot>> WithdrawSoccorso(WithdrawSoccorso command);

    /// <summary>The bidder's lead firm answers a request, once, before its deadline.</summary>
    [Alias("AnswerSoccorso")] Task<Outcome<TenderSnapshot>> AnswerSoccorso(AnswerSoccorso command);

    [Alias("Cancel")] Task<Outcome<TenderSnapshot>> Cancel(CancelTender command);

    /// <summary>
    /// Creates or updates the external opportunity of an ocid in a space (<see cref="ExternalOpportunities.TenderId"/>):
    /// only the space's admins import. The first import publishes it to the space's matching firms; a later one amends
    /// it (firms that now match a lot are told, those told already are not told again), or changes nothing when the
    /// package says what it already says.
    /// </summary>
    [Alias("Import")] Task<Outcome<ImportedOpportunity>> Import(ImportOpportunity command);

    /// <summary>The buyer closes an awarded tender once its contracts are signed.</summary>
    [Alias("Complete")] Task<Outcome<TenderSnapshot>> Complete(Guid actorId);

    /// <summary>Applies every transition whose time has come; the deadline scheduler calls it.</summary>
    [Alias("CatchUp")] Task CatchUp();
}

/// <summary>
/// One bidder's bid for one tender, keyed by (tender, bidder): a firm bidding alone, or later an alliance. Its
/// content is sealed: until the bids are opened only the tenderers' own people can read it.
/// </summary>
[Alias("Marketplace.IBidGrain")]
public interface IBidGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Submits or resubmits the bid; the answer is the receipt.</summary>
    [Alias("Submit")] Task<Outcome<Receipt>> Submit(SubmitBid command);

    /// <summary>
    /// Withdraws the submitted bid. Only the people who act for the bidder (a firm, or an alliance's lead) are told
    /// anything about it; an alliance's bid is withdrawn only <paramref name="fromWorkspace"/>, so that every firm signs
    /// again before a resubmission.
    /// </summary>
    [Alias("Withdraw")] Task<Outcome<BidSnapshot>> Withdraw(Guid actorId, bool fromWorkspace);

    /// <summary>The bid as the user may see it: its tenderers' people always, the buyer's people once it is opened.</summary>
    [Alias("Read"), ReadOnly] Task<Outcome<BidSnapshot>> Read(Guid userId);
}

public static class TenderKeys
{
    /// <summary>The bid of a bidder (a firm, or an alliance) for a tender.</summary>
    public static IBidGrain Bid(this IGrainFactory grains, Guid tenderId, Guid bidderId) =>
        grains.GetGrain<IBidGrain>(tenderId, bidderId.ToString("N"));

    public static ITenderGrain Tender(this IGrainFactory grains, Guid tenderId) => grains.GetGrain<ITenderGrain>(tenderId);

    /// <summary>
    /// The tender as it stands now (null when no tender has this id): read side by side with other readers, or, when
    /// a deadline has passed that it has not yet moved past, after it has moved (<see cref="ITenderGrain.Get"/>).
    /// </summary>
    public static async Task<TenderSnapshot?> Current(this ITenderGrain tender) =>
        await tender.Peek() is { Due: false } peek ? peek.Tender : await tender.Get();
}

/// <summary>
/// A tender's page for one viewer (<see cref="ITenderGrain.ViewFor"/>): the tender (null when there is none, or the viewer
/// may not see it), or <paramref name="Due"/> when it must move past a deadline first; the names of the businesses
/// (<see cref="TenderNames.NamedBusinesses"/>) and spaces it shows, the businesses the viewer acts for, and what they may do.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.TenderPage")]
public sealed record TenderPage(
    TenderSnapshot? Tender, bool Due, IReadOnlyDictionary<Guid, string> BusinessNames, IReadOnlyDictionary<Guid, string> SpaceNames,
    ActingFor Viewer, TenderViewerActions Actions)
{
    public static TenderPage Hidden { get; } = new(null, false, new Dictionary<Guid, string>(), new Dictionary<Guid, string>(), ActingFor.Nobody, TenderViewerActions.None);

    public static TenderPage DueNow { get; } = Hidden with { Due = true };
}

public static class TenderNames
{
    /// <summary>The businesses a tender's page names: its buyer and the tenderers of the bids that won a lot.</summary>
    public static IEnumerable<Guid> NamedBusinesses(this TenderSnapshot t) =>
        t.Awarded().SelectMany(a => a.Bid.Tenderers.Select(x => x.FirmId)).Append(t.BuyerId).Distinct();
}

/// <summary>The tender as stored (null when none has this id); <paramref name="Due"/> when it must move past a deadline before it is read.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.TenderPeek")]
public sealed record TenderPeek(TenderSnapshot? Tender, bool Due);

/// <summary>
/// The port through which a tender reads the bids stored for it when it opens them (a read model of ours; bids call
/// the tender, never the reverse).
/// </summary>
public interface ITenderBids
{
    /// <summary>
    /// The bids to open, read from their sealed stored state (never from read-model rows) and each checked against
    /// the receipt the audit chain recorded for it; a bid that fails carries its <see cref="OpenedBid.Failure"/>.
    /// </summary>
    Task<OpenedBid[]> Submitted(Guid tenderId);

    /// <summary>True while the bidder (a firm, or an alliance) has a submitted bid for the tender.</summary>
    Task<bool> HasSubmitted(Guid tenderId, Guid bidderId);

    /// <summary>
    /// How each of <paramref name="firmIds"/> stands as a bidder, read at once (one query) for their bid panels on the
    /// tender's page: whether it has a bid of its own at all (submitted or withdrawn), whether submitted, and the
    /// <paramref name="lots"/> it may not bid for alone, being bound to them by another bidder (an alliance's submitted
    /// bid naming it, or its live sign-off of one). The caller tells each fact only to the firm's own people.
    /// </summary>
    Task<FirmBidding[]> Bidding(Guid tenderId, Guid[] firmIds, int[] lots);
}

/// <summary>How one firm stands as a bidder on a tender (<see cref="ITenderBids.Bidding"/>).</summary>
public sealed record FirmBidding(Guid FirmId, bool HasBid, bool Submitted, int[] BoundLots);
