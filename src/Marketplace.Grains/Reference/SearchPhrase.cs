namespace Marketplace.Reference;

/// <summary>
/// What one search box's text asks for, read the way a person means it: CPV codes typed as digits ("45454000",
/// "45"), a trade named in a firm's own words ("idraulico", "cappotto termico"), a place (a region, a province or a
/// comune: "Modena", "Emilia-Romagna") and the other words, each found in a firm's name, description, tags or labels.
/// </summary>
/// <param name="CpvPrefixes">Each code's significant digits: "45" for a division, "45454" for a class.</param>
/// <param name="CpvTyped">The vocabulary's entries for the codes typed, to say what was understood.</param>
/// <param name="TradeWords">The words that named the trade; a firm matches them by one of the trade's codes or by the words themselves.</param>
/// <param name="TradeCodes">The codes the trade names, in the order a procurement officer would pick them.</param>
/// <param name="PlaceWords">The words that named the place; a firm matches them by being there or by the words themselves.</param>
public sealed record SearchPhrase(
    string[] CpvPrefixes,
    CpvEntry[] CpvTyped,
    string[] TradeWords,
    CpvEntry[] TradeCodes,
    Place? Place,
    string[] PlaceWords,
    string[] Words)
{
    /// <summary>Every code a firm may offer to practise the trade: the trade's codes and all codes below them.</summary>
    public string[] TradeDigits() => [.. TradeCodes.SelectMany(CpvCatalog.Shared.AndBelow).Select(e => e.Digits).Distinct()];

    public static SearchPhrase Parse(string text)
    {
        var words = TextSearch.Words(text).ToList();
        var prefixes = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Length is < 2 or > 8 || !words[i].All(char.IsAsciiDigit)) continue;
            prefixes.Add(words[i].TrimEnd('0').PadRight(2, '0'));
            // "45454000-4": the check digit after a full code is part of it.
            if (words[i].Length == 8 && i + 1 < words.Count && words[i + 1] is [var c] && char.IsAsciiDigit(c)) words.RemoveAt(i + 1);
            words.RemoveAt(i--);
        }

        var (tradeCodes, tradeStems) = CpvCatalog.Shared.NamedTrades(TextSearch.Stems(string.Join(' ', words)));
        var tradeWords = words.Where(w => tradeStems.Contains(TextSearch.Stem(w))).ToArray();
        words.RemoveAll(tradeWords.Contains);

        Place? place = null;
        string[] placeWords = [];
        for (var i = 0; i < words.Count && place is null; i++)
        {
            if (ComuneCatalog.Shared.PlaceAt(words, i) is not { } found) continue;
            place = found.Place;
            placeWords = [.. words.GetRange(i, found.Length)];
            words.RemoveRange(i, found.Length);
        }
        // Only now: place names hold such words ("Reggio nell'Emilia"), other words do not need them.
        words.RemoveAll(TextSearch.StopWords.Contains);

        return new SearchPhrase(
            [.. prefixes.Distinct()],
            [.. prefixes.Distinct().Select(p => CpvCatalog.Shared.Find(p.PadRight(8, '0'))).OfType<CpvEntry>()],
            tradeWords, [.. tradeCodes], place, placeWords, [.. words]);
    }
}
