namespace Marketplace.Tenders;

/// <summary>
/// Where a tender is in its life (OCDS-like names): drafted, open for questions, open for bids, opening at the
/// submission deadline, under evaluation, then awarded or unsuccessful, and finally complete. Cancelled ends it
/// from any state before an award.
/// </summary>
[GenerateSerializer, Alias("Marketplace.TenderStatus")]
public enum TenderStatus
{
    Draft,
    Enquiries,
    Tendering,
    Opening,
    Evaluation,
    Awarded,
    Unsuccessful,
    Complete,
    Cancelled,
}

/// <summary>An award criterion is either the price (scored by formula) or a quality the buyer scores.</summary>
[GenerateSerializer, Alias("Marketplace.CriterionKind")]
public enum CriterionKind
{
    Price,
    Quality,
}

/// <summary>
/// A part of a tender, bid for separately. Numbers are given by the server and never reused. <see cref="Requirements"/>:
/// what a bidder must hold to qualify (SOA categories, or turnover and similar work), null when the buyer states none;
/// left out of the details' JSON when null, so the digest of a tender without any is what it was before they existed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Lot")]
public sealed record Lot(int Number, string Title, string? Description, string[] Cpv, Money? EstimatedValue, string? ComuneCode,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    Marketplace.Qualifications.LotRequirements? Requirements = null);

/// <summary>One award criterion; the weights of a tender's criteria add up to 100 and exactly one is the price.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AwardCriterion")]
public sealed record AwardCriterion(int Number, string Name, CriterionKind Kind, int Weight);

/// <summary>What a tender asks for and when. Lots and criteria without a number are new (numbered on save).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.TenderDetails")]
public sealed record TenderDetails(
    string Title,
    string? Description,
    Lot[] Lots,
    string[] Eligibility,
    AwardCriterion[] Criteria,
    DateTimeOffset EnquiryDeadline,
    DateTimeOffset SubmissionDeadline,
    DateOnly? ContractStart,
    DateOnly? ContractEnd,
    bool DisclosesBidCount,
    DocumentRef[] Documents);

[GenerateSerializer, Immutable, Alias("Marketplace.DraftTender")]
public sealed record DraftTender(Guid ActorId, Guid BuyerId, Guid[] Spaces, TenderDetails Details);

[GenerateSerializer, Immutable, Alias("Marketplace.EditTenderDraft")]
public sealed record EditTenderDraft(Guid ActorId, int ExpectedVersion, Guid[] Spaces, TenderDetails Details);

[GenerateSerializer, Immutable, Alias("Marketplace.PublishTender")]
public sealed record PublishTender(Guid ActorId, int ExpectedVersion);

/// <summary>
/// A change after publication, before the enquiry deadline. Changing lots, criteria, eligibility or documents is
/// always material; the buyer may also call a smaller change material.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AmendTender")]
public sealed record AmendTender(Guid ActorId, int ExpectedVersion, TenderDetails Details, string Summary, bool Material);

[GenerateSerializer, Immutable, Alias("Marketplace.AskQuestion")]
public sealed record AskQuestion(Guid ActorId, Guid FirmId, string Text);

[GenerateSerializer, Immutable, Alias("Marketplace.AnswerQuestion")]
public sealed record AnswerQuestion(Guid ActorId, int Number, string Text);

/// <summary>The buyer's points (0–100) for one bid on one quality criterion.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ScoreBid")]
public sealed record ScoreBid(Guid ActorId, Guid BidId, int Criterion, decimal Points);

/// <summary>Awards a lot to a bid, or (no bid) declares it unsuccessful with a reason.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.DecideLot")]
public sealed record DecideLot(Guid ActorId, int Lot, Guid? BidId, string? Reason);

/// <summary>The buyer excludes an opened bid from the procedure, with the reason its firms read.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ExcludeBid")]
public sealed record ExcludeBid(Guid ActorId, Guid BidId, string Reason);

/// <summary>The buyer takes an exclusion back (in self-correction) while no lot the bid was for is decided.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ReadmitBid")]
public sealed record ReadmitBid(Guid ActorId, Guid BidId);

/// <summary>A bid the buyer excluded after opening: it is not ranked, scored or awarded while the exclusion stands.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.BidExclusion")]
public sealed record BidExclusion(Guid BidId, string Reason, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Marketplace.CancelTender")]
public sealed record CancelTender(Guid ActorId, string Reason);

[GenerateSerializer, Immutable, Alias("Marketplace.Amendment")]
public sealed record Amendment(int Number, string Summary, bool Material, DateTimeOffset SubmissionDeadline, DateTimeOffset At);

/// <summary>A question and its answer. The asking firm is kept for its own people; nobody else is shown it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Question")]
public sealed record Question(int Number, Guid AskerFirmId, string Text, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>
/// What the tender learns of a bid when the bids are opened: who, for which lots at what price, and its receipt, all
/// from the decrypted sealed content once its digest matched the receipt in the audit chain. A bid that failed that
/// check carries its <paramref name="Failure"/> and no lots: it is never ranked.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.OpenedBid")]
public sealed record OpenedBid(Guid BidId, Guid BidderId, Tenderer[] Tenderers, LotPrice[] Lots, string Digest, DateTimeOffset ReceivedAt,
    BidIntegrityFailure? Failure = null);

/// <summary>Why an opened bid cannot be trusted: what its opening found when it checked the bid against its receipt.</summary>
[GenerateSerializer, Alias("Marketplace.BidIntegrityFailure")]
public enum BidIntegrityFailure
{
    /// <summary>The stored content cannot be decrypted: it was altered.</summary>
    Unreadable,
    /// <summary>The decrypted content's digest is not the one on the receipt recorded in the audit chain.</summary>
    DoesNotMatchReceipt,
    /// <summary>The audit chain records no receipt for the stored submission.</summary>
    ReceiptMissing,
    /// <summary>The audit chain that records the receipts does not verify.</summary>
    ChainBroken,
    /// <summary>The audit chain records a submitted bid whose sealed content is not stored.</summary>
    ContentMissing,
}

[GenerateSerializer, Immutable, Alias("Marketplace.BidScore")]
public sealed record BidScore(Guid BidId, int Criterion, decimal Points);

/// <summary>
/// A lot's outcome: awarded to a bid, or unsuccessful with a reason. An award made while other admissible bids stood
/// has a standstill (<see cref="Standstill"/>): the contract is not signed before <paramref name="StandstillEnds"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.LotDecision")]
public sealed record LotDecision(int Lot, Guid? BidId, string? Reason, DateTimeOffset At, DateTimeOffset? StandstillEnds = null);

/// <summary>One link of a tender's audit chain as the tender or a bid records it, before it is hashed.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AuditEvent")]
public sealed record AuditEvent(int Sequence, string Kind, string Detail, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Marketplace.TenderSnapshot")]
public sealed record TenderSnapshot(
    Guid Id,
    Guid BuyerId,
    Guid CreatedBy,
    Guid[] Spaces,
    TenderDetails Details,
    TenderStatus Status,
    int Version,
    Amendment[] Amendments,
    Question[] Questions,
    OpenedBid[] Bids,
    BidScore[] Scores,
    LotDecision[] Decisions,
    string? CancelReason,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    ExternalSource? External = null,
    BidExclusion[]? Exclusions = null,
    SoccorsoRequest[]? Soccorsi = null)
{
    /// <summary>The bids the buyer excluded after opening (none on a snapshot stored before exclusions existed).</summary>
    public IReadOnlyList<BidExclusion> Excluded => Exclusions ?? [];

    /// <summary>The buyer's soccorso istruttorio requests, oldest first (none on a snapshot stored before they existed).</summary>
    public IReadOnlyList<SoccorsoRequest> SoccorsoRequests => Soccorsi ?? [];
}

/// <summary>Why a tender's change is worth telling: matching firms hear of a publication, bidders of the rest.</summary>
[GenerateSerializer, Alias("Marketplace.TenderNotice")]
public enum TenderNotice
{
    Changed,
    Published,
    MaterialAmendment,
    Opened,
    Decided,
}
