using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>An alliance's live group: its active firms only, and a removed firm stops hearing at once.</summary>
public sealed class AllianceHubTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    async Task<(HttpClient Admin, Guid SpaceId)> Space()
    {
        var (admin, _) = await fixture.Connect(signedIn: true);
        return (admin, await admin.CreateSpace());
    }

    /// <summary>A firm of a signed-in person with a live connection, admitted to the space.</summary>
    async Task<(HttpClient, HubConnection, Guid)> MemberOf(HttpClient admin, Guid spaceId, string name)
    {
        var (http, hub) = await fixture.Connect(signedIn: true);
        var firm = await http.CreateBusiness(name);
        await admin.Admit(spaceId, http, firm.Id);
        return (http, hub, firm.Id);
    }

    [Fact]
    public async Task Invitees_hear_of_their_invitation_only_members_watch_and_a_removed_member_stops_hearing_at_once()
    {
        var (admin, spaceId) = await Space();
        Task<(HttpClient, HubConnection, Guid)> Member(string name) => MemberOf(admin, spaceId, name);
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

    [Fact]
    public async Task Members_see_who_is_viewing_the_workspace_and_each_other_s_edits_live()
    {
        var (admin, spaceId) = await Space();
        var (buyer, _) = await fixture.Connect(signedIn: true);
        var buyerId = (await buyer.CreateBusiness("Comune", BusinessKind.Buyer)).Id;
        await admin.ApproveBuyer(buyer, spaceId, buyerId);
        Task<(HttpClient, HubConnection, Guid)> Member(string name) => MemberOf(admin, spaceId, name);
        var (lead, leadHub, leadId) = await Member("Rossi Costruzioni");
        var (partner, partnerHub, partnerId) = await Member("Bianchi Impianti");
        var now = DateTimeOffset.UtcNow;
        var draft = await (await buyer.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyerId, [spaceId], "Scuola", null,
            [new LotRequest(0, "Opere", null, ["45214200"], null, null)], [], [new CriterionRequest(0, "Prezzo", Marketplace.Tenders.CriterionKind.Price, 100)],
            now.AddDays(1), now.AddDays(2), null, null, false, []), Json)).Read<TenderDto>();
        (await buyer.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        var alliance = await (await lead.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(leadId, spaceId, draft.Id, "RTI", "Accordo"), Json)).Read<AllianceDto>();
        (await lead.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(partnerId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await partner.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partnerId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();

        var leadSeesTwo = new TaskCompletionSource<PresenceDto>();
        var leadSeesOne = new TaskCompletionSource<PresenceDto>();
        leadHub.On<PresenceDto>("PresenceChanged", p =>
        {
            if (p.Viewers.Length == 2) leadSeesTwo.TrySetResult(p);
            else if (leadSeesTwo.Task.IsCompleted && p.Viewers.Length == 1) leadSeesOne.TrySetResult(p);
        });
        var edited = new TaskCompletionSource<JointBidChangedDto>();
        leadHub.On<JointBidChangedDto>("JointBidChanged", c => edited.TrySetResult(c));
        await leadHub.InvokeAsync("WatchAlliance", alliance.Id);
        await partnerHub.InvokeAsync("WatchAlliance", alliance.Id);

        (await leadSeesTwo.Task.WaitAsync(Patience)).Viewers.Should().HaveCount(2);
        var saved = await (await partner.PostAsJsonAsync($"/api/alliances/{alliance.Id}/bid/work-packages", new SaveWorkPackageRequest(null, 0, "Impianti", 1, null,
            partnerId, new MoneyDto(90_000m, "EUR")), Json)).Read<JointBidDto>();
        (await edited.Task.WaitAsync(Patience)).Digest.Should().Be(saved.Digest);

        await partnerHub.StopAsync(); // the partner closes the tab
        (await leadSeesOne.Task.WaitAsync(Patience)).Viewers.Should().ContainSingle();
    }
}
