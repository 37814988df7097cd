using Marketplace.Businesses;
using Marketplace.Reference;
using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>What a firm looks for in a space's directory. Every part is optional; all given parts must hold.</summary>
public sealed record DirectoryCriteria(
    string? Words = null,
    string? Cpv = null,
    string? ComuneCode = null,
    string? Province = null,
    string? Region = null,
    string? NearComune = null,
    double? RadiusKm = null,
    FirmSize? Size = null,
    bool VerifiedOnly = false,
    int Page = 1,
    int PageSize = 20);

/// <summary>A member firm found, with why it ranks where it does.</summary>
public sealed record DirectoryHit(DirectoryEntry Entry, bool Verified, double? DistanceKm, int Score);

public sealed record DirectoryResult(DirectoryHit[] Hits, int Total);

/// <summary>
/// Searches the current members of a space: CPV codes by hierarchy (division 45 finds every 45xxxxxx code),
/// words in names, descriptions, tags and CPV labels in both languages, place (comune, province, region, or a
/// radius around a comune), size and the association's verified mark; most relevant first, paged.
/// </summary>
public static class DirectorySearch
{
    public const int MaxPageSize = 100, MaxPage = 1000;
    public const double DefaultRadiusKm = 25, MaxRadiusKm = 300;
    const double KmPerDegreeLatitude = 110.574, KmPerDegreeLongitudeAtEquator = 111.320;

    /// <summary>Checks and normalises the criteria; errors name the query parameters.</summary>
    public static Outcome<DirectoryCriteria> Normalize(DirectoryCriteria raw)
    {
        var errors = new Dictionary<string, string[]>();
        string? cpv = null;
        if (!string.IsNullOrWhiteSpace(raw.Cpv))
        {
            var digits = raw.Cpv.Trim().Split('-')[0];
            if (digits.Length is < 2 or > 8 || !digits.All(char.IsAsciiDigit)) errors["cpv"] = ["A CPV code or its first digits (at least the division, e.g. 45)."];
            else cpv = digits.TrimEnd('0').PadRight(2, '0');
        }
        string? Comune(string? code, string field)
        {
            if (string.IsNullOrWhiteSpace(code)) return null;
            if (ComuneCatalog.Shared.Find(code) is { } c) return c.Code;
            errors[field] = [$"'{code}' is not an ISTAT comune code."];
            return null;
        }
        var comune = Comune(raw.ComuneCode, "comune");
        var near = Comune(raw.NearComune, "near");
        var province = string.IsNullOrWhiteSpace(raw.Province) ? null : raw.Province.Trim().ToUpperInvariant();
        if (province is not null && !ComuneCatalog.Shared.All.Any(c => c.ProvinceSigla == province)) errors["province"] = ["Unknown province sigla."];
        var region = string.IsNullOrWhiteSpace(raw.Region) ? null
            : ComuneCatalog.Shared.All.Select(c => c.RegionName).FirstOrDefault(r => string.Equals(r, raw.Region.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(raw.Region) && region is null) errors["region"] = ["Unknown region."];
        if (raw.RadiusKm is { } r && (r <= 0 || r > MaxRadiusKm)) errors["radiusKm"] = [$"The radius is 1 to {MaxRadiusKm} km."];
        if (raw.Size is { } size && !Enum.IsDefined(size)) errors["size"] = ["Unknown size class."];
        if (errors.Count > 0) return Problem.Invalid(errors);
        return raw with
        {
            Words = string.IsNullOrWhiteSpace(raw.Words) ? null : raw.Words,
            Cpv = cpv, ComuneCode = comune, Province = province, Region = region, NearComune = near,
            RadiusKm = near is null ? null : raw.RadiusKm ?? DefaultRadiusKm,
            Page = Math.Clamp(raw.Page, 1, MaxPage),
            PageSize = Math.Clamp(raw.PageSize, 1, MaxPageSize),
        };
    }

    sealed class Row
    {
        public required DirectoryEntry Entry { get; init; }
        public bool Verified { get; init; }
        public double Distance2 { get; init; }
        public int Score { get; init; }
    }

    /// <param name="criteria">Criteria already passed through <see cref="Normalize"/>.</param>
    public static async Task<DirectoryResult> Run(MarketplaceDbContext db, Guid spaceId, DirectoryCriteria criteria, CancellationToken ct)
    {
        var near = criteria.NearComune is { } code ? ComuneCatalog.Shared.Find(code) : null;
        var lat0 = near?.Latitude ?? 0;
        var lon0 = near?.Longitude ?? 0;
        var kmPerDegreeLongitude = KmPerDegreeLongitudeAtEquator * Math.Cos(lat0 * Math.PI / 180);

        var rows = db.SpaceMembers.AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.Status == MembershipStatus.Member)
            .Join(db.Directory.AsNoTracking(), m => m.BusinessId, d => d.BusinessId, (m, d) => new Row
            {
                Entry = d,
                Verified = m.VouchedVatNumber != null && m.VouchedVatNumber == d.VatNumber && m.VouchedSize == d.Size,
                // Equirectangular distance, squared: exact enough within a region, and cheap for the database.
                Distance2 = near == null || d.Latitude == null ? 0
                    : ((d.Longitude!.Value - lon0) * kmPerDegreeLongitude) * ((d.Longitude!.Value - lon0) * kmPerDegreeLongitude)
                      + ((d.Latitude!.Value - lat0) * KmPerDegreeLatitude) * ((d.Latitude!.Value - lat0) * KmPerDegreeLatitude),
                Score = 0,
            });

        foreach (var word in TextSearch.Words(criteria.Words ?? ""))
        {
            var pattern = $"%{Escape(word)}%";
            rows = rows.Where(r => EF.Functions.Like(r.Entry.SearchText, pattern, "\\"))
                .Select(r => new Row { Entry = r.Entry, Verified = r.Verified, Distance2 = r.Distance2,
                    Score = r.Score + (EF.Functions.Like(r.Entry.NameFolded, pattern, "\\") ? 3 : 1) });
        }
        if (criteria.Cpv is { } prefix)
        {
            // Digits sort as text, so "every code under 45" is the range ["45", "45~").
            var upper = prefix + "~";
            var exact = prefix.PadRight(8, '0');
            rows = rows.Where(r => db.BusinessCapabilities.Any(c => c.BusinessId == r.Entry.BusinessId
                    && string.Compare(c.CpvDigits, prefix) >= 0 && string.Compare(c.CpvDigits, upper) < 0))
                .Select(r => new Row { Entry = r.Entry, Verified = r.Verified, Distance2 = r.Distance2,
                    Score = r.Score + (db.BusinessCapabilities.Any(c => c.BusinessId == r.Entry.BusinessId && c.CpvDigits == exact) ? 3 : 2) });
        }
        if (criteria.ComuneCode is { } comune) rows = rows.Where(r => r.Entry.ComuneCode == comune);
        if (criteria.Province is { } province) rows = rows.Where(r => r.Entry.ProvinceSigla == province);
        if (criteria.Region is { } region) rows = rows.Where(r => r.Entry.RegionName == region);
        if (criteria.Size is { } size) rows = rows.Where(r => r.Entry.Size == size);
        if (criteria.VerifiedOnly) rows = rows.Where(r => r.Verified);
        if (near is not null)
        {
            var radius = criteria.RadiusKm!.Value;
            // The bounding box lets the latitude index narrow the rows before distances are computed.
            var dLat = radius / KmPerDegreeLatitude;
            var dLon = radius / Math.Max(kmPerDegreeLongitude, 1);
            rows = rows.Where(r => r.Entry.Latitude >= lat0 - dLat && r.Entry.Latitude <= lat0 + dLat
                && r.Entry.Longitude >= lon0 - dLon && r.Entry.Longitude <= lon0 + dLon
                && r.Distance2 <= radius * radius);
        }

        var total = await rows.CountAsync(ct);
        var ordered = rows.OrderByDescending(r => r.Score + (r.Verified ? 1 : 0)).ThenBy(r => r.Distance2)
            .ThenBy(r => r.Entry.Name).ThenBy(r => r.Entry.BusinessId);
        var page = await ordered.Skip((criteria.Page - 1) * criteria.PageSize).Take(criteria.PageSize).ToListAsync(ct);
        return new DirectoryResult([.. page.Select(r => new DirectoryHit(r.Entry, r.Verified,
            near is null || r.Entry.Latitude is null ? null : Math.Round(Math.Sqrt(r.Distance2), 1), r.Score))], total);
    }

    static string Escape(string word) => word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
