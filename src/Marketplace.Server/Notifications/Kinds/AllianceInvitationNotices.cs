using Marketplace.Alliances;
using Marketplace.Data.Notifications;
using Marketplace.Data.ReadModels;
using Marketplace.Server.Mail;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>
/// An alliance's invitation to a firm, as an e-mail tells it: who invites (the lead firm), into which alliance, in
/// which role, for which tender and until when it can be answered; the link opens the to-do list, where it is answered.
/// </summary>
public sealed record AllianceInvitationNotice(
    string Firm, string Alliance, string LeadFirm, AllianceRole Role, string? Tender, DateTimeOffset? SubmissionDeadline, string Link)
    : ToldNotice(NotificationKind.AllianceInvitation, Link)
{
    public override string Subject(MailLanguage language) => language == MailLanguage.En
        ? $"{LeadFirm} invites {Firm} into the alliance {Alliance}"
        : $"{LeadFirm} invita {Firm} nell'alleanza {Alliance}";

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"{LeadFirm}, the lead of an alliance, invites {Firm} to join it:"
        : $"{LeadFirm}, capofila di un'alleanza, invita {Firm} a farne parte:";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var role = (Role, en) switch
        {
            (AllianceRole.Subcontractor, true) => "as a subcontractor",
            (AllianceRole.Subcontractor, false) => "come subappaltatrice",
            (_, true) => "as a member (mandante)",
            (_, false) => "come mandante",
        };
        return
        [
            $"«{Alliance}»",
            en ? $"Lead: {LeadFirm}. {Firm} is invited {role}." : $"Capofila: {LeadFirm}. {Firm} è invitata {role}.",
            Tender is null
                ? (en ? "The alliance is not formed for one tender." : "L'alleanza non è formata per una sola gara.")
                : (en ? $"For the tender «{Tender}»." : $"Per la gara «{Tender}»."),
            SubmissionDeadline is { } deadline
                ? (en ? $"Accept or decline it in your To do list before bids close on {When(language, deadline, zone)}."
                      : $"Accettalo o rifiutalo dalla pagina «Da fare» prima che le offerte si chiudano, il {When(language, deadline, zone)}.")
                : (en ? "Accept or decline it in your To do list." : "Accettalo o rifiutalo dalla pagina «Da fare»."),
        ];
    }
}

/// <summary>
/// Reads the invitation notices as the to-do list shows them now. Stale, with no e-mail: the invitation no longer waits
/// for an answer (<see cref="AllianceInvitations.Waiting"/>: accepted, declined, taken back, or the tender's bids closed),
/// or the person no longer answers for the firm. A firm invited again before the e-mail went is told once.
/// </summary>
internal static class AllianceInvitationNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var db = reading.Db;
        var firmIds = notices.Where(n => reading.Edits(n.BusinessId)).Select(n => n.BusinessId).Distinct().ToList();
        var waiting = (await AllianceInvitations.Waiting(db, firmIds, reading.Now, ct)).ToDictionary(w => (w.AllianceId, w.FirmId));
        var leads = waiting.Values.Select(w => w.LeadId).ToList();
        var names = await reading.FirmNames(firmIds.Concat(leads), ct);
        var told = new Dictionary<Guid, ToldNotice>();
        var link = reading.Site.Page("todo");
        foreach (var notice in notices.Where(n => n.AllianceId is not null).GroupBy(n => (n.AllianceId!.Value, n.BusinessId)).Select(g => g.MaxBy(n => n.CreatedAt)!))
        {
            if (!reading.Edits(notice.BusinessId) || !waiting.TryGetValue((notice.AllianceId!.Value, notice.BusinessId), out var invitation)) continue;
            told[notice.Id] = new AllianceInvitationNotice(names.GetValueOrDefault(notice.BusinessId, ""), invitation.Name,
                names.GetValueOrDefault(invitation.LeadId, ""), invitation.Role, invitation.Title, invitation.SubmissionDeadline, link);
        }
        return told;
    }
}
