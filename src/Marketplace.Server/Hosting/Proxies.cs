using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Marketplace.Server.Hosting;

/// <summary>
/// Behind a reverse proxy, the client's address (for rate limits and lockouts) and scheme (for the origin check and
/// HSTS) come from X-Forwarded-For and X-Forwarded-Proto, trusted only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR), the nearest
/// <c>ForwardedHeaders:ForwardLimit</c> hops (default 1). Off when neither is set: anybody could otherwise claim any address.
/// </summary>
public static class Proxies
{
    public static WebApplication UseForwardedHeadersIfConfigured(this WebApplication app)
    {
        var section = app.Configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0) return app;

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = section.GetValue("ForwardLimit", 1),
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        app.UseForwardedHeaders(options);
        return app;
    }
}
