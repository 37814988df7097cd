using System.Globalization;
using System.Net.Http.Json;
using Marketplace.Board;
using Marketplace.Businesses;
using Marketplace.Data.Notifications;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class BoardPostMailTestsOnSqlite(SqliteNotificationHost fixture) : BoardPostMailTests<SqliteNotificationHost>(fixture);

public sealed class BoardPostMailTestsOnPostgres(PostgresNotificationHost fixture) : BoardPostMailTests<PostgresNotificationHost>(fixture);

/// <summary>
/// A partnership offer or request that comes onto a space's board is e-mailed to the people of the member firms it
/// matches, in their language, saying what the board shows: never to the poster, a firm it does not match, a firm a
/// block stands between with the poster, nor a firm of another space; a post hidden before the e-mail goes is told to
/// nobody, and one waiting for approval only once approved. In the tender world the IT firm (CPV 72) looks for a builder
/// (CPV 45): the builder matches.
/// </summary>
public abstract class BoardPostMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : NotificationHost
{
    readonly MarketplaceHost host = fixture.Host;

    static DateOnly Day(TenderWorld w, int days) => BoardRules.Today(w.Now).AddDays(days);

    /// <summary>The IT firm looks for a builder in Bologna for 10 days.</summary>
    static PublishPostRequest Request(TenderWorld w, string title = "Cerchiamo un'impresa edile per la nuova sede") =>
        new(w.CoderId, PostKind.Request, title, "Ristrutturazione di un piano di uffici, da giugno: cerchiamo chi esegue le opere murarie.",
            ["45210000"], "037006", new MoneyDto(120_000m, "EUR"), Day(w, 10), null);

    static async Task<Guid> Publish(TenderWorld w, PublishPostRequest? request = null)
    {
        var response = await w.Coder.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/posts", request ?? Request(w), Json);
        response.EnsureSuccessStatusCode();
        return (await response.Read<PostDto>()).Post.Id;
    }

    static Task<HttpResponseMessage> Moderate(HttpClient admin, Guid postId, ModerationAction action, string? reason = null) =>
        admin.PostAsJsonAsync($"/api/posts/{postId}/moderation", new ModeratePostRequest(action, reason), Json);

    static async Task PostsNeedApproval(TenderWorld w)
    {
        var space = (await w.Admin.GetFromJsonAsync<SpaceDetailDto>($"/api/spaces/{w.SpaceId}", Json))!;
        (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/settings", new EditSpaceSettingsRequest(space.Version, space.Summary.Name, space.Summary.Description,
            space.TerritoryComuni, space.TerritoryProvinces, space.Summary.Visibility, PostsNeedApproval: true), Json)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_matching_firm_s_people_get_one_e_mail_in_their_language_and_the_poster_others_blocked_firms_and_other_spaces_none()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var manager = host.Browser();
        await w.Builder.Join(w.BuilderId, manager, await manager.SignUp("manager"), BusinessRole.Manager);
        (await NotificationHost.Choose(manager, NotificationMode.Immediately, "en-GB", NotificationKind.BoardPost)).EnsureSuccessStatusCode();
        var (cleaner, _) = await w.MemberFirm("Bianchi Pulizie", "90910000");
        var (blockedByPoster, blockedId) = await w.MemberFirm("Gialli Costruzioni", "45210000");
        var (blocker, blockerId) = await w.MemberFirm("Blu Costruzioni", "45210000");
        (await w.Coder.PutAsync($"/api/businesses/{w.CoderId}/blocks/{blockedId}", null)).EnsureSuccessStatusCode();
        (await blocker.PutAsync($"/api/businesses/{blockerId}/blocks/{w.CoderId}", null)).EnsureSuccessStatusCode();
        var elsewhere = await TenderWorld.Create(host, fixture.Clock);

        var postId = await Publish(w);
        fixture.Wait();
        await fixture.SendNotices();

        var lastDay = Day(w, 10);
        var builder = await fixture.NotificationTo(await NotificationHost.EmailOf(w.Builder));
        builder.Subject.Should().Be("Verdi Informatica cerca un partner: Cerchiamo un'impresa edile per la nuova sede");
        builder.TextBody.Should().Contain("nella bacheca dello spazio Spazio Gare c'è un annuncio che corrisponde alle competenze di Rossi Costruzioni:")
            .And.Contain("«Cerchiamo un'impresa edile per la nuova sede»")
            .And.Contain("Cerchiamo un partner, da Verdi Informatica, a Bologna (BO). CPV: 45210000-")
            .And.Contain($"In bacheca fino al {lastDay.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("it-IT"))}")
            .And.Contain($"https://marketplace.test/#/spaces/{w.SpaceId}/board?post={postId}")
            .And.Contain("Non ricevere più e-mail sulle nuove offerte e richieste di partnership:\nhttps://marketplace.test/#/unsubscribe?token=")
            .And.NotContain("Ristrutturazione di un piano", "the e-mail says what the board lists, not the post's whole text")
            .And.NotContain("120.000", "nor its value");
        var inEnglish = await fixture.NotificationTo(await NotificationHost.EmailOf(manager));
        inEnglish.Subject.Should().Be("Verdi Informatica looks for a partner: Cerchiamo un'impresa edile per la nuova sede");
        inEnglish.TextBody.Should().Contain("Looking for a partner, by Verdi Informatica, in Bologna (BO).")
            .And.Contain($"On the board until {lastDay.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");

        foreach (var (who, client) in new[] { ("the poster", w.Coder), ("a firm the post does not match", cleaner), ("a firm the poster blocked", blockedByPoster),
            ("a firm that blocked the poster", blocker), ("a matching firm outside the space", w.Outsider), ("a matching firm of another space", elsewhere.Builder),
            ("the space's admin", w.Admin) })
            (await fixture.Outboxed(await NotificationHost.EmailOf(client))).Should().BeEmpty(who + " is not told");

        await fixture.SendNotices();
        (await fixture.Outboxed(await NotificationHost.EmailOf(w.Builder))).Should().ContainSingle("a post is told once");
    }

    [Fact]
    public async Task A_post_waiting_for_approval_is_told_once_approved_and_once_only_and_a_post_hidden_before_the_e_mail_goes_to_nobody()
    {
        var w = await TenderWorld.Create(host, fixture.Clock);
        var builder = await NotificationHost.EmailOf(w.Builder);
        await PostsNeedApproval(w);

        var postId = await Publish(w);
        fixture.Wait();
        await fixture.SendNotices();
        (await fixture.Outboxed(builder)).Should().BeEmpty("a post waiting for approval is not on the board");

        (await Moderate(w.Admin, postId, ModerationAction.Approve)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();
        (await fixture.NotificationTo(builder)).Subject.Should().Be("Verdi Informatica cerca un partner: Cerchiamo un'impresa edile per la nuova sede");

        // Changed, it waits for approval again; approved again, it is the same post, told already.
        var post = (await w.Coder.GetFromJsonAsync<PostDto>($"/api/posts/{postId}", Json))!;
        var edited = Request(w, "Cerchiamo un'impresa edile per la sede di Bologna");
        (await w.Coder.PutAsJsonAsync($"/api/posts/{postId}", new EditPostRequest(post.Version, edited.Kind, edited.Title, edited.Text, edited.Cpv,
            edited.ComuneCode, edited.Value, edited.ExpiresOn, null), Json)).EnsureSuccessStatusCode();
        (await Moderate(w.Admin, postId, ModerationAction.Approve)).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();
        (await fixture.Outboxed(builder)).Should().ContainSingle("a post is told once, however often it is approved");

        var hidden = await Publish(w, Request(w, "Cerchiamo muratori per un cantiere urgente"));
        (await Moderate(w.Admin, hidden, ModerationAction.Approve)).EnsureSuccessStatusCode();
        (await Moderate(w.Admin, hidden, ModerationAction.Hide, "Annuncio duplicato")).EnsureSuccessStatusCode();
        fixture.Wait();
        await fixture.SendNotices();
        (await fixture.Outboxed(builder)).Should().ContainSingle("the post hidden before the e-mail would go is told to nobody");
        (await host.Query(db => db.Notices.CountAsync(n => n.PostId == hidden && n.DoneAt == null)))
            .Should().Be(0, "the stale notice is done with, not kept to be sent later");
    }

    [Fact]
    public async Task The_daily_digest_includes_the_post()
    {
        // An hour after a digest time, so that the next one is a day away whatever the hour the test runs.
        fixture.Clock.SetUtcNow(fixture.Options.DigestAfter(fixture.Clock.GetUtcNow()) + TimeSpan.FromHours(1));
        var w = await TenderWorld.Create(host, fixture.Clock);
        var builder = await NotificationHost.EmailOf(w.Builder);
        (await NotificationHost.Choose(w.Builder, NotificationMode.DailyDigest, "it-IT", NotificationKind.BoardPost)).EnsureSuccessStatusCode();

        var postId = await Publish(w);
        fixture.Wait();
        await fixture.SendNotices();
        (await fixture.Outboxed(builder)).Should().BeEmpty("digest notices wait for the digest time");
        await fixture.SendDigests(w.Now);

        var digest = await fixture.NotificationTo(builder);
        digest.Subject.Should().Be("Marketplace oggi: 1 novità");
        digest.TextBody.Should().Contain("== Nuove offerte e richieste di partnership ==\n\n«Cerchiamo un'impresa edile per la nuova sede»")
            .And.Contain($"https://marketplace.test/#/spaces/{w.SpaceId}/board?post={postId}");
    }
}
