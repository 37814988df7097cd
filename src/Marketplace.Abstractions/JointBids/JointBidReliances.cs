using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// Replaces the joint bid's declared reliances (avvalimento: an auxiliary firm of the space lending a bidding firm a
/// requirement for a lot, <see cref="Lending"/>) as a whole, from the version of them the editor read.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SaveJointReliances")]
public sealed record SaveJointReliances(Guid ActorId, int ExpectedVersion, Lending[] Reliances);

/// <summary>
/// An auxiliary firm as the reliance rules judge it: whether it is a member firm of the alliance's space, and what its
/// page records of its qualifications now (and its name, which a refused submission gives).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AuxiliaryFirm")]
public sealed record AuxiliaryFirm(Guid FirmId, bool SpaceFirm, FirmQualifications Holds, string Name = "");

/// <summary>Where a reliance stands with its auxiliary: no contract attached yet, awaiting the auxiliary, committed, or declined.</summary>
[GenerateSerializer, Alias("Marketplace.RelianceStatus")]
public enum RelianceStatus
{
    NoContract,
    Awaiting,
    Committed,
    Declined,
}

/// <summary>
/// An auxiliary firm's answer to one reliance: <paramref name="Digest"/> names exactly the reliance and its contract
/// answered (a change of either makes it an answer to something the bid no longer says); <paramref name="By"/> the
/// auxiliary's person who gave it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AuxiliaryAnswer")]
public sealed record AuxiliaryAnswer(Guid AuxiliaryId, string Digest, bool Committed, Guid By, DateTimeOffset At);

/// <summary>The auxiliary's Owner or Manager commits to (or declines) the reliance whose digest they read, for their firm.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AnswerReliance")]
public sealed record AnswerReliance(Guid ActorId, Guid AuxiliaryId, string Digest, bool Commit);

/// <summary>A reliance with where it stands: its contract (when attached), the digest its auxiliary signs, and the answer given to that digest.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.RelianceStanding")]
public sealed record RelianceStanding(Lending Reliance, DocumentRef? Contract, string? Digest, RelianceStatus Status, AuxiliaryAnswer? Answer);

/// <summary>
/// What an auxiliary firm's people see of a joint bid, and nothing else of it: the tender, and for each of their firms
/// the reliances it is asked for (what it lends, in which lot, to whom, under which contract) with where each stands.
/// <paramref name="Editing"/>: the viewer's auxiliary firms they answer for (Owners and Managers); <paramref name="Submitted"/>:
/// the bid was submitted as it is, so with the commitments it shows.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AuxiliaryView")]
public sealed record AuxiliaryView(Guid AllianceId, Guid TenderId, string TenderTitle, Lot[] Lots, Guid[] Editing, RelianceStanding[] Lendings, bool Open,
    bool Submitted = false);
