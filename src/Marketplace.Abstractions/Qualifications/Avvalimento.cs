namespace Marketplace.Qualifications;

/// <summary>
/// What an auxiliary firm lends a firm of a bidder for one lot under an avvalimento contract (D.Lgs. 36/2023,
/// art. 104; see docs/qualifications.md for what was confirmed): a works <see cref="Category"/> up to a
/// <see cref="Class"/> it holds (<see cref="Kind"/> Prevailing or Separable), or an <see cref="Amount"/> of its
/// turnover or similar work (<see cref="Kind"/> Turnover or SimilarWork). <see cref="ContractId"/>: in a joint bid, the
/// bid's document that is the avvalimento contract, once attached.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Lending")]
public sealed record Lending(int Lot, Guid AuxiliaryId, Guid RelyingFirmId, RequirementKind Kind, string? Category, SoaClass? Class, decimal? Amount,
    Guid? ContractId = null);

/// <summary>A lending as the qualification rules judge it: with what the auxiliary holds as its page records it now.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.LentRequirement")]
public sealed record LentRequirement(Lending Lending, FirmQualifications AuxiliaryHolds);
