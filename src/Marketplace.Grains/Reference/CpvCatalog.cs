namespace Marketplace.Reference;

/// <summary>One code of the Common Procurement Vocabulary (CPV 2008), with its check digit and labels.</summary>
public sealed record CpvEntry(string Code, string LabelEn, string LabelIt)
{
    /// <summary>The eight digits without the check digit; trailing zeros mark the level (division, group, class…).</summary>
    public string Digits => Code[..8];

    /// <summary>How many leading digits are significant: 2 for a division, up to 8 for a sub-category.</summary>
    public int Depth => Math.Max(2, Digits.TrimEnd('0').Length);
}

/// <summary>
/// The CPV vocabulary shipped with the product (see Reference/Data/README.md), searched by code, by the words of its
/// labels, and by the words firms use for their trades ("idraulico", "cappotto", "fotovoltaico": cpv-trades.csv), which
/// the official labels often lack.
/// </summary>
public sealed class CpvCatalog
{
    static readonly Lazy<CpvCatalog> shared = new(() => new CpvCatalog(
        Csv.ReadEmbedded("cpv.csv").Select(f => new CpvEntry(f[0], f[1], f[2])),
        Csv.ReadEmbedded("cpv-trades.csv").Select(f => (f[0].Split('|'), f[1].Split(' ')))));

    /// <summary>Words that name no trade on their own: "lavori" alone lists the vocabulary's works, not every trade.</summary>
    static readonly HashSet<string> Generic = [.. new[] { "lavori", "opere", "servizi", "fornitura", "works", "services", "supply" }.Select(TextSearch.Stem)];

    readonly Dictionary<string, CpvEntry> byDigits;
    /// <summary>Each code's children, in code order, by the parent's digits ("" for the divisions).</summary>
    readonly Dictionary<string, CpvEntry[]> children;
    readonly (CpvEntry Entry, string[] Stems)[] labels;
    readonly (string[] Stems, CpvEntry[] Codes)[] trades;

    CpvCatalog(IEnumerable<CpvEntry> entries, IEnumerable<(string[] Phrases, string[] Codes)> tradeWords)
    {
        var all = entries.ToArray();
        byDigits = all.ToDictionary(e => e.Digits);
        children = all.GroupBy(e => Parent(e)?.Digits ?? "")
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Code, StringComparer.Ordinal).ToArray());
        labels = [.. all.Select(e => (e, TextSearch.Stems($"{e.LabelIt} {e.LabelEn}")))];
        trades = [.. tradeWords.SelectMany(t =>
        {
            var codes = t.Codes.Select(c => Find(c) ?? throw new InvalidOperationException($"cpv-trades.csv names {c}, which is not in the vocabulary.")).ToArray();
            return t.Phrases.Select(phrase => (TextSearch.Stems(phrase), codes));
        })];
    }

    public static CpvCatalog Shared => shared.Value;

    public int Count => byDigits.Count;

    /// <summary>The 45 divisions (codes NN000000), in code order.</summary>
    public IReadOnlyList<CpvEntry> Divisions => children[""];

    /// <summary>The codes one level below a code (the divisions below none), in code order: the vocabulary as a tree to browse.</summary>
    public IReadOnlyList<CpvEntry> Children(CpvEntry? parent) => children.GetValueOrDefault(parent?.Digits ?? "", []);

    /// <summary>A code and every code below it, at any depth: what a firm offering any of them does.</summary>
    public IEnumerable<CpvEntry> AndBelow(CpvEntry entry) => Children(entry).SelectMany(AndBelow).Prepend(entry);

    /// <summary>
    /// The trades named whole by the stems (<see cref="TextSearch.Stems"/>) of what someone typed, with their codes in
    /// the order of cpv-trades.csv, and the stems that named them; the rest of the words are left to the caller.
    /// </summary>
    public (IReadOnlyList<CpvEntry> Codes, IReadOnlySet<string> Stems) NamedTrades(IReadOnlyCollection<string> typed)
    {
        var named = trades.Where(t => t.Stems.Length > 0 && !t.Stems.All(Generic.Contains) && t.Stems.All(typed.Contains)).ToArray();
        // "manutenzione impianti elettrici" names maintenance, not also the installer its last two words name.
        var widest = named.Where(t => !named.Any(o => o.Stems.Length > t.Stems.Length && t.Stems.All(o.Stems.Contains))).ToArray();
        return ([.. widest.SelectMany(t => t.Codes).Distinct()], widest.SelectMany(t => t.Stems).ToHashSet());
    }

    /// <summary>
    /// The nearest code above: the longest shorter prefix that is itself a code (the levels are not all filled:
    /// 45214200 sits under 45214000, 03111900 under 03111000).
    /// </summary>
    CpvEntry? Parent(CpvEntry entry)
    {
        for (var length = entry.Depth - 1; length >= 2; length--)
        {
            if (byDigits.TryGetValue(entry.Digits[..length].PadRight(8, '0'), out var parent)) return parent;
        }
        return null;
    }

    /// <summary>Finds a code written "NNNNNNNN-C" (the check digit must match) or as the eight digits alone.</summary>
    public CpvEntry? Find(string code)
    {
        var trimmed = code.Trim();
        if (trimmed.Length < 8 || !byDigits.TryGetValue(trimmed[..8], out var entry)) return null;
        return trimmed.Length == 8 || trimmed == entry.Code ? entry : null;
    }

    /// <summary>
    /// Codes starting with the digits typed; or, for words, the codes ranked by how well they answer them: the codes
    /// of a trade the words name first (in the order a procurement officer would pick them), then codes whose labels
    /// hold every word, then those holding most of them; general codes before specific ones where equal.
    /// </summary>
    public IReadOnlyList<CpvEntry> Search(string query, int limit)
    {
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 2 && digits.Length == query.Count(c => !char.IsWhiteSpace(c) && c != '-'))
        {
            return [.. byDigits.Values.Where(e => e.Code.Replace("-", "").StartsWith(digits, StringComparison.Ordinal))
                .OrderBy(e => e.Code, StringComparer.Ordinal).Take(limit)];
        }
        var typed = TextSearch.Stems(query);
        if (typed.Length == 0) return [];
        var scores = new Dictionary<CpvEntry, double>();
        void Score(CpvEntry entry, double score)
        {
            if (!scores.TryGetValue(entry, out var best) || score > best) scores[entry] = score;
        }

        if (!typed.All(Generic.Contains))
        {
            foreach (var (stems, codes) in trades)
            {
                // The words name the trade, maybe among others ("lavori da idraulico a Modena": the place does not
                // lower it much), or begin it ("cappotto", "idraul"). Whole words only: "videosorveglianza" names no "video" trade.
                var named = stems.All(w => typed.Contains(w));
                var begun = typed.Count(t => stems.Any(w => TextSearch.Begins(t, w)));
                if (!named && begun < typed.Length) continue;
                var score = named ? 100 + 20.0 * stems.Length / typed.Length : 120;
                for (var i = 0; i < codes.Length; i++) Score(codes[i], score - i);
            }
        }
        foreach (var (entry, stems) in labels)
        {
            var met = typed.Count(t => stems.Any(w => TextSearch.Meets(t, w)));
            // One word must be met; of several, most: "manutenzione impianti elettrici di Modena" still finds 50711000.
            if (met == typed.Length || (typed.Length > 1 && met * 2 >= typed.Length + 1))
                Score(entry, 100.0 * met / typed.Length - entry.Depth);
        }
        return [.. scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Depth).ThenBy(s => s.Key.Code, StringComparer.Ordinal)
            .Take(limit).Select(s => s.Key)];
    }
}
