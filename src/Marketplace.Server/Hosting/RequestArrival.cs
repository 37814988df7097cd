namespace Marketplace.Server.Hosting;

/// <summary>
/// When a request reached the server, by the marketplace's clock: taken by the pipeline's first middleware, before
/// anything can make the request wait (forwarded headers, authentication, the rate limiter's queue, the thread pool
/// between middlewares, a grain's queue). A bid's receipt time is this instant, so time the server spends queueing a
/// bid never counts against its bidder (issue #11: under load, bids that arrived before the deadline were refused).
/// </summary>
public static class RequestArrival
{
    sealed record Stamp(DateTimeOffset At);

    /// <summary>Stamps every request on arrival; call it before any other middleware.</summary>
    public static WebApplication UseRequestArrival(this WebApplication app)
    {
        var clock = app.Services.GetRequiredService<MarketplaceClock>();
        app.Use((context, next) =>
        {
            context.Features.Set(new Stamp(clock.Now()));
            return next(context);
        });
        return app;
    }

    /// <summary>When the request reached the server.</summary>
    public static DateTimeOffset ArrivedAt(this HttpContext context) =>
        context.Features.Get<Stamp>()?.At ?? throw new InvalidOperationException("The request was not stamped on arrival: UseRequestArrival runs first.");
}
