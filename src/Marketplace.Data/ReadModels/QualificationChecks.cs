using Marketplace.Qualifications;
using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>A space's check of a firm's attestation (<see cref="Category"/>) or figures (null), with the space's name, as a query reads it.</summary>
public sealed class QualificationCheckMark
{
    public Guid BusinessId { get; init; }
    public string? Category { get; init; }
    public required string Digest { get; init; }
    public Guid SpaceId { get; init; }
    public required string SpaceName { get; init; }
    public DateTimeOffset CheckedAt { get; init; }
}

/// <summary>
/// The associations' checks of firms' qualifications as pages read them: only a space's checks of its current members,
/// and only those whose digest is the digest of what the firm records now (<see cref="QualificationDigests"/>), so an
/// edit drops the mark on every page at once.
/// </summary>
public static class QualificationChecks
{
    /// <summary>
    /// The checks of spaces the firm is a member of. <paramref name="visibleTo"/>: when given, only public spaces and
    /// that one (a members-only space's membership is shown to its members only; the firm's own people see all).
    /// </summary>
    public static IQueryable<QualificationCheckMark> Marks(MarketplaceDbContext db, Guid? visibleTo = null) =>
        from c in db.QualificationChecks
        join s in db.Spaces on c.SpaceId equals s.SpaceId
        where db.SpaceMembers.Any(m => m.SpaceId == c.SpaceId && m.BusinessId == c.BusinessId && m.Status == MembershipStatus.Member)
            && (visibleTo == null || s.Visibility == DirectoryVisibility.Public || s.SpaceId == visibleTo)
        select new QualificationCheckMark
        {
            BusinessId = c.BusinessId, Category = c.Category, Digest = c.Digest, SpaceId = c.SpaceId, SpaceName = s.Name, CheckedAt = c.CheckedAt,
        };

    /// <summary>The marks that hold for <paramref name="current"/>, per attestation category and (key null) the figures.</summary>
    public static (ILookup<string, QualificationCheckMark> Attestations, QualificationCheckMark[] Figures) Holding(
        IEnumerable<QualificationCheckMark> marks, FirmQualifications current)
    {
        var holding = marks.Where(m => QualificationDigests.Of(current, m.Category) == m.Digest).OrderBy(m => m.CheckedAt).ToList();
        return (holding.Where(m => m.Category is not null).ToLookup(m => m.Category!), [.. holding.Where(m => m.Category is null)]);
    }

    /// <summary>
    /// Firms' qualifications from their rows with the checks that hold for them, each row read with its checks in one
    /// query (two in all, as <see cref="RequirementPartners.Of"/>): a view across firms costs no more for showing them.
    /// </summary>
    public static async Task<(Dictionary<Guid, FirmQualifications> Held, Dictionary<Guid, QualificationCheckMark[]> Marks)> Of(
        MarketplaceDbContext db, IReadOnlyCollection<Guid> firms, Guid visibleTo, CancellationToken ct)
    {
        var marks = Marks(db, visibleTo);
        var attestations = await db.BusinessAttestations.AsNoTracking().Where(a => firms.Contains(a.BusinessId))
            .Select(a => new { Row = a, Marks = marks.Where(m => m.BusinessId == a.BusinessId && m.Category == a.Category).ToList() }).ToListAsync(ct);
        var figures = await db.BusinessFigures.AsNoTracking().Where(f => firms.Contains(f.BusinessId))
            .Select(f => new { Row = f, Marks = marks.Where(m => m.BusinessId == f.BusinessId && m.Category == null).ToList() }).ToListAsync(ct);
        var held = RequirementPartners.FromRows(firms, [.. attestations.Select(a => a.Row)], [.. figures.Select(f => f.Row)]);
        var found = attestations.SelectMany(a => a.Marks).Concat(figures.SelectMany(f => f.Marks)).ToLookup(m => m.BusinessId);
        return (held, held.ToDictionary(h => h.Key, h =>
        {
            var (a, f) = Holding(found[h.Key], h.Value);
            return (QualificationCheckMark[])[.. a.SelectMany(g => g), .. f];
        }));
    }
}
