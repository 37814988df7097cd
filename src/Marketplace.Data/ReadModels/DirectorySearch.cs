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

/// <summary>A member firm found; a strong match has every word in its name or exactly the CPV code asked for.</summary>
public sealed record DirectoryHit(DirectoryEntry Entry, bool Verified, double? DistanceKm, bool StrongMatch);

public sealed record DirectoryResult(DirectoryHit[] Hits, int Total, bool TotalIsLowerBound);

/// <summary>
/// Searches the current members of a space: CPV codes by hierarchy (division 45 finds every 45xxxxxx code),
/// words in names, descriptions, tags and CPV labels in both languages, place (comune, province, region, or a
/// radius around a comune), size and the association's verified mark; paged.
/// Relevance comes in two tiers: strong matches (every word in the firm's name, or exactly the CPV code asked
/// for) before the others; within a tier, nearest first when searching around a comune, else by name. Tiers are
/// fetched as two queries that each follow an index order, so the database stops after one page instead of
/// scoring every match (a CPV division can match a third of a space).
/// </summary>
public static class DirectorySearch
{
    public const int MaxPageSize = 100, MaxPage = 1000;

    /// <summary>Counting stops here: "more than 200" is all a person needs, and counting every row is what costs.</summary>
    public const int CountLimit = 200;
    public const double DefaultRadiusKm = 25, MaxRadiusKm = 300;
    const double KmPerDegreeLatitude = 110.574, KmPerDegreeLongitudeAtEquator = 111.320;

    static readonly Refusal
        CpvPrefix = new("directory.cpvPrefix", "A CPV code or its first digits (at least the division, e.g. 45)."),
        UnknownProvince = new("directory.provinceUnknown", "Unknown province sigla."),
        UnknownRegion = new("directory.regionUnknown", "Unknown region."),
        Radius = new("directory.radius", "The radius is 1 to {max} km."),
        UnknownSize = new("directory.sizeUnknown", "Unknown size class.");

    /// <summary>Checks and normalises the criteria; errors name the query parameters.</summary>
    public static Outcome<DirectoryCriteria> Normalize(DirectoryCriteria raw)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        string? cpv = null;
        if (!string.IsNullOrWhiteSpace(raw.Cpv))
        {
            var digits = raw.Cpv.Trim().Split('-')[0];
            if (digits.Length is < 2 or > 8 || !digits.All(char.IsAsciiDigit)) errors["cpv"] = [FieldProblem.Of(CpvPrefix)];
            else cpv = digits.TrimEnd('0').PadRight(2, '0');
        }
        string? Comune(string? code, string field)
        {
            if (string.IsNullOrWhiteSpace(code)) return null;
            if (ComuneCatalog.Shared.Find(code) is { } c) return c.Code;
            errors[field] = [FieldProblem.Of(ComuneCatalog.Unknown, ("code", code))];
            return null;
        }
        var comune = Comune(raw.ComuneCode, "comune");
        var near = Comune(raw.NearComune, "near");
        var province = string.IsNullOrWhiteSpace(raw.Province) ? null : raw.Province.Trim().ToUpperInvariant();
        if (province is not null && !ComuneCatalog.Shared.All.Any(c => c.ProvinceSigla == province)) errors["province"] = [FieldProblem.Of(UnknownProvince)];
        var region = string.IsNullOrWhiteSpace(raw.Region) ? null
            : ComuneCatalog.Shared.All.Select(c => c.RegionName).FirstOrDefault(r => string.Equals(r, raw.Region.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(raw.Region) && region is null) errors["region"] = [FieldProblem.Of(UnknownRegion)];
        if (raw.RadiusKm is { } r && r is not (> 0 and <= MaxRadiusKm)) errors["radiusKm"] = [FieldProblem.Of(Radius, ("max", MaxRadiusKm))];
        if (raw.Size is { } size && !Enum.IsDefined(size)) errors["size"] = [FieldProblem.Of(UnknownSize)];
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
        public bool Strong { get; init; }
    }

    /// <param name="criteria">Criteria already passed through <see cref="Normalize"/>.</param>
    public static async Task<DirectoryResult> Run(MarketplaceDbContext db, Guid spaceId, DirectoryCriteria criteria, CancellationToken ct)
    {
        var near = criteria.NearComune is { } code ? ComuneCatalog.Shared.Find(code) : null;
        var lat0 = near?.Latitude ?? 0;
        var lon0 = near?.Longitude ?? 0;
        var kmPerDegreeLongitude = KmPerDegreeLongitudeAtEquator * Math.Cos(lat0 * Math.PI / 180);
        var words = TextSearch.Words(criteria.Words ?? "");
        var ranked = words.Length > 0 || criteria.Cpv is not null;

        var members = db.SpaceMembers.AsNoTracking().Where(m => m.SpaceId == spaceId && m.Status == MembershipStatus.Member);
        // Words make a match strong only if all are in the name; a code only if it is the exact one. The seed is a
        // literal, not a parameter, so the database can fold it away and plan each tier on its own indexes.
        var rows = words.Length > 0
            ? members.Join(db.Directory.AsNoTracking(), m => m.BusinessId, d => d.BusinessId, (m, d) => new Row
            {
                Entry = d,
                Verified = m.Verified,
                Strong = true,
            })
            : members.Join(db.Directory.AsNoTracking(), m => m.BusinessId, d => d.BusinessId, (m, d) => new Row
            {
                Entry = d,
                Verified = m.Verified,
                Strong = false,
            });
        if (near is not null)
        {
            // Equirectangular distance, squared: exact enough within a region, and cheap for the database.
            rows = rows.Select(r => new Row
            {
                Entry = r.Entry, Verified = r.Verified, Strong = r.Strong,
                Distance2 = r.Entry.Latitude == null ? 0
                    : ((r.Entry.Longitude!.Value - lon0) * kmPerDegreeLongitude) * ((r.Entry.Longitude!.Value - lon0) * kmPerDegreeLongitude)
                      + ((r.Entry.Latitude!.Value - lat0) * KmPerDegreeLatitude) * ((r.Entry.Latitude!.Value - lat0) * KmPerDegreeLatitude),
            });
        }

        foreach (var word in words)
        {
            var pattern = $"%{Escape(word)}%";
            rows = rows.Where(r => EF.Functions.Like(r.Entry.SearchText, pattern, "\\"))
                .Select(r => new Row { Entry = r.Entry, Verified = r.Verified, Distance2 = r.Distance2,
                    Strong = r.Strong && EF.Functions.Like(r.Entry.NameFolded, pattern, "\\") });
        }
        if (criteria.Cpv is { } prefix)
        {
            // Digits sort as text, so "every code under 45" is the range ["45", "45~").
            var upper = prefix + "~";
            var exact = prefix.PadRight(8, '0');
            rows = rows.Where(r => db.BusinessCapabilities.Any(c => c.BusinessId == r.Entry.BusinessId
                    && string.Compare(c.CpvDigits, prefix) >= 0 && string.Compare(c.CpvDigits, upper) < 0))
                .Select(r => new Row { Entry = r.Entry, Verified = r.Verified, Distance2 = r.Distance2,
                    Strong = r.Strong || db.BusinessCapabilities.Any(c => c.BusinessId == r.Entry.BusinessId && c.CpvDigits == exact) });
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

        var offset = (criteria.Page - 1) * criteria.PageSize;
        if (near is not null && offset + criteria.PageSize <= CountLimit)
        {
            // Around a comune the candidates are bounded by the radius and sorted by distance anyway, so one query
            // ranks them all (strong first), and the page and the count come from that one answer.
            var nearest = await rows.OrderByDescending(r => r.Strong).ThenBy(r => r.Distance2).ThenBy(r => r.Entry.Name)
                .ThenBy(r => r.Entry.BusinessId).Take(CountLimit + 1).ToListAsync(ct);
            return Result(nearest.Skip(offset).Take(criteria.PageSize), nearest.Count);
        }

        IQueryable<Row> Order(IQueryable<Row> tier) =>
            (near is not null ? tier.OrderBy(r => r.Distance2).ThenBy(r => r.Entry.Name) : tier.OrderBy(r => r.Entry.Name))
            .ThenBy(r => r.Entry.BusinessId);

        var all = rows;
        var page = new List<Row>();
        var strongCount = 0;
        if (ranked)
        {
            var strong = rows.Where(r => r.Strong);
            // On the first page a short strong tier counts itself; later pages need to know where the tier ends.
            if (offset == 0)
            {
                page.AddRange(await Order(strong).Take(criteria.PageSize).ToListAsync(ct));
                strongCount = page.Count;
            }
            else
            {
                strongCount = await strong.Take(CountLimit + 1).CountAsync(ct);
                if (offset < strongCount) page.AddRange(await Order(strong).Skip(offset).Take(criteria.PageSize).ToListAsync(ct));
            }
            rows = rows.Where(r => !r.Strong);
        }
        if (page.Count < criteria.PageSize)
        {
            page.AddRange(await Order(rows).Skip(Math.Max(0, offset - strongCount)).Take(criteria.PageSize - page.Count).ToListAsync(ct));
        }
        // A short first page is the whole result: no need to count it again.
        var counted = offset == 0 && page.Count < criteria.PageSize ? page.Count : await all.Take(CountLimit + 1).CountAsync(ct);
        return Result(page, counted);

        DirectoryResult Result(IEnumerable<Row> hits, int count) => new([.. hits.Select(r => new DirectoryHit(r.Entry, r.Verified,
            near is null || r.Entry.Latitude is null ? null : Math.Round(Math.Sqrt(r.Distance2), 1), r.Strong))],
            Math.Min(count, CountLimit), count > CountLimit);
    }

    static string Escape(string word) => word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
