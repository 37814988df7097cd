using Marketplace.Businesses;
using Marketplace.Reference;

namespace Marketplace.Benchmarks;

/// <summary>
/// Generated Italian firms with a realistic spread: comuni across the whole country, mostly micro and small
/// firms, and CPV capabilities concentrated in the divisions local firms most often offer (construction,
/// installation, engineering, IT, maintenance, cleaning), each firm with one to five codes in one or two divisions.
/// </summary>
internal sealed class FirmGenerator(int seed)
{
    readonly Random random = new(seed);
    readonly Comune[] comuni = [.. ComuneCatalog.Shared.All];
    readonly Dictionary<string, CpvEntry[]> byDivision = Divisions();

    static readonly (string Division, int Weight)[] DivisionWeights =
    [
        ("45", 30), ("71", 10), ("72", 8), ("50", 8), ("90", 7), ("79", 6), ("77", 5), ("44", 4), ("39", 3), ("33", 3),
        ("30", 2), ("34", 2), ("42", 2), ("48", 2), ("55", 2), ("60", 2), ("80", 2), ("85", 1), ("15", 1), ("03", 1),
    ];

    static readonly string[] Trades = ["Edilizia", "Impianti", "Costruzioni", "Servizi", "Informatica", "Manutenzioni", "Progetti",
        "Trasporti", "Ambiente", "Energia", "Arredi", "Pulizie", "Giardini", "Tecnologie", "Restauri", "Ingegneria"];
    static readonly string[] Surnames = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
        "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri",
        "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli"];
    static readonly string[] Forms = ["S.r.l.", "S.n.c.", "S.a.s.", "S.p.A.", "Soc. Coop.", "di", "& C."];
    static readonly string[] Tags = ["restauro", "edilizia scolastica", "BIM", "efficienza energetica", "impianti", "cloud",
        "manutenzione", "verde pubblico", "sicurezza", "logistica", "formazione", "fotovoltaico", "domotica", "antincendio"];

    static Dictionary<string, CpvEntry[]> Divisions() =>
        DivisionWeights.ToDictionary(d => d.Division, d => CpvCatalog.Shared.Search(d.Division, 10_000).ToArray());

    T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    string WeightedDivision()
    {
        var roll = random.Next(DivisionWeights.Sum(d => d.Weight));
        foreach (var (division, weight) in DivisionWeights)
        {
            if (roll < weight) return division;
            roll -= weight;
        }
        return "45";
    }

    FirmSize Size() => random.Next(100) switch { < 60 => FirmSize.Micro, < 88 => FirmSize.Small, < 98 => FirmSize.Medium, _ => FirmSize.Large };

    public BusinessState Next(Guid id)
    {
        var comune = Pick(comuni);
        var trade = Pick(Trades);
        var name = $"{trade} {Pick(Surnames)} {Pick(Forms)}";
        var codes = new HashSet<string>();
        foreach (var division in random.Next(10) < 3 ? new[] { WeightedDivision(), WeightedDivision() } : [WeightedDivision()])
        {
            var pool = byDivision[division];
            for (var i = random.Next(1, 4); i > 0; i--) codes.Add(Pick(pool).Code);
        }
        var profile = new BusinessProfile(name,
            ItalianFiscalNumber.WithCheckDigit(random.NextInt64(1_000_000_000L, 9_999_999_999L).ToString("D10", System.Globalization.CultureInfo.InvariantCulture)),
            $"{trade} a {comune.Name}: lavori e servizi per enti pubblici e privati nella provincia di {comune.ProvinceName}.",
            [.. codes], [Pick(Tags), Pick(Tags)], comune.Code, null, Size(), null, null, null);
        return new BusinessState
        {
            Id = id,
            Kind = BusinessKind.Firm,
            Profile = profile,
            Version = 2,
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
    }

    /// <summary>About one member in ten carries the association's verified mark.</summary>
    public bool Vouched() => random.Next(10) == 0;

    public Random Random => random;
}
