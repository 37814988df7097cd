using Marketplace.Data.Notifications;
using Marketplace.Server.Mail;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>
/// A soccorso istruttorio request as an e-mail tells it: the tender, what the buyer asks the firm to complete and by
/// when (in the person's time zone), that the answer never changes the sealed bid, and the page where it is answered
/// (the tender's for a firm bidding alone, the alliance's for an RTI).
/// </summary>
public sealed record SoccorsoNotice(string Firm, string Tender, int Number, string Asked, DateTimeOffset Deadline, string Link)
    : ToldNotice(NotificationKind.SoccorsoIstruttorio, Link)
{
    public override string Subject(MailLanguage language) => language == MailLanguage.En
        ? $"The buyer of «{Tender}» asks {Firm} to complete its documents"
        : $"Il committente di «{Tender}» chiede a {Firm} di integrare la documentazione";

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"after opening the bids, the buyer asks {Firm} to complete a document or declaration (soccorso istruttorio, art. 101 D.Lgs. 36/2023):"
        : $"dopo l'apertura delle offerte, il committente chiede a {Firm} di integrare un documento o una dichiarazione (soccorso istruttorio, art. 101 D.Lgs. 36/2023):";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var deadline = When(language, Deadline, zone);
        return
        [
            $"«{Tender}»",
            en ? $"Request no. {Number}: {Asked}" : $"Richiesta n. {Number}: {Asked}",
            en ? $"Answer by {deadline}, on the page, once: the answer does not change the sealed bid. With no answer in time the buyer may exclude the bid."
               : $"Rispondete entro il {deadline}, sulla pagina, una volta sola: la risposta non modifica l'offerta sigillata. Senza risposta nel termine il committente può escludere l'offerta.",
        ];
    }
}

/// <summary>
/// Reads the soccorso notices from the tender as it stands when the e-mail goes. Stale, with no e-mail: the person no
/// longer answers for the lead firm (its Owners and Managers), the firm is no longer the bid's lead, or the request is
/// no longer open (answered, withdrawn by the buyer, or its deadline passed).
/// </summary>
internal static class SoccorsoNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var told = new Dictionary<Guid, ToldNotice>();
        var fresh = notices.Where(n => n is { TenderId: not null, Number: not null } && reading.Edits(n.BusinessId)).ToList();
        var firmIds = fresh.Select(n => n.BusinessId).Distinct().ToList();
        var names = await reading.FirmNames(firmIds, ct);
        foreach (var tender in fresh.GroupBy(n => n.TenderId!.Value))
        {
            ct.ThrowIfCancellationRequested();
            if (await reading.Grains.Tender(tender.Key).Get() is not { } t) continue;
            foreach (var notice in tender.DistinctBy(n => (n.BusinessId, n.Number)))
            {
                if (t.SoccorsoRequests.FirstOrDefault(r => r.Number == notice.Number) is not { } request
                    || request.StatusAt(reading.Now) != SoccorsoStatus.Open
                    || t.Bids.FirstOrDefault(b => b.BidId == request.BidId) is not { } bid
                    || TenderState.LeadOf(bid) != notice.BusinessId) continue;
                // An RTI answers on its alliance's page, a firm bidding alone on the tender's.
                var link = bid.BidderId == notice.BusinessId ? reading.Site.Page($"tenders/{t.Id}") : reading.Site.Page($"alliances/{bid.BidderId}");
                told[notice.Id] = new SoccorsoNotice(names.GetValueOrDefault(notice.BusinessId, ""), t.Details.Title, request.Number, request.Subject, request.Deadline, link);
            }
        }
        return told;
    }
}
