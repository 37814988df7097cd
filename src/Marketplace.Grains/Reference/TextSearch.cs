using System.Globalization;
using System.Text;

namespace Marketplace.Reference;

/// <summary>Accent- and case-insensitive matching, so "citta" finds "Città" and "lavori edili" finds "Lavori edili".</summary>
public static class TextSearch
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    public static string[] Words(string query) =>
        Fold(query).Split([' ', ',', ';', '.', '\'', '-', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Italian and English words that say nothing about a trade ("lavori di idraulica" means "idraulica").</summary>
    internal static readonly HashSet<string> StopWords =
    [
        "a", "ad", "al", "alla", "alle", "agli", "ai", "con", "d", "da", "dal", "dalla", "dei", "del", "della", "delle", "dello", "degli",
        "dell", "di", "e", "ed", "gli", "i", "il", "in", "l", "la", "le", "lo", "nel", "nella", "nei", "per", "su", "sul", "sulla", "tra", "un", "una", "uno",
        "ditta", "ditte", "impresa", "imprese", "azienda", "aziende", "societa",
        "an", "and", "by", "for", "of", "on", "or", "the", "to", "with", "company", "companies", "firm", "firms",
    ];

    /// <summary>
    /// A word's stem, so the forms of one word meet: "impianto"/"impianti", "elettrico"/"elettrici"/"elettrica",
    /// "roof"/"roofs"/"roofing". Deliberately light (a final vowel, an English plural or -ing): what it misses, the
    /// prefix matching of <see cref="Meets"/> and the trade words (<see cref="CpvCatalog"/>) make up for.
    /// </summary>
    public static string Stem(string word)
    {
        var stem = word;
        if (stem.Length > 4 && stem.EndsWith("ing", StringComparison.Ordinal)) stem = stem[..^3];
        else if (stem.Length > 3 && stem[^1] == 's' && stem[^2] != 's') stem = stem[..^1];
        if (stem.Length > 4 && "aeio".Contains(stem[^1])) stem = stem[..^1];
        return stem;
    }

    /// <summary>The stems of the words that carry meaning, each once.</summary>
    public static string[] Stems(string text) => [.. Words(text).Where(w => !StopWords.Contains(w)).Select(Stem).Distinct()];

    /// <summary>Whether a word's stem begins with a typed stem (someone still typing): three letters at least, unless whole.</summary>
    public static bool Begins(string typed, string word) =>
        word.StartsWith(typed, StringComparison.Ordinal) && (typed.Length >= 3 || typed.Length == word.Length);

    /// <summary>
    /// Whether a typed stem meets a word's stem: it <see cref="Begins"/> it, or the typed word is a longer form of a
    /// word of five letters or more ("elettricista" meets "elettric-").
    /// </summary>
    public static bool Meets(string typed, string word) =>
        Begins(typed, word) || (word.Length >= 5 && typed.StartsWith(word, StringComparison.Ordinal));
}
