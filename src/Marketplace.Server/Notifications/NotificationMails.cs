using System.Net;
using Marketplace.Data.Notifications;
using Marketplace.Server.Mail;

namespace Marketplace.Server.Notifications;

/// <summary>
/// The notification e-mails in Italian and English: one notice (sent a few minutes after it came) or the day's digest
/// of them, in a section per kind. Each says why the person gets it, and ends with the links that turn its kinds off and
/// where the settings are. Nothing in them is more than the page it links to shows the person.
/// </summary>
public static class NotificationMails
{
    public static MailText Single(MailLanguage language, string name, ToldNotice notice, Func<NotificationKind, string> unsubscribe, string settings, TimeZoneInfo zone) =>
        Compose(language, notice.Subject(language), name, notice.Lead(language), [(null, [Item(language, notice, zone)], notice.Kind)], unsubscribe, settings);

    public static MailText Digest(MailLanguage language, string name, IReadOnlyList<ToldNotice> notices, Func<NotificationKind, string> unsubscribe, string settings, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        var subject = en
            ? (notices.Count == 1 ? "Marketplace today: 1 update" : $"Marketplace today: {notices.Count} updates")
            : $"Marketplace oggi: {notices.Count} novità";
        var lead = en
            ? "here is what is new for you since the last summary, that you have not seen on the site yet:"
            : "ecco le novità per te dall'ultimo riepilogo, che non hai ancora visto sul sito:";
        var sections = notices.GroupBy(n => n.Kind).OrderBy(g => g.Key)
            .Select(g => ((string?)KindTexts.Heading(g.Key, language), (IReadOnlyList<(string[], string)>)[.. g.Select(n => Item(language, n, zone))], g.Key)).ToList();
        return Compose(language, subject, name, lead, sections, unsubscribe, settings);
    }

    static (string[] Lines, string Link) Item(MailLanguage language, ToldNotice notice, TimeZoneInfo zone) => (notice.Lines(language, zone), notice.Link);

    static MailText Compose(MailLanguage language, string subject, string name, string lead,
        IReadOnlyList<(string? Heading, IReadOnlyList<(string[] Lines, string Link)> Items, NotificationKind Kind)> sections,
        Func<NotificationKind, string> unsubscribe, string settings)
    {
        var en = language == MailLanguage.En;
        var greeting = en ? $"Hello {name}," : $"Ciao {name},";
        var why = en
            ? "You get this e-mail because of your notification settings. Each link below turns its e-mails off (no sign-in needed):"
            : "Ricevi questa e-mail per le tue impostazioni di notifica. Ogni link qui sotto disattiva le sue e-mail (senza accedere):";
        string Stop(NotificationKind kind) => (en ? "Stop " : "Non ricevere più ") + KindTexts.About(kind, language);
        var change = en ? "To choose how you are told of each kind of news, see your account page:" : "Per scegliere come ricevere ogni tipo di avviso, vai alla pagina del tuo account:";
        var kinds = sections.Select(s => s.Kind).Distinct().ToList();

        var text = new System.Text.StringBuilder($"{greeting}\n\n{lead}\n\n");
        foreach (var (heading, items, _) in sections)
        {
            if (heading is not null) text.Append($"== {heading} ==\n\n");
            foreach (var (lines, link) in items) text.Append(string.Join("\n", lines)).Append($"\n{link}\n\n");
        }
        text.Append($"{why}\n");
        foreach (var kind in kinds) text.Append($"{Stop(kind)}:\n{unsubscribe(kind)}\n");
        text.Append($"\n{change}\n{settings}\n\nMarketplace\n");

        static string e(string value) => WebUtility.HtmlEncode(value);
        var html = new System.Text.StringBuilder($"""
            <!DOCTYPE html>
            <html><body style="font-family: sans-serif; line-height: 1.5">
            <p>{e(greeting)}</p>
            <p>{e(lead)}</p>

            """);
        foreach (var (heading, items, _) in sections)
        {
            if (heading is not null) html.Append($"<h2 style=\"font-size: 1.1em\">{e(heading)}</h2>\n");
            foreach (var (lines, link) in items)
                html.Append($"""<p><a href="{e(link)}"><strong>{e(lines[0])}</strong></a><br>{string.Join("<br>", lines.Skip(1).Select(e))}</p>""").Append('\n');
        }
        html.Append($"""<p style="color: #555; font-size: 0.9em">{e(why)}""");
        foreach (var kind in kinds) html.Append($"""<br><a href="{e(unsubscribe(kind))}">{e(Stop(kind))}</a>""");
        html.Append($"""
            <br>{e(change)} <a href="{e(settings)}">{e(en ? "notification settings" : "impostazioni di notifica")}</a>.</p>
            <p>Marketplace</p>
            </body></html>
            """);
        return new(subject, text.ToString(), html.ToString());
    }
}
