using Marketplace.Qualifications;

namespace Marketplace.Server.Endpoints;

/// <summary>A works category a lot asks for, as the tender form sends it: its code, the lot's works in it (euros) and,
/// for a separable one, whether a bidder lacking it may leave its work to a subcontractor.</summary>
public sealed record CategoryAmountRequest(string? Category, decimal Amount, bool MaySubcontract = true);

/// <summary>
/// What a lot asks of a bidder: works (the prevailing category, the separable ones, the share that may be
/// subcontracted, none when null) or services and supplies (turnover and similar work over three years, in euros);
/// whether a bidder may rely on another firm's qualifications (avvalimento).
/// </summary>
public sealed record LotRequirementsRequest(
    CategoryAmountRequest? Prevailing, CategoryAmountRequest[]? Separable, int? SubcontractingMaxPercent, decimal? MinTurnover, decimal? MinSimilarWork,
    bool AvvalimentoAllowed = false)
{
    public LotRequirements ToRequirements() => new(
        Prevailing is { } p ? new CategoryAmount(p.Category ?? "", p.Amount) : null,
        [.. (Separable ?? []).Select(s => new CategoryAmount(s?.Category ?? "", s?.Amount ?? 0, s?.MaySubcontract ?? true))],
        MinTurnover, MinSimilarWork, SubcontractingMaxPercent, AvvalimentoAllowed);
}

/// <summary>
/// A category a lot asks for, as a firm reads it: the category with its names, the lot's works in it, and the class
/// that amount falls in with the class's upper amount (the "classe III, fino a 1.033.000 €" of a tender notice).
/// </summary>
public sealed record RequiredCategoryDto(string Category, string CategoryIt, string CategoryEn, decimal Amount, SoaClass Class, string ClassLabel,
    decimal ClassAmount, bool MaySubcontract)
{
    public static RequiredCategoryDto From(CategoryAmount c)
    {
        var category = SoaCategories.Find(c.Category);
        var soaClass = SoaClasses.For(c.Amount);
        return new(c.Category, category?.LabelIt ?? c.Category, category?.LabelEn ?? c.Category, c.Amount, soaClass, SoaClasses.Label(soaClass),
            SoaClasses.Amount(soaClass), c.MaySubcontract);
    }
}

/// <summary>A lot's requirements as everyone who sees the tender reads them (part of the published tender).</summary>
public sealed record LotRequirementsDto(
    RequiredCategoryDto? Prevailing, RequiredCategoryDto[] Separable, int? SubcontractingMaxPercent, decimal? MinTurnover, decimal? MinSimilarWork,
    bool AvvalimentoAllowed)
{
    public static LotRequirementsDto? From(LotRequirements? r) => r is null ? null
        : new(r.Prevailing is { } p ? RequiredCategoryDto.From(p) : null, [.. r.Separable.Select(RequiredCategoryDto.From)],
            r.SubcontractingMaxPercent, r.MinTurnover, r.MinSimilarWork, r.AvvalimentoAllowed);
}
