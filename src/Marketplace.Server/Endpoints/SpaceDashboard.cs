using Marketplace.Data;
using Marketplace.Reference;
using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>Builds the admins' dashboard of a space from its read models.</summary>
internal static class SpaceDashboard
{
    public static async Task<SpaceDashboardDto> Build(SpaceSnapshot space, MarketplaceDbContext db, MarketplaceClock clock, CancellationToken ct)
    {
        var standings = await db.SpaceMembers.AsNoTracking().Where(m => m.SpaceId == space.Id)
            .Select(m => new { m.Status, m.AcceptedPolicyVersion, m.Verified }).ToListAsync(ct);
        var members = standings.Count(s => s.Status == MembershipStatus.Member);

        var events = await db.SpaceMembershipEvents.AsNoTracking().Where(e => e.SpaceId == space.Id)
            .Select(e => new { e.BusinessId, e.Sequence, e.Status, e.At }).ToListAsync(ct);

        // Replay every firm's history month by month: who was a member at the end of each month.
        var months = new List<MembersAtMonthDto>();
        var now = clock.GetUtcNow();
        for (var month = new DateTimeOffset(space.CreatedAt.Year, space.CreatedAt.Month, 1, 0, 0, 0, TimeSpan.Zero);
             month <= now; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1);
            var count = events.Where(e => e.At < end).GroupBy(e => e.BusinessId)
                .Count(g => g.MaxBy(e => e.Sequence)!.Status == MembershipStatus.Member);
            months.Add(new MembersAtMonthDto(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), count));
        }

        var memberIds = db.SpaceMembers.Where(m => m.SpaceId == space.Id && m.Status == MembershipStatus.Member).Select(m => m.BusinessId);
        var byDivision = await db.BusinessCapabilities.AsNoTracking().Where(c => memberIds.Contains(c.BusinessId))
            .Select(c => new { Division = c.CpvDigits.Substring(0, 2), c.BusinessId }).Distinct()
            .GroupBy(x => x.Division).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var divisions = CpvCatalog.Shared.Divisions.Select(d => new DivisionCoverageDto(
            d.Digits[..2], d.LabelIt, d.LabelEn, byDivision.GetValueOrDefault(d.Digits[..2]))).ToArray();

        var provinces = await db.Directory.AsNoTracking().Where(d => memberIds.Contains(d.BusinessId) && d.ProvinceSigla != null)
            .GroupBy(d => d.ProvinceSigla!).Select(g => new ProvinceCountDto(g.Key, g.Count()))
            .ToListAsync(ct);

        var showcase = await db.ShowcaseProjects.CountAsync(p => p.Verified && memberIds.Contains(p.PublisherId), ct);
        var endorsements = await db.Endorsements.CountAsync(e => memberIds.Contains(e.EndorsedId)
            && db.ShowcaseProjects.Any(p => p.ProjectId == e.ProjectId && p.Verified), ct);

        // The notice board as its members see it: posts of current members, open ones until their last day is over.
        var posts = db.BoardPosts.Where(p => p.SpaceId == space.Id && memberIds.Contains(p.PosterId));
        var open = posts.Where(p => p.Status == Board.PostStatus.Open && p.ExpiresAt > now);
        var openPosts = await open.CountAsync(ct);
        var awaiting = await posts.CountAsync(p => p.Status == Board.PostStatus.AwaitingApproval, ct);
        var interests = await db.BoardInterests.CountAsync(i => open.Any(p => p.PostId == i.PostId), ct);

        return new SpaceDashboardDto(
            members,
            standings.Count(s => s.Status == MembershipStatus.Applied),
            standings.Count(s => s.Status == MembershipStatus.Invited),
            standings.Count(s => PolicyAcceptance.Pending(s.Status, s.AcceptedPolicyVersion, space.Policy.Version)),
            standings.Count(s => s.Status == MembershipStatus.Member && s.Verified),
            showcase, endorsements,
            [.. months], divisions, [.. provinces.OrderByDescending(p => p.Members).ThenBy(p => p.ProvinceSigla)],
            openPosts, awaiting, interests);
    }
}
