using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Hubs;
using Marketplace.Spaces;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Server.Realtime;

/// <summary>Carries grains' notices to SignalR groups, as wire DTOs.</summary>
internal sealed class HubLiveUpdates(IHubContext<MarketplaceHub, IMarketplaceClient> hub, ILogger<HubLiveUpdates> log) : ILiveUpdates
{
    public Task BusinessChanged(BusinessSnapshot business) => Send(async () =>
    {
        await hub.Clients.Group(Topics.Business(business.Id)).BusinessChanged(BusinessProfileDto.From(business));
        await hub.Clients.Group(Topics.BusinessTeam(business.Id)).BusinessTeamChanged(BusinessTeamDto.From(business));
    }, business.Id);

    public Task SpaceChanged(SpaceSnapshot space, Guid[] firmsToTell) => Send(async () =>
    {
        var change = new SpaceChangedDto(space.Id, space.Version);
        await hub.Clients.Group(Topics.Space(space.Id)).SpaceChanged(change);
        await hub.Clients.Group(Topics.SpaceAdmin(space.Id)).SpaceMembershipsChanged(change);
        foreach (var firm in firmsToTell)
        {
            if (space.MemberOf(firm) is not { } standing) continue;
            await hub.Clients.Group(Topics.BusinessTeam(firm)).SpaceStandingChanged(new SpaceStandingChangedDto(
                space.Id, space.Settings.Name, firm, standing.Status, standing.Reason, space.Policy.Version));
        }
    }, space.Id);

    // The change is already stored when we get here; a failed broadcast must not turn it into an error for the
    // user who made it. Watchers reload on reconnect, so log it and go on.
    async Task Send(Func<Task> send, Guid topicId)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Live update for {TopicId} could not be sent", topicId);
        }
    }
}
