using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// The inbox rows of a tender (<see cref="InboxEntry"/>), written with its tender's row: on publication a notice for
/// every member firm of its spaces whose capabilities match a lot, naming the lots they match; on an amendment the
/// same notices with the title and matched lots worked out again (who was told stays told).
/// </summary>
public static class InboxNotices
{
    /// <summary>
    /// Every current member firm of the tender's spaces with a capability that matches a lot (<see cref="TenderRules.MatchKeys"/>)
    /// and no notice of it yet, told <paramref name="at"/>.
    /// </summary>
    public static async Task Add(MarketplaceDbContext db, TenderState tender, DateTimeOffset at, int digits, CancellationToken ct)
    {
        var (prefixes, ancestors) = TenderRules.MatchKeys(tender.Details!, digits);
        var spaces = tender.Spaces;
        var firms = await db.SpaceMembers.AsNoTracking()
            .Where(m => spaces.Contains(m.SpaceId) && m.Status == MembershipStatus.Member && m.BusinessId != tender.BuyerId)
            .Where(m => db.BusinessCapabilities.Any(c => c.BusinessId == m.BusinessId && (prefixes.Contains(c.CpvDigits.Substring(0, digits)) || ancestors.Contains(c.CpvDigits))))
            .Where(m => !db.Inbox.Any(i => i.TenderId == tender.Id && i.BusinessId == m.BusinessId))
            .Select(m => m.BusinessId).Distinct().ToListAsync(ct);
        var capabilities = await Capabilities(db, firms, ct);
        db.Inbox.AddRange(firms.Select(f => new InboxEntry
        {
            BusinessId = f, TenderId = tender.Id, Title = tender.Details!.Title, At = at,
            Lots = Matched(tender, capabilities.GetValueOrDefault(f, []), digits),
        }));
        // Each of the firms' people may be told by e-mail (Notifications.NoticeSender decides how, by their settings):
        // written here, with the inbox rows, so a notice exists exactly when the publication was stored.
        var people = await db.BusinessMembers.AsNoTracking().Where(m => firms.Contains(m.BusinessId)).Select(m => new { m.UserId, m.BusinessId }).ToListAsync(ct);
        db.Notices.AddRange(people.Select(p => new Notifications.PendingNotice
        {
            Id = Guid.NewGuid(), UserId = p.UserId, Kind = Notifications.NotificationKind.NewTender, BusinessId = p.BusinessId,
            TenderId = tender.Id, CreatedAt = tender.PublishedAt!.Value,
        }));
    }

    /// <summary>The tender's notices with its title and the lots each firm's capabilities match now.</summary>
    public static async Task Rematch(MarketplaceDbContext db, TenderState tender, int digits, CancellationToken ct)
    {
        var notices = await db.Inbox.Where(i => i.TenderId == tender.Id).ToListAsync(ct);
        if (notices.Count == 0) return;
        var capabilities = await Capabilities(db, [.. notices.Select(n => n.BusinessId)], ct);
        foreach (var notice in notices)
        {
            notice.Title = tender.Details!.Title;
            notice.Lots = Matched(tender, capabilities.GetValueOrDefault(notice.BusinessId, []), digits);
        }
    }

    /// <summary>The lot numbers as the row keeps them; <see cref="LotNumbers"/> reads them back.</summary>
    static string Matched(TenderState tender, IReadOnlyCollection<string> capabilities, int digits) =>
        string.Join(' ', TenderRules.MatchedLots(tender.Details!, capabilities, digits));

    public static int[] LotNumbers(string? lots) =>
        [.. (lots ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];

    static async Task<Dictionary<Guid, string[]>> Capabilities(MarketplaceDbContext db, List<Guid> firms, CancellationToken ct) =>
        (await db.BusinessCapabilities.AsNoTracking().Where(c => firms.Contains(c.BusinessId)).Select(c => new { c.BusinessId, c.CpvDigits }).ToListAsync(ct))
            .GroupBy(c => c.BusinessId).ToDictionary(g => g.Key, g => g.Select(c => c.CpvDigits).ToArray());
}
