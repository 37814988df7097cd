using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

public sealed class SpaceHubTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    async Task<(HttpClient Admin, HubConnection AdminHub, Guid SpaceId)> Space()
    {
        var (admin, adminHub) = await fixture.Connect(signedIn: true);
        var association = await admin.CreateBusiness("Associazione", BusinessKind.Association);
        var created = await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento"), Json);
        return (admin, adminHub, (await created.Read<SpaceDetailDto>()).Summary.Id);
    }

    [Fact]
    public async Task Admins_see_an_application_arrive_and_the_firm_is_told_of_the_decision()
    {
        var (admin, adminHub, spaceId) = await Space();
        var (firm, firmHub) = await fixture.Connect(signedIn: true);
        var firmId = (await firm.CreateBusiness("Impianti Bianchi")).Id;
        var applicationSeen = new TaskCompletionSource<SpaceChangedDto>();
        adminHub.On<SpaceChangedDto>("SpaceMembershipsChanged", c => applicationSeen.TrySetResult(c));
        await adminHub.InvokeAsync("WatchSpaceAdmin", spaceId);
        var decisionSeen = new TaskCompletionSource<SpaceStandingChangedDto>();
        firmHub.On<SpaceStandingChangedDto>("SpaceStandingChanged", s => { if (s.Status == MembershipStatus.Member) decisionSeen.TrySetResult(s); });
        await firmHub.InvokeAsync("WatchBusinessTeam", firmId);

        (await firm.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(firmId, null, 1), Json)).EnsureSuccessStatusCode();
        (await applicationSeen.Task.WaitAsync(Patience)).SpaceId.Should().Be(spaceId);
        (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{firmId}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
            .EnsureSuccessStatusCode();

        (await decisionSeen.Task.WaitAsync(Patience)).Should().BeEquivalentTo(new { SpaceId = spaceId, FirmId = firmId, SpaceName = "Spazio", PolicyVersion = 1 });
    }

    [Fact]
    public async Task A_member_s_profile_edit_tells_the_space_s_watchers_to_reload_its_directory()
    {
        var (admin, watcherHub, spaceId) = await Space(); // the admin may see the directory, so hears of it
        var (firm, _) = await fixture.Connect(signedIn: true);
        var member = await firm.CreateBusiness("Verdi Informatica");
        (await firm.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(member.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{member.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
            .EnsureSuccessStatusCode();
        var pinged = new TaskCompletionSource<SpaceChangedDto>();
        watcherHub.On<SpaceChangedDto>("SpaceChanged", c => pinged.TrySetResult(c));
        await watcherHub.InvokeAsync("WatchSpace", spaceId);

        var current = (await firm.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{member.Id}", Json))!;
        (await firm.EditProfile(member.Id, EditOf(current) with { Capabilities = ["72000000"] })).EnsureSuccessStatusCode();

        (await pinged.Task.WaitAsync(Patience)).Should().Be(new SpaceChangedDto(spaceId));
    }

    [Fact]
    public async Task Outsiders_watching_a_members_only_space_hear_nothing_about_its_members()
    {
        var (admin, _, spaceId) = await Space();
        var (firm, _) = await fixture.Connect(signedIn: true);
        var member = await firm.CreateBusiness("Verdi Informatica");
        (await firm.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(member.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{member.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
            .EnsureSuccessStatusCode();
        var (_, outsider) = await fixture.Connect(signedIn: false);
        var heard = new List<SpaceChangedDto>();
        var policyHeard = new TaskCompletionSource();
        outsider.On<SpaceChangedDto>("SpaceChanged", c => { lock (heard) heard.Add(c); policyHeard.TrySetResult(); });
        await outsider.InvokeAsync("WatchSpace", spaceId);

        var current = (await firm.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{member.Id}", Json))!;
        (await firm.EditProfile(member.Id, EditOf(current) with { Capabilities = ["72000000"] })).EnsureSuccessStatusCode();
        // A public change afterwards: the hub keeps each connection's order, so anything sent before it arrives before it.
        (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/policy", new PublishPolicyRequest("Regolamento v2"), Json)).EnsureSuccessStatusCode();
        await policyHeard.Task.WaitAsync(Patience);

        heard.Should().ContainSingle("only the policy change is public; the member's edit is not");
    }

    [Fact]
    public async Task A_removed_member_s_open_connection_stops_hearing_about_the_members_at_once()
    {
        var (admin, _, spaceId) = await Space();
        async Task<(HttpClient Http, HubConnection Hub, Guid Firm)> Member(string name)
        {
            var (http, hub) = await fixture.Connect(signedIn: true);
            var firm = await http.CreateBusiness(name);
            (await http.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{firm.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
                .EnsureSuccessStatusCode();
            return (http, hub, firm.Id);
        }
        var (_, removedHub, removedFirm) = await Member("Da escludere");
        var (stayingHttp, _, stayingFirm) = await Member("Resta");
        var spaceNotices = 0;
        var secondEdit = new TaskCompletionSource();
        removedHub.On<SpaceChangedDto>("SpaceChanged", _ => Interlocked.Increment(ref spaceNotices));
        removedHub.On<BusinessProfileDto>("BusinessChanged", p => { if (p.Description == "second") secondEdit.TrySetResult(); });
        await removedHub.InvokeAsync("WatchSpace", spaceId);
        await removedHub.InvokeAsync("WatchBusiness", stayingFirm); // a public page: a marker that arrives after the members' notice

        (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{removedFirm}/decision", new DecisionRequest(MembershipDecision.Remove, "Violazione"), Json))
            .EnsureSuccessStatusCode();
        var staying = (await stayingHttp.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{stayingFirm}", Json))!;
        var first = await (await stayingHttp.EditProfile(stayingFirm, EditOf(staying) with { Description = "first" })).Read<BusinessProfileDto>();
        (await stayingHttp.EditProfile(stayingFirm, EditOf(first) with { Description = "second" })).EnsureSuccessStatusCode();
        // The hub keeps each connection's order: when the second edit's page update arrives, the first edit's
        // members' notice would have arrived before it.
        await secondEdit.Task.WaitAsync(Patience);

        spaceNotices.Should().Be(1, "the removed firm hears the public notice of its removal, and nothing of the members after it");
    }

    [Fact]
    public async Task Only_admins_may_watch_a_space_s_applications()
    {
        var (_, _, spaceId) = await Space();
        var (_, firmHub) = await fixture.Connect(signedIn: true);
        var (_, anonymousHub) = await fixture.Connect(signedIn: false);

        await ((Func<Task>)(() => firmHub.InvokeAsync("WatchSpaceAdmin", spaceId))).Should().ThrowAsync<HubException>();
        await ((Func<Task>)(() => anonymousHub.InvokeAsync("WatchSpaceAdmin", spaceId))).Should().ThrowAsync<HubException>();
        await anonymousHub.InvokeAsync("WatchSpace", spaceId); // the public page may be watched by anyone
    }
}
