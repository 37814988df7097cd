namespace Marketplace.Reference;

/// <summary>An Italian municipality with its province and region (ISTAT codes).</summary>
public sealed record Comune(
    string Code, string Name, string ProvinceSigla, string ProvinceName, string RegionName, double Latitude, double Longitude);

/// <summary>The Italian comuni shipped with the product (see Reference/Data/README.md).</summary>
public sealed class ComuneCatalog
{
    public static readonly Refusal Unknown = new("comune.unknown", "'{code}' is not an ISTAT comune code.");

    static readonly Lazy<ComuneCatalog> shared = new(() => new ComuneCatalog(
        Csv.ReadEmbedded("comuni.csv").Select(f => new Comune(
            f[0], f[1], f[5], f[6], f[8],
            double.Parse(f[12], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(f[13], System.Globalization.CultureInfo.InvariantCulture)))));

    readonly Dictionary<string, Comune> byCode;
    readonly (Comune Comune, string Folded)[] searchable;

    ComuneCatalog(IEnumerable<Comune> comuni)
    {
        var all = comuni.ToArray();
        byCode = all.ToDictionary(c => c.Code);
        searchable = [.. all.Select(c => (c, TextSearch.Fold(c.Name)))];
    }

    public static ComuneCatalog Shared => shared.Value;

    public int Count => byCode.Count;

    public IEnumerable<Comune> All => byCode.Values;

    public Comune? Find(string code) => byCode.GetValueOrDefault(code.Trim());

    /// <summary>Comuni whose name starts with the text typed, then those that contain it.</summary>
    public IReadOnlyList<Comune> Search(string query, int limit)
    {
        var folded = TextSearch.Fold(query.Trim());
        if (folded.Length == 0) return [];
        return [.. searchable
            .Select(s => (s.Comune, Rank: s.Folded.StartsWith(folded, StringComparison.Ordinal) ? 0
                : s.Folded.Contains(folded, StringComparison.Ordinal) ? 1 : -1))
            .Where(r => r.Rank >= 0)
            .OrderBy(r => r.Rank).ThenBy(r => r.Comune.Name.Length).ThenBy(r => r.Comune.Name, StringComparer.Ordinal)
            .Take(limit).Select(r => r.Comune)];
    }
}
