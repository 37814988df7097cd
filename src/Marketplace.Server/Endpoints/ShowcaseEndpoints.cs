using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Reference;
using Marketplace.Reports;
using Marketplace.Server.Auth;
using Marketplace.Showcase;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class ShowcaseEndpoints
{
    /// <summary>
    /// Showcase projects (joint work its partners confirm, verified by an award or the hosting association) and the
    /// endorsements verified projects make possible.
    /// </summary>
    public static IEndpointRouteBuilder MapShowcaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/showcase", "Showcase");
        api.MapPost("/", Publish).RequireAuthorization().WithName("publishShowcase");
        api.MapGet("/{id:guid}", Get).WithName("getShowcase");
        api.MapPut("/{id:guid}", Edit).RequireAuthorization().WithName("editShowcase");
        api.MapPost("/{id:guid}/answers", Answer).RequireAuthorization().WithName("answerShowcase");
        api.MapPost("/{id:guid}/verification", Verify).RequireAuthorization().WithName("verifyShowcase");
        var businesses = app.MapApiGroup("/api/businesses/{id:guid}", "Showcase");
        businesses.MapGet("/showcase", OfBusiness).WithName("getBusinessShowcase");
        businesses.MapGet("/endorsements", Endorsements).WithName("listEndorsements");
        businesses.MapPost("/endorsements", Endorse).RequireAuthorization().WithName("endorseBusiness");
        businesses.MapDelete("/endorsements/{endorserId:guid}", Withdraw).RequireAuthorization().WithName("withdrawEndorsement");
        app.MapGet("/api/spaces/{id:guid}/showcase", OfSpace).WithTags("Showcase").WithName("listSpaceShowcases");
        return app;
    }

    static IShowcaseGrain Project(this IGrainFactory grains, Guid id) => grains.GetGrain<IShowcaseGrain>(id);

    static async Task<Results<Created<ShowcaseDto>, ProblemHttpResult>> Publish(
        PublishShowcaseRequest body, [AsParameters] ViewerCall call)
    {
        var id = Guid.NewGuid();
        var outcome = await call.Grains.Project(id).Publish(new PublishShowcase(call.User.UserId(), body.FirmId, body.ToDetails()));
        return outcome.Problem is { } no ? no.ToHttp()
            : TypedResults.Created($"/api/showcase/{id}", await Dto(outcome.Value!, await call.Access.Firms(call.User, call.Ct), call));
    }

    /// <summary>
    /// Anyone sees verified projects; an unconfirmed or declined one only the people of its firms see, so nobody can
    /// put a made-up joint project on another firm's page.
    /// </summary>
    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Get(
        Guid id, [AsParameters] ViewerCall call)
    {
        if (await call.Grains.Project(id).Get() is not { } project) return ProblemResults.NotFound(ShowcaseRules.NoSuchProject);
        var viewer = await call.Access.Firms(call.User, call.Ct);
        return project.Verified || project.Participants.Any(viewer.Reads) ? TypedResults.Ok(await Dto(project, viewer, call))
            : ProblemResults.NotFound(ShowcaseRules.NoSuchProject);
    }

    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Edit(
        Guid id, EditShowcaseRequest body, [AsParameters] ViewerCall call) =>
        await Respond(call.Grains.Project(id).Edit(new EditShowcase(call.User.UserId(), body.Version, body.ToDetails())), call);

    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Answer(
        Guid id, AnswerShowcaseRequest body, [AsParameters] ViewerCall call) =>
        body.Confirm is not { } confirm ? ProblemResults.Required("confirm")
        : await Respond(call.Grains.Project(id).Answer(new AnswerShowcase(call.User.UserId(), body.PartnerId, confirm, body.Version, body.Reason)), call);

    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Verify(
        Guid id, VerifyShowcaseRequest body, [AsParameters] ViewerCall call) =>
        await Respond(call.Grains.Project(id).Verify(new VerifyShowcase(call.User.UserId(), body.SpaceId, body.Version)), call);

    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Respond(Task<Outcome<ShowcaseSnapshot>> command, ViewerCall call)
    {
        var outcome = await command;
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Dto(outcome.Value!, await call.Access.Firms(call.User, call.Ct), call));
    }

    /// <summary>
    /// The projects a firm published or is named in (verified ones for everybody, all of them for its own people), and
    /// whether the viewer may publish one for it.
    /// </summary>
    static async Task<Ok<BusinessShowcaseDto>> OfBusiness(Guid id, [AsParameters] ViewerCall call)
    {
        var viewer = await call.Access.Firms(call.User, call.Ct);
        var business = await call.Grains.GetGrain<IBusinessGrain>(id).Get();
        var projectIds = call.Db.ShowcaseParticipants.Where(p => p.FirmId == id).Select(p => p.ProjectId);
        var projects = await Dtos(call.Db.ShowcaseProjects.Where(p => projectIds.Contains(p.ProjectId)), viewer, call);
        return TypedResults.Ok(new BusinessShowcaseDto(projects, ShowcaseState.ActionsOn(id, ViewerId(call), business, viewer)));
    }

    /// <summary>
    /// The space's showcase: projects published by its current members; private like its directory. Its admins see
    /// the unverified ones too, to verify them for the association.
    /// </summary>
    static async Task<Results<Ok<ShowcaseDto[]>, ProblemHttpResult>> OfSpace(
        Guid id, [AsParameters] ViewerCall call)
    {
        if (await call.Grains.GetGrain<ISpaceGrain>(id).Get() is not { } space) return ProblemResults.NotFound(SpaceState.NotFound);
        if (!await call.Access.SeesDirectory(space, call.User, call.Ct))
            return Problem.Forbidden(SpaceEndpoints.MembersOnly).ToHttp();
        var members = await call.Db.SpaceMembers.Where(m => m.SpaceId == id && m.Status == MembershipStatus.Member).Select(m => m.BusinessId)
            .ToListAsync(call.Ct);
        var inSpace = members.ToHashSet();
        var admin = call.User.UserIdOrNull() is { } me && await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(me);
        var viewer = await call.Access.Firms(call.User, call.Ct);
        // A project its admins hid on a report is gone from the space's pages, but not from theirs.
        var projects = call.Db.ShowcaseProjects.Where(p => members.Contains(p.PublisherId));
        if (!admin)
            projects = projects.Where(p => !call.Db.Reports.Any(r => r.SpaceId == id && r.Subject == ReportSubject.Project && r.SubjectId == p.ProjectId
                && r.Status == ReportStatus.Hidden));
        // Its admins are offered to verify each project as ShowcaseState.CheckVerify judges it for this space.
        return TypedResults.Ok(await Dtos(projects, viewer, call, all: admin,
            association: p => new AssociationCheck(space, admin, p.Participants.All(inSpace.Contains))));
    }

    /// <summary>The endorsements a business received that stand, each with what the viewer may do with it, and the viewer's firms that may endorse it.</summary>
    static async Task<Ok<EndorsementsDto>> Endorsements(Guid id, [AsParameters] ViewerCall call)
    {
        var (db, ct) = (call.Db, call.Ct);
        var viewer = await call.Access.Firms(call.User, ct);
        // An endorsement stands while its project stays verified with both firms in it.
        var rows = await db.Endorsements.AsNoTracking().Where(e => e.EndorsedId == id
                && db.ShowcaseProjects.Any(p => p.ProjectId == e.ProjectId && p.Verified)
                && db.ShowcaseParticipants.Any(p => p.ProjectId == e.ProjectId && p.FirmId == e.EndorserId)
                && db.ShowcaseParticipants.Any(p => p.ProjectId == e.ProjectId && p.FirmId == e.EndorsedId))
            .Join(db.Directory, e => e.EndorserId, d => d.BusinessId, (e, d) => new { e, d.Name })
            .Join(db.ShowcaseProjects, x => x.e.ProjectId, p => p.ProjectId, (x, p) => new { x.e, x.Name, p.Title })
            .ToListAsync(ct);
        EndorsementDto[] items = [.. rows.OrderByDescending(x => x.e.At).Select(x => new EndorsementDto(x.e.EndorserId, x.Name, x.e.EndorsedId,
            x.e.ProjectId, x.Title, x.e.Text, x.e.At, x.e.ToState().ActionsFor(x.e.EndorserId, viewer)))];
        return TypedResults.Ok(new EndorsementsDto(items, await Endorsers(id, viewer, call)));
    }

    /// <summary>
    /// The viewer's firms that share a verified project with the endorsed business, each with whether the viewer may
    /// endorse it for that firm now and the projects it may name (<see cref="EndorsementState.EndorseOptions"/>);
    /// firms the viewer may not endorse for (a Viewer's) are left out.
    /// </summary>
    static async Task<EndorserDto[]> Endorsers(Guid endorsedId, ActingFor viewer, ViewerCall call)
    {
        var (db, ct) = (call.Db, call.Ct);
        var mine = viewer.Businesses.Where(f => f != endorsedId).ToList();
        if (mine.Count == 0) return [];
        var rows = await db.ShowcaseProjects.AsNoTracking().Where(p => p.Verified
                && db.ShowcaseParticipants.Any(x => x.ProjectId == p.ProjectId && x.FirmId == endorsedId)
                && db.ShowcaseParticipants.Any(x => x.ProjectId == p.ProjectId && mine.Contains(x.FirmId)))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Title).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var projects = await Snapshots(rows, db, ct);
        var firms = mine.Where(f => projects.Any(p => p.Participants.Contains(f))).ToList();
        var given = await db.Endorsements.AsNoTracking().Where(e => e.EndorsedId == endorsedId && firms.Contains(e.EndorserId))
            .ToDictionaryAsync(e => e.EndorserId, ct);
        var names = await db.Directory.AsNoTracking().Where(d => firms.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        var endorsers = await Task.WhenAll(firms.Select(f => call.Grains.GetGrain<IBusinessGrain>(f).Get()));
        return [.. firms.Select((firm, i) =>
            {
                var state = given.TryGetValue(firm, out var row) ? row.ToState() : new EndorsementState();
                var (actions, namable) = state.EndorseOptions(ViewerId(call), firm, endorsedId, endorsers[i], viewer, projects);
                return new EndorserDto(firm, names.GetValueOrDefault(firm, ""),
                    [.. namable.Select(p => new EndorsableProjectDto(p.Id, p.Details.Title, p.Details.Year))], actions);
            })
            .Where(e => e.Actions.Allowed.Length > 0 || e.Actions.Blocked.Length > 0)];
    }

    static async Task<Results<Created<EndorsementDto>, ProblemHttpResult>> Endorse(
        Guid id, EndorseRequest body, [AsParameters] ViewerCall call)
    {
        var outcome = await call.Grains.Endorsement(body.EndorserFirmId, id).Endorse(new Endorse(call.User.UserId(), body.ProjectId, body.Text));
        if (outcome.Problem is { } no) return no.ToHttp();
        var e = outcome.Value!;
        var viewer = await call.Access.Firms(call.User, call.Ct);
        var endorser = await call.Db.Directory.Where(d => d.BusinessId == e.EndorserId).Select(d => d.Name).SingleAsync(call.Ct);
        var title = await call.Db.ShowcaseProjects.Where(p => p.ProjectId == e.ProjectId).Select(p => p.Title).SingleAsync(call.Ct);
        return TypedResults.Created($"/api/businesses/{id}/endorsements", new EndorsementDto(e.EndorserId, endorser, e.EndorsedId, e.ProjectId, title,
            e.Text, e.At, new EndorsementState { Current = e }.ActionsFor(e.EndorserId, viewer)));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(Guid id, Guid endorserId, ClaimsPrincipal user, [FromServices] IGrainFactory grains)
    {
        var outcome = await grains.Endorsement(endorserId, id).Withdraw(user.UserId());
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.NoContent();
    }

    /// <summary>The viewer as the rules name an actor: a visitor is nobody's person, so no rule lets them act.</summary>
    static Guid ViewerId(ViewerCall call) => call.User.UserIdOrNull() ?? Guid.Empty;

    static async Task<ShowcaseDto> Dto(ShowcaseSnapshot project, ActingFor viewer, ViewerCall call) =>
        Dto(project, await Names([project], call.Db, call.Ct), ViewerId(call), viewer);

    /// <summary>
    /// The project for one viewer: what they may do with it by its rules, and a partner's reason for declining only
    /// when they act for one of the project's firms.
    /// </summary>
    static ShowcaseDto Dto(ShowcaseSnapshot project, IReadOnlyDictionary<Guid, string> names, Guid viewerId, ActingFor viewer,
        AssociationCheck? association = null)
    {
        var participant = project.Participants.Any(viewer.Reads);
        var (actions, firms) = ShowcaseState.From(project).ViewFor(viewerId, viewer, association);
        var d = project.Details;
        return new ShowcaseDto(project.Id, project.PublisherId, names.GetValueOrDefault(project.PublisherId, ""), d.Title, d.Description, d.Client,
            d.Year, d.Value is { } v ? MoneyDto.From(v) : null,
            [.. d.Cpv.Select(CpvCatalog.Shared.Find).OfType<CpvEntry>().Select(CapabilityDto.From)],
            [.. project.Partners.Select(p => new ShowcasePartnerDto(p.FirmId, names.GetValueOrDefault(p.FirmId, ""), p.Confirmation, participant ? p.Reason : null))],
            project.Verified, project.Version, project.PublishedAt,
            project.Verification is { } by ? new ShowcaseVerificationDto(by.By, by.VerifierId, names.GetValueOrDefault(by.VerifierId, ""), by.At) : null,
            actions, firms);
    }

    /// <summary>
    /// Lists from the read models, one query each for the projects, their participants and the names: verified
    /// projects, and those the viewer's own firms take part in (or <paramref name="all"/> of them); in a space's
    /// showcase, with what verifying each for its <paramref name="association"/> asks.
    /// </summary>
    static async Task<ShowcaseDto[]> Dtos(IQueryable<ShowcaseEntry> projects, ActingFor viewer, ViewerCall call, bool all = false,
        Func<ShowcaseSnapshot, AssociationCheck>? association = null)
    {
        var mine = viewer.Businesses.ToList();
        var rows = await projects.AsNoTracking()
            .Where(p => all || p.Verified || call.Db.ShowcaseParticipants.Any(x => x.ProjectId == p.ProjectId && mine.Contains(x.FirmId)))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Title).Take(200).ToListAsync(call.Ct);
        var snapshots = await Snapshots(rows, call.Db, call.Ct);
        var names = await Names(snapshots, call.Db, call.Ct);
        return [.. snapshots.Select(p => Dto(p, names, ViewerId(call), viewer, association?.Invoke(p)))];
    }

    /// <summary>The projects of the rows as their rules read them, with their participants in one query.</summary>
    static async Task<List<ShowcaseSnapshot>> Snapshots(List<ShowcaseEntry> rows, MarketplaceDbContext db, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ProjectId).ToList();
        var participants = (await db.ShowcaseParticipants.AsNoTracking().Where(p => ids.Contains(p.ProjectId)).ToListAsync(ct)).ToLookup(p => p.ProjectId);
        return [.. rows.Select(r => r.ToSnapshot(participants[r.ProjectId]))];
    }

    /// <summary>The names of the projects' firms and verifiers.</summary>
    static Task<Dictionary<Guid, string>> Names(IEnumerable<ShowcaseSnapshot> projects, MarketplaceDbContext db, CancellationToken ct)
    {
        var ids = projects.SelectMany(p => p.Participants.Append(p.Verification?.VerifierId ?? Guid.Empty)).Distinct().ToList();
        return db.Directory.AsNoTracking().Where(d => ids.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
    }
}
