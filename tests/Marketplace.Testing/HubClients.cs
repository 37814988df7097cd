using System.Net;
using Marketplace.Server.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Testing;

public static class HubClients
{
    /// <summary>A started hub connection to the server at the address, carrying a browser's cookies, speaking the API's JSON.</summary>
    public static async Task<HubConnection> Connect(Uri server, CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, MarketplaceRoutes.HubPath), o => o.Cookies = cookies)
            .AddJsonProtocol(o => o.PayloadSerializerOptions = ApiClientExtensions.Json)
            .Build();
        await hub.StartAsync();
        return hub;
    }
}
