using Marketplace.Reference;

namespace Marketplace.Qualifications;

/// <summary>A works category of the SOA system: general (OG) or specialised (OS), with its names.</summary>
public sealed record SoaCategory(string Code, bool General, string LabelIt, string LabelEn);

/// <summary>
/// The SOA categories (OG1–OG13, OS1–OS35 with their A/B parts) as DPR 207/2010's Allegato A names them, shipped in
/// Reference/Data/soa-categories.csv (provenance in Reference/Data/README.md).
/// </summary>
public static class SoaCategories
{
    static readonly Lazy<SoaCategory[]> all = new(() =>
        [.. Csv.ReadEmbedded("soa-categories.csv").Select(f => new SoaCategory(f[0], f[1] == "general", f[2], f[3]))]);

    static readonly Lazy<Dictionary<string, SoaCategory>> byCode = new(() => all.Value.ToDictionary(c => c.Code, StringComparer.Ordinal));

    /// <summary>Every category, general ones first, in the order of the law's table.</summary>
    public static IReadOnlyList<SoaCategory> All => all.Value;

    /// <summary>The category a person typed ("os30", " OS 2-a "), or null when there is none by that code.</summary>
    public static SoaCategory? Find(string? code) =>
        code is null ? null : byCode.Value.GetValueOrDefault(code.Replace(" ", "").ToUpperInvariant());
}
