using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// Firms' qualifications as their rows hold them (<see cref="BusinessAttestationEntry"/>, <see cref="BusinessFiguresEntry"/>),
/// and the firms of a space that would complete the requirements an alliance fails: a fixed number of queries
/// whatever the number of firms, where the grain states would cost a call per firm.
/// </summary>
public static class RequirementPartners
{
    /// <summary>Attestation and figure rows read at most: bounds that keep a large space fast.</summary>
    public const int Rows = 2000;

    /// <summary>The qualifications of <paramref name="firms"/> (those that record none are absent). The rules read no document.</summary>
    public static async Task<Dictionary<Guid, FirmQualifications>> Of(MarketplaceDbContext db, IReadOnlyCollection<Guid> firms, CancellationToken ct)
    {
        var attestations = await db.BusinessAttestations.AsNoTracking().Where(a => firms.Contains(a.BusinessId)).ToListAsync(ct);
        var figures = await db.BusinessFigures.AsNoTracking().Where(f => firms.Contains(f.BusinessId)).ToListAsync(ct);
        return FromRows(firms, attestations, figures);
    }

    /// <summary>The qualifications the rows of <paramref name="firms"/> hold (those with no row are absent).</summary>
    internal static Dictionary<Guid, FirmQualifications> FromRows(IReadOnlyCollection<Guid> firms, List<BusinessAttestationEntry> attestationRows, List<BusinessFiguresEntry> figureRows)
    {
        var attestations = attestationRows.ToLookup(a => a.BusinessId);
        var figures = figureRows.ToDictionary(f => f.BusinessId);
        return firms.Distinct().Where(f => attestations.Contains(f) || figures.ContainsKey(f)).ToDictionary(f => f, f => new FirmQualifications(
            [.. attestations[f].Select(a => new SoaAttestation(a.Category, a.Class, a.Expires, a.IssuedBy, null))],
            figures.TryGetValue(f, out var x) ? new FinancialFigures(x.LastYear, x.Turnover, x.SimilarWork) : null));
    }

    /// <summary>
    /// The firms of the space the alliance may invite (member firms, not <paramref name="exclude"/>d) that would
    /// complete what <paramref name="members"/> fail in each lot, with what each completes (<see cref="RequirementCompletions"/>).
    /// Candidates are found by the rows (a valid attestation in a category a lot falls short in, or figures where a
    /// threshold is short); the rules then judge each one in the group.
    /// </summary>
    public static async Task<Dictionary<Guid, RequirementCompletion[]>> Find(MarketplaceDbContext db, Guid spaceId,
        IReadOnlyList<(int Lot, LotRequirements Requirements, LotQualification Now, IReadOnlyList<LentRequirement> Lent)> lots, IReadOnlyList<GroupMember> members,
        IReadOnlyCollection<Guid> exclude, DateOnly today, CancellationToken ct)
    {
        var failing = lots.Where(l => !l.Now.Qualifies).ToList();
        var open = failing.SelectMany(l => l.Now.Requirements).Where(r => r.Status != RequirementStatus.Met).ToList();
        if (open.Count == 0) return [];
        var categories = open.Select(r => r.Category).OfType<string>().Distinct().ToList();
        // A firm's figure alone must make up what the group lacks (every firm's figure counts in full).
        decimal? Lacking(RequirementKind kind) => open.Where(r => r.Kind == kind).Select(r => (decimal?)(r.Required - r.Held)).Min();
        var (turnover, similar) = (Lacking(RequirementKind.Turnover), Lacking(RequirementKind.SimilarWork));

        var invitable = db.SpaceMembers.Where(m => m.SpaceId == spaceId && m.Status == MembershipStatus.Member
            && db.Directory.Any(d => d.BusinessId == m.BusinessId && d.Kind == BusinessKind.Firm) && !exclude.Contains(m.BusinessId)).Select(m => m.BusinessId);
        var attestations = (categories.Count == 0 ? [] : await db.BusinessAttestations.AsNoTracking()
            .Where(a => categories.Contains(a.Category) && a.Expires >= today && invitable.Contains(a.BusinessId))
            .OrderBy(a => a.BusinessId).Take(Rows).ToListAsync(ct)).ToLookup(a => a.BusinessId);
        var figures = turnover is null && similar is null ? [] : await db.BusinessFigures.AsNoTracking()
            .Where(f => ((turnover != null && f.Turnover >= turnover) || (similar != null && f.SimilarWork >= similar)) && invitable.Contains(f.BusinessId))
            .OrderBy(f => f.BusinessId).Take(Rows).ToDictionaryAsync(f => f.BusinessId, ct);

        var found = new Dictionary<Guid, RequirementCompletion[]>();
        foreach (var firm in attestations.Select(a => a.Key).Union(figures.Keys))
        {
            var candidate = new GroupMember(firm, false, [.. attestations[firm].Select(a => new SoaAttestation(a.Category, a.Class, a.Expires, a.IssuedBy, null))],
                figures.TryGetValue(firm, out var f) ? new FinancialFigures(f.LastYear, f.Turnover, f.SimilarWork) : null);
            RequirementCompletion[] completes = [.. failing.SelectMany(l => RequirementCompletions.Of(l.Lot, l.Requirements, l.Now, members, candidate, today, l.Lent))];
            if (completes.Length > 0) found[firm] = completes;
        }
        return found;
    }
}
