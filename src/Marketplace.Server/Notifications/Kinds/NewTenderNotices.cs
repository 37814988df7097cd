using Marketplace.Data.Notifications;
using Marketplace.Server.Mail;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>A new tender in a firm's inbox, as an e-mail tells it: the firm, the tender, the lots its capabilities match.</summary>
public sealed record NewTenderNotice(string Firm, string Title, IReadOnlyList<(int Number, string Title)> Lots, DateTimeOffset SubmissionDeadline, string Link)
    : ToldNotice(NotificationKind.NewTender, Link)
{
    public override string Subject(MailLanguage language) =>
        language == MailLanguage.En ? $"New tender for {Firm}: {Title}" : $"Nuovo bando per {Firm}: {Title}";

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"a tender matching the trades of {Firm} has been published in one of its spaces:"
        : $"è stato pubblicato, in uno spazio di {Firm}, un bando che corrisponde alle sue competenze:";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var lots = string.Join("; ", Lots.Select(l => (en ? $"lot {l.Number}" : $"lotto {l.Number}") + $" – {l.Title}"));
        var deadline = When(language, SubmissionDeadline, zone);
        return
        [
            $"«{Title}»",
            en ? $"For {Firm}. Lots matching: {lots}." : $"Per {Firm}. Lotti che corrispondono: {lots}.",
            en ? $"Bids close on {deadline}." : $"Le offerte si presentano entro il {deadline}.",
        ];
    }
}

/// <summary>
/// Reads the new-tender notices as the firm's inbox shows them now (an amended title, the lots matched now). Stale,
/// with no e-mail: the person opened their inbox after it came (they saw it live), no longer acts for the firm, or the
/// inbox row is gone.
/// </summary>
internal static class NewTenderNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var db = reading.Db;
        var fresh = notices.Where(n => n.TenderId is not null && reading.Roles.ContainsKey(n.BusinessId) && !(reading.InboxReadAt >= n.CreatedAt)).ToList();
        var tenderIds = fresh.Select(n => n.TenderId!.Value).Distinct().ToList();
        var firmIds = fresh.Select(n => n.BusinessId).Distinct().ToList();
        var inbox = await db.Inbox.AsNoTracking().Where(i => tenderIds.Contains(i.TenderId) && firmIds.Contains(i.BusinessId)).ToListAsync(ct);
        var deadlines = await db.Tenders.AsNoTracking().Where(t => tenderIds.Contains(t.TenderId)).ToDictionaryAsync(t => t.TenderId, t => t.SubmissionDeadline, ct);
        var lots = (await db.TenderLots.AsNoTracking().Where(l => tenderIds.Contains(l.TenderId)).Select(l => new { l.TenderId, l.Lot, l.Title }).ToListAsync(ct))
            .ToDictionary(l => (l.TenderId, l.Lot), l => l.Title);
        var firms = await reading.FirmNames(firmIds, ct);
        var told = new Dictionary<Guid, ToldNotice>();
        foreach (var notice in fresh)
        {
            var tenderId = notice.TenderId!.Value;
            if (inbox.FirstOrDefault(i => i.TenderId == tenderId && i.BusinessId == notice.BusinessId) is not { } row || !deadlines.TryGetValue(tenderId, out var deadline)) continue;
            var matched = Data.ReadModels.InboxNotices.LotNumbers(row.Lots).Select(n => (n, lots.GetValueOrDefault((tenderId, n), ""))).ToList();
            told[notice.Id] = new NewTenderNotice(firms.GetValueOrDefault(notice.BusinessId, ""), row.Title, matched, deadline, reading.Site.Page($"tenders/{tenderId}"));
        }
        return told;
    }
}
