using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class SpaceBuyerEndpoints
{
    static readonly Refusal
        NotTheBuyers = new("spaceBuyer.notTheBuyers", "Only the buyer's people see its spaces and mandates.");

    /// <summary>
    /// Buyers in spaces: a buyer asks to publish tenders in a space and its admins approve or revoke; the buyer
    /// grants or revokes a mandate for the space's admins to act for it there. Each step is in the standing's history.
    /// </summary>
    public static IEndpointRouteBuilder MapSpaceBuyerApi(this IEndpointRouteBuilder app)
    {
        var spaces = app.MapApiGroup("/api/spaces/{id:guid}/buyers", "Spaces").RequireAuthorization();
        spaces.MapGet("/", OfSpace).WithName("listSpaceBuyers");
        spaces.MapPost("/{buyerId:guid}/request", Request).WithName("requestBuyerAccess");
        spaces.MapPost("/{buyerId:guid}/decision", Decide).WithName("decideBuyerAccess");
        var buyers = app.MapApiGroup("/api/businesses/{id:guid}", "Spaces").RequireAuthorization();
        buyers.MapGet("/spaces", OfBuyer).WithName("listBuyerSpaces");
        buyers.MapGet("/spaces/choices", Choices).WithName("listBuyerSpaceChoices");
        buyers.MapPost("/mandates", Grant).WithName("grantBuyerMandate");
        buyers.MapDelete("/mandates/{spaceId:guid}", Revoke).WithName("revokeBuyerMandate");
        return app;
    }

    /// <summary>The buyers of a space (requests, approvals, mandates) with their history: for its admins.</summary>
    static async Task<Results<Ok<SpaceBuyerDto[]>, ProblemHttpResult>> OfSpace(
        Guid id, [AsParameters] ViewerCall call) =>
        await SpaceEndpoints.AdminView(id, call.User, call.Grains) is null ? SpaceEndpoints.AdminRefusal(await call.Grains.GetGrain<ISpaceGrain>(id).Get())
        : TypedResults.Ok(await Dtos(call.Db.SpaceBuyers.Where(b => b.SpaceId == id), call));

    /// <summary>A buyer's standing in every space it dealt with: for the buyer's own people.</summary>
    static async Task<Results<Ok<SpaceBuyerDto[]>, ProblemHttpResult>> OfBuyer(
        Guid id, [AsParameters] ViewerCall call) =>
        !await call.Access.IsOneOf(call.User, id, call.Ct) ? Problem.Forbidden(NotTheBuyers).ToHttp()
        : TypedResults.Ok(await Dtos(call.Db.SpaceBuyers.Where(b => b.BuyerId == id), call));

    /// <summary>
    /// The spaces the buyer has not dealt with yet where the viewer may ask to publish for it, each with what they may
    /// do there, judged by the rules the commands run: for the buyer's Viewers, an empty list.
    /// </summary>
    static async Task<Results<Ok<BuyerSpaceChoiceDto[]>, ProblemHttpResult>> Choices(
        Guid id, [AsParameters] ViewerCall call)
    {
        var acting = await call.Access.Firms(call.User, call.Ct);
        if (!acting.Reads(id)) return Problem.Forbidden(NotTheBuyers).ToHttp();
        var kind = await call.Db.Directory.AsNoTracking().Where(d => d.BusinessId == id).Select(d => (BusinessKind?)d.Kind).SingleOrDefaultAsync(call.Ct);
        // Whether the viewer administers each space is not asked: a standing never asked for holds nothing for its
        // admins to decide (SpaceBuyerState.CheckDecide: not requested).
        var context = new SpaceBuyerContext(SpaceExists: true, ActorIsAdmin: false, acting.Edits(id), kind);
        var spaces = await call.Db.Spaces.AsNoTracking()
            .Where(s => !call.Db.SpaceBuyers.Any(b => b.SpaceId == s.SpaceId && b.BuyerId == id))
            .Join(call.Db.Directory, s => s.HostId, d => d.BusinessId, (s, d) => new { s.SpaceId, s.Name, HostName = d.Name })
            .ToListAsync(call.Ct);
        return TypedResults.Ok(spaces
            .Select(s => new BuyerSpaceChoiceDto(new NamedDto(s.SpaceId, s.Name), s.HostName,
                new SpaceBuyerState { SpaceId = s.SpaceId, BuyerId = id }.ActionsFor(context)))
            .Where(c => c.Actions.Allowed.Length + c.Actions.Blocked.Length > 0)
            .OrderBy(c => c.Space.Name, StringComparer.Ordinal).ToArray());
    }

    static Task<Results<Ok<SpaceBuyerDto>, ProblemHttpResult>> Request(
        Guid id, Guid buyerId, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.SpaceBuyer(id, buyerId).RequestPublishing(call.User.UserId()), call);

    static async Task<Results<Ok<SpaceBuyerDto>, ProblemHttpResult>> Decide(
        Guid id, Guid buyerId, BuyerDecisionRequest body, [AsParameters] ViewerCall call) =>
        body.Decision is not { } decision ? ProblemResults.Required("decision")
        : await Respond(call.Grains.SpaceBuyer(id, buyerId).Decide(call.User.UserId(), decision), call);

    static Task<Results<Ok<SpaceBuyerDto>, ProblemHttpResult>> Grant(
        Guid id, MandateRequest body, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.SpaceBuyer(body.SpaceId, id).GrantMandate(call.User.UserId()), call);

    static Task<Results<Ok<SpaceBuyerDto>, ProblemHttpResult>> Revoke(
        Guid id, Guid spaceId, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.SpaceBuyer(spaceId, id).RevokeMandate(call.User.UserId()), call);

    static async Task<Results<Ok<SpaceBuyerDto>, ProblemHttpResult>> Respond(
        Task<Outcome<SpaceBuyerSnapshot>> command, ViewerCall call)
    {
        var outcome = await command;
        if (outcome.Problem is { } no) return no.ToHttp();
        var done = outcome.Value!;
        // The read model is written in the grain's own transaction, so it already says what the grain says.
        return TypedResults.Ok((await Dtos(call.Db.SpaceBuyers.Where(b => b.SpaceId == done.SpaceId && b.BuyerId == done.BuyerId), call)).Single());
    }

    /// <summary>
    /// Standings with the space's and the buyer's names, each history step with who took it (three queries), and
    /// what the viewer may do with each by the standing's rules: their roles come from one "acts for" query, and
    /// whether they administer each space from that space's grain (a list names few spaces).
    /// </summary>
    static async Task<SpaceBuyerDto[]> Dtos(
        IQueryable<SpaceBuyerEntry> standings, ViewerCall call)
    {
        var rows = await standings.AsNoTracking()
            .Join(call.Db.Spaces, b => b.SpaceId, s => s.SpaceId, (b, s) => new { Standing = b, Space = s.Name })
            .Join(call.Db.Directory, x => x.Standing.BuyerId, d => d.BusinessId, (x, d) => new { x.Standing, x.Space, Buyer = d.Name, d.Kind })
            .OrderBy(x => x.Buyer).ThenBy(x => x.Space).Take(500).ToListAsync(call.Ct);
        var viewer = await call.Access.Firms(call.User, call.Ct);
        var administers = new Dictionary<Guid, bool>();
        foreach (var spaceId in rows.Select(r => r.Standing.SpaceId).Distinct())
            administers[spaceId] = await call.Grains.GetGrain<ISpaceGrain>(spaceId).IsAdmin(call.User.UserId());
        var spaceIds = rows.Select(r => r.Standing.SpaceId).Distinct().ToList();
        var buyerIds = rows.Select(r => r.Standing.BuyerId).Distinct().ToList();
        var events = await call.Db.SpaceBuyerEvents.AsNoTracking().Where(e => spaceIds.Contains(e.SpaceId) && buyerIds.Contains(e.BuyerId))
            .ToListAsync(call.Ct);
        var actors = await call.Db.Users.AsNoTracking().PeopleOf(events.Select(e => e.ActorId), call.Ct);
        return [.. rows.Select(r => new SpaceBuyerDto(new NamedDto(r.Standing.SpaceId, r.Space), new NamedDto(r.Standing.BuyerId, r.Buyer),
            r.Standing.Approval, r.Standing.Mandated,
            [.. events.Where(e => e.SpaceId == r.Standing.SpaceId && e.BuyerId == r.Standing.BuyerId).OrderByDescending(e => e.Sequence)
                .Select(e => new SpaceBuyerEventDto(e.Step, actors.NameOf(e.ActorId), e.At))],
            r.Standing.ToState().ActionsFor(new SpaceBuyerContext(true, administers[r.Standing.SpaceId], viewer.Edits(r.Standing.BuyerId), r.Kind))))];
    }
}
