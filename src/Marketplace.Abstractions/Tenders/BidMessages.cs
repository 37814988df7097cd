namespace Marketplace.Tenders;

/// <summary>A firm's part in a bid: the lead submits; members (in a joint bid) share the work.</summary>
[GenerateSerializer, Alias("Marketplace.TendererRole")]
public enum TendererRole
{
    Lead,
    Member,
}

[GenerateSerializer, Immutable, Alias("Marketplace.Tenderer")]
public sealed record Tenderer(Guid FirmId, TendererRole Role);

[GenerateSerializer, Immutable, Alias("Marketplace.LotPrice")]
public sealed record LotPrice(int Lot, Money Price);

/// <summary>
/// One firm's declared quotas in one lot of a joint bid (percent, two decimals): its share of the grouping
/// (<paramref name="Participation"/>) and of the work it will carry out (<paramref name="Execution"/>). D.Lgs. 36/2023
/// art. 68 asks a grouping to state them in its offer; the rules are in <c>QuotaRules</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.BidQuota")]
public sealed record BidQuota(int Lot, Guid FirmId, decimal Participation, decimal Execution);

[GenerateSerializer, Immutable, Alias("Marketplace.CriterionAnswer")]
public sealed record CriterionAnswer(int Criterion, string Text);

[GenerateSerializer, Alias("Marketplace.BidStatus")]
public enum BidStatus
{
    None,
    Submitted,
    Withdrawn,
}

/// <summary>
/// Everything a bid says, exactly as it is sealed: its digest is the SHA-256 of this record's canonical JSON, so a
/// bid opened after the deadline can be checked against the receipt its bidder was given. <paramref name="Salt"/> is
/// a secret random value (128 bits, hex) drawn by the server for each submission: without it, the public digest
/// cannot be matched against guessed bidders and prices.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SealedBid")]
public sealed record SealedBid(
    Guid TenderId,
    Guid BidId,
    int Submission,
    Tenderer[] Tenderers,
    LotPrice[] Lots,
    CriterionAnswer[] Answers,
    DocumentRef[] Documents,
    string Salt,
    // Left out of the canonical JSON when absent (a single firm's bid, or one sealed before quotas were declared), so
    // the digests of the bids sealed before keep matching their receipts.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    BidQuota[]? Quotas = null,
    // Likewise absent when the bid declares no subcontracting (every bid sealed before declarations existed).
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    BidSubcontract[]? Subcontracts = null,
    // Likewise absent when the bid relies on no auxiliary firm (every bid sealed before reliances were sealed).
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    BidReliance[]? Reliances = null,
    // Likewise absent when no firm of the bid had a DGUE (every bid sealed before DGUEs were sealed).
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    BidDgue[]? Dgues = null);

/// <summary>
/// What the bidder is given on each submission: the server's receipt time, the digest of the sealed bid and the salt
/// it covers (secret: for the bidder's people only, so they can recompute the digest themselves).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Receipt")]
public sealed record Receipt(Guid TenderId, Guid BidId, int Submission, string Digest, DateTimeOffset ReceivedAt, string Salt);

/// <summary>
/// A bid for a tender; the lead firm's people submit, withdraw and resubmit it until the deadline.
/// <paramref name="ReceivedAt"/> is when the request reached the server (stamped by its first middleware), so time spent
/// queueing inside the server never counts against the bidder; without it, the bid's own arrival time counts.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SubmitBid")]
public sealed record SubmitBid(Guid ActorId, Tenderer[] Tenderers, LotPrice[] Lots, CriterionAnswer[] Answers, DocumentRef[] Documents,
    DateTimeOffset? ReceivedAt = null, BidQuota[]? Quotas = null, BidSubcontract[]? Subcontracts = null, BidReliance[]? Reliances = null,
    BidDgue[]? Dgues = null);

[GenerateSerializer, Immutable, Alias("Marketplace.BidSnapshot")]
public sealed record BidSnapshot(Guid BidId, Guid TenderId, BidStatus Status, SealedBid? Content, Receipt? Receipt, DateTimeOffset UpdatedAt);
