using Marketplace.Alliances;
using Marketplace.Qualifications;
using Marketplace.Reference;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// Firms of a space that could fill an alliance's gaps, ranked (<see cref="PartnerCandidate.Score"/>), and a greedy
/// cover of the gaps; the firms that would complete a lot's requirements (<see cref="RequirementPartners"/>) come first.
/// The one query, used by the endpoint and the benchmark.
/// </summary>
public static class PartnerSuggestions
{
    /// <summary>Capability rows read per gap, and firms looked at closely: bounds that keep a 100k-firm space fast.</summary>
    public const int RowsPerGap = 2000, Shortlist = 200, Shown = 20;

    const double KmPerDegree = 111.2;

    /// <param name="gaps">The codes nobody in the alliance covers (full or eight-digit codes).</param>
    /// <param name="exclude">The alliance's own firms (active or invited).</param>
    /// <param name="members">The alliance's active firms: projects done with them count.</param>
    /// <param name="origin">Where the work is (a comune's coordinates), for distances.</param>
    /// <param name="completes">The firms that would complete lots' requirements, with what each completes (none for the benchmark).</param>
    public static async Task<(IReadOnlyList<PartnerCandidate> Ranked, IReadOnlyList<PartnerCandidate> Cover)> Find(
        MarketplaceDbContext db, Guid spaceId, IReadOnlyList<string> gaps, IReadOnlyCollection<Guid> exclude, IReadOnlyCollection<Guid> members,
        (double Latitude, double Longitude)? origin, int digits, CancellationToken ct, IReadOnlyDictionary<Guid, RequirementCompletion[]>? completes = null)
    {
        completes ??= new Dictionary<Guid, RequirementCompletion[]>();
        var codes = gaps.Select(g => g[..8]).Distinct().ToList();
        var covers = new Dictionary<Guid, Dictionary<string, int>>();
        foreach (var gap in codes)
        {
            var prefix = gap[..digits];
            var upper = prefix + "~"; // digits sort as text: every code of the class is in [prefix, prefix~)
            var ancestors = TenderRules.Ancestors(gap).ToList();
            var rows = await db.BusinessCapabilities.AsNoTracking()
                .Where(c => (string.Compare(c.CpvDigits, prefix) >= 0 && string.Compare(c.CpvDigits, upper) < 0) || ancestors.Contains(c.CpvDigits))
                .Where(c => db.SpaceMembers.Any(m => m.SpaceId == spaceId && m.BusinessId == c.BusinessId && m.Status == MembershipStatus.Member))
                .Select(c => new { c.BusinessId, c.CpvDigits }).Take(RowsPerGap).ToListAsync(ct);
            foreach (var row in rows.Where(r => !exclude.Contains(r.BusinessId)))
            {
                var firm = covers.TryGetValue(row.BusinessId, out var found) ? found : covers[row.BusinessId] = [];
                firm[gap] = Math.Max(firm.GetValueOrDefault(gap), PartnerRanking.Depth(row.CpvDigits, gap));
            }
        }

        // A first cut on what matters most (gaps covered, then depth), then the shortlist is looked at closely.
        var shortlist = completes.Keys.OrderByDescending(f => completes[f].Length).ThenBy(f => f).Take(Shortlist)
            .Concat(covers.OrderByDescending(f => f.Value.Count).ThenByDescending(f => f.Value.Values.Sum()).Select(f => f.Key)).Distinct().Take(Shortlist).ToList();
        var facts = await db.Directory.AsNoTracking().Where(d => shortlist.Contains(d.BusinessId))
            .Select(d => new { d.BusinessId, d.Name, d.Latitude, d.Longitude }).ToDictionaryAsync(d => d.BusinessId, ct);
        var verified = await db.SpaceMembers.AsNoTracking().Where(m => m.SpaceId == spaceId && shortlist.Contains(m.BusinessId) && m.Verified)
            .Select(m => m.BusinessId).ToListAsync(ct);
        var memberProjects = db.ShowcaseParticipants.Where(p => members.Contains(p.FirmId)).Select(p => p.ProjectId);
        var joint = (await db.ShowcaseParticipants.AsNoTracking()
                .Where(p => shortlist.Contains(p.FirmId) && memberProjects.Contains(p.ProjectId)
                    && db.ShowcaseProjects.Any(s => s.ProjectId == p.ProjectId && s.Verified))
                .GroupBy(p => p.FirmId).Select(g => new { FirmId = g.Key, Count = g.Select(p => p.ProjectId).Distinct().Count() }).ToListAsync(ct))
            .ToDictionary(x => x.FirmId, x => x.Count);

        var candidates = shortlist.Where(facts.ContainsKey).Select(id =>
        {
            var f = facts[id];
            double? km = origin is { } o && f.Latitude is { } lat && f.Longitude is { } lon
                ? Math.Round(Math.Sqrt(Math.Pow((lat - o.Latitude) * KmPerDegree, 2) + Math.Pow((lon - o.Longitude) * KmPerDegree * Math.Cos(o.Latitude * Math.PI / 180), 2)), 1)
                : null;
            return new PartnerCandidate(id, f.Name, covers.GetValueOrDefault(id) ?? [], km, verified.Contains(id), joint.GetValueOrDefault(id))
            {
                Completes = completes.GetValueOrDefault(id) ?? [],
            };
        });
        var ranked = PartnerRanking.Rank(candidates);
        return ([.. ranked.Take(Shown)], PartnerRanking.Cover(codes, ranked));
    }

    /// <summary>Where a tender's work is: the first lot's comune, else the lead firm's.</summary>
    public static (double, double)? Origin(string? comuneCode) =>
        comuneCode is not null && ComuneCatalog.Shared.Find(comuneCode) is { } c ? (c.Latitude, c.Longitude) : null;
}
