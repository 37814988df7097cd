namespace Marketplace.Qualifications;

/// <summary>
/// The classes (classifiche) of an SOA attestation, smallest first; each allows works up to an amount
/// (<c>SoaClasses.Amount</c>). Never reorder: stored and on the wire by name.
/// </summary>
[GenerateSerializer, Alias("Marketplace.SoaClass")]
public enum SoaClass
{
    I,
    II,
    III,
    IIIBis,
    IV,
    IVBis,
    V,
    VI,
    VII,
    VIII,
}

/// <summary>
/// An attestazione SOA for one category: the firm may perform public works of that category up to its class's
/// amount until <see cref="Expires"/> (the last day it is valid), as certified by the SOA body that issued it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SoaAttestation")]
public sealed record SoaAttestation(string Category, SoaClass Class, DateOnly Expires, string IssuedBy, DocumentRef? Document);

/// <summary>
/// A firm's figures for services and supplies, summed over three financial years ending with <see cref="LastYear"/>:
/// its whole turnover and the turnover of work similar to a tender's (the economic and technical capacity a buyer
/// may ask under D.Lgs. 36/2023, art. 100; see docs/qualifications.md for what was and was not confirmed).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FinancialFigures")]
public sealed record FinancialFigures(int LastYear, decimal Turnover, decimal SimilarWork);

/// <summary>
/// A works category a lot asks for, with the amount of the lot's works in it (euros). <see cref="MaySubcontract"/>:
/// for a separable category, whether the buyer lets a bidder that lacks it leave its work to a subcontractor (within
/// the lot's cap); meaningless for the prevailing one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.CategoryAmount")]
public sealed record CategoryAmount(string Category, decimal Amount, bool MaySubcontract = true);

/// <summary>
/// What a lot asks of a bidder to qualify. Works: the prevailing category (categoria prevalente) and the separable
/// ones (categorie scorporabili) with their amounts. Services and supplies: minimum turnover and similar work over
/// three years. Whether part of the lot may be subcontracted (up to a share of its amount; none when null) and
/// whether a bidder may rely on another firm's capacities (avvalimento).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.LotRequirements")]
public sealed record LotRequirements(
    CategoryAmount? Prevailing,
    CategoryAmount[] Separable,
    decimal? MinTurnover,
    decimal? MinSimilarWork,
    int? SubcontractingMaxPercent,
    bool AvvalimentoAllowed)
{
    public static readonly LotRequirements None = new(null, [], null, null, null, false);

    /// <summary>The same requirements, compared by value (the categories are arrays).</summary>
    public bool SameAs(LotRequirements? other) =>
        other is not null && this with { Separable = [] } == other with { Separable = [] } && Separable.SequenceEqual(other.Separable);

    /// <summary>The lot's works, every category together: the base the one-fifth rule measures a class against.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal WorksAmount => (Prevailing?.Amount ?? 0) + Separable.Sum(s => s.Amount);
}

/// <summary>One firm of a group as the qualification rules see it: whether it leads, and what it holds.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.GroupMember")]
public sealed record GroupMember(Guid FirmId, bool Lead, SoaAttestation[] Attestations, FinancialFigures? Figures);

[GenerateSerializer, Alias("Marketplace.RequirementKind")]
public enum RequirementKind
{
    Prevailing,
    Separable,
    Turnover,
    SimilarWork,
}

/// <summary>How a requirement stands: met by the group, left to a subcontractor (allowed by the lot), or not met.</summary>
[GenerateSerializer, Alias("Marketplace.RequirementStatus")]
public enum RequirementStatus
{
    Met,
    Subcontract,
    Short,
}

/// <summary>
/// What one firm brings to a requirement: its class (works) and the amount it counts for, the one-fifth increase
/// included when it applies; <see cref="Counts"/> is false when the amount is below the share a member must bring
/// to take part in the requirement, so it is not summed, or when its attestation has <see cref="Expired"/> (then it
/// counts for nothing, and the firm is listed so its people see why). <see cref="LentBy"/>: the auxiliary firm whose
/// class or figure the firm brings in avvalimento, when it is not the firm's own.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Contribution")]
public sealed record Contribution(Guid FirmId, SoaClass? Class, decimal Amount, bool Increased, bool Counts, bool Expired, Guid? LentBy = null);

/// <summary>
/// One requirement of a lot against the group: the category with the class its amount in the lot falls in, as a
/// tender names it (or turnover / similar work), the amount required (for the prevailing category it includes the
/// separable work left to subcontractors), what the counting firms hold together, and who brings what.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.RequirementCheck")]
public sealed record RequirementCheck(RequirementKind Kind, string? Category, SoaClass? Class, decimal Required, decimal Held, RequirementStatus Status, Contribution[] By);

/// <summary>
/// Whether a group qualifies for a lot: each requirement with who brings what, the rules that fail (in the order
/// a reader should fix them) and notes that do not stop it (work to subcontract). Each reason is a refusal code with
/// its arguments, so the client words it in the reader's language.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.LotQualification")]
public sealed record LotQualification(RequirementCheck[] Requirements, FieldProblem[] Failures, FieldProblem[] Notes)
{
    public bool Qualifies => Failures.Length == 0;
}

/// <summary>
/// What a firm records of its qualifications on its profile: its SOA attestations (one per category; expired ones
/// are kept, and count for nothing) and its figures for services and supplies.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FirmQualifications")]
public sealed record FirmQualifications(SoaAttestation[] Attestations, FinancialFigures? Figures)
{
    public static readonly FirmQualifications None = new([], null);
}
