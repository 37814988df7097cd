using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data.Notifications;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class MentionMailTestsOnSqlite(SqliteNotificationHost fixture) : MentionMailTests<SqliteNotificationHost>(fixture);

public sealed class MentionMailTestsOnPostgres(PostgresNotificationHost fixture) : MentionMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// A person mentioned in an alliance's conversation is told by e-mail, in their language, quoting the messages: the
/// mentions of one alliance due together in one e-mail; none for a message they read on the conversation's page first,
/// none when they turned the kind off, and none once they no longer read the conversation.
/// </summary>
public abstract class MentionMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    static bool IsMention(string subject) => subject.Contains("menzionato", StringComparison.Ordinal) || subject.Contains("mentioned", StringComparison.Ordinal);

    async Task<MimeMessage> MentionTo(string address)
    {
        for (var count = 1; ; count++)
            if ((await fixture.Inbox.To(address, count)).FirstOrDefault(m => m.Subject is { } s && IsMention(s)) is { } found)
                return found;
    }

    async Task<List<string>> Mentions(HttpClient person) => [.. (await fixture.Outboxed(await NotificationHost.EmailOf(person))).Where(IsMention)];

    static async Task<Guid> IdOf(HttpClient person) => (await person.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!.Id;

    static async Task Write(HttpClient client, Guid allianceId, string text, params Guid[] mentions) =>
        (await client.PostAsJsonAsync($"/api/alliances/{allianceId}/messages", new PostMessageRequest(null, null, text, mentions), Json)).EnsureSuccessStatusCode();

    [Fact]
    public async Task A_mention_in_an_answer_s_thread_names_the_criterion_it_answers_and_never_the_answer()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var english = host.Browser();
        await w.Coder.Join(w.CoderId, english, await english.SignUp("english"), BusinessRole.Manager);
        (await NotificationHost.Choose(english, NotificationMode.Immediately, "en-GB", NotificationKind.Mention)).EnsureSuccessStatusCode();
        var tender = await w.Publish();
        var alliance = await w.FormRti(tender.Id);
        var quality = tender.Criteria.Single(c => c.Kind == Marketplace.Tenders.CriterionKind.Quality).Number;
        w.PassTo(tender.EnquiryDeadline);
        (await w.Builder.PutAsJsonAsync($"/api/alliances/{alliance}/bid/answers/{quality}", new SaveAnswerRequest(0, "Testo riservato della risposta"), Json))
            .EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();

        (await w.Builder.PostAsJsonAsync($"/api/alliances/{alliance}/messages",
            new PostMessageRequest(null, null, "@Persona verdi @Persona english rileggete?", [await IdOf(w.Coder), await IdOf(english)], quality), Json)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();

        var italian = await MentionTo(await NotificationHost.EmailOf(w.Coder));
        italian.TextBody.Should().Contain("Persona rossi (Rossi Costruzioni), ").And.Contain(", sulla risposta a «Qualità tecnica»:")
            .And.Contain("«@Persona verdi @Persona english rileggete?»").And.NotContain("Testo riservato");
        (await MentionTo(await NotificationHost.EmailOf(english))).TextBody.Should().Contain(", on the answer to «Qualità tecnica»:").And.NotContain("Testo riservato");
    }

    [Fact]
    public async Task The_partners_mentioned_are_told_once_in_their_language_unless_they_read_it_first_or_turned_it_off()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var (english, reader, quiet) = (host.Browser(), host.Browser(), host.Browser());
        await w.Coder.Join(w.CoderId, english, await english.SignUp("english"), BusinessRole.Manager);
        await w.Coder.Join(w.CoderId, reader, await reader.SignUp("reader"), BusinessRole.Manager);
        await w.Coder.Join(w.CoderId, quiet, await quiet.SignUp("quiet"), BusinessRole.Manager);
        (await NotificationHost.Choose(english, NotificationMode.Immediately, "en-GB", NotificationKind.Mention)).EnsureSuccessStatusCode();
        (await NotificationHost.Choose(quiet, NotificationMode.Off, "it-IT", NotificationKind.Mention)).EnsureSuccessStatusCode();
        var tender = await w.Publish();
        var alliance = await w.FormRti(tender.Id);
        fixture.Wait();
        await fixture.SendNotices(); // the tender's and the invitation's e-mails go first: what follows is the mentions' alone
        var (coder, englishId, readerId, quietId) = (await IdOf(w.Coder), await IdOf(english), await IdOf(reader), await IdOf(quiet));

        await Write(w.Builder, alliance, "@Persona verdi @Persona english @Persona reader @Persona quiet: il sopralluogo è lunedì alle 9.\nPortate i DPI.",
            coder, englishId, readerId, quietId);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await Write(w.Builder, alliance, "@Persona verdi porti tu i disegni della rete?", coder);
        (await reader.GetAsync($"/api/alliances/{alliance}/messages")).EnsureSuccessStatusCode(); // read on the page before any e-mail
        await fixture.SendNotices();
        (await Mentions(w.Coder)).Should().BeEmpty("an immediate notice waits a few minutes for the person to see it live");
        fixture.Wait();
        await fixture.SendNotices();

        var owner = await MentionTo(await NotificationHost.EmailOf(w.Coder));
        owner.Subject.Should().Be("Ti hanno menzionato in 2 messaggi della conversazione di «RTI Rodari»");
        owner.TextBody.Should().Contain("alcuni messaggi nella conversazione di un'alleanza di Verdi Informatica ti menzionano:")
            .And.Contain("Persona rossi (Rossi Costruzioni), ")
            .And.Contain("«@Persona verdi @Persona english @Persona reader @Persona quiet: il sopralluogo è lunedì alle 9. Portate i DPI.»")
            .And.Contain("«@Persona verdi porti tu i disegni della rete?»")
            .And.Contain("Rispondi nella conversazione: la leggono solo le persone delle imprese dell'alleanza.")
            .And.Contain($"https://marketplace.test/#/alliances/{alliance}/conversation")
            .And.Contain("Non ricevere più e-mail sui messaggi che ti menzionano:\nhttps://marketplace.test/#/unsubscribe?token=");
        var inEnglish = await MentionTo(await NotificationHost.EmailOf(english));
        inEnglish.Subject.Should().Be("Persona rossi mentioned you in the conversation of «RTI Rodari»");
        inEnglish.TextBody.Should().Contain("a message in the conversation of an alliance of Verdi Informatica mentions you:")
            .And.NotContain("disegni", "the second message does not mention this person");

        (await Mentions(w.Coder)).Should().ContainSingle("the mentions of one alliance due together go in one e-mail");
        (await Mentions(reader)).Should().BeEmpty("this person read the message on the conversation's page first");
        (await Mentions(quiet)).Should().BeEmpty("this person turned these e-mails off");
        (await Mentions(w.Builder)).Should().BeEmpty("the author is told nothing of their own message");
        (await Mentions(w.Outsider)).Should().BeEmpty();
        (await host.Query(db => db.Notices.CountAsync(n => n.AllianceId == alliance && n.Kind == NotificationKind.Mention && n.DoneAt == null))).Should().Be(0);
    }

    [Fact]
    public async Task A_person_whose_firm_left_the_alliance_before_the_e_mail_went_is_not_told_what_it_said()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var tender = await w.Publish();
        var alliance = await w.FormRti(tender.Id);
        fixture.Wait();
        await fixture.SendNotices();

        await Write(w.Builder, alliance, "@Persona verdi il prezzo riservato è 812.000", await IdOf(w.Coder));
        (await w.Coder.PostAsync($"/api/alliances/{alliance}/firms/{w.CoderId}/leave", null)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();

        (await Mentions(w.Coder)).Should().BeEmpty("who no longer reads the conversation is not told what is said in it");
        (await host.Query(db => db.Notices.CountAsync(n => n.AllianceId == alliance && n.Kind == NotificationKind.Mention && n.DoneAt == null))).Should().Be(0);
    }
}
