using Marketplace.Businesses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Benchmarks;

/// <summary>
/// The bare request every page read is compared with (issue #11): GET <see cref="Path"/>?firm={id} passes through the
/// product's whole middleware pipeline (bearer authentication, the session check, rate limiting, authorisation), then
/// makes one grain call, the firm's [ReadOnly] Get, and answers a few bytes of JSON. Only the benchmark host maps it,
/// after the product's own pipeline (no product endpoint has this path), so the product never serves it. Its path is
/// under /api so that it passes what every API request passes and no more: outside /api a browser's Accept-Encoding
/// would have it compressed as a file of the web client.
/// </summary>
internal sealed class BaselineEndpoint : IStartupFilter
{
    public const string Path = "/api/bench/baseline";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use(async (context, rest) =>
        {
            if (context.Request.Path != Path) { await rest(context); return; }
            if (context.User.Identity?.IsAuthenticated != true) { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return; }
            if (!Guid.TryParse(context.Request.Query["firm"], out var firmId)) { context.Response.StatusCode = StatusCodes.Status400BadRequest; return; }
            var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
            var firm = await grains.GetGrain<IBusinessGrain>(firmId).Get();
            await context.Response.WriteAsJsonAsync(new { firm?.Version });
        });
    };
}
