using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.Notifications;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Notifications;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

/// <summary>
/// A server on a test clock that sends its e-mails to a real SMTP server of the test, with links on a fixed site
/// address. Its notice sender runs only when a test asks (its own poll is an hour away), so a test crosses the wait and
/// the digest time on the clock, then runs one round.
/// </summary>
public abstract class NotificationHost(DatabaseProvider provider) : IAsyncLifetime
{
    public SmtpInbox Inbox { get; } = new();
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public MarketplaceHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new MarketplaceHost(await TestDatabase.Create(provider), clock: Clock, settings: new Dictionary<string, string>(Inbox.Settings)
        {
            ["Mail:SiteAddress"] = "https://marketplace.test",
            ["Notifications:PollEvery"] = "01:00:00",
            // The test's clock stands still while it waits for an e-mail: a send that failed once (the machine under
            // load) is tried again at the next poll, not 30 s later on a clock that never gets there.
            ["Mail:FirstRetryDelay"] = "00:00:00",
            ["Mail:PollEvery"] = "00:00:01",
        });
        Host.StartServer();
    }

    /// <summary>One round of the notice sender, as the background loop runs it.</summary>
    public Task<int> SendNotices() => Host.Services.GetRequiredService<NoticeSender>().RunOnce(CancellationToken.None);

    public NotificationOptions Options => Host.Services.GetRequiredService<IOptions<NotificationOptions>>().Value;

    /// <summary>Moves the clock just past the first digest time after <paramref name="now"/> and runs one round: the digests go.</summary>
    public Task<int> SendDigests(DateTimeOffset now)
    {
        Clock.SetUtcNow(Options.DigestAfter(now) + TimeSpan.FromMinutes(1));
        return SendNotices();
    }

    /// <summary>Moves the clock past the wait of an "immediately" notice.</summary>
    public void Wait() => Clock.Advance(Options.WaitBeforeSending + TimeSpan.FromSeconds(1));

    public static async Task<string> EmailOf(HttpClient person) => (await person.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!.Email;

    /// <summary>The person chooses <paramref name="mode"/> for <paramref name="kinds"/> on a page in <paramref name="language"/>.</summary>
    public static Task<HttpResponseMessage> Choose(HttpClient person, NotificationMode mode, string language, params NotificationKind[] kinds) =>
        person.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/me/notifications")
        {
            Content = JsonContent.Create(new NotificationSettingsRequest([.. kinds.Select(k => new NotificationChoiceDto(k, mode))]), options: Json),
            Headers = { AcceptLanguage = { StringWithQualityHeaderValue.Parse(language) } },
        });

    /// <summary>The subjects of the notification e-mails written to <paramref name="to"/> (not its account e-mails).</summary>
    public Task<List<string>> Outboxed(string to) =>
        Host.Query(db => db.OutboxMessages.Where(m => m.To == to && m.Kind.StartsWith("notification.")).Select(m => m.Subject).ToListAsync());

    /// <summary>The notification e-mail to <paramref name="address"/> as the SMTP server received it, once it arrives (after its account e-mail).</summary>
    public async Task<MimeMessage> NotificationTo(string address)
    {
        for (var count = 1; ; count++)
            if ((await Inbox.To(address, count)).FirstOrDefault(m => m.Headers.Contains(HeaderId.ListUnsubscribe)) is { } found) return found;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Host.Database.DisposeAsync();
        await Inbox.DisposeAsync();
    }
}

public sealed class SqliteNotificationHost() : NotificationHost(DatabaseProvider.Sqlite);

public sealed class PostgresNotificationHost() : NotificationHost(DatabaseProvider.Postgres);

public sealed class NotificationMailTestsOnSqlite(SqliteNotificationHost fixture) : NotificationMailTests<SqliteNotificationHost>(fixture);

public sealed class NotificationMailTestsOnPostgres(PostgresNotificationHost fixture) : NotificationMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// Notification e-mails of a new matching tender: by each person's settings (off, immediately, daily digest), in their
/// language, naming the lots that matched; none for what the person saw live in their inbox; one click in the e-mail
/// turns the kind off without signing in, and a changed link changes nothing.
/// </summary>
public abstract class NotificationMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    Task<TenderWorld> World() => TenderWorld.Create(host, fixture.Clock);

    static Task<string> EmailOf(HttpClient person) => NotificationHost.EmailOf(person);

    static async Task<NotificationSettingsDto> Settings(HttpClient person) =>
        (await person.GetFromJsonAsync<NotificationSettingsDto>("/api/me/notifications", Json))!;

    static Task<HttpResponseMessage> Choose(HttpClient person, NotificationMode mode, string language = "it") =>
        NotificationHost.Choose(person, mode, language, NotificationKind.NewTender);

    Task<List<string>> Outboxed(string to) => fixture.Outboxed(to);

    Task<MimeMessage> NotificationTo(string address) => fixture.NotificationTo(address);

    void Wait() => fixture.Wait();

    [Fact]
    public async Task A_person_reads_and_changes_only_their_own_settings_and_a_bad_choice_changes_nothing()
    {
        var (giulia, marco, anonymous) = (host.Browser(), host.Browser(), host.CreateClient());
        await giulia.SignUp("giulia");
        await marco.SignUp("marco");

        (await Settings(giulia)).Choices.Should().Equal([new NotificationChoiceDto(NotificationKind.NewTender, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.AllianceInvitation, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.Award, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.SignOff, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.QuestionAnswered, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.SoccorsoIstruttorio, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.DeadlineNear, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.Mention, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.SpaceInvitation, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.Avvalimento, NotificationMode.Immediately),
            new NotificationChoiceDto(NotificationKind.BoardPost, NotificationMode.Immediately)],
            "every kind is told at once unless the person chooses otherwise");
        (await Choose(giulia, NotificationMode.DailyDigest)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Settings(giulia)).Choices.Single(c => c.Kind == NotificationKind.NewTender).Mode.Should().Be(NotificationMode.DailyDigest);
        (await Settings(marco)).Choices.Single(c => c.Kind == NotificationKind.NewTender).Mode.Should().Be(NotificationMode.Immediately, "one person's choice is theirs alone");

        var twice = await giulia.PutAsJsonAsync("/api/me/notifications", new NotificationSettingsRequest(
            [new(NotificationKind.NewTender, NotificationMode.Off), new(NotificationKind.NewTender, NotificationMode.Immediately)]), Json);
        twice.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await twice.Refusal()).FieldCodes["choices"].Should().Equal("notifications.kindTwice");
        var unknown = await giulia.PutAsync("/api/me/notifications", new StringContent("""{"choices":[{"kind":"NewTender","mode":"Sometimes"}]}""",
            System.Text.Encoding.UTF8, "application/json"));
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Settings(giulia)).Choices.Single(c => c.Kind == NotificationKind.NewTender).Mode.Should().Be(NotificationMode.DailyDigest, "a refused change stores nothing");

        (await anonymous.GetAsync("/api/me/notifications")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PutAsJsonAsync("/api/me/notifications", new NotificationSettingsRequest([new(NotificationKind.NewTender, NotificationMode.Off)]), Json))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task First_choices_made_at_the_same_moment_all_succeed_and_one_of_them_is_kept()
    {
        var giulia = host.Browser();
        await giulia.SignUp("giulia");
        NotificationMode[] modes = [NotificationMode.Off, NotificationMode.DailyDigest, NotificationMode.Off, NotificationMode.DailyDigest];

        var answers = await Task.WhenAll(modes.Select(m => Choose(giulia, m)));

        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK, "two tabs saving a first choice are not a server error");
        (await Settings(giulia)).Choices.Single(c => c.Kind == NotificationKind.NewTender).Mode.Should().BeOneOf(NotificationMode.Off, NotificationMode.DailyDigest);
    }

    [Fact]
    public async Task A_matching_tender_is_e_mailed_after_the_wait_in_the_person_s_language_naming_the_lot_that_matched()
    {
        var w = await World();
        (await Choose(w.Builder, NotificationMode.Immediately, "en-GB")).EnsureSuccessStatusCode();
        var (builder, coder, outsider) = (await EmailOf(w.Builder), await EmailOf(w.Coder), await EmailOf(w.Outsider));
        var tender = await w.Publish();

        await fixture.SendNotices();
        (await Outboxed(builder)).Should().BeEmpty("an immediate notice waits a few minutes first, in case the person sees it live");

        Wait();
        await fixture.SendNotices();

        var message = await NotificationTo(builder);
        message.Subject.Should().Be("New tender for Rossi Costruzioni: Riqualificazione scuola Rodari");
        message.TextBody.Should().Contain("Lots matching: lot 1 – Opere edili.").And.NotContain("Impianti elettrici",
            "the builder's trade matches the building lot only");
        message.TextBody.Should().Contain($"https://marketplace.test/#/tenders/{tender.Id}").And.Contain("https://marketplace.test/#/account");
        message.Headers[HeaderId.ListUnsubscribePost].Should().Be("List-Unsubscribe=One-Click");
        message.Headers[HeaderId.ListUnsubscribe].Should().StartWith("<https://marketplace.test/api/notifications/unsubscribe?token=");
        (await Outboxed(coder)).Should().BeEmpty("no lot matches the IT firm");
        (await Outboxed(outsider)).Should().BeEmpty("a firm outside the tender's spaces is never told");

        await fixture.SendNotices();
        (await Outboxed(builder)).Should().ContainSingle("a notice is e-mailed once");
    }

    [Fact]
    public async Task No_e_mail_for_a_tender_the_person_saw_in_their_inbox_during_the_wait_nor_for_a_kind_turned_off()
    {
        var w = await World();
        var (builder, viewer) = (await EmailOf(w.Builder), host.Browser());
        await w.Builder.Join(w.BuilderId, viewer, await viewer.SignUp("collega"), BusinessRole.Viewer);
        (await Choose(viewer, NotificationMode.Off)).EnsureSuccessStatusCode();
        await w.Publish();

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        (await w.Builder.PostAsync("/api/inbox/read", null)).EnsureSuccessStatusCode();
        Wait();
        await fixture.SendNotices();

        (await Outboxed(builder)).Should().BeEmpty("the builder opened the inbox after the tender came: they saw it live");
        (await Outboxed(await EmailOf(viewer))).Should().BeEmpty("the colleague turned new tenders off");
        (await host.Query(db => db.Notices.CountAsync(n => n.BusinessId == w.BuilderId && n.DoneAt == null))).Should().Be(0,
            "both notices are done with, not kept to be sent later");
    }

    [Fact]
    public async Task The_daily_digest_gathers_the_day_s_unseen_tenders_into_one_e_mail_and_sends_none_when_all_were_seen()
    {
        // An hour after a digest time, so that the next one is a day away whatever the hour the test runs.
        fixture.Clock.SetUtcNow(fixture.Options.DigestAfter(fixture.Clock.GetUtcNow()) + TimeSpan.FromHours(1));
        var w = await World();
        var builder = await EmailOf(w.Builder);
        (await Choose(w.Builder, NotificationMode.DailyDigest)).EnsureSuccessStatusCode();
        var first = await w.Publish();
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await w.Publish(request: w.Request() with { Title = "Manutenzione palestra comunale" });

        Wait();
        await fixture.SendNotices();
        (await Outboxed(builder)).Should().BeEmpty("digest notices wait for the digest time");

        fixture.Clock.SetUtcNow(fixture.Options.DigestAfter(w.Now) + TimeSpan.FromMinutes(1));
        await fixture.SendNotices();
        await fixture.SendNotices();

        var digest = await NotificationTo(builder);
        digest.Subject.Should().Be("Marketplace oggi: 2 novità");
        digest.TextBody.Should().Contain("«Riqualificazione scuola Rodari»").And.Contain("«Manutenzione palestra comunale»")
            .And.Contain($"https://marketplace.test/#/tenders/{first.Id}");
        (await Outboxed(builder)).Should().ContainSingle("one digest a day");

        await w.Publish(request: w.Request() with { Title = "Rifacimento tetto municipio" });
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        (await w.Builder.PostAsync("/api/inbox/read", null)).EnsureSuccessStatusCode();
        fixture.Clock.SetUtcNow(fixture.Options.DigestAfter(w.Now) + TimeSpan.FromMinutes(1));
        await fixture.SendNotices();
        (await Outboxed(builder)).Should().ContainSingle("the next day's only tender was seen in the inbox: no digest");
    }

    [Fact]
    public async Task The_e_mail_s_one_click_link_turns_new_tenders_off_for_its_person_only_and_a_changed_link_is_refused()
    {
        var w = await World();
        var builder = await EmailOf(w.Builder);
        await w.Publish();
        Wait();
        await fixture.SendNotices();
        var message = await NotificationTo(builder);
        var oneClick = new Uri(message.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>'));
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(oneClick.Query)["token"].ToString();
        MailLink.In(message, "unsubscribe").Query["token"].Should().Be(token, "the page the text links to turns off the same kind");

        var mailProgram = host.CreateClient();
        var forged = token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];
        var refused = await mailProgram.PostAsync($"/api/notifications/unsubscribe?token={Uri.EscapeDataString(forged)}",
            new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Refusal()).FieldCodes["token"].Should().Equal("notifications.badUnsubscribeLink");
        (await Settings(w.Builder)).Choices.Single(c => c.Kind == NotificationKind.NewTender).Mode.Should().Be(NotificationMode.Immediately, "a changed link changes nothing");

        var done = await mailProgram.PostAsync(oneClick.PathAndQuery, new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]));
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        (await done.Read<UnsubscribedDto>()).Kinds.Should().Equal(NotificationKind.NewTender);
        (await Settings(w.Builder)).Choices.Single(c => c.Kind == NotificationKind.NewTender).Mode.Should().Be(NotificationMode.Off);
        (await Settings(w.Coder)).Choices.Single(c => c.Kind == NotificationKind.NewTender).Mode.Should().Be(NotificationMode.Immediately, "the link turns off its own person's e-mails only");

        await w.Publish();
        Wait();
        await fixture.SendNotices();
        (await Outboxed(builder)).Should().ContainSingle("nothing more is sent once turned off");
    }
}
