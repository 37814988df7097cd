using Marketplace.Server.Auth;

namespace Marketplace.Server.Hosting;

/// <summary>
/// Refuses a cross-site write made with the user's cookie: a POST, PUT, PATCH or DELETE without a bearer token
/// whose Origin (or, lacking it, Referer) is neither this server nor one of <c>Security:AllowedOrigins</c> gets 403.
/// Browsers send Origin on every such request (a sandboxed or privacy-stripped one sends "null", refused too), so a
/// request naming neither header is not a browser acting for a user; SameSite=Lax cookies are the second line.
/// API clients with a bearer token are not affected: a token is never sent by a browser on its own.
/// </summary>
public static class OriginCheck
{
    public static WebApplication UseOriginCheck(this WebApplication app)
    {
        var allowed = app.Configuration.GetSection("Security:AllowedOrigins").Get<string[]>() ?? [];
        var allowedOrigins = allowed.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (IsUnsafe(request.Method) && !SignInSessions.UsesBearer(request)
                && Claimed(request) is { } origin
                && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
                && !allowedOrigins.Contains(origin))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
                    detail: $"Requests from {origin} may not act for a signed-in user here.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    static bool IsUnsafe(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    // The origin the browser says the request comes from; "null" and unparsable values stay as they are, and refused.
    static string? Claimed(HttpRequest request)
    {
        if (request.Headers.Origin is [{ } origin, ..]) return origin;
        if (request.Headers.Referer is [{ } referer, ..])
            return Uri.TryCreate(referer, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : referer;
        return null;
    }
}
