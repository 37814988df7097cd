using Marketplace.Reference;

namespace Marketplace.Data.ReadModels;

/// <summary>A row that is somewhere (a business's comune, a lot's) and has words that may name a place.</summary>
public interface IPlacedRow
{
    string SearchText { get; }
    string? ComuneCode { get; }
    string? ProvinceSigla { get; }
    string? RegionName { get; }
}

public static class PlaceSearch
{
    /// <summary>
    /// The rows in the place the search named, or whose own words name it ("Edilizia Modena" in Carpi), checked a word
    /// at a time: "(place or word 1) and (place or word 2)" is "place or (word 1 and word 2)".
    /// </summary>
    public static IQueryable<T> InPlace<T>(this IQueryable<T> rows, SearchPhrase phrase) where T : class, IPlacedRow
    {
        if (phrase.Place is not { } place) return rows;
        var codes = place.Codes;
        var code = codes[0];
        foreach (var word in phrase.PlaceWords)
        {
            rows = place.Kind switch
            {
                PlaceKind.Region => rows.Where(r => r.RegionName == code || r.SearchText.Contains(word)),
                PlaceKind.Province => rows.Where(r => r.ProvinceSigla == code || r.SearchText.Contains(word)),
                _ => rows.Where(r => codes.Contains(r.ComuneCode!) || r.SearchText.Contains(word)),
            };
        }
        return rows;
    }
}
