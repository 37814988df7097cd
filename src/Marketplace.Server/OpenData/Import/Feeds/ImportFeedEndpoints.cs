using System.Text.Json;
using Marketplace.Data.Feeds;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.OpenData.Import.Feeds;

/// <summary>
/// A space's admins give the platform addresses of OCDS release packages (an ANAC or regional open-data URL) to fetch
/// on a schedule; each fetch is an import exactly as an upload is (docs/open-data.md, "Feeds"). Only the space's admins
/// see or change its feeds; anyone else is refused alike whether the space exists or not.
/// </summary>
public static class ImportFeedEndpoints
{
    public const string Path = "/opportunities/feeds";

    /// <summary>The periods a feed may have, in hours: hourly to weekly.</summary>
    public const int MinPeriodHours = 1, MaxPeriodHours = 168;

    static readonly Refusal
        NotFound = new("feed.notFound", "This space has no such feed."),
        Period = new("feed.period", "A feed is fetched every {min} to {max} hours."),
        Duplicate = new("feed.duplicate", "The space already fetches this address."),
        TooMany = new("feed.tooMany", "A space fetches at most {max} feeds."),
        Busy = new("feed.busy", "This feed is being fetched right now: its result shows here when it is done.");

    public static IEndpointRouteBuilder MapImportFeedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/spaces/{id:guid}", "OpenData").RequireAuthorization();
        api.MapGet(Path, List).WithName("listImportFeeds");
        // Adding and fetching make the server fetch a package and import it: limited as uploads are.
        api.MapPost(Path, Add).WithName("addImportFeed").RequireRateLimiting(Hosting.RateLimits.Uploads).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost($"{Path}/{{feedId:guid}}/fetch", Fetch).WithName("fetchImportFeed")
            .RequireRateLimiting(Hosting.RateLimits.Uploads).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapDelete($"{Path}/{{feedId:guid}}", Remove).WithName("removeImportFeed");
        return app;
    }

    /// <summary>The one answer for whoever is not an admin of the space, whether or not it exists.</summary>
    static async Task<ProblemHttpResult?> NotAdmin(Guid spaceId, ViewerCall call) =>
        await call.Grains.GetGrain<ISpaceGrain>(spaceId).IsAdmin(call.User.UserId()) ? null : Problem.Forbidden(SpaceState.NotAdmin).ToHttp();

    /// <summary>The space's feeds, oldest first, each with its last fetch.</summary>
    static async Task<Results<Ok<ImportFeedDto[]>, ProblemHttpResult>> List(Guid id, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock)
    {
        if (await NotAdmin(id, call) is { } no) return no;
        var feeds = await call.Db.ImportFeeds.AsNoTracking().Where(f => f.SpaceId == id).ToListAsync(call.Ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(feeds.OrderBy(f => f.AddedAt).Select(f => Dto(f, now)).ToArray());
    }

    /// <summary>
    /// Adds a feed (its address checked: http or https, public Internet only) and fetches it at once: the answer is
    /// the feed with its first fetch, which may itself have failed (an address down today is still a feed).
    /// </summary>
    static async Task<Results<Created<ImportFeedDto>, ProblemHttpResult>> Add(
        Guid id, AddImportFeedRequest body, [AsParameters] ViewerCall call, [FromServices] FeedClient client, [FromServices] FeedFetcher fetcher,
        [FromServices] MarketplaceClock clock, [FromServices] IOptions<FeedOptions> options)
    {
        if (await NotAdmin(id, call) is { } no) return no;
        var errors = new Dictionary<string, FieldProblem[]>();
        Uri? url = null;
        if (string.IsNullOrWhiteSpace(body.Url)) errors["url"] = [FieldProblem.Of(ProblemResults.FieldRequired)];
        else if (body.Url.Length > ImportFeed.MaxUrl) errors["url"] = [FieldProblem.Of(FeedClient.Address)];
        else
            try { url = await client.Check(body.Url, call.Ct); }
            catch (FeedRefused e) { errors["url"] = [FieldProblem.Of(e.Refusal, e.Args)]; }
        if (body.PeriodHours is not { } hours) errors["periodHours"] = [FieldProblem.Of(ProblemResults.FieldRequired)];
        else if (hours is < MinPeriodHours or > MaxPeriodHours)
            errors["periodHours"] = [FieldProblem.Of(Period, ("min", MinPeriodHours), ("max", MaxPeriodHours))];
        if (errors.Count > 0) return Problem.Invalid(errors).ToHttp();

        var address = url!.AbsoluteUri;
        if (address.Length > ImportFeed.MaxUrl) return Problem.Invalid("url", FeedClient.Address).ToHttp();
        var feeds = call.Db.ImportFeeds.Where(f => f.SpaceId == id);
        if (await feeds.AnyAsync(f => f.Url == address, call.Ct)) return Problem.Conflict(Duplicate).ToHttp();
        if (await feeds.CountAsync(call.Ct) >= options.Value.MaxPerSpace) return Problem.Conflict(TooMany, ("max", options.Value.MaxPerSpace)).ToHttp();

        var now = clock.GetUtcNow();
        var feed = new ImportFeed
        {
            Id = Guid.NewGuid(), SpaceId = id, Url = address, PeriodHours = body.PeriodHours!.Value, OwnerId = call.User.UserId(),
            AddedAt = now, NextFetchAt = now.AddHours(body.PeriodHours!.Value),
        };
        call.Db.ImportFeeds.Add(feed);
        try
        {
            await call.Db.SaveChangesAsync(call.Ct);
        }
        catch (DbUpdateException)
        {
            // Added by another admin at the same moment (the unique index on the space and address); any other failure is one.
            call.Db.ChangeTracker.Clear();
            if (await feeds.AsNoTracking().AnyAsync(f => f.Url == address, CancellationToken.None)) return Problem.Conflict(Duplicate).ToHttp();
            throw;
        }
        call.Db.ChangeTracker.Clear();
        // Fetched now for its adder (not due before its period, so no node's round takes it first), to the end even if
        // the admin leaves: the fetch is bounded by its own time-out, and its result is what the feed then shows.
        await fetcher.FetchNow(call.Db, feed.Id, feed.OwnerId, CancellationToken.None);
        var added = await call.Db.ImportFeeds.AsNoTracking().SingleAsync(f => f.Id == feed.Id, CancellationToken.None);
        return TypedResults.Created($"/api/spaces/{id}{Path}", Dto(added, clock.GetUtcNow()));
    }

    /// <summary>Fetches the feed now, for the admin who asks (who the feed imports for from then on); 409 while another fetch of it runs.</summary>
    static async Task<Results<Ok<ImportFeedDto>, ProblemHttpResult>> Fetch(Guid id, Guid feedId, [AsParameters] ViewerCall call,
        [FromServices] FeedFetcher fetcher, [FromServices] MarketplaceClock clock)
    {
        if (await NotAdmin(id, call) is { } no) return no;
        if (!await call.Db.ImportFeeds.AnyAsync(f => f.Id == feedId && f.SpaceId == id, call.Ct)) return ProblemResults.NotFound(NotFound);
        // To the end even if the admin leaves (bounded by the fetch's time-out), so its result is recorded.
        if (await fetcher.FetchNow(call.Db, feedId, call.User.UserId(), CancellationToken.None) is null) return Problem.Conflict(Busy).ToHttp();
        var feed = await call.Db.ImportFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == feedId, CancellationToken.None);
        return feed is null ? ProblemResults.NotFound(NotFound) : TypedResults.Ok(Dto(feed, clock.GetUtcNow()));
    }

    /// <summary>Removes the feed: it is fetched no more. What it imported stays (opportunities firms may have formed alliances around).</summary>
    static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid id, Guid feedId, [AsParameters] ViewerCall call)
    {
        if (await NotAdmin(id, call) is { } no) return no;
        var removed = await call.Db.ImportFeeds.Where(f => f.Id == feedId && f.SpaceId == id).ExecuteDeleteAsync(call.Ct);
        return removed == 1 ? TypedResults.NoContent() : ProblemResults.NotFound(NotFound);
    }

    static ImportFeedDto Dto(ImportFeed feed, DateTimeOffset now) => new(feed.Id, feed.Url, feed.PeriodHours, feed.AddedAt, feed.NextFetchAt,
        feed.ClaimedUntil > now, feed.LastReport is { } report ? JsonSerializer.Deserialize<FeedFetchDto>(report, FeedFetcher.Stored) : null);
}

/// <param name="Url">The package's address: http or https, on the public Internet.</param>
/// <param name="PeriodHours">Every how many hours it is fetched (1 to 168).</param>
public sealed record AddImportFeedRequest(string? Url, int? PeriodHours);

/// <summary>A feed of a space, with what its last fetch did.</summary>
/// <param name="Fetching">A fetch of it is running now.</param>
/// <param name="Last">The last fetch; null before the first.</param>
public sealed record ImportFeedDto(Guid Id, string Url, int PeriodHours, DateTimeOffset AddedAt, DateTimeOffset NextFetchAt, bool Fetching, FeedFetchDto? Last);
