using Marketplace.Data.Notifications;
using Marketplace.Data.ReadModels;
using Marketplace.Server.Mail;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>
/// A joint bid that relies on a firm (avvalimento) and awaits its commitment, as an e-mail tells it: the alliance, the
/// tender, the lots and the firms it lends to, and when bids close. Nothing beyond what the firm's lending page shows
/// (no price, no work, no other firm's signature); the link opens that page, where it reads the contract and answers.
/// </summary>
public sealed record AvvalimentoNotice(string Firm, string Alliance, string Tender, int[] Lots, string[] RelyingFirms, DateTimeOffset SubmissionDeadline, string Link)
    : ToldNotice(NotificationKind.Avvalimento, Link)
{
    public override string Subject(MailLanguage language) => language == MailLanguage.En
        ? $"{Alliance} asks {Firm} to confirm its avvalimento"
        : $"{Alliance} chiede a {Firm} di confermare l'avvalimento";

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"the joint bid of an alliance relies on {Firm} (avvalimento) and awaits its commitment:"
        : $"l'offerta congiunta di un'alleanza si avvale di {Firm} e aspetta il suo impegno:";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var lots = string.Join(", ", Lots);
        var firms = string.Join(", ", RelyingFirms);
        return
        [
            $"«{Alliance}»",
            en ? $"For the tender «{Tender}», lot {lots}: {Firm} lends to {firms}, and is jointly liable with it."
               : $"Per la gara «{Tender}», lotto {lots}: {Firm} presta i suoi requisiti a {firms} ed è solidalmente responsabile con essa.",
            en ? $"Read what {Firm} lends and the avvalimento contract on its page and, if they are right, sign the commitment for {Firm} (or decline it)."
               : $"Leggi che cosa presta {Firm} e il contratto di avvalimento sulla sua pagina e, se vanno bene, firma l'impegno per {Firm} (o rifiutalo).",
            en ? $"Bids close on {When(language, SubmissionDeadline, zone)}." : $"Le offerte si presentano entro il {When(language, SubmissionDeadline, zone)}.",
        ];
    }
}

/// <summary>
/// Reads the avvalimento notices as the to-do list shows them now (<see cref="RelianceEntries.Awaiting"/>). Stale, with
/// no e-mail: the firm answered meanwhile, the reliance was taken off the bid, the tender takes no more bids, or the
/// person no longer answers for the firm. Several asks before the e-mail goes give one e-mail (one notice waits per person and firm).
/// </summary>
internal static class AvvalimentoNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var firmIds = notices.Where(n => reading.Edits(n.BusinessId)).Select(n => n.BusinessId).Distinct().ToList();
        var awaiting = (await RelianceEntries.Awaiting(reading.Db, firmIds, reading.Now, ct)).ToLookup(r => (r.AllianceId, r.AuxiliaryId));
        var names = await reading.FirmNames(firmIds.Concat(awaiting.SelectMany(g => g).Select(r => r.RelyingFirmId)), ct);
        var told = new Dictionary<Guid, ToldNotice>();
        foreach (var notice in notices.Where(n => n.AllianceId is not null).GroupBy(n => (n.AllianceId!.Value, n.BusinessId)).Select(g => g.MaxBy(n => n.CreatedAt)!))
        {
            var waiting = awaiting[(notice.AllianceId!.Value, notice.BusinessId)].ToList();
            if (!reading.Edits(notice.BusinessId) || waiting.Count == 0) continue;
            var first = waiting[0];
            told[notice.Id] = new AvvalimentoNotice(names.GetValueOrDefault(notice.BusinessId, ""), first.Alliance, first.Tender,
                [.. waiting.Select(r => r.Lot).Distinct().Order()], [.. waiting.Select(r => names.GetValueOrDefault(r.RelyingFirmId, "")).Distinct()],
                first.SubmissionDeadline, reading.Site.Page($"alliances/{first.AllianceId}/lending"));
        }
        return told;
    }
}
