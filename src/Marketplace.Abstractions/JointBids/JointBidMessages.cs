using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>A piece of a joint bid assigned to one firm of the alliance, with its price; each keeps its own version.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.WorkPackage")]
public sealed record WorkPackage(Guid Id, string Title, int Lot, string? Description, Guid FirmId, Money Price, int Version);

/// <summary>The joint bid's answer to one quality criterion, with its own version.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointAnswer")]
public sealed record JointAnswer(int Criterion, string Text, int Version);

/// <summary>A firm's approval of one exact content of the joint bid, named by its digest.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SignOff")]
public sealed record SignOff(Guid FirmId, string Digest, Guid ActorId, DateTimeOffset At);

/// <summary>
/// Saves a work package: a new one (no <paramref name="Id"/>), or an edit of <paramref name="Id"/> at
/// <paramref name="ExpectedVersion"/>; a later save by someone else is refused with the current package.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SaveWorkPackage")]
public sealed record SaveWorkPackage(Guid ActorId, Guid? Id, int ExpectedVersion, string Title, int Lot, string? Description, Guid FirmId, Money Price);

[GenerateSerializer, Immutable, Alias("Marketplace.SaveJointAnswer")]
public sealed record SaveJointAnswer(Guid ActorId, int Criterion, int ExpectedVersion, string Text);

/// <summary>A file a firm of the alliance attached to the joint bid: one of that firm's own uploads.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointDocument")]
public sealed record JointDocument(DocumentRef Document, Guid FirmId);

/// <summary>A firm attaches some of its own uploaded files (already checked as its own) to the joint bid.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AttachJointDocuments")]
public sealed record AttachJointDocuments(Guid ActorId, Guid FirmId, DocumentRef[] Documents);

[GenerateSerializer, Immutable, Alias("Marketplace.SignJointBid")]
public sealed record SignJointBid(Guid ActorId, Guid FirmId, string Digest);

/// <summary>A firm's share of the joint bid: the sum of its work packages, and that sum as a percentage of the total.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FirmShare")]
public sealed record FirmShare(Guid FirmId, Money Amount, decimal Percent);

[GenerateSerializer, Immutable, Alias("Marketplace.JointBidSnapshot")]
public sealed record JointBidSnapshot(
    Guid AllianceId,
    Guid TenderId,
    WorkPackage[] WorkPackages,
    JointAnswer[] Answers,
    JointDocument[] Documents,
    LotPrice[] LotPrices,
    FirmShare[] Shares,
    string Digest,
    SignOff[] SignOffs,
    Receipt? Receipt,
    int Version,
    DateTimeOffset UpdatedAt);
