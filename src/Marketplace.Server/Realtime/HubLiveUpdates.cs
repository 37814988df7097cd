using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Hubs;
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
