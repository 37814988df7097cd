using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data.Notifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class AnswerMailTestsOnSqlite(SqliteNotificationHost fixture) : AnswerMailTests<SqliteNotificationHost>(fixture);

public sealed class AnswerMailTestsOnPostgres(PostgresNotificationHost fixture) : AnswerMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// The people of the firm that asked a question about a tender are told by e-mail when the buyer answers it, with the
/// question and the answer as the tender's page shows them; the other firms are not, an answer is told once, and a
/// person who turned the kind off gets nothing.
/// </summary>
public abstract class AnswerMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    const string Title = "Riqualificazione scuola Rodari";

    /// <summary>The e-mail about answers on <see cref="Title"/> to <paramref name="address"/>, once it arrives (after its account and other e-mails).</summary>
    async Task<MimeMessage> AnswerTo(string address)
    {
        for (var count = 1; ; count++)
            if ((await fixture.Inbox.To(address, count)).FirstOrDefault(m => m.Subject is { } s && s.Contains($"«{Title}»") && IsAnswer(s)) is { } found)
                return found;
    }

    static bool IsAnswer(string subject) => subject.Contains("ha risposto", StringComparison.Ordinal) || subject.Contains("answered", StringComparison.Ordinal);

    async Task<List<string>> Answers(HttpClient person) => [.. (await fixture.Outboxed(await NotificationHost.EmailOf(person))).Where(IsAnswer)];

    static async Task Ask(HttpClient client, Guid tenderId, Guid firmId, string text) =>
        (await client.PostAsJsonAsync($"/api/tenders/{tenderId}/questions", new AskRequest(firmId, text), Json)).EnsureSuccessStatusCode();

    static Task<HttpResponseMessage> Answer(TenderWorld w, Guid tenderId, int number, string text) =>
        w.Buyer.PostAsJsonAsync($"/api/tenders/{tenderId}/questions/{number}/answer", new TextRequest(text), Json);

    [Fact]
    public async Task The_asking_firm_s_people_are_told_the_answer_once_and_the_other_firms_are_not()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var (manager, viewer, quiet) = (host.Browser(), host.Browser(), host.Browser());
        await w.Builder.Join(w.BuilderId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        await viewer.JoinAsViewer(w.Builder, w.BuilderId);
        await w.Builder.Join(w.BuilderId, quiet, await quiet.SignUp("quiet"), BusinessRole.Manager);
        (await NotificationHost.Choose(manager, NotificationMode.Immediately, "en-GB", NotificationKind.QuestionAnswered)).EnsureSuccessStatusCode();
        (await NotificationHost.Choose(quiet, NotificationMode.Off, "it-IT", NotificationKind.QuestionAnswered)).EnsureSuccessStatusCode();
        var tender = await w.Publish();
        await Ask(w.Builder, tender.Id, w.BuilderId, "È previsto un sopralluogo obbligatorio?");
        await Ask(w.Coder, tender.Id, w.CoderId, "Il subappalto è ammesso per il lotto 2?");
        fixture.Wait();
        await fixture.SendNotices(); // the new tender's e-mails go first: what follows is the answer's alone

        (await Answer(w, tender.Id, 1, "Sì, il lunedì mattina su appuntamento.")).EnsureSuccessStatusCode();
        (await Answer(w, tender.Id, 1, "Ripensandoci, no.")).StatusCode.Should().Be(HttpStatusCode.Conflict, "a question is answered once");
        await fixture.SendNotices();
        (await Answers(w.Builder)).Should().BeEmpty("an immediate notice waits a few minutes, as for the other kinds");
        fixture.Wait();
        await fixture.SendNotices();

        var owner = await AnswerTo(await NotificationHost.EmailOf(w.Builder));
        owner.Subject.Should().Be($"Il committente ha risposto al quesito di Rossi Costruzioni su «{Title}»");
        owner.TextBody.Should().Contain("il committente ha risposto a un quesito che Rossi Costruzioni ha posto su una gara:")
            .And.Contain("Quesito 1: È previsto un sopralluogo obbligatorio?\nRisposta: Sì, il lunedì mattina su appuntamento.")
            .And.Contain("Quesiti e risposte sono pubblici sulla pagina della gara; chi li ha posti non è mai indicato.")
            .And.Contain($"https://marketplace.test/#/tenders/{tender.Id}")
            .And.Contain("Non ricevere più e-mail sulle risposte ai quesiti delle tue imprese:\nhttps://marketplace.test/#/unsubscribe?token=")
            .And.NotContain("subappalto", "another firm's question is not this firm's news");
        var inEnglish = await AnswerTo(await NotificationHost.EmailOf(manager));
        inEnglish.Subject.Should().Be($"The buyer answered the question of Rossi Costruzioni about «{Title}»");
        inEnglish.TextBody.Should().Contain("Question 1: È previsto un sopralluogo obbligatorio?\nAnswer: Sì, il lunedì mattina su appuntamento.");
        (await AnswerTo(await NotificationHost.EmailOf(viewer))).Subject.Should().Contain("Rossi Costruzioni", "every person of the asking firm reads the page's answers");

        (await Answers(w.Builder)).Should().ContainSingle("the answer is told once, though the buyer tried to answer again");
        (await Answers(quiet)).Should().BeEmpty("this person turned these e-mails off");
        (await Answers(w.Coder)).Should().BeEmpty("the IT firm's question is not answered yet, and the builder's is none of its news");
        (await Answers(w.Outsider)).Should().BeEmpty();
        (await Answers(w.Buyer)).Should().BeEmpty();

        (await Answer(w, tender.Id, 2, "No, il subappalto non è ammesso.")).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();
        (await AnswerTo(await NotificationHost.EmailOf(w.Coder))).TextBody.Should().Contain("Quesito 2: Il subappalto è ammesso per il lotto 2?\nRisposta: No, il subappalto non è ammesso.")
            .And.NotContain("sopralluogo");
        (await Answers(w.Builder)).Should().ContainSingle("the builder asked only the first question");
        (await host.Query(db => db.Notices.CountAsync(n => n.TenderId == tender.Id && n.Kind == NotificationKind.QuestionAnswered && n.DoneAt == null))).Should().Be(0);
    }

    [Fact]
    public async Task A_person_who_left_the_firm_before_the_e_mail_went_is_not_told()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var leaving = host.Browser();
        await w.Builder.Join(w.BuilderId, leaving, await leaving.SignUp("leaving"), BusinessRole.Manager);
        var leavingId = (await leaving.GetFromJsonAsync<Marketplace.Server.Auth.MeDto>("/api/auth/me", Json))!.Id;
        var tender = await w.Publish();
        await Ask(w.Builder, tender.Id, w.BuilderId, "È previsto un sopralluogo obbligatorio?");
        fixture.Wait();
        await fixture.SendNotices();

        (await Answer(w, tender.Id, 1, "Sì, il lunedì mattina su appuntamento.")).EnsureSuccessStatusCode();
        (await w.Builder.DeleteAsync($"/api/businesses/{w.BuilderId}/members/{leavingId}")).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();

        (await AnswerTo(await NotificationHost.EmailOf(w.Builder))).Subject.Should().Contain("Rossi Costruzioni");
        (await Answers(leaving)).Should().BeEmpty("who no longer acts for the firm that asked is not told of its answers");
    }
}
