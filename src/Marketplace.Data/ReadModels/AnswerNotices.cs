using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// The people of the firm that asked a question about a tender may be told by e-mail when the buyer answers it
/// (Notifications.NoticeSender decides how, by their settings). Written by the tender's write that stores the answer,
/// from its events not yet in the audit chain: a notice exists exactly when the answer was stored, and a retried write,
/// which finds the answer already chained, writes none again.
/// </summary>
public static class AnswerNotices
{
    public static async Task Add(MarketplaceDbContext db, TenderState tender, IEnumerable<AuditEvent> unchained, CancellationToken ct)
    {
        var answered = unchained.Where(e => e.Kind == TenderState.QuestionAnsweredEvent)
            .Select(e => (Question: tender.Questions.FirstOrDefault(q => q.Number == NoticeDetails.Number(e.Detail, "number")), e.At))
            .Where(a => a.Question is not null).ToList();
        if (answered.Count == 0) return;
        var firms = answered.Select(a => a.Question!.AskerFirmId).Distinct().ToList();
        var people = await db.BusinessMembers.AsNoTracking().Where(m => firms.Contains(m.BusinessId)).Select(m => new { m.UserId, m.BusinessId }).ToListAsync(ct);
        db.Notices.AddRange(answered.SelectMany(a => people.Where(p => p.BusinessId == a.Question!.AskerFirmId).Select(p => new Notifications.PendingNotice
        {
            Id = Guid.NewGuid(), UserId = p.UserId, Kind = Notifications.NotificationKind.QuestionAnswered, BusinessId = p.BusinessId,
            TenderId = tender.Id, Number = a.Question!.Number, CreatedAt = a.At,
        })));
    }
}
