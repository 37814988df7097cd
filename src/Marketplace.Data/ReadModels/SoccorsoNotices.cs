using Marketplace.Businesses;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// The Owners and Managers of a bid's lead firm (the firm itself, or the RTI's lead: who answer) may be told by e-mail
/// when the buyer asks them to complete a document (soccorso istruttorio; Notifications.NoticeSender decides how, by
/// their settings). Written by the tender's write that stores the request, from its events not yet in the audit chain:
/// a notice exists exactly when the request was stored, and a retried write writes none again.
/// </summary>
public static class SoccorsoNotices
{
    public static async Task Add(MarketplaceDbContext db, TenderState tender, IEnumerable<AuditEvent> unchained, CancellationToken ct)
    {
        var asked = unchained.Where(e => e.Kind == TenderState.SoccorsoRequestedEvent)
            .Select(e => tender.Soccorsi.FirstOrDefault(s => s.Number == NoticeDetails.Number(e.Detail, "number")))
            .OfType<SoccorsoRequest>()
            .Select(r => (Request: r, Lead: tender.Bids.FirstOrDefault(b => b.BidId == r.BidId) is { } bid ? TenderState.LeadOf(bid) : (Guid?)null))
            .Where(r => r.Lead is not null).ToList();
        if (asked.Count == 0) return;
        var leads = asked.Select(a => a.Lead!.Value).Distinct().ToList();
        var people = await db.BusinessMembers.AsNoTracking()
            .Where(m => leads.Contains(m.BusinessId) && (m.Role == BusinessRole.Owner || m.Role == BusinessRole.Manager))
            .Select(m => new { m.UserId, m.BusinessId }).ToListAsync(ct);
        db.Notices.AddRange(asked.SelectMany(a => people.Where(p => p.BusinessId == a.Lead).Select(p => new Notifications.PendingNotice
        {
            Id = Guid.NewGuid(), UserId = p.UserId, Kind = Notifications.NotificationKind.SoccorsoIstruttorio, BusinessId = p.BusinessId,
            TenderId = tender.Id, Number = a.Request.Number, CreatedAt = a.Request.At,
        })));
    }
}
