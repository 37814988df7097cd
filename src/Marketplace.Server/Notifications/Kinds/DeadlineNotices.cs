using Marketplace.Data.Notifications;
using Marketplace.JointBids;
using Marketplace.Server.Mail;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>
/// A warning that a tender's bids close in less than <see cref="Hours"/> hours while the alliance's joint bid still lacks
/// approvals, as an e-mail tells it: to the lead's people, which firms have not approved it (<see cref="Missing"/>); to
/// a firm whose approval is missing, that it is theirs. No price or share: the link opens the bid's page.
/// </summary>
public sealed record DeadlineNotice(string Firm, bool ToLead, string Alliance, string Tender, DateTimeOffset SubmissionDeadline, int Hours,
    IReadOnlyList<string> Missing, string Link)
    : ToldNotice(NotificationKind.DeadlineNear, Link)
{
    public override string Subject(MailLanguage language) => (language == MailLanguage.En, ToLead) switch
    {
        (true, true) => $"Less than {Hours} hours left: the joint bid of {Alliance} still lacks approvals",
        (true, false) => $"Less than {Hours} hours left: the joint bid of {Alliance} awaits the approval of {Firm}",
        (false, true) => $"Meno di {Hours} ore alla chiusura: all'offerta congiunta di {Alliance} mancano ancora approvazioni",
        (false, false) => $"Meno di {Hours} ore alla chiusura: l'offerta congiunta di {Alliance} aspetta l'approvazione di {Firm}",
    };

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"the bids of a tender that an alliance of {Firm} bids for close in less than {Hours} hours, and its joint bid is not approved by every firm yet:"
        : $"le offerte di una gara per cui un'alleanza di {Firm} presenta offerta si chiudono tra meno di {Hours} ore, e la sua offerta congiunta non è ancora approvata da tutte le imprese:";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var deadline = When(language, SubmissionDeadline, zone);
        return
        [
            $"«{Alliance}»",
            en ? $"For the tender «{Tender}». Bids close on {deadline}." : $"Per la gara «{Tender}». Le offerte si presentano entro il {deadline}.",
            ToLead
                ? (en ? $"Not approved yet by: {string.Join(", ", Missing)}. Without every approval the bid cannot be submitted."
                      : $"Non l'hanno ancora approvata: {string.Join(", ", Missing)}. Senza tutte le approvazioni l'offerta non si può presentare.")
                : (en ? $"{Firm} has not approved the bid as it is now. Read it on its page and, if it is right, approve it: without every approval the lead cannot submit it."
                      : $"{Firm} non ha ancora approvato l'offerta così com'è ora. Leggila sulla sua pagina e, se va bene, approvala: senza tutte le approvazioni la capofila non può presentarla."),
        ];
    }
}

/// <summary>
/// Reads the deadline warnings as the joint bid stands now (<see cref="IJointBidGrain.Read"/>, what the bid's page shows
/// the person). Stale, with no e-mail: the deadline moved or passed, or the tender takes no more bids; a closer warning
/// of the same deadline was written (the farther one is no longer news); the bid was submitted as it is, or every firm
/// approved it; or the person's firm is neither the lead nor one the person may approve for whose approval is missing.
/// </summary>
internal static class DeadlineNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var db = reading.Db;
        var fresh = notices.Where(n => n is { AllianceId: not null, TenderId: not null, Number: not null, Deadline: not null } && reading.Edits(n.BusinessId)).ToList();
        var allianceIds = fresh.Select(n => n.AllianceId!.Value).Distinct().ToList();
        var alliances = await db.Alliances.AsNoTracking().Where(a => allianceIds.Contains(a.AllianceId)).ToDictionaryAsync(a => a.AllianceId, ct);
        var tenderIds = fresh.Select(n => n.TenderId!.Value).Distinct().ToList();
        var tenders = await db.Tenders.AsNoTracking().Where(t => tenderIds.Contains(t.TenderId))
            .ToDictionaryAsync(t => t.TenderId, t => new { t.Title, t.SubmissionDeadline, t.Status }, ct);
        var closer = await db.Notices.AsNoTracking()
            .Where(n => n.UserId == reading.UserId && n.Kind == NotificationKind.DeadlineNear && allianceIds.Contains(n.AllianceId!.Value))
            .Select(n => new { n.AllianceId, n.BusinessId, n.Number, n.Deadline }).ToListAsync(ct);
        var told = new Dictionary<Guid, ToldNotice>();
        foreach (var alliance in fresh.GroupBy(n => n.AllianceId!.Value))
        {
            if (!alliances.TryGetValue(alliance.Key, out var row) || !tenders.TryGetValue(alliance.First().TenderId!.Value, out var tender)) continue;
            if (tender.SubmissionDeadline <= reading.Now || tender.Status is not (TenderStatus.Enquiries or TenderStatus.Tendering)) continue;
            var current = alliance.Where(n => n.Deadline == tender.SubmissionDeadline
                && !closer.Any(c => c.AllianceId == n.AllianceId && c.BusinessId == n.BusinessId && c.Deadline == n.Deadline && c.Number < n.Number)).ToList();
            if (current.Count == 0) continue;
            if (await reading.Grains.GetGrain<IJointBidGrain>(alliance.Key).Read(reading.UserId, false) is not { Value: { } bid }) continue;
            if (bid.Receipt is not null && !bid.ChangedSinceSubmission || bid.AwaitingSignature.Length == 0) continue;
            var names = await reading.FirmNames([.. bid.AwaitingSignature, row.LeadId, .. current.Select(n => n.BusinessId)], ct);
            foreach (var notice in current.GroupBy(n => n.BusinessId).Select(g => g.MinBy(n => n.Number)!))
            {
                var lead = notice.BusinessId == row.LeadId;
                var signs = bid.ViewerFirms.FirstOrDefault(f => f.FirmId == notice.BusinessId) is { } mine && mine.Actions.Allows(JointBidFirmAction.Sign);
                if (!lead && !signs) continue;
                told[notice.Id] = new DeadlineNotice(names.GetValueOrDefault(notice.BusinessId, ""), lead, row.Name, tender.Title, tender.SubmissionDeadline,
                    notice.Number!.Value, [.. bid.AwaitingSignature.Select(f => names.GetValueOrDefault(f, ""))], reading.Site.Page($"alliances/{alliance.Key}/bid"));
            }
        }
        return told;
    }
}
