using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// The people of every firm that bid for a lot just decided (alone, or as a firm of an RTI's bid) may be told by
/// e-mail of its outcome (Notifications.NoticeSender decides how, by their settings). Written by the tender's write
/// that records the decision, from its events not yet in the audit chain: a notice exists exactly when the decision
/// was stored, and a retried write, which finds the decision already chained, writes none again.
/// </summary>
public static class AwardNotices
{
    static readonly string[] DecisionKinds = [TenderState.LotAwardedEvent, TenderState.LotUnsuccessfulEvent];

    public static async Task Add(MarketplaceDbContext db, TenderState tender, IEnumerable<AuditEvent> unchained, CancellationToken ct)
    {
        var decided = unchained.Where(e => DecisionKinds.Contains(e.Kind)).Select(e => (Lot: NoticeDetails.Number(e.Detail, "lot"), e.At)).Where(d => d.Lot is not null).ToList();
        if (decided.Count == 0) return;
        // A bid that failed its check at opening holds no lots: it is never ranked, so it is told nothing here.
        var told = decided.SelectMany(d => tender.Bids.Where(b => b.Lots.Any(l => l.Lot == d.Lot))
            .SelectMany(b => b.Tenderers.Select(t => (Firm: t.FirmId, Lot: d.Lot!.Value, d.At)))).Distinct().ToList();
        var firms = told.Select(t => t.Firm).Distinct().ToList();
        var people = await db.BusinessMembers.AsNoTracking().Where(m => firms.Contains(m.BusinessId)).Select(m => new { m.UserId, m.BusinessId }).ToListAsync(ct);
        db.Notices.AddRange(told.SelectMany(t => people.Where(p => p.BusinessId == t.Firm).Select(p => new Notifications.PendingNotice
        {
            Id = Guid.NewGuid(), UserId = p.UserId, Kind = Notifications.NotificationKind.Award, BusinessId = t.Firm,
            TenderId = tender.Id, Number = t.Lot, CreatedAt = t.At,
        })));
    }
}
