using Marketplace.Reference;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>The public directory of every business, searched by what one search box says (<see cref="SearchPhrase"/>).</summary>
public static class BusinessDirectory
{
    public static IQueryable<DirectoryEntry> Matching(MarketplaceDbContext db, SearchPhrase phrase)
    {
        var query = db.Directory.AsNoTracking();
        foreach (var word in phrase.Words) query = query.Where(d => d.SearchText.Contains(word));
        foreach (var prefix in phrase.CpvPrefixes)
        {
            // Digits sort as text, so "every code under 45" is the range ["45", "45~").
            var upper = prefix + "~";
            query = query.Where(d => db.BusinessCapabilities.Any(c => c.BusinessId == d.BusinessId
                && string.Compare(c.CpvDigits, prefix) >= 0 && string.Compare(c.CpvDigits, upper) < 0));
        }
        // A trade or a place is met by the firm's codes or place, or by its own words naming them ("Idraulica Rossi",
        // "Edilizia Modena" in Carpi: PlaceSearch). Checked a word at a time: "(code or word 1) and (code or word 2)" is
        // "code or (word 1 and word 2)".
        if (phrase.TradeCodes.Length > 0)
        {
            var digits = phrase.TradeDigits();
            // By its stem: a firm describing its "idraulica" practises what "idraulico" asks for.
            foreach (var stem in phrase.TradeWords.Select(TextSearch.Stem))
                query = query.Where(d => d.SearchText.Contains(stem) || db.BusinessCapabilities.Any(c => c.BusinessId == d.BusinessId && digits.Contains(c.CpvDigits)));
        }
        return query.InPlace(phrase);
    }
}
