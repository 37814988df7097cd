using Marketplace.Businesses;
using System.Net;

namespace Marketplace.Server.Mail;

/// <summary>The languages e-mails are written in: the web client's two.</summary>
public enum MailLanguage
{
    It,
    En,
}

/// <summary>One e-mail's words, before it is addressed: a subject, and a text and an HTML body that say the same.</summary>
public sealed record MailText(string Subject, string Text, string Html);

/// <summary>
/// The account and invitation e-mails in Italian and English. Each says who it is for, what the link does, how long it works and
/// what to do if the person did not ask for it; the link is on a line of its own in the text part.
/// </summary>
public static class MailTexts
{
    /// <summary>
    /// The language a request asks for: the first of Italian or English in its Accept-Language (the web client sends its
    /// own language there), Italian when it names neither.
    /// </summary>
    public static MailLanguage Of(HttpRequest? request)
    {
        if (request is null) return MailLanguage.It;
        foreach (var language in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("it", StringComparison.OrdinalIgnoreCase)) return MailLanguage.It;
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return MailLanguage.En;
        }
        return MailLanguage.It;
    }

    /// <summary>The language as the account row keeps it (<c>MarketplaceUser.Language</c>).</summary>
    public static string Code(MailLanguage language) => language == MailLanguage.En ? "en" : "it";

    /// <summary>The language an account row keeps, Italian when it keeps none.</summary>
    public static MailLanguage OfCode(string? code) => code == "en" ? MailLanguage.En : MailLanguage.It;

    public static MailText ConfirmAccount(MailLanguage language, string name, string link, TimeSpan lasts) => language switch
    {
        MailLanguage.En => Compose("Confirm your e-mail address for Marketplace", $"Hello {name},",
            "to confirm this e-mail address and start using Marketplace, open this link:", link,
            $"The link works for {Hours(lasts, language)}. If you did not create an account, ignore this message."),
        _ => Compose("Conferma il tuo indirizzo e-mail su Marketplace", $"Ciao {name},",
            "per confermare questo indirizzo e-mail e iniziare a usare Marketplace, apri questo link:", link,
            $"Il link vale {Hours(lasts, language)}. Se non hai creato tu l'account, ignora questo messaggio."),
    };

    public static MailText ConfirmNewAddress(MailLanguage language, string name, string link, TimeSpan lasts) => language switch
    {
        MailLanguage.En => Compose("Confirm your new e-mail address for Marketplace", $"Hello {name},",
            "you asked to sign in to Marketplace with this e-mail address from now on. To confirm it, open this link:", link,
            $"The link works for {Hours(lasts, language)}. Until then your account keeps its old address. If you did not ask for this, ignore this message."),
        _ => Compose("Conferma il nuovo indirizzo e-mail su Marketplace", $"Ciao {name},",
            "hai chiesto di accedere a Marketplace con questo indirizzo e-mail d'ora in poi. Per confermarlo, apri questo link:", link,
            $"Il link vale {Hours(lasts, language)}. Fino ad allora il tuo account resta con l'indirizzo di prima. Se non l'hai chiesto tu, ignora questo messaggio."),
    };

    public static MailText ResetPassword(MailLanguage language, string name, string link, TimeSpan lasts) => language switch
    {
        MailLanguage.En => Compose("Choose a new password for Marketplace", $"Hello {name},",
            "to choose a new password for your Marketplace account, open this link:", link,
            $"The link works for {Hours(lasts, language)} and once. If you did not ask for it, ignore this message: your password stays as it is."),
        _ => Compose("Scegli una nuova password per Marketplace", $"Ciao {name},",
            "per scegliere una nuova password per il tuo account Marketplace, apri questo link:", link,
            $"Il link vale {Hours(lasts, language)} e una volta sola. Se non l'hai chiesto tu, ignora questo messaggio: la tua password resta quella di prima."),
    };

    /// <summary>
    /// An invitation to act for a business, to an address with an account (<paramref name="hasAccount"/>: the link signs
    /// in) or without one (the link registers it). Only the invited address reads which; the subject is the same.
    /// </summary>
    public static MailText TeamInvitation(MailLanguage language, string inviter, string business, BusinessRole role, string link, bool hasAccount) => language switch
    {
        MailLanguage.En => Compose($"{inviter} invites you to {business} on Marketplace", "Hello,",
            $"{inviter} invites you to act for {business} on Marketplace, as {(role == BusinessRole.Manager ? "a Manager (you edit its profile and take part in its bids)" : "a Viewer (you read what it does)")}. "
            + (hasAccount ? "To answer, sign in with this e-mail address:" : "To answer, create your account with this e-mail address:"), link,
            (hasAccount ? "The invitation waits on your “To do” page." : "Once you have confirmed the address and signed in, the invitation waits on your “To do” page.")
            + " If you do not know who invites you, ignore this message."),
        _ => Compose($"{inviter} ti invita in {business} su Marketplace", "Ciao,",
            $"{inviter} ti invita ad agire per {business} su Marketplace, come {(role == BusinessRole.Manager ? "Gestore (modifichi il profilo e partecipi alle offerte)" : "Lettore (vedi quello che fa)")}. "
            + (hasAccount ? "Per rispondere, accedi con questo indirizzo e-mail:" : "Per rispondere, crea il tuo account con questo indirizzo e-mail:"), link,
            (hasAccount ? "L'invito ti aspetta nella pagina «Da fare»." : "Dopo aver confermato l'indirizzo ed effettuato l'accesso, l'invito ti aspetta nella pagina «Da fare».")
            + " Se non conosci chi ti invita, ignora questo messaggio."),
    };

    static string Hours(TimeSpan lasts, MailLanguage language)
    {
        var hours = Math.Max(1, (int)Math.Round(lasts.TotalHours));
        return language == MailLanguage.En ? (hours == 1 ? "1 hour" : $"{hours} hours") : (hours == 1 ? "1 ora" : $"{hours} ore");
    }

    static MailText Compose(string subject, string greeting, string lead, string link, string after)
    {
        var text = $"{greeting}\n\n{lead}\n\n{link}\n\n{after}\n\nMarketplace\n";
        static string e(string value) => WebUtility.HtmlEncode(value);
        var html = $"""
            <!DOCTYPE html>
            <html><body style="font-family: sans-serif; line-height: 1.5">
            <p>{e(greeting)}</p>
            <p>{e(lead)}</p>
            <p><a href="{e(link)}">{e(link)}</a></p>
            <p>{e(after)}</p>
            <p>Marketplace</p>
            </body></html>
            """;
        return new(subject, text, html);
    }
}
