using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Auth;
using Marketplace.Server.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class BusinessInvitationEndpoints
{
    /// <summary>
    /// People join a business by invitation: its Owners and Managers invite an e-mail address with a role (the answer
    /// is the same whether the address has an account), and the person signed in with that address accepts or declines.
    /// Until then they have no role.
    /// </summary>
    public static IEndpointRouteBuilder MapBusinessInvitationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/businesses/{id:guid}/invitations", "Businesses").RequireAuthorization();
        api.MapPost("/", Invite).WithName("inviteToBusiness");
        api.MapGet("/", Pending).WithName("listBusinessInvitations");
        api.MapDelete("/{invitationId:guid}", Revoke).WithName("revokeBusinessInvitation");
        api.MapPost("/{invitationId:guid}/accept", Accept).WithName("acceptBusinessInvitation");
        api.MapPost("/{invitationId:guid}/decline", Decline).WithName("declineBusinessInvitation");
        app.MapGet("/api/me/invitations", Mine).WithTags("Businesses").RequireAuthorization().WithName("listMyInvitations");
        return app;
    }

    static IBusinessGrain Business(this IGrainFactory grains, Guid id) => grains.GetGrain<IBusinessGrain>(id);

    /// <summary>
    /// Invites the address and, in the same stored change, writes the e-mail that tells it (<see cref="InvitationMails"/>):
    /// a refused or failed invitation leaves no e-mail behind. An address invited already is sent its e-mail again, at
    /// most once per <see cref="BusinessState.SendAgainEvery"/> (429 sooner); the answer is its pending invitation.
    /// </summary>
    static async Task<Results<Created<BusinessInvitationDto>, ProblemHttpResult>> Invite(
        Guid id, InviteMemberRequest body, ClaimsPrincipal user, [FromServices] IGrainFactory grains, [FromServices] ILookupNormalizer normalizer,
        [FromServices] MarketplaceDbContext db,
        [FromServices] InvitationMails mails, [FromServices] OutboxSignal outbox, CancellationToken ct)
    {
        var email = body.Email?.Trim() ?? "";
        var normalized = normalizer.NormalizeEmail(email);
        var business = grains.Business(id);
        var mail = await business.Get() is { } current ? await mails.ToTeam(current.Profile.Name, user.UserId(), email, normalized, body.Role, ct) : null;
        var outcome = await business.Invite(new InviteToBusiness(user.UserId(), Guid.NewGuid(), email, normalized, body.Role, mail));
        if (outcome.Problem is { } no) return no.ToHttp();
        outbox.Written();
        return TypedResults.Created($"/api/businesses/{id}/invitations",
            (await BusinessInvitationDto.Of(outcome.Value!.Invitations.Where(i => i.NormalizedEmail == normalized), db)).Single());
    }

    static async Task<Results<Ok<BusinessInvitationDto[]>, ProblemHttpResult>> Pending(Guid id, ClaimsPrincipal user,
        [FromServices] IGrainFactory grains, [FromServices] MarketplaceDbContext db)
    {
        if (await grains.Business(id).Get() is not { } business) return ProblemResults.NotFound(BusinessState.NotFound);
        return BusinessState.CheckSeesInvitations(business.RoleOf(user.UserId())) is { } no ? no.ToHttp()
            : TypedResults.Ok(await BusinessInvitationDto.Of(business.Invitations, db));
    }

    static async Task<Results<Ok<BusinessInvitationDto[]>, ProblemHttpResult>> Revoke(Guid id, Guid invitationId, ClaimsPrincipal user,
        [FromServices] IGrainFactory grains, [FromServices] MarketplaceDbContext db)
    {
        var outcome = await grains.Business(id).RevokeInvitation(user.UserId(), invitationId);
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await BusinessInvitationDto.Of(outcome.Value!.Invitations, db));
    }

    static async Task<Results<Ok<MyBusinessDto>, ProblemHttpResult>> Accept(
        Guid id, Guid invitationId, ClaimsPrincipal user, [FromServices] IGrainFactory grains, [FromServices] UserManager<MarketplaceUser> users)
    {
        var outcome = await Answer(id, invitationId, accept: true, user, grains, users);
        if (outcome.Problem is { } no) return no.ToHttp();
        var business = outcome.Value!;
        var me = user.UserId();
        return TypedResults.Ok(new MyBusinessDto(business.Id, business.Profile.Name, business.Kind, business.RoleOf(me)!.Value,
            BusinessViewerActions.Of(me, business)));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Decline(
        Guid id, Guid invitationId, ClaimsPrincipal user, [FromServices] IGrainFactory grains, [FromServices] UserManager<MarketplaceUser> users) =>
        (await Answer(id, invitationId, accept: false, user, grains, users)).Problem is { } no ? no.ToHttp() : TypedResults.NoContent();

    static async Task<Outcome<BusinessSnapshot>> Answer(
        Guid id, Guid invitationId, bool accept, ClaimsPrincipal user, IGrainFactory grains, UserManager<MarketplaceUser> users)
    {
        var me = await users.GetUserAsync(user);
        return await grains.Business(id).AnswerInvitation(new AnswerBusinessInvitation(user.UserId(), me?.NormalizedEmail ?? "", invitationId, accept));
    }

    /// <summary>The invitations made to the signed-in person's e-mail address, newest first.</summary>
    static async Task<Ok<MyInvitationDto[]>> Mine(ClaimsPrincipal user, [FromServices] UserManager<MarketplaceUser> users,
        [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        var email = (await users.GetUserAsync(user))?.NormalizedEmail ?? "";
        var rows = await db.BusinessInvitations.AsNoTracking().Where(i => i.NormalizedEmail == email)
            .Join(db.Directory, i => i.BusinessId, d => d.BusinessId, (i, d) => new { Invitation = i, d.Name, d.Kind })
            .OrderByDescending(x => x.Invitation.InvitedAt).Take(100).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => new MyInvitationDto(x.Invitation.InvitationId, x.Invitation.BusinessId, x.Name, x.Kind,
            x.Invitation.Role, x.Invitation.InvitedAt)).ToArray());
    }
}
