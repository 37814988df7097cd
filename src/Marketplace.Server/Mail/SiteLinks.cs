using Microsoft.Extensions.Options;

namespace Marketplace.Server.Mail;

/// <summary>
/// Links in e-mails to pages of the web client: on <c>Mail:SiteAddress</c> when set (required in Production, where a
/// forged Host header must not choose a link's address), else on the address of the request that causes the e-mail.
/// </summary>
internal sealed class SiteLinks(IHttpContextAccessor http, IOptions<MailOptions> mail)
{
    /// <summary>The web client's <c>#/{route}?…</c>, its query values escaped.</summary>
    public string Page(string route, params (string Name, string Value)[] query)
    {
        var site = mail.Value.SiteAddress is { Length: > 0 } configured ? configured.TrimEnd('/')
            : http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}"
            : throw new InvalidOperationException("Mail:SiteAddress is not set and there is no request to take the address from.");
        return $"{site}/#/{route}?{string.Join("&", query.Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value)}"))}";
    }
}
