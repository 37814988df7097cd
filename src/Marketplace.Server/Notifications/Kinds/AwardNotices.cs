using System.Globalization;
using Marketplace.Data.Notifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Mail;
using Marketplace.Tenders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>One lot's outcome for a firm that bid for it: its number and title, and the outcome the tender's page shows.</summary>
public sealed record DecidedLot(int Number, string Title, DecisionDto Decision);

/// <summary>
/// The outcome of the lots a firm bid for, as an e-mail tells it: per lot, whether its bid won, and the outcome exactly
/// as the tender's page shows it to the same person (the winners and price of the award, or why the lot is unsuccessful);
/// nothing of the other bids beyond that, and when an award becomes final as the page says it (the standstill, judged
/// at <paramref name="Now"/>, when the e-mail is written). The link opens the tender's page.
/// </summary>
public sealed record AwardNotice(string Firm, string Title, IReadOnlyList<DecidedLot> Lots, Guid FirmId, DateTimeOffset Now, string Link)
    : ToldNotice(NotificationKind.Award, Link)
{
    public override string Subject(MailLanguage language) => language == MailLanguage.En
        ? $"Result of «{Title}» for {Firm}"
        : $"Esito di «{Title}» per {Firm}";

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"the buyer has decided {(Lots.Count == 1 ? "a lot" : "lots")} of a tender that {Firm} bid for:"
        : $"il committente ha deciso {(Lots.Count == 1 ? "un lotto" : "alcuni lotti")} di una gara per cui {Firm} ha presentato offerta:";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        return
        [
            $"«{Title}»",
            .. Lots.Select(l => $"{(en ? "Lot" : "Lotto")} {l.Number} – {l.Title}: {Outcome(l.Decision, language, zone)}"),
            en ? "The tender's page shows each lot's outcome." : "La pagina della gara mostra l'esito di ogni lotto.",
        ];
    }

    /// <summary>The firm's result and the lot's public outcome, in the words of the tender's page ("Aggiudicato a … per …").</summary>
    string Outcome(DecisionDto d, MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        if (d.BidId is null)
            return d.Reason == TenderState.NoBidsReason
                ? (en ? "unsuccessful lot, no bids were received." : "lotto deserto, nessuna offerta ricevuta.")
                : (en ? $"unsuccessful lot, no bid was awarded. Reason: {d.Reason}" : $"lotto deserto, nessuna offerta aggiudicata. Motivo: {d.Reason}");
        var culture = CultureInfo.GetCultureInfo(en ? "en-GB" : "it-IT");
        var price = d.Price is { } p ? $"{p.Amount.ToString("N2", culture)} {p.Currency}" : "";
        var winners = string.Join(", ", d.Winners.Select(w => w.Name));
        var awarded = (en ? $"Awarded to {winners} for {price}." : $"Aggiudicato a {winners} per {price}.") + Finality(d, language, zone);
        return d.Winners.Any(w => w.Id == FirmId)
            ? (en ? $"awarded to your bid. {awarded}" : $"aggiudicato alla vostra offerta. {awarded}")
            : (en ? $"not awarded to your bid. {awarded}" : $"non aggiudicato alla vostra offerta. {awarded}");
    }

    /// <summary>
    /// When the award becomes final, in the tender page's words (tender.standstill.* in the web client): an award made
    /// while other admissible bids stood is not final, and no contract is signed, until its standstill has run.
    /// </summary>
    string Finality(DecisionDto d, MailLanguage language, TimeZoneInfo zone)
    {
        if (d.StandstillEnds is not { } ends) return "";
        var en = language == MailLanguage.En;
        var day = TimeZoneInfo.ConvertTime(ends, zone).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(en ? "en-GB" : "it-IT"));
        return Now < ends
            ? (en ? $" The award becomes final on {day}: until then the standstill period runs (art. 18(3) of Legislative Decree 36/2023) and no contract is signed."
                  : $" L'aggiudicazione diventa definitiva il {day}: fino ad allora corre il termine dilatorio (art. 18, comma 3, D.Lgs. 36/2023) e il contratto non si stipula.")
            : (en ? $" The award is final since {day}: the standstill period (art. 18(3) of Legislative Decree 36/2023) has passed."
                  : $" L'aggiudicazione è definitiva dal {day}: il termine dilatorio (art. 18, comma 3, D.Lgs. 36/2023) è trascorso.");
    }
}

/// <summary>
/// Reads the award notices as the tender's page shows the person the lots' outcomes now (<see cref="ITenderGrain.ViewFor"/>,
/// <see cref="TenderEndpoints.Decision"/>: one rule for what a bidder may know of the other bids). A firm's lots decided
/// before its e-mail goes are told together. Stale, with no e-mail: the person no longer acts for the firm, or the page
/// does not show them the lot's decision.
/// </summary>
internal static class AwardNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var told = new Dictionary<Guid, ToldNotice>();
        var fresh = notices.Where(n => n is { TenderId: not null, Number: not null } && reading.Roles.ContainsKey(n.BusinessId)).ToList();
        var firmIds = fresh.Select(n => n.BusinessId).Distinct().ToList();
        var names = await reading.FirmNames(firmIds, ct);
        foreach (var tender in fresh.GroupBy(n => n.TenderId!.Value))
        {
            ct.ThrowIfCancellationRequested();
            var page = await reading.TenderPage(tender.Key);
            if (page.Tender is not { } t) continue;
            foreach (var firm in tender.GroupBy(n => n.BusinessId))
            {
                var lots = firm.Select(n => n.Number!.Value).Distinct().Order()
                    .Select(lot => (lot, Decision: t.Decisions.FirstOrDefault(d => d.Lot == lot)))
                    .Where(x => x.Decision is not null)
                    .Select(x => new DecidedLot(x.lot, t.Details.Lots.FirstOrDefault(l => l.Number == x.lot)?.Title ?? "",
                        TenderEndpoints.Decision(t, x.Decision!, page.BusinessNames)))
                    .ToList();
                if (lots.Count == 0) continue;
                told[firm.First().Id] = new AwardNotice(names.GetValueOrDefault(firm.Key, ""), t.Details.Title, lots, firm.Key, reading.Now,
                    reading.Site.Page($"tenders/{t.Id}"));
            }
        }
        return told;
    }
}
