using Marketplace.Data.Notifications;
using Marketplace.JointBids;
using Marketplace.Server.Mail;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>
/// A joint bid that awaits a firm's approval, as an e-mail tells it: the alliance, its lead, the tender and when its bids
/// close; no price and no share (the firm reads them on the bid's page, which the link opens).
/// </summary>
public sealed record SignOffNotice(string Firm, string Alliance, string LeadFirm, string Tender, DateTimeOffset SubmissionDeadline, string Link)
    : ToldNotice(NotificationKind.SignOff, Link)
{
    public override string Subject(MailLanguage language) => language == MailLanguage.En
        ? $"The joint bid of {Alliance} awaits the approval of {Firm}"
        : $"L'offerta congiunta di {Alliance} aspetta l'approvazione di {Firm}";

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"the joint bid of an alliance of {Firm} has changed, and {Firm} has not approved it as it is now:"
        : $"l'offerta congiunta di un'alleanza di {Firm} è cambiata, e {Firm} non l'ha approvata così com'è ora:";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var deadline = When(language, SubmissionDeadline, zone);
        return
        [
            $"«{Alliance}»",
            en ? $"For the tender «{Tender}». Lead: {LeadFirm}." : $"Per la gara «{Tender}». Capofila: {LeadFirm}.",
            en ? "Any change voids every approval. Read the bid as it is now on its page and, if it is right, approve it for " + Firm + "."
               : $"Qualsiasi modifica annulla tutte le approvazioni. Leggi l'offerta com'è ora sulla sua pagina e, se va bene, approvala per {Firm}.",
            en ? $"Bids close on {deadline}." : $"Le offerte si presentano entro il {deadline}.",
        ];
    }
}

/// <summary>
/// Reads the sign-off notices as the joint bid judges, now, whether the person may approve it for the firm (the rule the
/// to-do list asks: <see cref="IJointBidGrain.Read"/>'s firm actions). Stale, with no e-mail: the firm approved it
/// meanwhile, the person no longer acts for the firm, the bid is submitted as it is, its tender takes no more bids, or it
/// was withdrawn after the notice. Many changes before the e-mail goes give one e-mail (one notice waits per person and firm).
/// </summary>
internal static class SignOffNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var db = reading.Db;
        var fresh = notices.Where(n => n is { AllianceId: not null, TenderId: not null } && reading.Edits(n.BusinessId)).ToList();
        var allianceIds = fresh.Select(n => n.AllianceId!.Value).Distinct().ToList();
        var alliances = await db.Alliances.AsNoTracking().Where(a => allianceIds.Contains(a.AllianceId)).ToDictionaryAsync(a => a.AllianceId, ct);
        var tenderIds = fresh.Select(n => n.TenderId!.Value).Distinct().ToList();
        var tenders = await db.Tenders.AsNoTracking().Where(t => tenderIds.Contains(t.TenderId)).ToDictionaryAsync(t => t.TenderId, t => new { t.Title, t.SubmissionDeadline }, ct);
        var firmIds = fresh.Select(n => n.BusinessId).Concat(alliances.Values.Select(a => a.LeadId)).Distinct().ToList();
        var names = await reading.FirmNames(firmIds, ct);
        var told = new Dictionary<Guid, ToldNotice>();
        foreach (var alliance in fresh.GroupBy(n => n.AllianceId!.Value))
        {
            if (!alliances.TryGetValue(alliance.Key, out var row) || row.TenderId is not { } tenderId || !tenders.TryGetValue(tenderId, out var tender)) continue;
            var subject = AuditChain.JointBidSubject(alliance.Key);
            var withdrawals = await db.AuditEntries.AsNoTracking().Where(e => e.TenderId == tenderId && e.Subject == subject && e.Kind == JointBidState.WithdrawnEvent)
                .Select(e => e.At).ToListAsync(ct);
            if (await reading.Grains.GetGrain<IJointBidGrain>(alliance.Key).Read(reading.UserId, false) is not { Value: { } bid }) continue;
            if (bid.Receipt is not null && !bid.ChangedSinceSubmission) continue; // submitted as it is
            foreach (var firm in alliance.GroupBy(n => n.BusinessId).Select(g => g.MaxBy(n => n.CreatedAt)!))
            {
                if (withdrawals.Any(at => at >= firm.CreatedAt)) continue; // what it asked went with the withdrawal
                if (bid.ViewerFirms.FirstOrDefault(f => f.FirmId == firm.BusinessId) is not { } mine || !mine.Actions.Allows(JointBidFirmAction.Sign)) continue;
                told[firm.Id] = new SignOffNotice(names.GetValueOrDefault(firm.BusinessId, ""), row.Name, names.GetValueOrDefault(row.LeadId, ""),
                    tender.Title, tender.SubmissionDeadline, reading.Site.Page($"alliances/{alliance.Key}/bid"));
            }
        }
        return told;
    }
}
