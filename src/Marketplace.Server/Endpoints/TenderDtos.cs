using Marketplace.Data.ReadModels;
using Marketplace.Reference;
using Marketplace.Tenders;

namespace Marketplace.Server.Endpoints;

public sealed record LotRequest(int Number, string? Title, [LongText] string? Description, string[]? Cpv, MoneyDto? EstimatedValue, string? ComuneCode,
    LotRequirementsRequest? Requirements = null);

public sealed record CriterionRequest(int Number, string? Name, CriterionKind Kind, int Weight);

/// <summary>A tender's details as a form sends them (flat, so errors name the same fields the form has).</summary>
public interface ITenderDetailsRequest
{
    string? Title { get; }
    string? Description { get; }
    LotRequest[]? Lots { get; }
    string[]? Eligibility { get; }
    CriterionRequest[]? Criteria { get; }
    DateTimeOffset? EnquiryDeadline { get; }
    DateTimeOffset? SubmissionDeadline { get; }
    DateOnly? ContractStart { get; }
    DateOnly? ContractEnd { get; }
    bool DisclosesBidCount { get; }
    /// <summary>Ids of files the buyer uploaded first.</summary>
    Guid[]? Documents { get; }
}

public sealed record DraftTenderRequest(
    Guid BuyerId, Guid[]? Spaces, string? Title, [LongText] string? Description, LotRequest[]? Lots, string[]? Eligibility, CriterionRequest[]? Criteria,
    DateTimeOffset? EnquiryDeadline, DateTimeOffset? SubmissionDeadline, DateOnly? ContractStart, DateOnly? ContractEnd,
    bool DisclosesBidCount, Guid[]? Documents) : ITenderDetailsRequest;

public sealed record EditTenderRequest(
    int Version, Guid[]? Spaces, string? Title, [LongText] string? Description, LotRequest[]? Lots, string[]? Eligibility, CriterionRequest[]? Criteria,
    DateTimeOffset? EnquiryDeadline, DateTimeOffset? SubmissionDeadline, DateOnly? ContractStart, DateOnly? ContractEnd,
    bool DisclosesBidCount, Guid[]? Documents) : ITenderDetailsRequest;

public sealed record AmendTenderRequest(
    int Version, [LongText] string? Summary, bool Material, string? Title, [LongText] string? Description, LotRequest[]? Lots, string[]? Eligibility,
    CriterionRequest[]? Criteria, DateTimeOffset? EnquiryDeadline, DateTimeOffset? SubmissionDeadline, DateOnly? ContractStart,
    DateOnly? ContractEnd, bool DisclosesBidCount, Guid[]? Documents) : ITenderDetailsRequest;

public sealed record AskRequest(Guid FirmId, [LongText] string? Text);

public sealed record ScoreRequest(Guid BidId, int Criterion, decimal Points);

public sealed record DecideRequest(int Lot, Guid? BidId, [LongText] string? Reason);

/// <summary>The buyer excludes an opened bid, saying why (the bid's firms read it).</summary>
public sealed record ExcludeRequest(Guid BidId, [LongText] string? Reason);

public sealed record LotPriceRequest(int Lot, MoneyDto? Price);

public sealed record AnswerRequest(int Criterion, [LongText] string? Text);

public sealed record SubmitBidRequest(LotPriceRequest[]? Lots, AnswerRequest[]? Answers, Guid[]? Documents);

/// <summary>A lot of a tender; <see cref="Currency"/>: the currency a bid prices it in (TenderRules.CurrencyOf); <see cref="Requirements"/>: what a bidder must hold to qualify, public with the tender.</summary>
public sealed record LotDto(int Number, string Title, string? Description, CapabilityDto[] Cpv, MoneyDto? EstimatedValue, string? ComuneCode, string? ComuneName,
    string Currency, LotRequirementsDto? Requirements)
{
    public static LotDto From(Lot l) => new(l.Number, l.Title, l.Description,
        [.. l.Cpv.Select(c => CpvCatalog.Shared.Find(c)).OfType<CpvEntry>().Select(CapabilityDto.From)],
        l.EstimatedValue is { } v ? MoneyDto.From(v) : null, l.ComuneCode,
        l.ComuneCode is { } code ? ComuneCatalog.Shared.Find(code)?.Name : null, TenderRules.CurrencyOf(l), LotRequirementsDto.From(l.Requirements));
}

public sealed record CriterionDto(int Number, string Name, CriterionKind Kind, int Weight);

/// <summary>A question as others see it: <see cref="Mine"/> only tells the asking firm's people it is theirs.</summary>
public sealed record QuestionDto(int Number, string Text, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt, bool Mine);

public sealed record AmendmentDto(int Number, string Summary, bool Material, DateTimeOffset SubmissionDeadline, DateTimeOffset At);

/// <summary>
/// A lot's outcome; for an award, the winning firms and price are public (an award notice), and when the standstill
/// ends (art. 18 c. 3 D.Lgs. 36/2023: no contract before it; null when none applies, as with a single admissible bid).
/// </summary>
public sealed record DecisionDto(int Lot, Guid? BidId, NamedDto[] Winners, MoneyDto? Price, string? Reason, DateTimeOffset At, DateTimeOffset? StandstillEnds = null);

/// <summary>
/// A tender as the viewer may see it. <see cref="ReceiptCount"/> is null when the tender keeps its count of bids
/// to itself until they are opened. <see cref="Actions"/>: what the viewer may do for the buyer (its Owners and
/// Managers, or an admin of its spaces holding its mandate); <see cref="ViewerFirms"/>: what the viewer may do for
/// each of their firms (ask, bid, withdraw), as the tender's rules answer now. <see cref="BidsOpened"/>: the bids are
/// (being) opened, so results and the evaluation exist (<c>TenderRules.BidsOpened</c>, the rule's one home).
/// </summary>
public sealed record TenderDto(
    Guid Id, NamedDto Buyer, NamedDto[] Spaces, string Title, string? Description, LotDto[] Lots, string[] Eligibility,
    CriterionDto[] Criteria, DateTimeOffset EnquiryDeadline, DateTimeOffset SubmissionDeadline, DateOnly? ContractStart,
    DateOnly? ContractEnd, bool DisclosesBidCount, DocumentDto[] Documents, TenderStatus Status, int Version,
    AmendmentDto[] Amendments, QuestionDto[] Questions, int? ReceiptCount, DecisionDto[] Decisions, string? CancelReason,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, ViewerActions<TenderAction> Actions, TenderViewerFirm[] ViewerFirms,
    bool BidsOpened, ExternalDto? External);

/// <summary>
/// Where an external opportunity is published: the buyer's own platform, where its bids are submitted (imported from
/// the publisher's open data by the space's admins; null for a tender published here). <see cref="Url"/> is its notice there.
/// </summary>
public sealed record ExternalDto(string Ocid, string BuyerName, string? Url, string? Publisher)
{
    public static ExternalDto? From(ExternalSource? source) =>
        source is null ? null : new(source.Ocid, source.BuyerName, source.Url, source.Publisher);
}

/// <param name="QuestionsWaiting">The firms' questions not answered yet (public, as the questions are on the tender's page).</param>
/// <param name="External">An external opportunity: published on the buyer's own platform (<paramref name="ExternalUrl"/>), its bids submitted there.</param>
public sealed record TenderSummaryDto(Guid Id, Guid BuyerId, string BuyerName, string Title, TenderStatus Status, string[] Cpv, int LotCount,
    DateTimeOffset EnquiryDeadline, DateTimeOffset SubmissionDeadline, DateTimeOffset? PublishedAt, int QuestionsWaiting, bool External, string? ExternalUrl);

/// <param name="Searched">How the search words were understood, as the directory says it.</param>
public sealed record TenderSearchPageDto(TenderFoundDto[] Items, int Total, int Page, int PageSize, DirectorySearchedDto Searched);

/// <param name="Lots">The lots that met the search, when it asked something of a lot (words, codes, a trade, a place, a value).</param>
public sealed record TenderFoundDto(TenderSummaryDto Tender, FoundLotDto[] Lots);

/// <summary>A lot as a list names it: a search's matched lot, or one an inbox notice matched to the firm.</summary>
public sealed record FoundLotDto(int Number, string Title, MoneyDto? EstimatedValue, string? ComuneName, string? ProvinceSigla)
{
    public static FoundLotDto From(TenderLotEntry l) =>
        Of(l.Lot, l.Title, l.EstimatedValue is { } v ? new MoneyDto(v, l.Currency!) : null, l.ComuneCode, l.ProvinceSigla);

    public static FoundLotDto From(InboxLot l) =>
        Of(l.Number, l.Title, l.EstimatedValue is { } v ? MoneyDto.From(v) : null, l.ComuneCode, l.ProvinceSigla);

    static FoundLotDto Of(int number, string title, MoneyDto? value, string? comuneCode, string? province) =>
        new(number, title, value, comuneCode is { } code ? ComuneCatalog.Shared.Find(code)?.Name : null, province);
}

/// <summary>
/// A bid's receipt. <see cref="Salt"/> is the secret the digest covers, given to the bid's own people (null in lists
/// and live notices): with it and the bid's content they can recompute the digest; without it nobody can guess it.
/// </summary>
public sealed record ReceiptDto(Guid TenderId, Guid BidId, int Submission, string Digest, DateTimeOffset ReceivedAt, string? Salt)
{
    public static ReceiptDto From(Receipt r) => new(r.TenderId, r.BidId, r.Submission, r.Digest, r.ReceivedAt, r.Salt);
}

public sealed record LotPriceDto(int Lot, MoneyDto Price);

public sealed record AnswerDto(int Criterion, string Text);

public sealed record TendererDto(Guid FirmId, string Name, TendererRole Role);

/// <summary>
/// A bid as its reader may see it. <see cref="MatchesReceipt"/> recomputes the digest of the stored content: true
/// when what is opened is exactly what was sealed. <see cref="Quotas"/>: a grouping's declared quotas per lot and firm
/// (empty for a single firm's bid), sealed with the rest; <see cref="Subcontracts"/> likewise its declared subcontracting,
/// and <see cref="Reliances"/> the auxiliary firms it relies on (avvalimento), each jointly liable, with its commitment;
/// <see cref="Dgues"/> the DGUE of each of its firms that had one at the submission.
/// </summary>
public sealed record BidDto(Guid BidId, Guid TenderId, BidStatus Status, TendererDto[] Tenderers, LotPriceDto[] Lots, AnswerDto[] Answers,
    DocumentDto[] Documents, ReceiptDto? Receipt, bool MatchesReceipt, DateTimeOffset UpdatedAt, QuotaDto[] Quotas, SubcontractDto[] Subcontracts,
    RelianceDto[] Reliances, BidDgueDto[] Dgues);

/// <summary>A firm's DGUE as sealed with a joint bid, read by the buyer once the bids are opened (and by the bid's own firms).</summary>
public sealed record BidDgueDto(NamedDto Firm, DgueDto Dgue);

/// <summary>One bid's place on one lot: price, points per criterion and total, for the buyer's evaluation.</summary>
public sealed record RankedBidDto(int Rank, Guid BidId, Guid BidderId, TendererDto[] Tenderers, MoneyDto Price, Dictionary<int, decimal> Points, decimal Total,
    bool Complete, DateTimeOffset ReceivedAt, string Digest);

public sealed record LotEvaluationDto(int Lot, string Title, RankedBidDto[] Ranking, DecisionDto? Decision);

/// <summary>
/// The buyer's evaluation: each lot's ranking of the admissible bids, the bids that failed their integrity check at
/// opening (never ranked), the bids the buyer excluded, and its soccorso istruttorio requests to the bidders, oldest first.
/// </summary>
public sealed record EvaluationDto(LotEvaluationDto[] Lots, IntegrityFailureDto[] IntegrityFailures, ExcludedBidDto[] Exclusions, SoccorsoDto[] Soccorsi);

/// <summary>
/// A bid the buyer excluded: who bid, its prices, the reason and when; and why the exclusion can no longer be taken
/// back: the first lot it was for that is decided (refused then as tender.exclusionStands), or null while it can.
/// </summary>
public sealed record ExcludedBidDto(Guid BidId, Guid BidderId, TendererDto[] Tenderers, LotPriceDto[] Lots, string Reason, DateTimeOffset At,
    int? StandsForLot);

/// <summary>
/// A bid whose stored content did not check out against its receipt when it was opened: who bid (by the sealed
/// row's key), why, and the receipt digest recorded in the audit chain ("" when none).
/// </summary>
public sealed record IntegrityFailureDto(Guid BidId, Guid BidderId, string BidderName, BidIntegrityFailure Reason, string Digest, DateTimeOffset? ReceivedAt);

/// <summary>What a bidder learns after opening: per lot, its rank, points and whether it won.</summary>
public sealed record BidResultDto(int Lot, int Rank, int Of, decimal Total, Dictionary<int, decimal> Points, bool Awarded, bool Decided);

public sealed record AuditLinkDto(long Sequence, string Subject, string Kind, string Detail, DateTimeOffset At, string PreviousHash, string Hash)
{
    public static AuditLinkDto Of(AuditLink l) => new(l.Sequence, l.Subject, l.Kind, l.Detail, l.At, l.PreviousHash, l.Hash);
}

/// <summary>
/// A tender's public chain (its own events, which anyone who sees the tender reads in full), checked exactly as the
/// offline verifier checks its download (GET /api/tenders/{id}/audit/chain): <see cref="Finding"/> is what the check
/// found and <see cref="FirstBroken"/> the first link that does not hold; <see cref="Checkpoint"/> is the signed
/// checkpoint that anchors the tender's heads, null until one covers it. <see cref="Sealed"/> is what the viewer may
/// read of the sealed chain (the bids' events), null when nothing.
/// </summary>
public sealed record AuditDto(bool Valid, long? FirstBroken, long Links, AuditLinkDto[] Shown, AuditFinding Finding, AuditCheckpointDto? Checkpoint,
    SealedAuditDto? Sealed);

/// <summary>
/// The links of a tender's sealed chain (bids', alliances' and joint bids' events) the viewer may read, with the check
/// of the whole sealed chain: <see cref="FirstBroken"/> is its first link that does not hold, null when all do.
/// </summary>
public sealed record SealedAuditDto(bool Valid, long? FirstBroken, AuditLinkDto[] Shown);

/// <summary>A signed checkpoint: the Merkle root over every published tender's heads, signed with the server's key (GET /api/audit/public-key).</summary>
public sealed record AuditCheckpointDto(long Number, DateTimeOffset At, int Tenders, string Root, string Signature)
{
    public static AuditCheckpointDto Of(AuditCheckpoint c) => new(c.Number, c.At, c.Tenders, c.Root, c.Signature);
}

/// <param name="Lots">The tender's lots that match the firm's capabilities: what the firm was told of.</param>
public sealed record InboxItemDto(Guid TenderId, string Title, DateTimeOffset At, bool Unread, TenderStatus Status, DateTimeOffset SubmissionDeadline,
    FoundLotDto[] Lots);

public sealed record MyBidDto(Guid TenderId, string TenderTitle, TenderStatus TenderStatus, Guid BidId, BidStatus Status, ReceiptDto Receipt);

/// <summary>Pushed to a tender's watchers: reload it.</summary>
public sealed record TenderChangedDto(Guid TenderId, TenderStatus Status, int Version);

/// <summary>Pushed to a firm's people: a matching tender was published.</summary>
public sealed record InboxChangedDto(Guid TenderId, string Title);

/// <summary>Pushed to a bid's tenderers: it was submitted (with its receipt) or withdrawn.</summary>
public sealed record BidChangedDto(Guid TenderId, Guid BidId, BidStatus Status, ReceiptDto? Receipt)
{
    public static BidChangedDto From(BidSnapshot b) => new(b.TenderId, b.BidId, b.Status, b.Receipt is { } r ? ReceiptDto.From(r) with { Salt = null } : null);
}
