using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>An alliance's live group: its active firms only, and a removed firm stops hearing at once.</summary>
public sealed class AllianceHubTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    [Fact]
    public async Task Invitees_hear_of_their_invitation_only_members_watch_and_a_removed_member_stops_hearing_at_once()
    {
        var (admin, _) = await fixture.Connect(signedIn: true);
        var association = await admin.CreateBusiness("Associazione", BusinessKind.Association);
        var spaceId = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento"), Json)).Read<SpaceDetailDto>()).Summary.Id;
        async Task<(HttpClient, HubConnection, Guid)> Member(string name)
        {
            var (http, hub) = await fixture.Connect(signedIn: true);
            var firm = await http.CreateBusiness(name);
            (await http.PostAsJsonAsync($"/api/spaces/{spaceId}/applications", new ApplyRequest(firm.Id, null, 1), Json)).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/firms/{firm.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json)).EnsureSuccessStatusCode();
            return (http, hub, firm.Id);
        }
        var (lead, leadHub, leadId) = await Member("Rossi Costruzioni");
        var (partner, partnerHub, partnerId) = await Member("Bianchi Impianti");
        var alliance = await (await lead.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(leadId, spaceId, null, "Rete Emilia", "Accordo"), Json)).Read<AllianceDto>();

        var invitation = new TaskCompletionSource<AllianceChangedDto>();
        partnerHub.On<AllianceChangedDto>("AllianceChanged", c => invitation.TrySetResult(c));
        await partnerHub.InvokeAsync("WatchBusinessTeam", partnerId);
        var notYet = async () => await partnerHub.InvokeAsync("WatchAlliance", alliance.Id);
        await notYet.Should().ThrowAsync<HubException>("an invited firm is not in the workspace yet");
        (await lead.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(partnerId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await invitation.Task.WaitAsync(Patience)).AllianceId.Should().Be(alliance.Id);

        (await partner.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partnerId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        var heard = new ConcurrentQueue<AllianceChangedDto>();
        partnerHub.Remove("AllianceChanged");
        partnerHub.On<AllianceChangedDto>("AllianceChanged", heard.Enqueue);
        await partnerHub.InvokeAsync("WatchAlliance", alliance.Id); // a member now: allowed
        var leadHeard = new TaskCompletionSource<AllianceChangedDto>();
        leadHub.On<AllianceChangedDto>("AllianceChanged", c => { if (c.Version == 5) leadHeard.TrySetResult(c); });
        await leadHub.InvokeAsync("WatchAlliance", alliance.Id);

        // Versions: 1 formed, 2 invited, 3 joined, 4 removed, 5 new agreement.
        (await lead.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partnerId}/remove", new ReasonRequest("Fuori dal lotto"), Json)).EnsureSuccessStatusCode();
        (await lead.PostAsJsonAsync($"/api/alliances/{alliance.Id}/agreement", new TextRequest("Accordo v2"), Json)).EnsureSuccessStatusCode();

        await leadHeard.Task.WaitAsync(Patience);
        heard.Select(c => c.Version).Should().Contain(4, "the firm is told it was removed").And.NotContain(5, "and then hears nothing more of the workspace");
    }
}
