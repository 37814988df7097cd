using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Cluster.Tests;

/// <summary>
/// An alliance's workspace when its firms' people are connected to different nodes: who hears its changes and who is
/// shown as present is decided cluster-wide, not by the node a person happens to reach.
/// </summary>
public sealed class CrossNodeAllianceTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting for a push, not a speed requirement

    /// <summary>A person on the node, with a firm admitted to the space, and their live connection to that node.</summary>
    static async Task<(Browser Person, HubConnection Hub, Guid FirmId)> MemberOn(ServerNode node, Browser admin, Guid spaceId, string who, string name)
    {
        var person = TwoNodeCluster.Browse(node);
        await person.SignUp(who);
        var firm = await person.Http.CreateBusiness(name);
        await admin.Http.Admit(spaceId, person.Http, firm.Id);
        return (person, await person.Hub(), firm.Id);
    }

    /// <summary>A space, an alliance led by a firm on node A, and a member firm whose person is connected to node B.</summary>
    async Task<(Browser Lead, HubConnection LeadHub, Browser Partner, HubConnection PartnerHub, Guid PartnerId, Guid AllianceId)> AllianceAcrossNodes()
    {
        var admin = TwoNodeCluster.Browse(cluster.A);
        await admin.SignUp("segreteria");
        var spaceId = await admin.Http.CreateSpace();
        var (lead, leadHub, leadId) = await MemberOn(cluster.A, admin, spaceId, "lead", "Rossi Costruzioni");
        var (partner, partnerHub, partnerId) = await MemberOn(cluster.B, admin, spaceId, "partner", "Bianchi Impianti");
        var alliance = await (await lead.Http.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(leadId, spaceId, null, "Rete Emilia", "Accordo"), Json)).Read<AllianceDto>();
        (await lead.Http.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(partnerId, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await partner.Http.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partnerId}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        return (lead, leadHub, partner, partnerHub, partnerId, alliance.Id);
    }

    [Fact]
    public async Task A_firm_removed_through_node_A_stops_hearing_the_workspace_on_node_B_at_once()
    {
        var (lead, leadHub, _, partnerHub, partnerId, allianceId) = await AllianceAcrossNodes();
        var partnerHeard = new ConcurrentQueue<AllianceChangedDto>();
        partnerHub.On<AllianceChangedDto>("AllianceChanged", partnerHeard.Enqueue);
        await partnerHub.InvokeAsync("WatchAlliance", allianceId);
        // The lead also has a tab on node B: what it hears is what node B delivered to the workspace's group.
        using var leadOnB = lead.On(cluster.B);
        var leadHubOnB = await leadOnB.Hub();
        var nodeBDeliveredAgreement = new TaskCompletionSource<AllianceChangedDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        leadHubOnB.On<AllianceChangedDto>("AllianceChanged", c => { if (c.Version == 5) nodeBDeliveredAgreement.TrySetResult(c); });
        await leadHubOnB.InvokeAsync("WatchAlliance", allianceId);

        // Versions: 1 formed, 2 invited, 3 joined, 4 removed, 5 new agreement. Both changes are sent through node A.
        (await lead.Http.PostAsJsonAsync($"/api/alliances/{allianceId}/firms/{partnerId}/remove", new ReasonRequest("Fuori dal lotto"), Json)).EnsureSuccessStatusCode();
        (await lead.Http.PostAsJsonAsync($"/api/alliances/{allianceId}/agreement", new TextRequest("Accordo v2"), Json)).EnsureSuccessStatusCode();

        // Once node B has delivered the new agreement to the group, the removed firm's connection would have had it too,
        // had it stayed in the group. The removal itself reached it on node B, so that connection is live.
        await nodeBDeliveredAgreement.Task.WaitAsync(Patience);
        var removalHeard = async () => { while (!partnerHeard.Any(c => c.Version == 4)) await Task.Delay(50); };
        await removalHeard.Should().CompleteWithinAsync(Patience, "the removed firm is told, on node B, that it was removed\n{0}", cluster.Outputs);
        partnerHeard.Select(c => c.Version).Should().NotContain(5, "and then hears nothing more of the workspace, on whichever node it is connected");
        await Task.WhenAll(leadHub.DisposeAsync().AsTask(), leadHubOnB.DisposeAsync().AsTask(), partnerHub.DisposeAsync().AsTask());
    }

    [Fact]
    public async Task Presence_in_a_workspace_shows_the_people_connected_to_either_node()
    {
        var (lead, leadHub, partner, partnerHub, _, allianceId) = await AllianceAcrossNodes();
        var names = new Dictionary<string, string>
        {
            ["lead"] = (await lead.Http.GetFromJsonAsync<Marketplace.Server.Auth.MeDto>("/api/auth/me", Json))!.Name,
            ["partner"] = (await partner.Http.GetFromJsonAsync<Marketplace.Server.Auth.MeDto>("/api/auth/me", Json))!.Name,
        };
        var leadSeesBoth = new TaskCompletionSource<PresenceDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        var partnerSeesBoth = new TaskCompletionSource<PresenceDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        var leadSeesOnlyItself = new TaskCompletionSource<PresenceDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        leadHub.On<PresenceDto>("PresenceChanged", p =>
        {
            if (p.Viewers.Length == 2) leadSeesBoth.TrySetResult(p);
            else if (leadSeesBoth.Task.IsCompleted && p.Viewers.Length == 1) leadSeesOnlyItself.TrySetResult(p);
        });
        partnerHub.On<PresenceDto>("PresenceChanged", p => { if (p.Viewers.Length == 2) partnerSeesBoth.TrySetResult(p); });

        await leadHub.InvokeAsync("WatchAlliance", allianceId);    // on node A
        await partnerHub.InvokeAsync("WatchAlliance", allianceId); // on node B

        var seenByLead = await leadSeesBoth.Task.WaitAsync(Patience);
        var seenByPartner = await partnerSeesBoth.Task.WaitAsync(Patience);
        seenByLead.Viewers.Select(v => v.Name).Should().BeEquivalentTo(names.Values, "the lead on node A sees the partner connected to node B");
        seenByPartner.Viewers.Select(v => v.Name).Should().BeEquivalentTo(names.Values, "the partner on node B sees the lead connected to node A");

        await partnerHub.StopAsync(); // the partner closes the tab on node B
        (await leadSeesOnlyItself.Task.WaitAsync(Patience)).Viewers.Select(v => v.Name).Should().Equal(names["lead"]);
        await leadHub.DisposeAsync();
    }
}
