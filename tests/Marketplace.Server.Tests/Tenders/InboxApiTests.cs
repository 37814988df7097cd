using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
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
    public async Task Two_people_of_a_firm_read_its_one_cached_inbox_each_with_their_own_unread()
    {
        var w = await World();
        var tender = await w.Publish();
        var colleague = w.Host.Browser();
        var email = await colleague.SignUp("colleague");
        var invited = await w.Builder.PostAsJsonAsync($"/api/businesses/{w.BuilderId}/invitations", new InviteMemberRequest(email, BusinessRole.Viewer), Json);
        var invitation = await invited.Read<BusinessInvitationDto>();
        (await colleague.PostAsync($"/api/businesses/{w.BuilderId}/invitations/{invitation.Id}/accept", null)).EnsureSuccessStatusCode();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        (await w.Builder.PostAsync("/api/inbox/read", null)).EnsureSuccessStatusCode();

        (await Inbox(w.Builder, w.BuilderId)).Should().ContainSingle(i => i.TenderId == tender.Id).Which.Unread.Should().BeFalse();
        (await Inbox(colleague, w.BuilderId)).Should().ContainSingle(i => i.TenderId == tender.Id)
            .Which.Unread.Should().BeTrue("the colleague has not read the firm's inbox, whoever else has");
        (await Inbox(w.Builder, w.BuilderId)).Should().ContainSingle(i => i.TenderId == tender.Id)
            .Which.Unread.Should().BeFalse("the colleague's unread notice is theirs alone, not the cached inbox's");
    }

    [Fact]
    public async Task A_notice_names_the_lots_that_match_the_firm_and_follows_an_amendment()
    {
        var w = await World();
        var coder = (await w.Coder.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{w.CoderId}", Json))!;
        (await w.Coder.EditProfile(w.CoderId, EditOf(coder) with { Capabilities = ["72000000", "45311000"] })).EnsureSuccessStatusCode();
        var tender = await w.Publish();

        (await Inbox(w.Builder, w.BuilderId)).Should().ContainSingle().Which.Lots.Select(l => (l.Number, l.Title, l.ComuneName))
            .Should().Equal([(1, "Opere edili", "Bologna")], "the builder's 45210000 covers lot 1's 45214200, not lot 2's electrical works");
        (await Inbox(w.Coder, w.CoderId)).Should().ContainSingle().Which.Lots.Select(l => (l.Number, l.Title))
            .Should().Equal([(2, "Impianti elettrici")], "cabling (45311000) is in lot 2's class");

        var amended = tender.Lots.Select(l => new LotRequest(l.Number, l.Number == 1 ? "Opere edili e murarie" : l.Title, l.Description,
            l.Number == 2 ? ["45210000"] : [.. l.Cpv.Select(c => c.Code)], l.EstimatedValue, l.ComuneCode));
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/amendments", new AmendTenderRequest(tender.Version, "Lotto 2: opere edili",
            true, tender.Title, tender.Description, [.. amended], tender.Eligibility,
            [.. tender.Criteria.Select(c => new CriterionRequest(c.Number, c.Name, c.Kind, c.Weight))], tender.EnquiryDeadline,
            tender.SubmissionDeadline, tender.ContractStart, tender.ContractEnd, false, null), Json)).EnsureSuccessStatusCode();

        (await Inbox(w.Builder, w.BuilderId)).Single().Lots.Select(l => (l.Number, l.Title))
            .Should().Equal([(1, "Opere edili e murarie"), (2, "Impianti elettrici")], "the amended lots, as published now");
        (await Inbox(w.Coder, w.CoderId)).Single().Lots.Should().BeEmpty("no lot matches the IT firm any more; it keeps the notice it was given");
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
