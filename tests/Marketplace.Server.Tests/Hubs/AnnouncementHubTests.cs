using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Hubs;

/// <summary>An announcement reaches the open pages of the space's member firms' people as it is written; a firm outside the space hears nothing.</summary>
public sealed class AnnouncementHubTests(ClockedHubFixture fixture) : IClassFixture<ClockedHubFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15); // a bound on waiting, not a speed requirement

    [Fact]
    public async Task A_member_firm_hears_of_an_announcement_and_a_firm_outside_the_space_does_not()
    {
        var (admin, _) = await fixture.Connect(signedIn: true);
        var association = await admin.CreateBusiness("Associazione", BusinessKind.Association);
        var spaceId = (await (await admin.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio", null, [], [],
            DirectoryVisibility.MembersOnly, "Regolamento", MinimumTenderingDays: 0), Json)).Read<SpaceDetailDto>()).Summary.Id;
        async Task<HubConnection> Firm(string name, bool join)
        {
            var (http, hub) = await fixture.Connect(signedIn: true);
            var firm = await http.CreateBusiness(name);
            if (join) await admin.Admit(spaceId, http, firm.Id);
            await hub.InvokeAsync("WatchBusinessTeam", firm.Id);
            return hub;
        }
        var member = await Firm("Rossi Costruzioni", join: true);
        var outsider = await Firm("Neri Edilizia", join: false);
        var memberHeard = new TaskCompletionSource<AnnouncementChangedDto>();
        member.On<AnnouncementChangedDto>("AnnouncementChanged", c => memberHeard.TrySetResult(c));
        var outsiderHeard = new ConcurrentQueue<AnnouncementChangedDto>();
        outsider.On<AnnouncementChangedDto>("AnnouncementChanged", outsiderHeard.Enqueue);

        var posted = await (await admin.PostAsJsonAsync($"/api/spaces/{spaceId}/announcements", new AnnouncementRequest("Assemblea dei soci", "Giovedì alle 18."), Json))
            .Read<AnnouncementDto>();

        (await memberHeard.Task.WaitAsync(Patience)).Should().Be(new AnnouncementChangedDto(spaceId, posted.Id));
        outsiderHeard.Should().BeEmpty();
    }
}
