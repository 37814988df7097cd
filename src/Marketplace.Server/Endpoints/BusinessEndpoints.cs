using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Reference;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class BusinessEndpoints
{
    static readonly Refusal KindRequired = new("business.kindRequired", "Kind is required: Firm, Association or Buyer.");

    const int MaxPageSize = 100, MaxPage = 10_000;

    /// <summary>Businesses: the directory, public profiles, profile editing and the people acting for a business (invited: <see cref="BusinessInvitationEndpoints"/>).</summary>
    public static IEndpointRouteBuilder MapBusinessApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/businesses", "Businesses");
        api.MapGet("/", Directory).WithName("listBusinesses");
        api.MapPost("/", Create).RequireAuthorization().WithName("createBusiness");
        api.MapGet("/{id:guid}", Get).WithName("getBusiness");
        api.MapGet("/{id:guid}/verifications", Verifications).WithName("listBusinessVerifications");
        api.MapPut("/{id:guid}/profile", EditProfile).RequireAuthorization().WithName("editBusinessProfile");
        api.MapGet("/{id:guid}/members", Members).RequireAuthorization().WithName("listBusinessMembers");
        api.MapDelete("/{id:guid}/members/{userId:guid}", RemoveMember).RequireAuthorization().WithName("removeBusinessMember");
        app.MapGet("/api/me/businesses", Mine).WithTags("Businesses").RequireAuthorization().WithName("listMyBusinesses");
        return app;
    }

    /// <param name="kind">Only businesses of this kind, e.g. the firms a space's admin may invite (only firms join a space).</param>
    static async Task<Ok<DirectoryPageDto>> Directory([SearchWords] string? q, int? page, int? pageSize, BusinessKind? kind,
        [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, MaxPage);
        var phrase = SearchPhrase.Parse(q ?? "");
        var query = BusinessDirectory.Matching(db, phrase).Where(d => kind == null || d.Kind == kind);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(d => d.Name).ThenBy(d => d.BusinessId).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new DirectoryPageDto([.. rows.Select(EntryDto)], total, number, size, DirectorySearchedDto.From(phrase)));
    }

    internal static DirectoryEntryDto EntryDto(DirectoryEntry d) => new(d.BusinessId, d.Kind, d.Name,
        d.ComuneCode is { } code ? ComuneCatalog.Shared.Find(code)?.Name : null, d.ProvinceSigla, d.Size, d.CapabilityCount,
        BusinessLogoEndpoints.Url(d.BusinessId, d.LogoTag));

    static async Task<Results<Created<BusinessProfileDto>, ProblemHttpResult>> Create(
        CreateBusinessRequest body, ClaimsPrincipal user, [FromServices] IGrainFactory grains)
    {
        if (body.Kind is not { } kind) return Problem.Invalid("kind", KindRequired).ToHttp();
        var id = Guid.NewGuid();
        var outcome = await grains.GetGrain<IBusinessGrain>(id).Create(new CreateBusiness(user.UserId(), kind, body.Name ?? ""));
        return outcome.Problem is { } no ? no.ToHttp()
            : TypedResults.Created($"/api/businesses/{id}", ForActor(outcome.Value!, user));
    }

    /// <summary>The business's page: its profile as the viewer may read it, and what they may do with it.</summary>
    static async Task<Results<Ok<BusinessProfileDto>, ProblemHttpResult>> Get(
        Guid id, [AsParameters] ViewerCall call)
    {
        // Whom the viewer acts for is asked once, beside the business: their role and whether they see its contacts follow from it.
        var (businessRead, actingRead) = (call.Grains.GetGrain<IBusinessGrain>(id).Get(), call.Access.Firms(call.User, call.Ct));
        var (found, acting) = (await businessRead, await actingRead);
        if (found is not { } business) return ProblemResults.NotFound(BusinessState.NotFound);
        var actions = BusinessViewerActions.Of(call.User.UserIdOrNull() ?? Guid.Empty, business.Kind, acting.RoleIn(id), business.Invitations.Length);
        return TypedResults.Ok(BusinessProfileDto.From(business, await call.Access.SeesContacts(call.User, business, call.Ct, acting), actions));
    }

    /// <summary>The business after the actor's own command: they are one of its people, so they read it all.</summary>
    internal static BusinessProfileDto ForActor(BusinessSnapshot business, ClaimsPrincipal user) =>
        BusinessProfileDto.From(business, withContacts: true, BusinessViewerActions.Of(user.UserId(), business));

    /// <summary>
    /// The associations that vouch for the firm's current size class and VAT number. A members-only space is named
    /// only to people of its member firms and of its host: membership there is not public.
    /// </summary>
    static async Task<Ok<VerificationDto[]>> Verifications(Guid id, ClaimsPrincipal user, [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        var me = user.UserIdOrNull() ?? Guid.Empty;
        var myBusinesses = db.ActingFor(me).Select(b => b.BusinessId);
        // Spaces the viewer may see inside: those of the viewer's member firms, and those the viewer's association hosts.
        var viewerSpaces = db.SpaceMembers.Where(m => m.Status == Spaces.MembershipStatus.Member && myBusinesses.Contains(m.BusinessId))
            .Select(m => m.SpaceId)
            .Union(db.Spaces.Where(s => myBusinesses.Contains(s.HostId)).Select(s => s.SpaceId));
        var rows = await db.SpaceMembers.AsNoTracking()
            .Where(m => m.BusinessId == id && m.Status == Spaces.MembershipStatus.Member && m.Verified)
            .Join(db.Spaces, m => m.SpaceId, s => s.SpaceId, (m, s) => new { Member = m, Space = s })
            .Where(x => x.Space.Visibility == Spaces.DirectoryVisibility.Public || viewerSpaces.Contains(x.Space.SpaceId))
            .Join(db.Directory, x => x.Space.HostId, h => h.BusinessId, (x, h) => new { x.Member, x.Space, Host = h })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => new VerificationDto(x.Space.SpaceId, x.Space.Name, x.Host.BusinessId, x.Host.Name,
            x.Member.VouchedAt!.Value)).ToArray());
    }

    static async Task<Results<Ok<BusinessProfileDto>, ProblemHttpResult>> EditProfile(
        Guid id, EditProfileRequest body, ClaimsPrincipal user, [FromServices] IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IBusinessGrain>(id).EditProfile(new EditProfile(user.UserId(), body.Version, body.ToProfile()));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(ForActor(outcome.Value!, user));
    }

    static async Task<Results<Ok<BusinessMemberDto[]>, ProblemHttpResult>> Members(
        Guid id, [AsParameters] GrainCall call)
    {
        if (await call.Grains.GetGrain<IBusinessGrain>(id).Get() is not { } business) return ProblemResults.NotFound(BusinessState.NotFound);
        var me = call.User.UserId();
        if (BusinessState.CheckSeesMembers(business.RoleOf(me)) is { } no) return no.ToHttp();
        return TypedResults.Ok(await MemberDtos(business, me, call.Db, call.Ct));
    }

    /// <summary>An Owner or Manager removes a Manager or a Viewer; the answer is the people who still act for the business.</summary>
    static async Task<Results<Ok<BusinessMemberDto[]>, ProblemHttpResult>> RemoveMember(
        Guid id, Guid userId, ClaimsPrincipal user, [FromServices] IGrainFactory grains, [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        var outcome = await grains.GetGrain<IBusinessGrain>(id).RemoveMember(user.UserId(), userId);
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await MemberDtos(outcome.Value!, user.UserId(), db, ct));
    }

    static async Task<Ok<MyBusinessDto[]>> Mine(ClaimsPrincipal user, [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var rows = await db.ActingFor(me).AsNoTracking()
            .Join(db.Directory, m => m.BusinessId, d => d.BusinessId, (m, d) => new { d.BusinessId, d.Name, d.Kind, m.Role })
            .OrderBy(x => x.Name).ToListAsync(ct);
        var ids = rows.Select(x => x.BusinessId).ToList();
        var pending = await db.BusinessInvitations.AsNoTracking().Where(i => ids.Contains(i.BusinessId))
            .GroupBy(i => i.BusinessId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return TypedResults.Ok(rows.Select(x => new MyBusinessDto(x.BusinessId, x.Name, x.Kind, x.Role,
            BusinessViewerActions.Of(me, x.Kind, x.Role, pending.GetValueOrDefault(x.BusinessId)))).ToArray());
    }

    /// <summary>The business's people as <paramref name="viewerId"/> (one of them) sees them, with what they may do about each.</summary>
    static async Task<BusinessMemberDto[]> MemberDtos(BusinessSnapshot business, Guid viewerId, MarketplaceDbContext db, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().PeopleOf(business.Members.Select(m => m.UserId), ct);
        var viewerRole = business.RoleOf(viewerId);
        return [.. business.Members.Select(m => new BusinessMemberDto(m.UserId, people.GetValueOrDefault(m.UserId)?.Email ?? "", m.Role,
            ViewerActions<BusinessMemberAction>.Of((BusinessMemberAction.Remove, BusinessState.CheckRemoval(viewerRole, m.Role))),
            people.NameOf(m.UserId)))];
    }
}
