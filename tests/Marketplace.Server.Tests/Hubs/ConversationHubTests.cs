using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>An alliance's conversation live: a message reaches the people of its active firms on the workspace, nobody else.</summary>
public sealed class ConversationHubTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    [Fact]
    public async Task A_message_reaches_the_partner_watching_the_workspace_and_not_a_firm_only_invited()
    {
        var (admin, _) = await fixture.Connect(signedIn: true);
        var spaceId = await admin.CreateSpace();
        async Task<(HttpClient Http, HubConnection Hub, Guid Id)> Member(string name)
        {
            var (http, hub) = await fixture.Connect(signedIn: true);
            var firm = await http.CreateBusiness(name);
            await admin.Admit(spaceId, http, firm.Id);
            await hub.InvokeAsync("WatchBusinessTeam", firm.Id);
            return (http, hub, firm.Id);
        }
        var lead = await Member("Rossi Costruzioni");
        var partner = await Member("Bianchi Impianti");
        var invited = await Member("Neri Serramenti");
        var alliance = await (await lead.Http.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(lead.Id, spaceId, null, "Rete Emilia", "Accordo"), Json))
            .Read<AllianceDto>();
        foreach (var firm in new[] { partner.Id, invited.Id })
            (await lead.Http.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(firm, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await partner.Http.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partner.Id}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        await partner.Hub.InvokeAsync("WatchAlliance", alliance.Id);
        var heard = new TaskCompletionSource<ThreadMessageDto>();
        partner.Hub.On<ThreadMessageDto>("ThreadMessagePosted", m => heard.TrySetResult(m));
        var invitedHeard = new ConcurrentQueue<ThreadMessageDto>();
        invited.Hub.On<ThreadMessageDto>("ThreadMessagePosted", invitedHeard.Enqueue);

        var written = await (await lead.Http.PostAsJsonAsync($"/api/alliances/{alliance.Id}/messages", new PostMessageRequest(null, null, "Benvenuti!"), Json))
            .Read<ThreadMessageDto>();

        (await heard.Task.WaitAsync(Patience)).Should().Be(written);
        written.Should().BeEquivalentTo(new { Text = "Benvenuti!", FirmName = "Rossi Costruzioni", AllianceId = alliance.Id }, o => o.ExcludingMissingMembers());
        // A round trip on the invited firm's own connection: whatever was sent to it before is delivered first.
        await invited.Hub.InvokeAsync("UnwatchTender", Guid.NewGuid());
        invitedHeard.Should().BeEmpty();
    }
}
