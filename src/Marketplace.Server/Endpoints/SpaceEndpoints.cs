using System.Security.Claims;
using Marketplace.Board;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Reference;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Endpoints;

public static class SpaceEndpoints
{
    internal static readonly Refusal
        MembersOnly = new("space.membersOnly", "This space shows its members to its members only."),
        AdminsOnly = new("space.adminsOnly", "Only the space's admins may see this.");

    /// <summary>Collaboration spaces: browsing, the policy, applications and the admins' decisions.</summary>
    public static IEndpointRouteBuilder MapSpaceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/spaces", "Spaces");
        api.MapGet("/", List).WithName("listSpaces");
        api.MapGet("/hosts", Hosts).RequireAuthorization().WithName("listSpaceHosts");
        api.MapPost("/", Create).RequireAuthorization().WithName("createSpace");
        api.MapGet("/{id:guid}", Get).WithName("getSpace");
        api.MapPut("/{id:guid}/settings", EditSettings).RequireAuthorization().WithName("editSpaceSettings");
        api.MapPost("/{id:guid}/policy", PublishPolicy).RequireAuthorization().WithName("publishSpacePolicy");
        api.MapGet("/{id:guid}/members", Members).WithName("listSpaceMembers");
        api.MapGet("/{id:guid}/directory", Directory).WithName("getSpaceDirectory");
        api.MapGet("/{id:guid}/memberships", Memberships).RequireAuthorization().WithName("listSpaceMemberships");
        api.MapGet("/{id:guid}/history", History).RequireAuthorization().WithName("getSpaceHistory");
        api.MapGet("/{id:guid}/dashboard", Dashboard).RequireAuthorization().WithName("getSpaceDashboard");
        api.MapPost("/{id:guid}/applications", Apply).RequireAuthorization().WithName("applyToSpace");
        api.MapPost("/{id:guid}/invitations", Invite).RequireAuthorization().WithName("inviteToSpace");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/withdraw", Withdraw).RequireAuthorization().WithName("withdrawFromSpace");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/leave", Leave).RequireAuthorization().WithName("leaveSpace");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/accept-policy", AcceptPolicy).RequireAuthorization().WithName("acceptSpacePolicy");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/decision", Decide).RequireAuthorization().WithName("decideSpaceMembership");
        api.MapPost("/{id:guid}/firms/{firmId:guid}/vouch", Vouch).RequireAuthorization().WithName("vouchForFirm");
        api.MapDelete("/{id:guid}/firms/{firmId:guid}/vouch", RevokeVouch).RequireAuthorization().WithName("revokeVouch");
        api.MapPost("/{id:guid}/moderators", AddModerator).RequireAuthorization().WithName("addSpaceModerator");
        api.MapDelete("/{id:guid}/moderators/{userId:guid}", RemoveModerator).RequireAuthorization().WithName("removeSpaceModerator");
        return app;
    }

    static ISpaceGrain Space(this IGrainFactory grains, Guid id) => grains.GetGrain<ISpaceGrain>(id);

    static async Task<Ok<SpaceSummaryDto[]>> List([FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        var rows = await db.Spaces.AsNoTracking()
            .Join(db.Directory, s => s.HostId, d => d.BusinessId, (s, d) => new
            {
                Space = s,
                HostName = d.Name,
                Members = db.SpaceMembers.Count(m => m.SpaceId == s.SpaceId && m.Status == MembershipStatus.Member),
            })
            .OrderBy(x => x.Space.Name).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => new SpaceSummaryDto(x.Space.SpaceId, x.Space.HostId, x.HostName, x.Space.Name,
            x.Space.Description, x.Space.Visibility, x.Space.PolicyVersion, x.Members)).ToArray());
    }

    /// <summary>
    /// The associations the viewer may create a space for, judged by the rule the command runs
    /// (<see cref="SpaceState.CheckHost"/>): for a viewer who may create none, an empty list.
    /// </summary>
    static async Task<Ok<NamedDto[]>> Hosts([AsParameters] ViewerCall call)
    {
        var acting = await call.Access.Firms(call.User, call.Ct);
        var (me, theirs) = (call.User.UserId(), acting.Businesses.ToList());
        var businesses = await call.Db.Directory.AsNoTracking().Where(d => theirs.Contains(d.BusinessId))
            .Select(d => new { d.BusinessId, d.Kind, d.Name }).ToListAsync(call.Ct);
        return TypedResults.Ok(businesses.Where(b => SpaceState.CheckHost(b.Kind, SpaceActor.Of(me, b.BusinessId, acting)) is null)
            .OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => new NamedDto(b.BusinessId, b.Name)).ToArray());
    }

    static async Task<Results<Created<SpaceDetailDto>, ProblemHttpResult>> Create(
        CreateSpaceRequest body, [AsParameters] ViewerCall call)
    {
        if (body.Visibility is not { } visibility) return ProblemResults.Required("visibility");
        var id = Guid.NewGuid();
        var outcome = await call.Grains.Space(id).Create(new CreateSpace(call.User.UserId(), body.HostId, body.ToSettings(visibility), body.PolicyText ?? ""));
        return outcome.Problem is { } no ? no.ToHttp()
            : TypedResults.Created($"/api/spaces/{id}", await Detail(outcome.Value!, call));
    }

    static async Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Get(
        Guid id, [AsParameters] ViewerCall call)
    {
        // Whom the viewer acts for is read once: the space judges from it whether they administer it, in the same read
        // that returns the space, and the page names their firms from it.
        var acting = await call.Access.Firms(call.User, call.Ct);
        var seen = call.User.UserIdOrNull() is { } me ? await call.Grains.Space(id).SeenBy(me, acting)
            : await call.Grains.Space(id).Get() is { } open ? new SpaceSight(open, SpaceViewer.Nobody) : null;
        return seen is null ? ProblemResults.NotFound(SpaceState.NotFound)
            : TypedResults.Ok(await Detail(seen.Space, call, Task.FromResult(acting), Task.FromResult(seen.Viewer)));
    }

    static async Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> EditSettings(
        Guid id, EditSpaceSettingsRequest body, [AsParameters] ViewerCall call)
    {
        if (body.Visibility is not { } visibility) return ProblemResults.Required("visibility");
        // A setting left out keeps the current one; the expected version makes sure it is the one the editor saw.
        var current = body.MinimumTenderingDays is null || body.PostsNeedApproval is null ? (await call.Grains.Space(id).Get())?.Settings : null;
        return await Respond(call.Grains.Space(id).EditSettings(new EditSpaceSettings(call.User.UserId(), body.Version, body.ToSettings(visibility, current))), call);
    }

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> PublishPolicy(
        Guid id, PublishPolicyRequest body, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Space(id).PublishPolicy(new PublishPolicy(call.User.UserId(), body.Text ?? "")), call);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Apply(
        Guid id, ApplyRequest body, [AsParameters] ViewerCall call) =>
        RespondFor(id, call.Grains.Membership(id, body.FirmId).Apply(new ApplyToSpace(call.User.UserId(), body.Message, body.AcceptedPolicyVersion)), call);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Invite(
        Guid id, InviteRequest body, [AsParameters] ViewerCall call) =>
        RespondFor(id, call.Grains.Membership(id, body.FirmId).Invite(call.User.UserId()), call);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Withdraw(
        Guid id, Guid firmId, [AsParameters] ViewerCall call) =>
        RespondFor(id, call.Grains.Membership(id, firmId).Withdraw(call.User.UserId()), call);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Leave(
        Guid id, Guid firmId, [AsParameters] ViewerCall call) =>
        RespondFor(id, call.Grains.Membership(id, firmId).Leave(call.User.UserId()), call);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> AcceptPolicy(
        Guid id, Guid firmId, AcceptPolicyRequest body, [AsParameters] ViewerCall call) =>
        RespondFor(id, call.Grains.Membership(id, firmId).AcceptPolicy(new AcceptPolicy(call.User.UserId(), body.Version)), call);

    static async Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Decide(
        Guid id, Guid firmId, DecisionRequest body, [AsParameters] ViewerCall call) =>
        body.Decision is not { } decision ? ProblemResults.Required("decision")
        : await RespondFor(id, call.Grains.Membership(id, firmId).Decide(new DecideMembership(call.User.UserId(), decision, body.Reason)), call);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Vouch(
        Guid id, Guid firmId, [AsParameters] ViewerCall call) =>
        RespondFor(id, call.Grains.Membership(id, firmId).Vouch(call.User.UserId()), call);

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> RevokeVouch(
        Guid id, Guid firmId, [AsParameters] ViewerCall call) =>
        RespondFor(id, call.Grains.Membership(id, firmId).RevokeVouch(call.User.UserId()), call);

    static async Task<Results<Ok<SpaceDirectoryPageDto>, CachedJson<SpaceDirectoryPageDto>, ProblemHttpResult>> Directory(
        Guid id, [SearchWords] string? q, string? cpv, string? comune, string? province, string? region, string? near, double? radiusKm,
        FirmSize? size, bool? verified, int? page, int? pageSize,
        [AsParameters] ViewerCall call, [FromServices] IOptions<JsonOptions> json)
    {
        if (await call.Access.SeesDirectory(id, call.User, call.Ct) is not { } sees) return ProblemResults.NotFound(SpaceState.NotFound);
        if (!sees) return Problem.Forbidden(MembersOnly).ToHttp();
        var criteria = DirectorySearch.Normalize(new DirectoryCriteria(q, cpv, comune, province, region, near, radiusKm, size,
            verified ?? false, page ?? 1, pageSize ?? 20));
        if (criteria.Problem is { } no) return no.ToHttp();
        var asked = criteria.Value!;
        // The unfiltered first page is what every member's visit opens with, and the same for all who may see it.
        if (asked == new DirectoryCriteria(Page: 1, PageSize: asked.PageSize))
            return new CachedJson<SpaceDirectoryPageDto>(await call.Grains.CachedJson(id, SpaceReads.DirectoryPart + asked.PageSize,
                json.Value.SerializerOptions, () => DirectoryPage(id, asked, call.Db, call.Ct)));
        return TypedResults.Ok(await DirectoryPage(id, asked, call.Db, call.Ct));
    }

    static async Task<SpaceDirectoryPageDto> DirectoryPage(Guid id, DirectoryCriteria criteria, MarketplaceDbContext db, CancellationToken ct)
    {
        var result = await DirectorySearch.Run(db, id, criteria, ct);
        return new SpaceDirectoryPageDto([.. result.Hits.Select(h => new SpaceDirectoryEntryDto(
                h.Entry.BusinessId, h.Entry.Name, h.Entry.ComuneCode is { } c ? ComuneCatalog.Shared.Find(c)?.Name : null,
                h.Entry.ProvinceSigla, h.Entry.RegionName, h.Entry.Size, h.Entry.CapabilityCount, h.Verified, h.DistanceKm,
                BusinessLogoEndpoints.Url(h.Entry.BusinessId, h.Entry.LogoTag)))],
            result.Total, result.TotalIsLowerBound, criteria.Page, criteria.PageSize);
    }

    static async Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> AddModerator(
        Guid id, ModeratorRequest body, [AsParameters] ViewerCall call, [FromServices] UserManager<MarketplaceUser> users)
    {
        var moderator = string.IsNullOrWhiteSpace(body.Email) ? null : await users.FindByEmailAsync(body.Email.Trim());
        return await Respond(call.Grains.Space(id).SetModerator(new SetModerator(call.User.UserId(), moderator?.Id, true)), call);
    }

    static Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> RemoveModerator(
        Guid id, Guid userId, [AsParameters] ViewerCall call) =>
        Respond(call.Grains.Space(id).SetModerator(new SetModerator(call.User.UserId(), userId, false)), call);

    /// <summary>The current members (firms in good standing) with their public profile facts.</summary>
    static async Task<Results<Ok<DirectoryEntryDto[]>, ProblemHttpResult>> Members(
        Guid id, [AsParameters] ViewerCall call)
    {
        if (await call.Access.SeesDirectory(id, call.User, call.Ct) is not { } sees) return ProblemResults.NotFound(SpaceState.NotFound);
        if (!sees) return Problem.Forbidden(MembersOnly).ToHttp();
        return TypedResults.Ok((await MemberEntries(call.Db, id, call.Ct)).Select(BusinessEndpoints.EntryDto).ToArray());
    }

    /// <summary>The directory entries of the space's member firms (of every kind), by name.</summary>
    internal static Task<List<DirectoryEntry>> MemberEntries(MarketplaceDbContext db, Guid spaceId, CancellationToken ct) =>
        db.SpaceMembers.AsNoTracking().Where(m => m.SpaceId == spaceId && m.Status == MembershipStatus.Member)
            .Join(db.Directory, m => m.BusinessId, d => d.BusinessId, (m, d) => d).OrderBy(d => d.Name).ToListAsync(ct);

    /// <summary>Every firm the space has dealt with and where it stands: the admins' working list.</summary>
    static async Task<Results<Ok<SpaceMembershipDto[]>, ProblemHttpResult>> Memberships(
        Guid id, [AsParameters] GrainCall call)
    {
        if (await AdminView(id, call.User, call.Grains) is not { } space) return AdminRefusal(await call.Grains.Space(id).Get());
        var rows = await call.Db.SpaceMembers.AsNoTracking().Where(m => m.SpaceId == id)
            .Join(call.Db.Directory, m => m.BusinessId, d => d.BusinessId, (m, d) => new
            {
                Member = m,
                d.Name,
                Firm = new MemberFirm(d.Kind, d.Size, d.VatNumber),
            })
            .ToListAsync(call.Ct);
        return TypedResults.Ok(rows.OrderBy(x => x.Member.Status).ThenBy(x => x.Member.Since).Select(x =>
        {
            // The admins' actions read neither whether the viewer acts for the firm nor anything the row does not hold.
            var (actions, reasonRequired) = x.Member.ToState().AdminActions(new MembershipContext(space, true, false, x.Firm));
            return new SpaceMembershipDto(x.Member.BusinessId, x.Name, x.Member.Status, x.Member.AcceptedPolicyVersion,
                PolicyAcceptance.Pending(x.Member.Status, x.Member.AcceptedPolicyVersion, space.Policy.Version),
                x.Member.Message, Explained(x.Member), x.Member.Since, x.Member.Verified, actions, reasonRequired);
        }).ToArray());
    }

    /// <summary>The admins' reason, for a standing they had to explain (<see cref="MembershipState.Explained"/>).</summary>
    static string? Explained(SpaceMemberEntry member) => Explained(member.Status, member.Reason);

    static string? Explained(MembershipStatus status, string? reason) => MembershipState.Explained(status) ? reason : null;

    const int HistoryPage = 500;

    /// <summary>The latest changes of standing in the space, newest first.</summary>
    static async Task<Results<Ok<MembershipEventDto[]>, ProblemHttpResult>> History(
        Guid id, [AsParameters] GrainCall call)
    {
        if (await AdminView(id, call.User, call.Grains) is null) return AdminRefusal(await call.Grains.Space(id).Get());
        var rows = await call.Db.SpaceMembershipEvents.AsNoTracking().Where(e => e.SpaceId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence).Take(HistoryPage)
            .Join(call.Db.Directory, e => e.BusinessId, d => d.BusinessId, (e, d) => new { Event = e, d.Name })
            .ToListAsync(call.Ct);
        var actors = await call.Db.Users.AsNoTracking().PeopleOf(rows.Select(x => x.Event.ActorId), call.Ct);
        return TypedResults.Ok(rows.OrderByDescending(x => x.Event.At).ThenByDescending(x => x.Event.Sequence)
            .Select(x => new MembershipEventDto(x.Event.BusinessId, x.Name, x.Event.Status, actors.NameOf(x.Event.ActorId), x.Event.Reason, x.Event.At)).ToArray());
    }

    static async Task<Results<Ok<SpaceDashboardDto>, ProblemHttpResult>> Dashboard(
        Guid id, [AsParameters] GrainCall call, [FromServices] MarketplaceClock clock)
    {
        if (await AdminView(id, call.User, call.Grains) is not { } space) return AdminRefusal(await call.Grains.Space(id).Get());
        return TypedResults.Ok(await SpaceDashboard.Build(space, call.Db, clock, call.Ct));
    }

    internal static async Task<SpaceSnapshot?> AdminView(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.Space(id).SeenBy(user.UserId(), null) is { Viewer.IsAdmin: true } seen ? seen.Space : null;

    internal static ProblemHttpResult AdminRefusal(SpaceSnapshot? space) => space is null
        ? ProblemResults.NotFound(SpaceState.NotFound)
        : Problem.Forbidden(AdminsOnly).ToHttp();

    static async Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> Respond(
        Task<Outcome<SpaceSnapshot>> command, ViewerCall call)
    {
        var outcome = await command;
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Detail(outcome.Value!, call));
    }

    static async Task<Results<Ok<SpaceDetailDto>, ProblemHttpResult>> RespondFor(
        Guid spaceId, Task<Outcome<MembershipSnapshot>> command, ViewerCall call)
    {
        var outcome = await command;
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Detail((await call.Grains.Space(spaceId).Get())!, call));
    }

    static Task<SpaceDetailDto> Detail(SpaceSnapshot space, ViewerCall call) =>
        Detail(space, call, call.Access.Firms(call.User, call.Ct),
            call.User.UserIdOrNull() is { } me ? call.Grains.Space(space.Id).ViewerOf(me) : Task.FromResult(SpaceViewer.Nobody));

    static async Task<SpaceDetailDto> Detail(SpaceSnapshot space, ViewerCall call, Task<ActingFor> actingRead, Task<SpaceViewer> viewerRead)
    {
        var (user, grains, _, _, ct, _, _) = call;
        var me = user.UserIdOrNull();
        // Independent reads, side by side: every visit to a space's page makes them.
        var firmsRead = ViewerFirms(space.Id, actingRead, grains);
        // The read models are rented only when the cache misses or an admin reads the moderators (ViewerCall.Db says why).
        var listingRead = grains.CachedValue(space.Id, SpaceReads.SummaryPart, async () => new SpaceListing(
            await call.Db.Directory.Where(d => d.BusinessId == space.HostId).Select(d => d.Name).SingleOrDefaultAsync(ct) ?? "",
            await call.Db.SpaceMembers.CountAsync(m => m.SpaceId == space.Id && m.Status == MembershipStatus.Member, ct)));
        var (firms, listing, viewer) = (await firmsRead, await listingRead, await viewerRead);
        var isAdmin = viewer.IsAdmin;
        var summary = new SpaceSummaryDto(space.Id, space.HostId, listing.HostName, space.Settings.Name, space.Settings.Description,
            space.Settings.Visibility, space.Policy.Version, listing.MemberCount);
        var hasMemberFirm = firms.Any(f => f.Membership?.Standing.Status == MembershipStatus.Member);
        var moderatorIds = isAdmin ? space.Moderators.ToList() : [];
        ModeratorDto[] moderators = moderatorIds.Count == 0 ? []
            : [.. (await call.Db.Users.AsNoTracking().PeopleOf(moderatorIds, ct)).Values.OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(p => new ModeratorDto(p.Id, p.Email, p.Name))];
        return new SpaceDetailDto(summary, space.Settings.TerritoryComuni, space.Settings.TerritoryProvinces,
            new SpacePolicyDto(space.Policy.Version, space.Policy.Text, space.Policy.PublishedAt),
            isAdmin,
            SpaceAccess.CanSeeDirectory(space, isAdmin, hasMemberFirm),
            [.. firms.Select(f => Standing(f, space, isAdmin, me!.Value))],
            moderators,
            space.Version,
            space.Settings.MinimumTenderingDays,
            viewer.Actions,
            space.Settings.PostsNeedApproval,
            BoardAccess.SeesBoard(isAdmin, hasMemberFirm));
    }

    /// <summary>Where one of the viewer's firms stands (no standing: never involved), and what the viewer may do for it by the membership's rules.</summary>
    static FirmStandingDto Standing(ViewerFirm firm, SpaceSnapshot space, bool viewerIsAdmin, Guid viewerId)
    {
        var state = new MembershipState { SpaceId = space.Id, FirmId = firm.Id, Standing = firm.Membership?.Standing, Vouch = firm.Membership?.Vouch };
        var actions = state.FirmActions(viewerId, new MembershipContext(space, viewerIsAdmin, firm.Role.CanEdit(), firm.Facts));
        return firm.Membership?.Standing is not { } member
            ? new FirmStandingDto(firm.Id, firm.Name, null, null, false, null, firm.Role.CanEdit(), actions)
            : new FirmStandingDto(firm.Id, firm.Name, member.Status, member.AcceptedPolicyVersion,
                PolicyAcceptance.Pending(member.Status, member.AcceptedPolicyVersion, space.Policy.Version),
                Explained(member.Status, member.Reason), firm.Role.CanEdit(), actions);
    }

    sealed record ViewerFirm(Guid Id, string Name, BusinessRole? Role, MemberFirm Facts, MembershipSnapshot? Membership);

    /// <summary>The facts of a space's summary that come from elsewhere, kept in its read cache (<see cref="SpaceReads"/>) as they are.</summary>
    [GenerateSerializer, Immutable, Alias("Marketplace.SpaceListing")]
    internal sealed record SpaceListing(string HostName, int MemberCount);

    /// <summary>
    /// The firms the user acts for, in any role, by name, with their standing in the space: read from the grains that
    /// own them (the user's "acts for", each firm, each membership), which hold them in memory, not from a query per visit.
    /// </summary>
    static async Task<ViewerFirm[]> ViewerFirms(Guid spaceId, Task<ActingFor> actingRead, IGrainFactory grains)
    {
        var acting = await actingRead;
        var read = await Task.WhenAll(acting.Roles.Select(async r =>
        {
            var (businessRead, membershipRead) = (grains.GetGrain<IBusinessGrain>(r.Key).Get(), grains.Membership(spaceId, r.Key).Get());
            var (business, membership) = (await businessRead, await membershipRead);
            return business is { Kind: BusinessKind.Firm } firm
                ? new ViewerFirm(firm.Id, firm.Profile.Name, r.Value, new MemberFirm(firm.Kind, firm.Profile.Size, firm.Profile.VatNumber), membership)
                : null;
        }));
        return [.. read.OfType<ViewerFirm>().OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}
