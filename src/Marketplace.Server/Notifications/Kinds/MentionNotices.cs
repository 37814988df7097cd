using Marketplace.Alliances;
using Marketplace.Data;
using Marketplace.Data.Notifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Mail;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>
/// One message that mentions the person, as the conversation shows it: who wrote it, for which firm, when, and its text;
/// in an answer's thread, the quality criterion it answers (<see cref="Answer"/>, its name).
/// </summary>
public sealed record MentioningMessage(string Author, string Firm, DateTimeOffset At, string Text, string? Answer = null);

/// <summary>
/// The messages of an alliance's conversation that mention the person and that they have not read on its page, as an
/// e-mail tells them: the person reads that conversation (checked again when it is sent), so the e-mail quotes them;
/// the link opens the conversation.
/// </summary>
public sealed record MentionNotice(string Firm, string Alliance, IReadOnlyList<MentioningMessage> Messages, string Link)
    : ToldNotice(NotificationKind.Mention, Link)
{
    /// <summary>How much of a message an e-mail quotes; the conversation shows the rest.</summary>
    public const int Quoted = 300;

    public override string Subject(MailLanguage language) => (language == MailLanguage.En, Messages.Count == 1) switch
    {
        (true, true) => $"{Messages[0].Author} mentioned you in the conversation of «{Alliance}»",
        (true, false) => $"You were mentioned in {Messages.Count} messages of the conversation of «{Alliance}»",
        (false, true) => $"{Messages[0].Author} ti ha menzionato nella conversazione di «{Alliance}»",
        (false, false) => $"Ti hanno menzionato in {Messages.Count} messaggi della conversazione di «{Alliance}»",
    };

    public override string Lead(MailLanguage language) => (language == MailLanguage.En, Messages.Count == 1) switch
    {
        (true, true) => $"a message in the conversation of an alliance of {Firm} mentions you:",
        (true, false) => $"some messages in the conversation of an alliance of {Firm} mention you:",
        (false, true) => $"un messaggio nella conversazione di un'alleanza di {Firm} ti menziona:",
        (false, false) => $"alcuni messaggi nella conversazione di un'alleanza di {Firm} ti menzionano:",
    };

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        return
        [
            $"«{Alliance}»",
            .. Messages.SelectMany(m => new[] { $"{m.Author} ({m.Firm}), {When(language, m.At, zone)}{About(en, m.Answer)}:", $"«{Excerpt(m.Text)}»" }),
            en ? "Answer in the conversation: only the people of the alliance's firms read it."
               : "Rispondi nella conversazione: la leggono solo le persone delle imprese dell'alleanza.",
        ];
    }

    /// <summary>Where the message was written when it is an answer's thread: the criterion's name, never the answer itself.</summary>
    static string About(bool en, string? answer) => answer is null ? "" : en ? $", on the answer to «{answer}»" : $", sulla risposta a «{answer}»";

    static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= Quoted ? line : line[..Quoted].TrimEnd() + "…";
    }
}

/// <summary>
/// Reads the mention notices: the messages they tell of (each mention is told by its own notice, and the mentions of one
/// alliance due together go in one e-mail). Stale, with no e-mail: the person saw the message on the conversation's page
/// (live, or reading the thread) before it went, no longer acts for the firm through which they read it, or that firm
/// is no longer active in the alliance (they may not read the conversation any more).
/// </summary>
internal static class MentionNotices
{
    public static async Task<Dictionary<Guid, ToldNotice>> Read(NoticeReading reading, List<PendingNotice> notices, CancellationToken ct)
    {
        var db = reading.Db;
        var told = new Dictionary<Guid, ToldNotice>();
        var fresh = notices.Where(n => n.AllianceId is not null && reading.Roles.ContainsKey(n.BusinessId)).ToList();
        if (fresh.Count == 0) return told;
        var noticeIds = fresh.Select(n => (Guid?)n.Id).ToList();
        var unseen = await (
            from mention in db.ThreadMentions.AsNoTracking()
            join message in db.ThreadMessages.AsNoTracking() on mention.MessageId equals message.Id
            where noticeIds.Contains(mention.NoticeId) && mention.SeenAt == null
            orderby message.Seq
            select new { mention.NoticeId, message.AuthorId, message.FirmId, message.At, message.Text, message.Criterion }).ToListAsync(ct);
        var allianceIds = fresh.Select(n => n.AllianceId!.Value).Distinct().ToList();
        var active = await db.AllianceMembers.AsNoTracking().Where(m => allianceIds.Contains(m.AllianceId) && m.Standing == AllianceStanding.Active)
            .Select(m => new { m.AllianceId, m.FirmId }).ToListAsync(ct);
        var alliances = await db.Alliances.AsNoTracking().Where(a => allianceIds.Contains(a.AllianceId))
            .ToDictionaryAsync(a => a.AllianceId, a => new { a.Name, a.TenderId }, ct);
        var authors = await db.Users.AsNoTracking().PeopleOf(unseen.Select(m => m.AuthorId), ct);
        var names = await reading.FirmNames(fresh.Select(n => n.BusinessId).Concat(unseen.Select(m => m.FirmId)), ct);
        foreach (var alliance in fresh.GroupBy(n => n.AllianceId!.Value))
        {
            var readable = alliance.Where(n => active.Contains(new { AllianceId = alliance.Key, FirmId = n.BusinessId })).ToList();
            var ids = readable.Select(n => (Guid?)n.Id).ToHashSet();
            var found = unseen.Where(m => ids.Contains(m.NoticeId)).ToList();
            if (found.Count == 0 || !alliances.TryGetValue(alliance.Key, out var entry)) continue;
            var answers = found.Any(m => m.Criterion is not null) ? await ConversationDtos.AnswerNames(reading.Grains, entry.TenderId) : null;
            var messages = found.Select(m => new MentioningMessage(authors.NameOf(m.AuthorId), names.GetValueOrDefault(m.FirmId, ""), m.At, m.Text,
                m.Criterion is { } c ? answers?.GetValueOrDefault(c) : null)).ToList();
            told[readable[0].Id] = new MentionNotice(names.GetValueOrDefault(readable[0].BusinessId, ""), entry.Name, messages,
                reading.Site.Page($"alliances/{alliance.Key}/conversation"));
        }
        return told;
    }
}
