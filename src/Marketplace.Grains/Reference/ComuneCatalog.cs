namespace Marketplace.Reference;

/// <summary>An Italian municipality with its province and region (ISTAT codes).</summary>
public sealed record Comune(
    string Code, string Name, string ProvinceSigla, string ProvinceName, string RegionName, double Latitude, double Longitude);

/// <summary>Which level of Italian geography a place is.</summary>
public enum PlaceKind { Region, Province, Comune }

/// <summary>
/// A place named in a search: a region (<see cref="Codes"/> holds its name as stored), a province (its sigla) or a
/// comune (its ISTAT codes: a few names belong to two comuni).
/// </summary>
public sealed record Place(PlaceKind Kind, string Name, string[] Codes);

/// <summary>The Italian comuni shipped with the product (see Reference/Data/README.md).</summary>
public sealed class ComuneCatalog
{
    /// <summary>Names spanning more words are not looked for ("San Giorgio di Lomellina" is four).</summary>
    const int LongestPlaceName = 6;

    /// <summary>Words people leave out of a place's name: "Reggio Emilia", "Monza Brianza", "Valle Aosta".</summary>
    static readonly HashSet<string> Connectives = ["nell", "nella", "della", "del", "di", "d", "e"];

    public static readonly Refusal Unknown = new("comune.unknown", "'{code}' is not an ISTAT comune code.");

    static readonly Lazy<ComuneCatalog> shared = new(() => new ComuneCatalog(
        Csv.ReadEmbedded("comuni.csv").Select(f => new Comune(
            f[0], f[1], f[5], f[6], f[8],
            double.Parse(f[12], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(f[13], System.Globalization.CultureInfo.InvariantCulture)))));

    readonly Dictionary<string, Comune> byCode;
    readonly (Comune Comune, string Folded)[] searchable;
    /// <summary>Places by the folded words of their names; a region outranks a province, a province a comune of the same name.</summary>
    readonly Dictionary<string, Place> places = [];

    ComuneCatalog(IEnumerable<Comune> comuni)
    {
        var all = comuni.ToArray();
        byCode = all.ToDictionary(c => c.Code);
        searchable = [.. all.Select(c => (c, TextSearch.Fold(c.Name)))];
        foreach (var region in all.GroupBy(c => c.RegionName))
        {
            // "Trentino-Alto Adige/Südtirol": either language's name alone names it too.
            foreach (var name in region.Key.Split('/').Prepend(region.Key))
                Name(name, new Place(PlaceKind.Region, region.Key.Split('/')[0], [region.Key]));
        }
        foreach (var province in all.GroupBy(c => (c.ProvinceSigla, c.ProvinceName)))
            Name(province.Key.ProvinceName, new Place(PlaceKind.Province, province.Key.ProvinceName, [province.Key.ProvinceSigla]));
        foreach (var named in all.GroupBy(c => Key(TextSearch.Words(c.Name))))
        {
            // Two- and one-letter names (Ne, Re, Vo) are words of ordinary sentences more often than places.
            if (named.Key.Length >= 3) Name(named.First().Name, new Place(PlaceKind.Comune, named.First().Name, [.. named.Select(c => c.Code)]));
        }

        void Name(string name, Place place)
        {
            var words = TextSearch.Words(name);
            foreach (var key in new[] { Key(words), Key(words.Where(w => !Connectives.Contains(w))) })
            {
                if (key.Length > 0) places.TryAdd(key, place);
            }
        }
    }

    static string Key(IEnumerable<string> foldedWords) => string.Join(' ', foldedWords);

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

    /// <summary>
    /// The place named by the words starting at <paramref name="start"/> (folded, as <see cref="TextSearch.Words"/>
    /// gives them), the longest name first, and how many words it spans; none if they begin no place's name.
    /// </summary>
    public (Place Place, int Length)? PlaceAt(IReadOnlyList<string> words, int start)
    {
        for (var length = Math.Min(LongestPlaceName, words.Count - start); length >= 1; length--)
        {
            if (places.TryGetValue(Key(words.Skip(start).Take(length)), out var place)) return (place, length);
        }
        return null;
    }
}
