using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>A firm the business blocked: its name as the directory gives it, and since when.</summary>
public sealed record FirmBlockDto(Guid FirmId, string Name, DateTimeOffset At);

public static class FirmBlockEndpoints
{
    /// <summary>
    /// A firm's Owners and Managers block another firm's messages, unblock it, and list the firms they blocked
    /// (<see cref="FirmBlocks"/> says what a block does). Nobody else reads or changes the list: the blocked firm is never
    /// told, and to anyone else it is the same refusal whatever the list holds.
    /// </summary>
    public static IEndpointRouteBuilder MapFirmBlockApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/businesses/{id:guid}/blocks", "Businesses").RequireAuthorization();
        api.MapGet("/", List).WithName("listFirmBlocks");
        api.MapPut("/{firmId:guid}", (Guid id, Guid firmId, ClaimsPrincipal user, [FromServices] IGrainFactory grains,
            [FromServices] MarketplaceDbContext db, CancellationToken ct) =>
            Change(id, firmId, true, user, grains, db, ct)).WithName("blockFirm");
        api.MapDelete("/{firmId:guid}", (Guid id, Guid firmId, ClaimsPrincipal user, [FromServices] IGrainFactory grains,
            [FromServices] MarketplaceDbContext db, CancellationToken ct) =>
            Change(id, firmId, false, user, grains, db, ct)).WithName("unblockFirm");
        return app;
    }

    static async Task<Results<Ok<FirmBlockDto[]>, ProblemHttpResult>> List(Guid id, ClaimsPrincipal user, [FromServices] IGrainFactory grains,
        [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        if (await grains.GetGrain<IBusinessGrain>(id).Get() is not { } business) return ProblemResults.NotFound(BusinessState.NotFound);
        if (!business.CanEdit(user.UserId())) return Problem.Forbidden(BusinessState.NotAnEditor).ToHttp();
        return TypedResults.Ok(await Of(business, db, ct));
    }

    static async Task<Results<Ok<FirmBlockDto[]>, ProblemHttpResult>> Change(Guid id, Guid firmId, bool blocked, ClaimsPrincipal user, IGrainFactory grains,
        MarketplaceDbContext db, CancellationToken ct)
    {
        var isFirm = await db.Directory.AsNoTracking().AnyAsync(d => d.BusinessId == firmId && d.Kind == BusinessKind.Firm, ct);
        var outcome = await grains.GetGrain<IBusinessGrain>(id).Block(user.UserId(), firmId, isFirm, blocked);
        if (outcome.Problem is { } no) return no.ToHttp();
        return TypedResults.Ok(await Of(outcome.Value!, db, ct));
    }

    static async Task<FirmBlockDto[]> Of(BusinessSnapshot business, MarketplaceDbContext db, CancellationToken ct)
    {
        var blocked = business.Blocked ?? [];
        var ids = blocked.Select(b => b.FirmId).ToList();
        var names = await db.Directory.AsNoTracking().Where(d => ids.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        return [.. blocked.OrderBy(b => names.GetValueOrDefault(b.FirmId, ""), StringComparer.CurrentCultureIgnoreCase)
            .Select(b => new FirmBlockDto(b.FirmId, names.GetValueOrDefault(b.FirmId, ""), b.At))];
    }
}
