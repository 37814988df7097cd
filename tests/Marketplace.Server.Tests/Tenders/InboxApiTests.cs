using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class InboxApiTestsOnSqlite(ClockedSqliteHost fixture) : InboxApiTests<ClockedSqliteHost>(fixture);

public sealed class InboxApiTestsOnPostgres(ClockedPostgresHost fixture) : InboxApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// A firm's inbox as its people see it: kept in the firm's read cache and the person's read time kept in memory, yet
/// every change shows on the very next read, and nobody else reads it.
/// </summary>
public abstract class InboxApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    Task<TenderWorld> World() => TenderWorld.Create(fixture.Host, fixture.Clock);

    static async Task<InboxItemDto[]> Inbox(HttpClient person, Guid firmId) =>
        (await person.GetFromJsonAsync<InboxItemDto[]>($"/api/businesses/{firmId}/inbox", Json))!;

    [Fact]
    public async Task Marking_the_inbox_read_shows_on_the_next_read()
    {
        var w = await World();
        var tender = await w.Publish();
        (await Inbox(w.Builder, w.BuilderId)).Should().ContainSingle(i => i.TenderId == tender.Id).Which.Unread.Should().BeTrue();

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        (await w.Builder.PostAsync("/api/inbox/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Inbox(w.Builder, w.BuilderId)).Should().ContainSingle(i => i.TenderId == tender.Id)
            .Which.Unread.Should().BeFalse("the person read their inbox after the notice came");
    }

    [Fact]
    public async Task A_newly_published_matching_tender_shows_unread_on_the_next_read()
    {
        var w = await World();
        var first = await w.Publish();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        (await w.Builder.PostAsync("/api/inbox/read", null)).EnsureSuccessStatusCode();
        (await Inbox(w.Builder, w.BuilderId)).Should().ContainSingle().Which.Unread.Should().BeFalse();

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await w.Publish();

        (await Inbox(w.Builder, w.BuilderId)).Select(i => (i.TenderId, i.Unread)).Should()
            .Equal([(second.Id, true), (first.Id, false)], "the newest first, unread only what came after the person's last read");
    }

    [Fact]
    public async Task Only_the_firms_people_read_its_inbox()
    {
        var w = await World();
        await w.Publish();
        (await Inbox(w.Builder, w.BuilderId)).Should().ContainSingle("the firm's own person reads it, and it is cached now");

        foreach (var other in new[] { w.Coder, w.Outsider, w.Buyer })
        {
            var refused = await other.GetAsync($"/api/businesses/{w.BuilderId}/inbox");
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await refused.Refusal()).Code.Should().Be("inbox.notTheFirms");
        }
        (await w.Anonymous.GetAsync($"/api/businesses/{w.BuilderId}/inbox")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
