using System.Net;
using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Spaces;

public sealed class SpaceDashboardChangeTestsOnSqlite(ClockedSqliteHost fixture) : SpaceDashboardChangeTests<ClockedSqliteHost>(fixture);

public sealed class SpaceDashboardChangeTestsOnPostgres(ClockedPostgresHost fixture) : SpaceDashboardChangeTests<ClockedPostgresHost>(fixture);

/// <summary>
/// "What changed since your last check": each admin of a space marks when they checked its dashboard and reads what
/// moved since, counted as the outcomes count; nobody else reads or marks anything.
/// </summary>
public abstract class SpaceDashboardChangeTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    static async Task<DashboardChangesDto> Changes(HttpClient admin, Guid spaceId) =>
        (await admin.GetFromJsonAsync<DashboardChangesDto>($"/api/spaces/{spaceId}/dashboard/changes", Json))!;

    static Task<HttpResponseMessage> Check(HttpClient client, Guid spaceId, DateTimeOffset until) =>
        client.PostAsJsonAsync($"/api/spaces/{spaceId}/dashboard/checks", new CheckDashboardRequest(until), Json);

    [Fact]
    public async Task Each_admin_reads_what_moved_since_their_own_last_check_and_the_targets_reached_meanwhile()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var moderator = w.Host.Browser();
        var moderatorEmail = await moderator.SignUp("moderatore");
        (await w.Admin.PostAsJsonAsync($"/api/spaces/{w.SpaceId}/moderators", new ModeratorRequest(moderatorEmail), Json)).EnsureSuccessStatusCode();

        // A window runs from its start to just before its end: what happens at the very moment of a check is the next one's news.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        // Before a first check, everything since the space opened is news: its two member firms.
        var first = await Changes(w.Admin, w.SpaceId);
        first.Should().BeEquivalentTo(new { LastCheck = (DateTimeOffset?)null, Joined = 2, Left = 0, AlliancesFormed = 0, JointBids = 0 },
            o => o.ExcludingMissingMembers());
        var checkedAt = first.Until;
        var afterCheck = await (await Check(w.Admin, w.SpaceId, checkedAt)).Read<DashboardChangesDto>();
        afterCheck.Should().BeEquivalentTo(new { LastCheck = checkedAt, Joined = 0, AlliancesFormed = 0, TargetsReached = Array.Empty<object>() },
            o => o.ExcludingMissingMembers());

        (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/targets", new SetTargetsRequest(Quarter.Of(w.Now).ToString(),
            [new(OutcomeMeasure.AlliancesFormed, 1), new(OutcomeMeasure.JointBids, 1)]), Json)).EnsureSuccessStatusCode();
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var tender = await w.Publish(disclosesBidCount: true);
        await w.FormRti(tender.Id);
        await w.Admin.Admit(w.SpaceId, w.Outsider, w.OutsiderId);
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var moved = await Changes(w.Admin, w.SpaceId);
        moved.Should().BeEquivalentTo(new
        {
            LastCheck = checkedAt, Joined = 1, Left = 0, AlliancesFormed = 1, JointBids = 0,
            TargetsReached = new[] { new OutcomeTargetDto(OutcomeMeasure.AlliancesFormed, 1) },
        }, o => o.ExcludingMissingMembers());
        // The moderator never checked: for them it is all news since the space opened.
        (await Changes(moderator, w.SpaceId)).Should().BeEquivalentTo(new { LastCheck = (DateTimeOffset?)null, Joined = 3, AlliancesFormed = 1 },
            o => o.ExcludingMissingMembers());

        // An older tab marking an earlier moment moves nothing back; a moment still to come is refused naming the field.
        (await (await Check(w.Admin, w.SpaceId, checkedAt.AddMinutes(-1))).Read<DashboardChangesDto>()).LastCheck.Should().Be(checkedAt);
        (await (await Check(w.Admin, w.SpaceId, w.Now.AddMinutes(1))).Refusal()).FieldCodes
            .Should().BeEquivalentTo(new Dictionary<string, string[]> { ["until"] = ["dashboard.checkAhead"] });
        (await Changes(w.Admin, w.SpaceId)).LastCheck.Should().Be(checkedAt, "a refused check stores nothing");
        (await Check(w.Admin, w.SpaceId, moved.Until)).EnsureSuccessStatusCode();
        (await Changes(w.Admin, w.SpaceId)).Should().BeEquivalentTo(new { LastCheck = moved.Until, Joined = 0, AlliancesFormed = 0, TargetsReached = Array.Empty<object>() },
            o => o.ExcludingMissingMembers());
    }

    [Fact]
    public async Task Only_the_space_s_admins_read_and_mark_its_changes_not_another_space_s_admins_its_firms_or_its_buyer()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var other = await TenderWorld.Create(fixture.Host, fixture.Clock);
        foreach (var client in new[] { other.Admin, w.Builder, w.Buyer, w.Outsider })
        {
            (await client.GetAsync($"/api/spaces/{w.SpaceId}/dashboard/changes")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await Check(client, w.SpaceId, w.Now)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        (await w.Anonymous.GetAsync($"/api/spaces/{w.SpaceId}/dashboard/changes")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Check(w.Anonymous, w.SpaceId, w.Now)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Check(w.Admin, Guid.NewGuid(), w.Now)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        // Another space's admin marking this space stores nothing for anyone, nor for their own space.
        (await Changes(other.Admin, other.SpaceId)).LastCheck.Should().BeNull();
        (await Changes(w.Admin, w.SpaceId)).LastCheck.Should().BeNull();
    }
}
