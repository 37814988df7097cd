using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Reference;
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
        PublishShowcaseRequest body, [AsParameters] GrainCall call)
    {
        var id = Guid.NewGuid();
        var outcome = await call.Grains.Project(id).Publish(new PublishShowcase(call.User.UserId(), body.FirmId, body.ToDetails()));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Created($"/api/showcase/{id}", await Dto(outcome.Value!, true, call.Db, call.Ct));
    }

    /// <summary>
    /// Anyone sees verified projects; an unconfirmed or declined one only the people of its firms see, so nobody can
    /// put a made-up joint project on another firm's page.
    /// </summary>
    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Get(
        Guid id, [AsParameters] ViewerCall call)
    {
        if (await call.Grains.Project(id).Get() is not { } project) return ProblemResults.NotFound(ShowcaseRules.NoSuchProject);
        var mine = await ViewerFirms(call);
        var participant = project.Participants.Any(mine.Contains);
        return project.Verified || participant ? TypedResults.Ok(await Dto(project, participant, call.Db, call.Ct))
            : ProblemResults.NotFound(ShowcaseRules.NoSuchProject);
    }

    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Edit(
        Guid id, EditShowcaseRequest body, [AsParameters] GrainCall call) =>
        await Respond(call.Grains.Project(id).Edit(new EditShowcase(call.User.UserId(), body.Version, body.ToDetails())), call.Db, call.Ct);

    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Answer(
        Guid id, AnswerShowcaseRequest body, [AsParameters] GrainCall call) =>
        body.Confirm is not { } confirm ? ProblemResults.Required("confirm")
        : await Respond(call.Grains.Project(id).Answer(new AnswerShowcase(call.User.UserId(), body.PartnerId, confirm, body.Version, body.Reason)), call.Db, call.Ct);

    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Verify(
        Guid id, VerifyShowcaseRequest body, [AsParameters] GrainCall call) =>
        await Respond(call.Grains.Project(id).Verify(new VerifyShowcase(call.User.UserId(), body.SpaceId, body.Version)), call.Db, call.Ct);

    static async Task<Results<Ok<ShowcaseDto>, ProblemHttpResult>> Respond(Task<Outcome<ShowcaseSnapshot>> command, MarketplaceDbContext db, CancellationToken ct)
    {
        var outcome = await command;
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(await Dto(outcome.Value!, true, db, ct));
    }

    /// <summary>The projects a firm published or is named in: verified ones for everybody, all of them for its own people.</summary>
    static async Task<Ok<ShowcaseDto[]>> OfBusiness(Guid id, [AsParameters] ViewerCall call)
    {
        var projectIds = call.Db.ShowcaseParticipants.Where(p => p.FirmId == id).Select(p => p.ProjectId);
        return TypedResults.Ok(await Dtos(call.Db.ShowcaseProjects.Where(p => projectIds.Contains(p.ProjectId)), await ViewerFirms(call), call.Db, call.Ct));
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
        var members = call.Db.SpaceMembers.Where(m => m.SpaceId == id && m.Status == MembershipStatus.Member).Select(m => m.BusinessId);
        var admin = call.User.UserIdOrNull() is { } me && await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(me);
        return TypedResults.Ok(await Dtos(call.Db.ShowcaseProjects.Where(p => members.Contains(p.PublisherId)), await ViewerFirms(call), call.Db, call.Ct, all: admin));
    }

    static async Task<Ok<EndorsementDto[]>> Endorsements(Guid id, MarketplaceDbContext db, CancellationToken ct)
    {
        // An endorsement stands while its project stays verified with both firms in it.
        var rows = await db.Endorsements.AsNoTracking().Where(e => e.EndorsedId == id
                && db.ShowcaseProjects.Any(p => p.ProjectId == e.ProjectId && p.Verified)
                && db.ShowcaseParticipants.Any(p => p.ProjectId == e.ProjectId && p.FirmId == e.EndorserId)
                && db.ShowcaseParticipants.Any(p => p.ProjectId == e.ProjectId && p.FirmId == e.EndorsedId))
            .Join(db.Directory, e => e.EndorserId, d => d.BusinessId, (e, d) => new { e, d.Name })
            .Join(db.ShowcaseProjects, x => x.e.ProjectId, p => p.ProjectId, (x, p) => new { x.e, x.Name, p.Title })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.OrderByDescending(x => x.e.At)
            .Select(x => new EndorsementDto(x.e.EndorserId, x.Name, x.e.EndorsedId, x.e.ProjectId, x.Title, x.e.Text, x.e.At)).ToArray());
    }

    static async Task<Results<Created<EndorsementDto>, ProblemHttpResult>> Endorse(
        Guid id, EndorseRequest body, [AsParameters] GrainCall call)
    {
        var outcome = await call.Grains.Endorsement(body.EndorserFirmId, id).Endorse(new Endorse(call.User.UserId(), body.ProjectId, body.Text));
        if (outcome.Problem is { } no) return no.ToHttp();
        var e = outcome.Value!;
        var endorser = await call.Db.Directory.Where(d => d.BusinessId == e.EndorserId).Select(d => d.Name).SingleAsync(call.Ct);
        var title = await call.Db.ShowcaseProjects.Where(p => p.ProjectId == e.ProjectId).Select(p => p.Title).SingleAsync(call.Ct);
        return TypedResults.Created($"/api/businesses/{id}/endorsements", new EndorsementDto(e.EndorserId, endorser, e.EndorsedId, e.ProjectId, title, e.Text, e.At));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(Guid id, Guid endorserId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var outcome = await grains.Endorsement(endorserId, id).Withdraw(user.UserId());
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.NoContent();
    }

    static async Task<HashSet<Guid>> ViewerFirms(ViewerCall call) => [.. (await call.Access.Firms(call.User, call.Ct)).Businesses];

    /// <param name="participant">Whether the viewer acts for one of the project's firms: only they read a partner's reason for declining.</param>
    static async Task<ShowcaseDto> Dto(ShowcaseSnapshot project, bool participant, MarketplaceDbContext db, CancellationToken ct)
    {
        var ids = project.Participants.Append(project.Verification?.VerifierId ?? Guid.Empty).ToList();
        var names = await db.Directory.AsNoTracking().Where(d => ids.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        var d = project.Details;
        return new ShowcaseDto(project.Id, project.PublisherId, names.GetValueOrDefault(project.PublisherId, ""), d.Title, d.Description, d.Client,
            d.Year, d.Value is { } v ? MoneyDto.From(v) : null,
            [.. d.Cpv.Select(CpvCatalog.Shared.Find).OfType<CpvEntry>().Select(CapabilityDto.From)],
            [.. project.Partners.Select(p => new ShowcasePartnerDto(p.FirmId, names.GetValueOrDefault(p.FirmId, ""), p.Confirmation, participant ? p.Reason : null))],
            project.Verified, project.Version, project.PublishedAt,
            project.Verification is { } by ? new ShowcaseVerificationDto(by.By, by.VerifierId, names.GetValueOrDefault(by.VerifierId, ""), by.At) : null);
    }

    /// <summary>
    /// Lists from the read models, one query each for the projects, their participants and their verifiers: verified
    /// projects, and those the viewer's own firms take part in (or <paramref name="all"/> of them).
    /// </summary>
    static async Task<ShowcaseDto[]> Dtos(IQueryable<ShowcaseEntry> projects, HashSet<Guid> viewerFirms, MarketplaceDbContext db, CancellationToken ct, bool all = false)
    {
        var mine = viewerFirms.ToList();
        var rows = await projects.AsNoTracking()
            .Where(p => all || p.Verified || db.ShowcaseParticipants.Any(x => x.ProjectId == p.ProjectId && mine.Contains(x.FirmId)))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Title).Take(200).ToListAsync(ct);
        var ids = rows.Select(r => r.ProjectId).ToList();
        var verifierIds = rows.Select(r => r.VerifierId).OfType<Guid>().Distinct().ToList();
        var verifiers = await db.Directory.AsNoTracking().Where(d => verifierIds.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        var participants = await db.ShowcaseParticipants.AsNoTracking().Where(p => ids.Contains(p.ProjectId))
            .Join(db.Directory, p => p.FirmId, d => d.BusinessId, (p, d) => new { p, d.Name }).ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var people = participants.Where(x => x.p.ProjectId == r.ProjectId).ToList();
            var participant = people.Any(x => viewerFirms.Contains(x.p.FirmId));
            return new ShowcaseDto(r.ProjectId, r.PublisherId, people.FirstOrDefault(x => x.p.IsPublisher)?.Name ?? "", r.Title, r.Description,
                r.Client, r.Year, r.ValueAmount is { } amount ? new MoneyDto(amount, r.ValueCurrency ?? "EUR") : null,
                [.. r.Cpv.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CpvCatalog.Shared.Find).OfType<CpvEntry>().Select(CapabilityDto.From)],
                [.. people.Where(x => !x.p.IsPublisher).Select(x => new ShowcasePartnerDto(x.p.FirmId, x.Name, x.p.Confirmation, participant ? x.p.Reason : null))],
                r.Verified, r.Version, r.PublishedAt,
                r is { VerifiedBy: { } by, VerifierId: { } verifier, VerifiedAt: { } at } ? new ShowcaseVerificationDto(by, verifier, verifiers.GetValueOrDefault(verifier, ""), at) : null);
        })];
    }
}
