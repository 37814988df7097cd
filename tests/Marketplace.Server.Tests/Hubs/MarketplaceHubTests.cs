using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

public sealed class MarketplaceHubTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    // A bound on waiting for a push, not a speed requirement: a correct server answers in milliseconds.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_anonymous_watcher_sees_a_profile_edit_live()
    {
        var (owner, _) = await fixture.Connect(signedIn: true);
        var business = await owner.CreateBusiness("Impianti Bianchi");
        var (_, watcher) = await fixture.Connect(signedIn: false);
        var received = new TaskCompletionSource<BusinessProfileDto>();
        watcher.On<BusinessProfileDto>("BusinessChanged", p => received.TrySetResult(p));
        await watcher.InvokeAsync("WatchBusiness", business.Id);

        var saved = await (await owner.EditProfile(business.Id, EditOf(business) with
        {
            Name = "Impianti Bianchi S.n.c.", VatNumber = "00743110157", ContactEmail = "info@bianchi.it", ContactPhone = "+39 051 654321",
        })).Read<BusinessProfileDto>();

        (await received.Task.WaitAsync(Patience)).Should().BeEquivalentTo(saved with
        {
            VatNumber = null, ContactEmail = null, ContactPhone = null, ContactsHidden = true, Actions = ViewerActions<BusinessAction>.None,
        }, "the hub carries the public copy: contact details only go to readers who share a space with the firm, and what a viewer may do to its own people's reads");
    }

    [Fact]
    public async Task A_watcher_is_not_told_about_other_businesses()
    {
        var (owner, _) = await fixture.Connect(signedIn: true);
        var watched = await owner.CreateBusiness("Osservata");
        var other = await owner.CreateBusiness("Altra");
        var (_, watcher) = await fixture.Connect(signedIn: false);
        var names = new List<string>();
        var watchedChanged = new TaskCompletionSource();
        watcher.On<BusinessProfileDto>("BusinessChanged", p => { lock (names) names.Add(p.Name); if (p.Id == watched.Id) watchedChanged.TrySetResult(); });
        await watcher.InvokeAsync("WatchBusiness", watched.Id);

        (await owner.EditProfile(other.Id, EditOf(other) with { Name = "Altra modificata" })).EnsureSuccessStatusCode();
        (await owner.EditProfile(watched.Id, EditOf(watched) with { Name = "Osservata modificata" })).EnsureSuccessStatusCode();
        await watchedChanged.Task.WaitAsync(Patience);

        names.Should().Equal("Osservata modificata");
    }

    [Fact]
    public async Task Watching_an_unknown_business_is_refused()
    {
        var (_, watcher) = await fixture.Connect(signedIn: false);

        var watch = () => watcher.InvokeAsync("WatchBusiness", Guid.NewGuid());

        (await watch.Should().ThrowAsync<HubException>()).Which.Message.Should().EndWith("business.notFound", "the client translates the code");
    }

    [Fact]
    public async Task Anonymous_users_cannot_watch_a_team()
    {
        var (owner, _) = await fixture.Connect(signedIn: true);
        var business = await owner.CreateBusiness();
        var (_, anonymous) = await fixture.Connect(signedIn: false);

        var watch = () => anonymous.InvokeAsync("WatchBusinessTeam", business.Id);

        await watch.Should().ThrowAsync<HubException>();
    }

    [Fact]
    public async Task A_user_outside_the_business_cannot_watch_its_team()
    {
        var (owner, _) = await fixture.Connect(signedIn: true);
        var business = await owner.CreateBusiness();
        var (_, outsider) = await fixture.Connect(signedIn: true);

        var watch = () => outsider.InvokeAsync("WatchBusinessTeam", business.Id);

        (await watch.Should().ThrowAsync<HubException>()).Which.Message.Should().EndWith("hub.businessMembersOnly");
    }

    [Fact]
    public async Task A_member_watching_the_team_is_told_when_an_invited_person_joins()
    {
        var (owner, ownerHub) = await fixture.Connect(signedIn: true);
        var business = await owner.CreateBusiness();
        var (invitee, _) = await fixture.Connect(signedIn: true);
        var inviteeMe = await invitee.GetFromJsonAsync<Marketplace.Server.Auth.MeDto>("/api/auth/me", Json);
        var received = new TaskCompletionSource<BusinessTeamDto>();
        ownerHub.On<BusinessTeamDto>("BusinessTeamChanged", t => { if (t.Members.Length == 2) received.TrySetResult(t); });
        await ownerHub.InvokeAsync("WatchBusinessTeam", business.Id);

        await owner.Join(business.Id, invitee, inviteeMe!.Email, BusinessRole.Viewer);

        (await received.Task.WaitAsync(Patience)).Members.Should().Contain(new BusinessTeamMemberDto(inviteeMe.Id, BusinessRole.Viewer));
    }
}
