using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Server.Hubs;

/// <summary>
/// A hub call that fails because the database cannot be reached says so, so the client may try again, instead of
/// SignalR's generic "an unexpected error occurred".
/// </summary>
internal sealed class UnavailableHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e))
        {
            throw MarketplaceHub.Refused(UnavailableProblems.Unavailable);
        }
    }
}
