using Marketplace.Data.Notifications;
using Marketplace.Server.Mail;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Notifications.Kinds;

/// <summary>One answered question as the tender's page shows it: its number, the question and the buyer's answer.</summary>
public sealed record AnsweredQuestion(int Number, string Question, string Answer);

/// <summary>
/// The buyer's answers to questions a firm asked about a tender, as an e-mail tells them: the question and the answer in
/// the words of the tender's page, which shows them to everyone without saying who asked; the link opens that page.
/// </summary>
public sealed record AnswerNotice(string Firm, string Title, IReadOnlyList<AnsweredQuestion> Answers, string Link)
    : ToldNotice(NotificationKind.QuestionAnswered, Link)
{
    public override string Subject(MailLanguage language) => language == MailLanguage.En
        ? $"The buyer answered {(Answers.Count == 1 ? "the question" : "the questions")} of {Firm} about «{Title}»"
        : $"Il committente ha risposto {(Answers.Count == 1 ? "al quesito" : "ai quesiti")} di {Firm} su «{Title}»";

    public override string Lead(MailLanguage language) => language == MailLanguage.En
        ? $"the buyer answered {(Answers.Count == 1 ? "a question" : "questions")} that {Firm} asked about a tender:"
        : $"il committente ha risposto {(Answers.Count == 1 ? "a un quesito" : "a dei quesiti")} che {Firm} ha posto su una gara:";

    public override string[] Lines(MailLanguage language, TimeZoneInfo zone)
    {
        var en = language == MailLanguage.En;
        return
        [
            $"«{Title}»",
            .. Answers.SelectMany(a => new[]
            {
                en ? $"Question {a.Number}: {a.Question}" : $"Quesito {a.Number}: {a.Question}",
                en ? $"Answer: {a.Answer}" : $"Risposta: {a.Answer}",
            }),
            en ? "Questions and answers are public on the tender's page; who asked is never shown."
               : "Quesiti e risposte sono pubblici sulla pagina della gara; chi li ha posti non è mai indicato.",
        ];
    }
}

/// <summary>
/// Reads the answer notices from the tender's page as the person sees it now (<see cref="NoticeReading.TenderPage"/>):
/// the answers of one tender given before the e-mail goes are told together. Stale, with no e-mail: the person no
/// longer acts for the firm that asked, or the page does not show them the answer.
/// </summary>
internal static class AnswerNotices
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
            if ((await reading.TenderPage(tender.Key)).Tender is not { } t) continue;
            foreach (var firm in tender.GroupBy(n => n.BusinessId))
            {
                var answers = firm.Select(n => n.Number!.Value).Distinct().Order()
                    .Select(number => t.Questions.FirstOrDefault(q => q.Number == number && q.AskerFirmId == firm.Key))
                    .Where(q => q is { Answer: not null })
                    .Select(q => new AnsweredQuestion(q!.Number, q.Text, q.Answer!))
                    .ToList();
                if (answers.Count == 0) continue;
                told[firm.First().Id] = new AnswerNotice(names.GetValueOrDefault(firm.Key, ""), t.Details.Title, answers, reading.Site.Page($"tenders/{t.Id}"));
            }
        }
        return told;
    }
}
