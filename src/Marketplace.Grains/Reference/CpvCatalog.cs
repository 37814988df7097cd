namespace Marketplace.Reference;

/// <summary>One code of the Common Procurement Vocabulary (CPV 2008), with its check digit and labels.</summary>
public sealed record CpvEntry(string Code, string LabelEn, string LabelIt)
{
    /// <summary>The eight digits without the check digit; trailing zeros mark the level (division, group, class…).</summary>
    public string Digits => Code[..8];

    /// <summary>How many leading digits are significant: 2 for a division, up to 8 for a sub-category.</summary>
    public int Depth => Math.Max(2, Digits.TrimEnd('0').Length);
}

/// <summary>The CPV vocabulary shipped with the product (see Reference/Data/README.md).</summary>
public sealed class CpvCatalog
{
    static readonly Lazy<CpvCatalog> shared = new(() => new CpvCatalog(
        Csv.ReadEmbedded("cpv.csv").Select(f => new CpvEntry(f[0], f[1], f[2]))));

    readonly Dictionary<string, CpvEntry> byDigits;
    readonly (CpvEntry Entry, string Folded)[] searchable;

    CpvCatalog(IEnumerable<CpvEntry> entries)
    {
        var all = entries.ToArray();
        byDigits = all.ToDictionary(e => e.Digits);
        searchable = [.. all.Select(e => (e, TextSearch.Fold($"{e.LabelIt} {e.LabelEn}")))];
    }

    public static CpvCatalog Shared => shared.Value;

    public int Count => byDigits.Count;

    /// <summary>The 45 divisions (codes NN000000), in code order.</summary>
    public IEnumerable<CpvEntry> Divisions => byDigits.Values.Where(e => e.Depth == 2 && e.Digits.EndsWith("000000", StringComparison.Ordinal))
        .OrderBy(e => e.Code, StringComparer.Ordinal);

    /// <summary>Finds a code written "NNNNNNNN-C" (the check digit must match) or as the eight digits alone.</summary>
    public CpvEntry? Find(string code)
    {
        var trimmed = code.Trim();
        if (trimmed.Length < 8 || !byDigits.TryGetValue(trimmed[..8], out var entry)) return null;
        return trimmed.Length == 8 || trimmed == entry.Code ? entry : null;
    }

    /// <summary>Codes starting with the digits typed, or whose Italian or English label holds every word typed.</summary>
    public IReadOnlyList<CpvEntry> Search(string query, int limit)
    {
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 2 && digits.Length == query.Count(c => !char.IsWhiteSpace(c) && c != '-'))
        {
            return [.. byDigits.Values.Where(e => e.Code.Replace("-", "").StartsWith(digits, StringComparison.Ordinal))
                .OrderBy(e => e.Code, StringComparer.Ordinal).Take(limit)];
        }
        var words = TextSearch.Words(query);
        if (words.Length == 0) return [];
        // General codes first: someone typing "edili" more likely means the division than a sub-category.
        return [.. searchable.Where(s => words.All(w => s.Folded.Contains(w, StringComparison.Ordinal)))
            .Select(s => s.Entry)
            .OrderBy(e => e.Depth).ThenBy(e => e.Code, StringComparer.Ordinal).Take(limit)];
    }
}
