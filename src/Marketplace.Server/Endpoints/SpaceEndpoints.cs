using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class SpaceEndpoints
{
    /// <summary>Collaboration spaces: browsing, the policy, applications and the admins' decisions.</summary>
    public static IEndpointRouteBuilder MapSpaceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/spaces").WithTags("Spaces");
        api.MapGet("/", List);
        api.MapPost("/", Create).RequireAuthorization();
        api.MapGet("/{id:guid}", Get);
        api.MapPut("/{id:guid}/settings", EditSettings).RequireAuthorization();
        api.MapPost("/{id:guid}/policy", PublishPolicy).RequireAuthorization();
        api.MapGet("/{id:guid}/members", Members);
        api.MapGet("/{id:guid}/memberships", Memberships).RequireAuthorization();
        api.MapGet("/{id:guid}/history", History).RequireAuthorization();
        api.MapPost("/{id:guid}/applications", Apply).RequireAuthorization();
        api.MapPost("/{id:guid}/invitations", Invite).RequireAuthorization();
        api.MapPost("/{id:guid}/firms/{firmId:guid}/withdraw", Withdraw).RequireAuthorization();
        api.MapPost("/{id:guid}/firms/{firmId:guid}/leave", Leave).RequireAuthorization();
        api.MapPost("/{id:guid}/firms/{firmId:guid}/accept-policy", AcceptPolicy).RequireAuthorization();
        api.MapPost("/{id:guid}/firms/{firmId:guid}/decision", Decide).RequireAuthorization();
        api.MapPost("/{id:guid}/moderators", AddModerator).RequireAuthorization();
        api.MapDelete("/{id:guid}/moderators/{userId:guid}", RemoveModerator).RequireAuthorization();
        return app;
    }

    static ISpaceGrain Space(this IGrainFactory grains, Guid id) => grains.GetGrain<ISpaceGrain>(id);

    static async Task<Ok<SpaceSummaryDto[]>> List(MarketplaceDbContext db, CancellationToken ct)
    {
        var rows = await db.Spaces.AsNoTracking()
            .Join(db.Directory, s => s.HostId, d => d.BusinessId, (s, d) => new { Space = s, HostName = d.Name })
            .OrderBy(x => x.Space.Name).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => new SpaceSummaryDto(x.Space.SpaceId, x.Space.HostId, x.HostName, x.Space.Name,
            x.Space.Description, x.Space.Visibility, x.Space.PolicyVersion, x.Space.MemberCount)).ToArray());
    }

    static async Task<Results<Created<SpaceDetailDto>, ProblemHttpResult>> Create(
        CreateSpaceRequest body, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var outcome = await grains.Space(id).Create(new CreateSpace(user.UserId(), body.HostId, body.Settings, body.PolicyText ?? ""));
        return outcome.Problem is { } no ? no.ToHttp()
            : TypedResults.Created($"/api/spaces/{id}", await Detail(outcome.Value!, user, grains, db, ct));
    }

    static async Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        await grains.Space(id).Get() is { } space
            ? TypedResults.Ok(await Detail(space, user, grains, db, ct))
            : ProblemResults.NotFound("No space has this id.");

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> EditSettings(
        Guid id, EditSpaceSettingsRequest body, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        Respond(grains.Space(id).EditSettings(new EditSpaceSettings(user.UserId(), body.Version, body.Settings)), user, grains, db, ct);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> PublishPolicy(
        Guid id, PublishPolicyRequest body, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        Respond(grains.Space(id).PublishPolicy(new PublishPolicy(user.UserId(), body.Text ?? "")), user, grains, db, ct);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Apply(
        Guid id, ApplyRequest body, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        Respond(grains.Space(id).Apply(new ApplyToSpace(user.UserId(), body.FirmId, body.Message, body.AcceptedPolicyVersion)), user, grains, db, ct);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Invite(
        Guid id, InviteRequest body, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        Respond(grains.Space(id).Invite(new InviteFirm(user.UserId(), body.FirmId)), user, grains, db, ct);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Withdraw(
        Guid id, Guid firmId, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        Respond(grains.Space(id).Withdraw(new FirmStep(user.UserId(), firmId)), user, grains, db, ct);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Leave(
        Guid id, Guid firmId, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        Respond(grains.Space(id).Leave(new FirmStep(user.UserId(), firmId)), user, grains, db, ct);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> AcceptPolicy(
        Guid id, Guid firmId, AcceptPolicyRequest body, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        Respond(grains.Space(id).AcceptPolicy(new AcceptPolicy(user.UserId(), firmId, body.Version)), user, grains, db, ct);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Decide(
        Guid id, Guid firmId, DecisionRequest body, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        Respond(grains.Space(id).Decide(new DecideMembership(user.UserId(), firmId, body.Decision, body.Reason)), user, grains, db, ct);

    static async Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> AddModerator(
        Guid id, ModeratorRequest body, ClaimsPrincipal user, IGrainFactory grains, UserManager<MarketplaceUser> users, MarketplaceDbContext db, CancellationToken ct)
    {
        if ((string.IsNullOrWhiteSpace(body.Email) ? null : await users.FindByEmailAsync(body.Email.Trim())) is not { } moderator)
            return Problem.Invalid("email", "No registered user has this e-mail address.").ToHttp();
        return await Respond(grains.Space(id).SetModerator(new SetModerator(user.UserId(), moderator.Id, true)), user, grains, db, ct);
    }

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> RemoveModerator(
        Guid id, Guid userId, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct) =>
        Respond(grains.Space(id).SetModerator(new SetModerator(user.UserId(), userId, false)), user, grains, db, ct);

    /// <summary>The current members (firms in good standing) with their public profile facts.</summary>
    static async Task<Results<Ok<DirectoryEntryDto[]>, ProblemHttpResult>> Members(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct)
    {
        if (await grains.Space(id).Get() is not { } space) return ProblemResults.NotFound("No space has this id.");
        if (!await CanSeeDirectory(space, user, grains, db, ct))
            return Problem.Forbidden("This space shows its members to its members only.").ToHttp();
        var memberIds = space.Members.Where(m => m.Status == MembershipStatus.Member).Select(m => m.BusinessId).ToList();
        var rows = await db.Directory.AsNoTracking().Where(d => memberIds.Contains(d.BusinessId)).OrderBy(d => d.Name).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(BusinessEndpoints.EntryDto).ToArray());
    }

    /// <summary>Every firm the space has dealt with and where it stands: the admins' working list.</summary>
    static async Task<Results<Ok<SpaceMembershipDto[]>, ProblemHttpResult>> Memberships(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct)
    {
        if (await AdminView(id, user, grains) is not { } space) return AdminRefusal(await grains.Space(id).Get());
        var names = await BusinessNames(db, space.Members.Select(m => m.BusinessId), ct);
        return TypedResults.Ok(space.Members.OrderBy(m => m.Status).ThenBy(m => m.Since).Select(m => new SpaceMembershipDto(
            m.BusinessId, names.GetValueOrDefault(m.BusinessId, ""), m.Status, m.AcceptedPolicyVersion,
            m.Status == MembershipStatus.Member && m.AcceptedPolicyVersion != space.Policy.Version,
            m.Message, m.Reason, m.Since)).ToArray());
    }

    static async Task<Results<Ok<MembershipEventDto[]>, ProblemHttpResult>> History(
        Guid id, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct)
    {
        if (await AdminView(id, user, grains) is not { } space) return AdminRefusal(await grains.Space(id).Get());
        var names = await BusinessNames(db, space.History.Select(h => h.BusinessId), ct);
        var actorIds = space.History.Select(h => h.ActorId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", ct);
        return TypedResults.Ok(space.History.AsEnumerable().Reverse().Select(h => new MembershipEventDto(
            h.BusinessId, names.GetValueOrDefault(h.BusinessId, ""), h.Status, emails.GetValueOrDefault(h.ActorId, ""), h.Reason, h.At)).ToArray());
    }

    static async Task<SpaceSnapshot?> AdminView(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.Space(id).IsAdmin(user.UserId()) ? await grains.Space(id).Get() : null;

    static ProblemHttpResult AdminRefusal(SpaceSnapshot? space) => space is null
        ? ProblemResults.NotFound("No space has this id.")
        : Problem.Forbidden("Only the space's admins may see this.").ToHttp();

    static async Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Respond(
        Task<Outcome<SpaceSnapshot>> command, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct)
    {
        var outcome = await command;
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Detail(outcome.Value!, user, grains, db, ct));
    }

    static async Task<SpaceDetailDto> Detail(SpaceSnapshot space, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct)
    {
        var me = user.UserIdOrNull();
        var firms = me is { } userId ? await ViewerFirms(userId, db, ct) : [];
        var hostName = (await BusinessNames(db, [space.HostId], ct)).GetValueOrDefault(space.HostId, "");
        var summary = new SpaceSummaryDto(space.Id, space.HostId, hostName, space.Settings.Name, space.Settings.Description,
            space.Settings.Visibility, space.Policy.Version, space.Members.Count(m => m.Status == MembershipStatus.Member));
        return new SpaceDetailDto(summary, space.Settings.TerritoryComuni, space.Settings.TerritoryProvinces,
            new SpacePolicyDto(space.Policy.Version, space.Policy.Text, space.Policy.PublishedAt),
            me is { } id && await grains.Space(space.Id).IsAdmin(id),
            [.. firms.Select(f => space.MemberOf(f.Id) is { } m
                ? new FirmStandingDto(f.Id, f.Name, m.Status, m.AcceptedPolicyVersion, m.Reason)
                : new FirmStandingDto(f.Id, f.Name, null, null, null))],
            space.Version);
    }

    internal static async Task<bool> CanSeeDirectory(SpaceSnapshot space, ClaimsPrincipal user, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct)
    {
        if (user.UserIdOrNull() is not { } me) return SpaceAccess.CanSeeDirectory(space, false, []);
        return SpaceAccess.CanSeeDirectory(space, await grains.Space(space.Id).IsAdmin(me), (await ViewerFirms(me, db, ct)).Select(f => f.Id));
    }

    /// <summary>The firms the user acts for, in any role.</summary>
    static async Task<(Guid Id, string Name)[]> ViewerFirms(Guid userId, MarketplaceDbContext db, CancellationToken ct) =>
        [.. (await db.BusinessMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Directory.Where(d => d.Kind == BusinessKind.Firm), m => m.BusinessId, d => d.BusinessId, (m, d) => new { d.BusinessId, d.Name })
            .OrderBy(x => x.Name).ToListAsync(ct)).Select(x => (x.BusinessId, x.Name))];

    static async Task<Dictionary<Guid, string>> BusinessNames(MarketplaceDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Directory.AsNoTracking().Where(d => list.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
    }
}
