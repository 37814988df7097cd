using Marketplace.Tenders;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// A tender as lists show it, the state the deadline scheduler and the bid guard read, and the heads of its two
/// audit chains (so removing the last links is detected too; signed checkpoints anchor these heads outside the row).
/// </summary>
public sealed class TenderEntry
{
    public Guid TenderId { get; set; }
    public Guid BuyerId { get; set; }
    /// <summary>Who started it: a draft is also seen by them (<see cref="TenderVisibility.Sees"/>). Empty only in a row stored before it was kept, until the start-up back-fill.</summary>
    public Guid CreatedBy { get; set; }
    public required string Title { get; set; }
    public TenderStatus Status { get; set; }
    /// <summary>The firms' questions the buyer has not answered yet (public, as the questions are on the tender's page).</summary>
    public int QuestionsWaiting { get; set; }
    /// <summary>CPV codes of every lot, space-separated.</summary>
    public required string Cpv { get; set; }
    public int LotCount { get; set; }
    public bool DisclosesBidCount { get; set; }
    public DateTimeOffset EnquiryDeadline { get; set; }
    public DateTimeOffset SubmissionDeadline { get; set; }
    /// <summary>When the tender must next move on by the clock; null once no deadline is ahead.</summary>
    public DateTimeOffset? NextDeadline { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>An external opportunity's buyer as its publisher names it (null for a tender published here, whose buyer is <see cref="BuyerId"/>).</summary>
    public string? ExternalBuyer { get; set; }
    /// <summary>An external opportunity's notice on the buyer's own platform, when its open data links it.</summary>
    public string? ExternalUrl { get; set; }
    /// <summary>The head of the public chain (the tender's own events).</summary>
    public long AuditHeadSequence { get; set; }
    public string AuditHeadHash { get; set; } = AuditChain.Genesis;
    /// <summary>The head of the sealed chain (its bids' and alliances' events).</summary>
    public long SealedHeadSequence { get; set; }
    public string SealedHeadHash { get; set; } = AuditChain.Genesis;
}

/// <summary>
/// A lot as the search across spaces reads it (<see cref="TenderSearch"/>): the words of its tender and its own, its
/// estimated value and its place. Written with its tender's row (<see cref="TenderProjector"/>).
/// </summary>
public sealed class TenderLotEntry : IPlacedRow
{
    public Guid TenderId { get; set; }
    public int Lot { get; set; }
    public required string Title { get; set; }
    /// <summary>The tender's title and description, the lot's and its codes' labels, folded like the directory's.</summary>
    public required string SearchText { get; set; }
    public decimal? EstimatedValue { get; set; }
    public string? Currency { get; set; }
    public string? ComuneCode { get; set; }
    public string? ProvinceSigla { get; set; }
    public string? RegionName { get; set; }
}

/// <summary>One CPV code of a lot; the eight digits make "every code under 45" an index range, as for capabilities.</summary>
public sealed class TenderLotCpvEntry
{
    public Guid TenderId { get; set; }
    public int Lot { get; set; }
    public required string CpvDigits { get; set; }
}

public sealed class TenderSpaceEntry
{
    public Guid TenderId { get; set; }
    public Guid SpaceId { get; set; }
}

/// <summary>A stored bid. Sealed until the tender opens it: only the bid's own paths read it before then.</summary>
public sealed class BidEntry
{
    public Guid BidId { get; set; }
    public Guid TenderId { get; set; }
    public Guid BidderId { get; set; }
    public BidStatus Status { get; set; }
    public int Submission { get; set; }
    public required string Digest { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>
/// A lot a bid offers. The price stays empty until the tender opens the bid: then it is the verified opened price
/// (it stays empty for a bid that failed its integrity check).
/// </summary>
public sealed class BidLotEntry
{
    public Guid BidId { get; set; }
    public int Lot { get; set; }
    public Guid TenderId { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
}

public sealed class BidTendererEntry
{
    public Guid BidId { get; set; }
    public Guid FirmId { get; set; }
    public Guid TenderId { get; set; }
    public TendererRole Role { get; set; }
}

/// <summary>One link of one of a tender's audit chains, as stored; <see cref="AuditChain"/> verifies it.</summary>
public sealed class AuditEntry
{
    public Guid TenderId { get; set; }
    public AuditChainKind Chain { get; set; }
    public long Sequence { get; set; }
    /// <summary><see cref="AuditChain.TenderSubject"/>, a bid's id, or an alliance's or its joint bid's subject (<see cref="AuditChain.AllianceSubject"/>).</summary>
    public required string Subject { get; set; }
    public int SubjectSequence { get; set; }
    public required string Kind { get; set; }
    public required string Detail { get; set; }
    public DateTimeOffset At { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    public AuditLink ToLink() => new(Sequence, Subject, Kind, Detail, At, PreviousHash, Hash);
}

/// <summary>A firm's notice that a tender matching its capabilities was published in one of its spaces.</summary>
public sealed class InboxEntry
{
    public Guid BusinessId { get; set; }
    public Guid TenderId { get; set; }
    public required string Title { get; set; }
    /// <summary>
    /// The numbers of the lots the firm's capabilities match (<see cref="TenderRules.MatchedLots"/>), space-separated,
    /// worked out at publication and again at each amendment; null only in a row stored before they were kept, until
    /// the start-up back-fill.
    /// </summary>
    public string? Lots { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A lot awarded to a bid, at the bid's price for it: what the relationship ledger and outcome figures count.</summary>
public sealed class AwardEntry
{
    public Guid TenderId { get; set; }
    public int Lot { get; set; }
    public Guid BidId { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public DateTimeOffset At { get; set; }
}
