using Marketplace.Data.Notifications;
using Marketplace.Data.ReadModels;
using Marketplace.Server.Mail;
using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>
/// A space's invitation to a firm, as an e-mail tells it: who invites (the space's host), into which space; the link
/// opens the to-do list, where it is answered.
/// </summary>
public sealed record SpaceInvitationNotice(string Firm, string Space, string Host, string Link)
    : ToldNotice(NotificationKind.SpaceInvitation, Link)
{
    public override string Subject(MailLanguage language) => language == MailLanguage.En
        ? $"{Host} invites {Firm} into the space {Space}"
        : $"{Host} invita {Firm} nello spazio {Space}";

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"{Host}, the host of a collaboration space, invites {Firm} to become a member:"
        : $"{Host}, che ospita uno spazio di collaborazione, invita {Firm} a diventarne membro:";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone) => language == MailLanguage.En
        ? [$"«{Space}»", "Accept or decline the invitation in your To do list."]
        : [$"«{Space}»", "Accetta o rifiuta l'invito dalla pagina «Da fare»."];
}

/// <summary>
/// Reads the space invitation notices as the to-do list shows them now: the notice is made at the invitation's time,
/// so the firm's membership still invited since then is the one it tells. Stale, with no e-mail: the invitation was
/// answered or taken back meanwhile (the membership moved on, or a later invitation has a notice of its own), or the
/// person no longer answers for the firm.
/// </summary>
internal static class SpaceInvitationNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var db = reading.Db;
        var firmIds = notices.Where(n => reading.Edits(n.BusinessId)).Select(n => n.BusinessId).Distinct().ToList();
        var waiting = await db.SpaceMembers.AsNoTracking().Where(m => m.Status == MembershipStatus.Invited && firmIds.Contains(m.BusinessId))
            .Join(db.Spaces, m => m.SpaceId, s => s.SpaceId, (m, s) => new { m.BusinessId, m.Since, s.Name, s.HostId })
            .ToListAsync(ct);
        var names = await reading.FirmNames(firmIds.Concat(waiting.Select(w => w.HostId)), ct);
        var told = new Dictionary<Guid, ToldNotice>();
        var link = reading.Site.Page("todo");
        foreach (var notice in notices.Where(n => reading.Edits(n.BusinessId)))
        {
            if (waiting.FirstOrDefault(w => w.BusinessId == notice.BusinessId && MembershipProjector.SameInstant(w.Since, notice.CreatedAt)) is not { } invitation) continue;
            told[notice.Id] = new SpaceInvitationNotice(names.GetValueOrDefault(notice.BusinessId, ""), invitation.Name,
                names.GetValueOrDefault(invitation.HostId, ""), link);
        }
        return told;
    }
}
