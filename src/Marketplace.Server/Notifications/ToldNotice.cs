using System.Globalization;
using Marketplace.Data.Notifications;
using Marketplace.Server.Mail;

namespace Marketplace.Server.Notifications;

/// <summary>
/// One notice as an e-mail tells it, read when it is sent (so it says what holds then): what its own e-mail is called
/// and opens with, the lines it shows (alone or in a digest's section of its kind) and the page it links to.
/// </summary>
public abstract record ToldNotice(NotificationKind Kind, string Link)
{
    public abstract string Subject(MailLanguage language);

    /// <summary>The sentence that opens its own e-mail, before its lines.</summary>
    public abstract string Lead(MailLanguage language);

    /// <summary>Its lines: the first is its title (the link's text), the rest say what to know and do.</summary>
    public abstract string[] Lines(MailLanguage language, TimeZoneInfo zone);

    /// <summary>A time as the e-mails write it, in the digest's time zone and the person's language.</summary>
    protected static string When(MailLanguage language, DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(language == MailLanguage.En ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy, 'ore' HH:mm",
            CultureInfo.GetCultureInfo(language == MailLanguage.En ? "en-GB" : "it-IT")) + $" ({zone.Id})";
}

/// <summary>What the e-mails call each kind: a digest's section heading, and what its unsubscribe link stops.</summary>
public static class KindTexts
{
    public static string Heading(NotificationKind kind, MailLanguage language) => (kind, language == MailLanguage.En) switch
    {
        (NotificationKind.NewTender, true) => "New tenders for your firms",
        (NotificationKind.NewTender, false) => "Nuovi bandi per le tue imprese",
        (NotificationKind.AllianceInvitation, true) => "Invitations to an alliance",
        (NotificationKind.AllianceInvitation, false) => "Inviti in un'alleanza",
        (NotificationKind.Award, true) => "Results of tenders your firms bid for",
        (NotificationKind.Award, false) => "Esiti delle gare in cui le tue imprese hanno presentato offerta",
        (NotificationKind.SignOff, true) => "Joint bids awaiting your firm's approval",
        (NotificationKind.SignOff, false) => "Offerte congiunte da approvare per la tua impresa",
        (NotificationKind.QuestionAnswered, true) => "Answers to your firms' questions",
        (NotificationKind.QuestionAnswered, false) => "Risposte ai quesiti delle tue imprese",
        (NotificationKind.SoccorsoIstruttorio, true) => "Requests to complete your firms' bids (soccorso istruttorio)",
        (NotificationKind.SoccorsoIstruttorio, false) => "Richieste di integrazione delle offerte delle tue imprese (soccorso istruttorio)",
        (NotificationKind.DeadlineNear, true) => "Bids closing soon that still lack approvals",
        (NotificationKind.DeadlineNear, false) => "Offerte in scadenza a cui mancano approvazioni",
        (NotificationKind.Mention, true) => "Messages that mention you in your alliances' conversations",
        (NotificationKind.Mention, false) => "Messaggi che ti menzionano nelle conversazioni delle tue alleanze",
        (NotificationKind.SpaceInvitation, true) => "Invitations to a space",
        (NotificationKind.SpaceInvitation, false) => "Inviti in uno spazio",
        (NotificationKind.Avvalimento, true) => "Reliances (avvalimento) awaiting your firm's commitment",
        (NotificationKind.Avvalimento, false) => "Avvalimenti che aspettano l'impegno della tua impresa",
        (NotificationKind.BoardPost, true) => "New partnership offers and requests",
        (NotificationKind.BoardPost, false) => "Nuove offerte e richieste di partnership",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a kind without its e-mail texts"),
    };

    /// <summary>The e-mails of a kind, completing "Stop …" / "Non ricevere più …".</summary>
    public static string About(NotificationKind kind, MailLanguage language) => (kind, language == MailLanguage.En) switch
    {
        (NotificationKind.NewTender, true) => "e-mails about new tenders",
        (NotificationKind.NewTender, false) => "e-mail sui nuovi bandi",
        (NotificationKind.AllianceInvitation, true) => "e-mails about invitations to an alliance",
        (NotificationKind.AllianceInvitation, false) => "e-mail sugli inviti in un'alleanza",
        (NotificationKind.Award, true) => "e-mails about the results of your bids",
        (NotificationKind.Award, false) => "e-mail sugli esiti delle tue offerte",
        (NotificationKind.SignOff, true) => "e-mails about approving joint bids",
        (NotificationKind.SignOff, false) => "e-mail sulle approvazioni delle offerte congiunte",
        (NotificationKind.QuestionAnswered, true) => "e-mails about answers to your firms' questions",
        (NotificationKind.QuestionAnswered, false) => "e-mail sulle risposte ai quesiti delle tue imprese",
        (NotificationKind.SoccorsoIstruttorio, true) => "e-mails about requests to complete your firms' bids",
        (NotificationKind.SoccorsoIstruttorio, false) => "e-mail sulle richieste di integrazione delle offerte delle tue imprese",
        (NotificationKind.DeadlineNear, true) => "e-mails about joint bids closing soon that still lack approvals",
        (NotificationKind.DeadlineNear, false) => "e-mail sulle offerte congiunte in scadenza a cui mancano approvazioni",
        (NotificationKind.Mention, true) => "e-mails about messages that mention you",
        (NotificationKind.Mention, false) => "e-mail sui messaggi che ti menzionano",
        (NotificationKind.SpaceInvitation, true) => "e-mails about invitations to a space",
        (NotificationKind.SpaceInvitation, false) => "e-mail sugli inviti in uno spazio",
        (NotificationKind.Avvalimento, true) => "e-mails about reliances (avvalimento) to confirm",
        (NotificationKind.Avvalimento, false) => "e-mail sugli avvalimenti da confermare",
        (NotificationKind.BoardPost, true) => "e-mails about new partnership offers and requests",
        (NotificationKind.BoardPost, false) => "e-mail sulle nuove offerte e richieste di partnership",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a kind without its e-mail texts"),
    };
}
