using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>A person's open connections follow their place in a business's team while the page stays open.</summary>
public sealed class TeamMembershipHubTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    // A bound on waiting for a push, not a speed requirement: a correct server answers in milliseconds.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_person_who_joins_a_team_hears_its_notices_without_reconnecting()
    {
        var (owner, _) = await fixture.Connect(signedIn: true);
        var business = await owner.CreateBusiness("Edilizia Rossi");
        var (person, personHub) = await fixture.Connect(signedIn: true);
        var me = (await person.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!;
        var joined = new TaskCompletionSource<MyBusinessesChangedDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        personHub.On<MyBusinessesChangedDto>("MyBusinessesChanged", c => joined.TrySetResult(c));
        var teams = new ConcurrentQueue<BusinessTeamDto>();
        personHub.On<BusinessTeamDto>("BusinessTeamChanged", teams.Enqueue);

        await owner.Join(business.Id, person, me.Email, BusinessRole.Manager);
        (await joined.Task.WaitAsync(Patience)).Should().Be(new MyBusinessesChangedDto(business.Id, true), "the page reloads the businesses the person acts for");
        var edit = await (await owner.EditProfile(business.Id, EditOf(await Current(owner, business.Id)) with { Name = "Edilizia Rossi S.r.l." }))
            .Read<BusinessProfileDto>();
        // A round trip on the person's own connection: anything sent to it before is delivered before the answer.
        await personHub.InvokeAsync("WatchBusiness", business.Id);

        // The person never asked to watch the team: the server put their open connection in its group when they joined.
        teams.Should().Contain(t => t.Version == edit.Version && t.Members.Contains(new BusinessTeamMemberDto(me.Id, BusinessRole.Manager)));
    }

    [Fact]
    public async Task A_person_removed_from_a_team_stops_hearing_its_private_notices_at_once()
    {
        var (owner, ownerHub) = await fixture.Connect(signedIn: true);
        var business = await owner.CreateBusiness("Impianti Bianchi");
        var (person, personHub) = await fixture.Connect(signedIn: true);
        var me = (await person.GetFromJsonAsync<MeDto>("/api/auth/me", Json))!;
        await owner.Join(business.Id, person, me.Email, BusinessRole.Viewer);
        await personHub.InvokeAsync("WatchBusinessTeam", business.Id);
        await ownerHub.InvokeAsync("WatchBusinessTeam", business.Id);

        var left = new TaskCompletionSource<MyBusinessesChangedDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        personHub.On<MyBusinessesChangedDto>("MyBusinessesChanged", c => { if (!c.Member) left.TrySetResult(c); });
        var heardAfterRemoval = new ConcurrentQueue<BusinessTeamDto>();
        var removed = false;
        personHub.On<BusinessTeamDto>("BusinessTeamChanged", t => { if (Volatile.Read(ref removed)) heardAfterRemoval.Enqueue(t); });
        var ownerHeardEdit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ownerHub.On<BusinessTeamDto>("BusinessTeamChanged", t => { if (t.Members.Length == 1 && Volatile.Read(ref removed)) ownerHeardEdit.TrySetResult(); });

        Volatile.Write(ref removed, true);
        await owner.Remove(business.Id, me.Email);
        (await left.Task.WaitAsync(Patience)).Should().Be(new MyBusinessesChangedDto(business.Id, false));
        (await owner.EditProfile(business.Id, EditOf(await Current(owner, business.Id)) with { Name = "Impianti Bianchi S.n.c." })).EnsureSuccessStatusCode();
        await ownerHeardEdit.Task.WaitAsync(Patience);
        // A round trip on the removed person's own connection: anything sent to it before is delivered before the answer.
        await personHub.InvokeAsync("WatchBusiness", business.Id);

        heardAfterRemoval.Should().BeEmpty("the removed person left the team's group before the team was told of the removal");
        var watchAgain = () => personHub.InvokeAsync("WatchBusinessTeam", business.Id);
        (await watchAgain.Should().ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>()).Which.Message.Should().EndWith("hub.businessMembersOnly");
    }

    static async Task<BusinessProfileDto> Current(HttpClient reader, Guid businessId) =>
        (await reader.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{businessId}", Json))!;
}
