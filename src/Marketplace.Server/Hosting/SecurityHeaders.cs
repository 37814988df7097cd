namespace Marketplace.Server.Hosting;

/// <summary>
/// Headers that keep the web client's pages from being framed, sniffed or fed foreign scripts: a Content Security
/// Policy of this origin only (plus its own WebSocket for live updates), no framing, no MIME sniffing, no full URLs in
/// Referer to other sites, and HSTS outside Development (Kestrel or the proxy in front must serve HTTPS for it to matter).
/// </summary>
public static class SecurityHeaders
{
    // data: is the empty favicon of index.html; connect-src names ws(s) of this host because not every browser
    // counts a WebSocket to the page's own host as 'self'.
    const string PolicyTemplate =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self' {0}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            var host = context.Request.Host.Value;
            headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, PolicyTemplate,
                context.Request.IsHttps ? $"wss://{host}" : $"ws://{host} wss://{host}");
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(context);
        });
        return app;
    }
}
