using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>The association's outcomes (plan-do-check-act): per quarter, what its members achieved against its targets.</summary>
public static class SpaceOutcomeEndpoints
{
    /// <summary>Quarters the dashboard shows: the one under way and the seven before it (two years), none before the space.</summary>
    public const int QuartersShown = 8;

    public static IEndpointRouteBuilder MapSpaceOutcomeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/spaces", "Spaces").RequireAuthorization();
        api.MapGet("/{id:guid}/outcomes", Outcomes).WithName("getSpaceOutcomes");
        api.MapGet("/{id:guid}/outcomes.csv", Csv).WithName("getSpaceOutcomesCsv").Produces<byte[]>(StatusCodes.Status200OK, OutcomesCsv.ContentType);
        api.MapPut("/{id:guid}/targets", SetTargets).WithName("setSpaceTargets");
        return app;
    }

    static async Task<Results<Ok<SpaceOutcomesDto>, ProblemHttpResult>> Outcomes(Guid id, [AsParameters] GrainCall call, [FromServices] MarketplaceClock clock)
    {
        if (await SpaceEndpoints.AdminView(id, call.User, call.Grains) is not { } space) return SpaceEndpoints.AdminRefusal(await call.Grains.GetGrain<ISpaceGrain>(id).Get());
        return TypedResults.Ok(await Build(space, call, clock.GetUtcNow()));
    }

    /// <summary>Plan against actual per quarter and measure, as a spreadsheet opens it (<see cref="OutcomesCsv"/>).</summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(Guid id, string? lang, HttpRequest request, [AsParameters] GrainCall call,
        [FromServices] MarketplaceClock clock)
    {
        if (await SpaceEndpoints.AdminView(id, call.User, call.Grains) is not { } space) return SpaceEndpoints.AdminRefusal(await call.Grains.GetGrain<ISpaceGrain>(id).Get());
        var now = clock.GetUtcNow();
        var language = OutcomesCsv.LanguageOf(request, lang);
        var name = $"{(language == Mail.MailLanguage.It ? "risultati" : "outcomes")}-{Quarter.Of(now)}.csv";
        return TypedResults.File(OutcomesCsv.Write(await Build(space, call, now), language), OutcomesCsv.ContentType, name);
    }

    /// <summary>The targets of one quarter, set or removed measure by measure; the answer is the outcomes with them.</summary>
    static async Task<Results<Ok<SpaceOutcomesDto>, ProblemHttpResult>> SetTargets(Guid id, SetTargetsRequest body, [AsParameters] GrainCall call,
        [FromServices] MarketplaceClock clock)
    {
        var outcome = await call.Grains.GetGrain<ISpaceGrain>(id).SetTargets(new SetOutcomeTargets(call.User.UserId(), body.Quarter,
            [.. (body.Targets ?? []).Select(t => new OutcomeTargetChange(t?.Measure, t?.Value))]));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Build(outcome.Value!, call, clock.GetUtcNow()));
    }

    static async Task<SpaceOutcomesDto> Build(SpaceSnapshot space, GrainCall call, DateTimeOffset now)
    {
        var measures = await OutcomeMeasures.Load(space, call.Db, call.Ct);
        var targets = space.Targets.ToDictionary(t => (t.Quarter, t.Measure), t => (decimal?)t.Value);
        return new SpaceOutcomesDto(Quarter.Of(now).ToString(), measures.HasTerritory,
            [.. Quarters(space, now).Select(q => new OutcomeQuarterDto(q.ToString(), q.Start, q.End,
                [.. Enum.GetValues<OutcomeMeasure>().Select(m => new OutcomeValueDto(m, measures.Of(m, q.Start, q.End), targets.GetValueOrDefault((q, m))))]))]);
    }

    /// <summary>
    /// The quarters shown, oldest first: from the space's first quarter, at most <see cref="QuartersShown"/> back, to the
    /// one under way, and after it the quarters a target is already set for.
    /// </summary>
    internal static IEnumerable<Quarter> Quarters(SpaceSnapshot space, DateTimeOffset now)
    {
        var (first, current) = (Quarter.Of(space.CreatedAt), Quarter.Of(now));
        var quarters = new List<Quarter>();
        for (var q = current; quarters.Count < QuartersShown && q.CompareTo(first) >= 0; q = q.Previous) quarters.Add(q);
        quarters.Reverse();
        quarters.AddRange(space.Targets.Select(t => t.Quarter).Where(q => q.CompareTo(current) > 0).Distinct().Order());
        return quarters;
    }
}
