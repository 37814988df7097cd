using Marketplace.Businesses;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Server.Hubs;

/// <summary>
/// The one hub. Clients ask to watch a topic; each Watch method decides who may join that group.
/// A business's public profile is public, so anyone may watch it.
/// </summary>
public sealed class MarketplaceHub(IGrainFactory grains) : Hub<IMarketplaceClient>
{
    public async Task WatchBusiness(Guid businessId)
    {
        if (await grains.GetGrain<IBusinessGrain>(businessId).Get() is null)
            throw new HubException("No business has this id.");
        await Groups.AddToGroupAsync(Context.ConnectionId, Topics.Business(businessId));
    }

    public Task UnwatchBusiness(Guid businessId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, Topics.Business(businessId));
}
