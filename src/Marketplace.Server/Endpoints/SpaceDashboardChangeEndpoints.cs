using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// "What changed since your last check" on the association's dashboard: each admin marks when they checked it, per
/// space, and reads what moved since then, counted by the outcome measures themselves (<see cref="OutcomeMeasures"/>).
/// </summary>
public static class SpaceDashboardChangeEndpoints
{
    public static IEndpointRouteBuilder MapSpaceDashboardChangeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/spaces", "Spaces").RequireAuthorization();
        api.MapGet("/{id:guid}/dashboard/changes", Changes).WithName("getSpaceDashboardChanges");
        api.MapPost("/{id:guid}/dashboard/checks", Check).WithName("checkSpaceDashboard");
        return app;
    }

    static async Task<Results<Ok<DashboardChangesDto>, ProblemHttpResult>> Changes(Guid id, [AsParameters] GrainCall call, [FromServices] MarketplaceClock clock)
    {
        if (await SpaceEndpoints.AdminView(id, call.User, call.Grains) is not { } space) return SpaceEndpoints.AdminRefusal(await call.Grains.GetGrain<ISpaceGrain>(id).Get());
        var since = await call.Grains.GetGrain<IDashboardChecksGrain>(call.User.UserId()).LastCheck(id);
        return TypedResults.Ok(await Build(space, since, clock.GetUtcNow(), call));
    }

    /// <summary>
    /// The admin has seen what moved until <see cref="CheckDashboardRequest.Until"/>, the moment the changes they read
    /// were counted to: whatever moved after it is still news at their next look.
    /// </summary>
    static async Task<Results<Ok<DashboardChangesDto>, ProblemHttpResult>> Check(Guid id, CheckDashboardRequest body, [AsParameters] GrainCall call,
        [FromServices] MarketplaceClock clock)
    {
        if (await SpaceEndpoints.AdminView(id, call.User, call.Grains) is not { } space) return SpaceEndpoints.AdminRefusal(await call.Grains.GetGrain<ISpaceGrain>(id).Get());
        var now = clock.GetUtcNow();
        if (DashboardChecks.CheckUntil(body.Until, now) is { } bad) return bad.ToHttp();
        var since = await call.Grains.GetGrain<IDashboardChecksGrain>(call.User.UserId()).Check(id, body.Until);
        return TypedResults.Ok(await Build(space, since, now, call));
    }

    static async Task<DashboardChangesDto> Build(SpaceSnapshot space, DateTimeOffset? lastCheck, DateTimeOffset now, GrainCall call)
    {
        var measures = await OutcomeMeasures.Load(space, call.Db, call.Ct);
        var since = lastCheck ?? space.CreatedAt;
        var quarter = Quarter.Of(now);
        int Count(OutcomeMeasure m) => (int)(measures.Of(m, since, now) ?? 0);
        var reached = space.Targets.Where(t => t.Quarter == quarter && measures.Reached(t.Measure, t.Value, quarter, since, now))
            .Select(t => new OutcomeTargetDto(t.Measure, t.Value)).OrderBy(t => t.Measure).ToArray();
        return new DashboardChangesDto(lastCheck, now, measures.Joined(since, now), measures.Left(since, now),
            Count(OutcomeMeasure.AlliancesFormed), Count(OutcomeMeasure.JointBids), Count(OutcomeMeasure.SingleBids),
            Count(OutcomeMeasure.TendersWon), Count(OutcomeMeasure.LotsWon), measures.Of(OutcomeMeasure.ValueWon, since, now) ?? 0, reached);
    }
}

/// <summary>The admin has seen the dashboard's changes up to <see cref="Until"/> (the <see cref="DashboardChangesDto.Until"/> they read).</summary>
public sealed record CheckDashboardRequest(DateTimeOffset Until);

/// <summary>
/// What moved in the space since the admin's last check (<see cref="LastCheck"/>; null before their first, when it counts
/// from the space's opening) until <see cref="Until"/>: firms that joined and left, alliances formed, bids, wins, and
/// the current quarter's targets reached meanwhile. Counted as the outcome measures count (sealed bids only once shown).
/// </summary>
public sealed record DashboardChangesDto(DateTimeOffset? LastCheck, DateTimeOffset Until, int Joined, int Left, int AlliancesFormed, int JointBids,
    int SingleBids, int TendersWon, int LotsWon, decimal ValueWon, OutcomeTargetDto[] TargetsReached);

/// <summary>A target of the current quarter: its measure and value.</summary>
public sealed record OutcomeTargetDto(OutcomeMeasure Measure, decimal Value);
