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
        var (admin, _, spaceId) = await fixture.Space();
        var member = (await fixture.Firm(admin, spaceId, "Rossi Costruzioni")).Hub;
        var outsider = (await fixture.Firm(admin, spaceId, "Neri Edilizia", join: false)).Hub;
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
