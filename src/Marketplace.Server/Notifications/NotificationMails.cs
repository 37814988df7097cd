using System.Globalization;
using System.Net;
using Marketplace.Server.Mail;

namespace Marketplace.Server.Notifications;

/// <summary>A new tender in a firm's inbox, as an e-mail tells it: the firm, the tender, the lots its capabilities match.</summary>
public sealed record NewTenderNotice(string Firm, string Title, IReadOnlyList<(int Number, string Title)> Lots, DateTimeOffset SubmissionDeadline, string Link);

/// <summary>
/// The notification e-mails in Italian and English: one notice (sent a few minutes after it came) or the day's
/// digest of them. Each says why the person gets it, and ends with the link that turns its kind off and where the
/// settings are. Nothing in them is more than the firm's inbox shows its people.
/// </summary>
public static class NotificationMails
{
    public static MailText NewTender(MailLanguage language, string name, NewTenderNotice notice, string unsubscribe, string settings, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var subject = en ? $"New tender for {notice.Firm}: {notice.Title}" : $"Nuovo bando per {notice.Firm}: {notice.Title}";
        var lead = en
            ? $"a tender matching the trades of {notice.Firm} has been published in one of its spaces:"
            : $"è stato pubblicato, in uno spazio di {notice.Firm}, un bando che corrisponde alle sue competenze:";
        return Compose(language, subject, name, lead, [Item(language, notice, zone)], unsubscribe, settings);
    }

    public static MailText Digest(MailLanguage language, string name, IReadOnlyList<NewTenderNotice> notices, string unsubscribe, string settings, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var subject = en
            ? (notices.Count == 1 ? "Marketplace today: 1 new tender" : $"Marketplace today: {notices.Count} new tenders")
            : (notices.Count == 1 ? "Marketplace oggi: 1 nuovo bando" : $"Marketplace oggi: {notices.Count} nuovi bandi");
        var lead = en
            ? "these tenders matching your firms' trades have been published since the last summary, and you have not seen them in your Inbox yet:"
            : "dall'ultimo riepilogo sono stati pubblicati questi bandi che corrispondono alle competenze delle tue imprese, e non li hai ancora visti nei tuoi «Avvisi»:";
        return Compose(language, subject, name, lead, [.. notices.Select(n => Item(language, n, zone))], unsubscribe, settings);
    }

    /// <summary>One tender: its title, for whom, the lots that match, the deadline for bids, and its page.</summary>
    static (string[] Lines, string Link) Item(MailLanguage language, NewTenderNotice notice, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var culture = CultureInfo.GetCultureInfo(en ? "en-GB" : "it-IT");
        var deadline = TimeZoneInfo.ConvertTime(notice.SubmissionDeadline, zone).ToString(en ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy, 'ore' HH:mm", culture);
        var lots = string.Join("; ", notice.Lots.Select(l => (en ? $"lot {l.Number}" : $"lotto {l.Number}") + $" – {l.Title}"));
        string[] lines =
        [
            $"«{notice.Title}»",
            en ? $"For {notice.Firm}. Lots matching: {lots}." : $"Per {notice.Firm}. Lotti che corrispondono: {lots}.",
            en ? $"Bids close on {deadline} ({zone.Id})." : $"Le offerte si presentano entro il {deadline} ({zone.Id}).",
        ];
        return (lines, notice.Link);
    }

    static MailText Compose(MailLanguage language, string subject, string name, string lead, IReadOnlyList<(string[] Lines, string Link)> items, string unsubscribe, string settings)
    {
        var en = language == MailLanguage.En;
        var greeting = en ? $"Hello {name}," : $"Ciao {name},";
        var why = en
            ? "You get this e-mail because of your notification settings. To stop e-mails about new tenders, open this link (no sign-in needed):"
            : "Ricevi questa e-mail per le tue impostazioni di notifica. Per non ricevere più e-mail sui nuovi bandi, apri questo link (senza accedere):";
        var change = en ? "To choose how you are told of each kind of news, see your account page:" : "Per scegliere come ricevere ogni tipo di avviso, vai alla pagina del tuo account:";

        var text = new System.Text.StringBuilder($"{greeting}\n\n{lead}\n\n");
        foreach (var (lines, link) in items) text.Append(string.Join("\n", lines)).Append($"\n{link}\n\n");
        text.Append($"{why}\n{unsubscribe}\n\n{change}\n{settings}\n\nMarketplace\n");

        static string e(string value) => WebUtility.HtmlEncode(value);
        var html = new System.Text.StringBuilder($"""
            <!DOCTYPE html>
            <html><body style="font-family: sans-serif; line-height: 1.5">
            <p>{e(greeting)}</p>
            <p>{e(lead)}</p>

            """);
        foreach (var (lines, link) in items)
            html.Append($"""<p><a href="{e(link)}"><strong>{e(lines[0])}</strong></a><br>{string.Join("<br>", lines.Skip(1).Select(e))}</p>""").Append('\n');
        html.Append($"""
            <p style="color: #555; font-size: 0.9em">{e(why)} <a href="{e(unsubscribe)}">{e(en ? "Stop these e-mails" : "Non ricevere più queste e-mail")}</a>.<br>
            {e(change)} <a href="{e(settings)}">{e(en ? "notification settings" : "impostazioni di notifica")}</a>.</p>
            <p>Marketplace</p>
            </body></html>
            """);
        return new(subject, text.ToString(), html.ToString());
    }
}
