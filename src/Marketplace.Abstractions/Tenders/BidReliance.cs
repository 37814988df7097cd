using System.Text.Json.Serialization;
using Marketplace.Qualifications;

namespace Marketplace.Tenders;

/// <summary>
/// A reliance on an auxiliary firm (avvalimento, D.Lgs. 36/2023 art. 104; docs/qualifications.md) as a joint bid seals
/// it: in one lot the auxiliary lends the relying bidding firm a works <paramref name="Category"/> up to a
/// <paramref name="Class"/>, or an <paramref name="Amount"/> of its turnover or similar work, and answers for the
/// contract jointly with it. <paramref name="Commitment"/>: the auxiliary's own signed commitment to exactly this
/// reliance and its avvalimento contract, when one was given.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.BidReliance")]
public sealed record BidReliance(int Lot, Guid AuxiliaryId, Guid RelyingFirmId, RequirementKind Kind, string? Category, SoaClass? Class, decimal? Amount,
    // Absent while the auxiliary has not committed, so a reliance sealed without one hashes as its fields alone.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    RelianceCommitment? Commitment = null);

/// <summary>
/// An auxiliary firm's commitment to one reliance: <paramref name="Digest"/> is the SHA-256 of the reliance's canonical
/// JSON and of its avvalimento <paramref name="Contract"/>'s own SHA-256, so a change of either voids it;
/// <paramref name="SignedBy"/> the auxiliary's person (an Owner or Manager) who signed, at <paramref name="At"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.RelianceCommitment")]
public sealed record RelianceCommitment(string Digest, DocumentRef Contract, Guid SignedBy, DateTimeOffset At);
