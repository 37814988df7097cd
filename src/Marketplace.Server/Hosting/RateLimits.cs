using System.Globalization;
using System.Threading.RateLimiting;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Server.Hosting;

/// <summary>
/// How often one client may sign in, register or use the password flows, and how often one user (or anonymous
/// client) may write or upload: fixed windows set by <c>RateLimits:{Auth,Writes,Uploads}:{PermitLimit,Window}</c>.
/// A refused request gets 429 with Retry-After. Each node counts on its own, so behind a load balancer a client gets
/// the limit once per node. Clients are told apart by address, so behind a proxy configure ForwardedHeaders.
/// </summary>
public static class RateLimits
{
    /// <summary>Sign-in, registration, token refresh and the password flows, per client address.</summary>
    public const string Auth = "auth";

    /// <summary>Document uploads, per user.</summary>
    public const string Uploads = "uploads";

    public static IHostApplicationBuilder AddMarketplaceRateLimits(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("RateLimits");
        var auth = Window(section.GetSection("Auth"), permits: 20, TimeSpan.FromMinutes(1));
        var writes = Window(section.GetSection("Writes"), permits: 120, TimeSpan.FromMinutes(1));
        var uploads = Window(section.GetSection("Uploads"), permits: 30, TimeSpan.FromMinutes(10));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = Refuse;
            o.AddPolicy(Auth, c => RateLimitPartition.GetFixedWindowLimiter(Client(c), _ => auth));
            o.AddPolicy(Uploads, c => RateLimitPartition.GetFixedWindowLimiter(Actor(c), _ => uploads));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => IsApiWrite(c.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(Actor(c), _ => writes)
                : RateLimitPartition.GetNoLimiter(""));
        });
        return builder;
    }

    static FixedWindowRateLimiterOptions Window(IConfigurationSection section, int permits, TimeSpan window) => new()
    {
        PermitLimit = section.GetValue("PermitLimit", permits),
        Window = section.GetValue("Window", window),
        QueueLimit = 0,
    };

    static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // A signed-in user is counted as themselves, so colleagues behind one office address do not share a budget.
    static string Actor(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? $"user:{context.User.UserId()}" : $"client:{Client(context)}";

    // Sign-in and the password flows have their own, stricter, limit per client.
    static bool IsApiWrite(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/api/auth");

    static readonly Refusal TooMany = new("service.tooManyRequests", "Too many requests from here; try again in {seconds} seconds.");

    static async ValueTask Refuse(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var args = Refusal.Args([("seconds", seconds)]);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = TooMany.Say(args),
                Extensions = { ["code"] = TooMany.Code, ["args"] = args },
            },
        });
    }
}
