using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Mail;

/// <summary>
/// Links in e-mails to pages of the web client: on <c>Mail:SiteAddress</c> when set (required in Production, where a
/// forged Host header must not choose a link's address), else on the address of the request that causes the e-mail,
/// else (an e-mail written in the background, as notifications are) on the server's own first listening address.
/// </summary>
internal sealed class SiteLinks(IHttpContextAccessor http, IOptions<MailOptions> mail, IServer server)
{
    /// <summary>The web client's <c>#/{route}?…</c>, its query values escaped.</summary>
    public string Page(string route, params (string Name, string Value)[] query) =>
        $"{Site()}/#/{route}" + (query.Length == 0 ? "" : $"?{string.Join("&", query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"))}");

    /// <summary>An address of the API itself (<paramref name="pathAndQuery"/> starts with "/api/").</summary>
    public string Api(string pathAndQuery) => Site() + pathAndQuery;

    string Site() =>
        mail.Value.SiteAddress is { Length: > 0 } configured ? configured.TrimEnd('/')
        : http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}"
        : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } listening
            ? listening.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").TrimEnd('/')
        : throw new InvalidOperationException("Mail:SiteAddress is not set and there is no request to take the address from.");
}
