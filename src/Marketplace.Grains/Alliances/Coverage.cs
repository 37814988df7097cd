using Marketplace.Tenders;

namespace Marketplace.Alliances;

/// <summary>One CPV code a lot asks for, and the alliance's firms whose capabilities cover it.</summary>
public sealed record CodeCoverage(string Code, Guid[] CoveredBy)
{
    /// <summary>Some firm of the alliance covers it; else it is a gap.</summary>
    public bool Covered => CoveredBy.Length > 0;
}

public sealed record LotCoverage(int Lot, string Title, CodeCoverage[] Codes)
{
    public bool Covered => Codes.All(c => c.Covered);
}

/// <summary>
/// The coverage matrix: the tender's lots and CPV codes against the capabilities of the alliance's firms, matched
/// as a tender is matched to firms (<see cref="TenderRules.Covers"/>). A code nobody covers is a gap.
/// </summary>
public static class Coverage
{
    public static LotCoverage[] Of(TenderDetails tender, IReadOnlyDictionary<Guid, string[]> capabilities, int digits) =>
        [.. tender.Lots.Select(lot => new LotCoverage(lot.Number, lot.Title, [.. lot.Cpv.Select(code => new CodeCoverage(code,
            [.. capabilities.Where(f => f.Value.Any(k => TenderRules.Covers(k, code, digits))).Select(f => f.Key)]))]))];

    public static string[] Gaps(IEnumerable<LotCoverage> lots) =>
        [.. lots.SelectMany(l => l.Codes).Where(c => !c.Covered).Select(c => c.Code).Distinct()];
}
