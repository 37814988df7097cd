using System.Text.Json;
using Marketplace.Data.Proposals;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.OpenData.Import.Proposals;

/// <summary>
/// A member firm that found a tender on a buyer's own platform proposes its OCDS release package to the space's
/// admins, who import it in one click (exactly as their own upload, with their authority) or decline it with a reason
/// the firm reads (docs/open-data.md, "A firm proposes"). The package is checked whole when proposed, so the firm hears
/// at once what is wrong with it, and is dropped once decided.
/// </summary>
public static class OpportunityProposalEndpoints
{
    public const string Path = "/opportunities/proposals";

    /// <summary>The largest request a proposal may be: a package of a few tenders is well under it.</summary>
    public const long MaxProposalBytes = 8 * 1024 * 1024;

    /// <summary>A proposal names a few tenders; a publisher's whole data is a feed's work.</summary>
    public const int MaxOpportunities = 20;

    /// <summary>Proposals of one firm waiting for a space's admins at once.</summary>
    public const int MaxWaiting = 5;

    /// <summary>An import a node began and never finished may be taken up again after this.</summary>
    static readonly TimeSpan ImportLapses = TimeSpan.FromMinutes(10);

    static readonly Refusal
        NotMember = new("proposal.notMember", "Only the Owners and Managers of the space's member firms propose opportunities to it."),
        TooMany = new("proposal.tooMany", "A proposal holds at most {max} tenders; for a publisher's whole data, ask the space's admins to add it as a feed."),
        TooManyWaiting = new("proposal.tooManyWaiting", "Your firm already has {max} proposals waiting for the space's admins: wait for their answer or withdraw one."),
        NotFound = new("proposal.notFound", "This space has no such proposal."),
        Imported = new("proposal.imported", "This proposal was already imported."),
        Declined = new("proposal.declined", "This proposal was already declined."),
        Withdrawn = new("proposal.withdrawn", "This proposal was withdrawn by its firm."),
        Importing = new("proposal.importing", "An admin is importing this proposal right now."),
        TooLong = new("proposal.tooLong", "At most {max} characters.");

    public static IEndpointRouteBuilder MapOpportunityProposalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/spaces/{id:guid}", "OpenData").RequireAuthorization();
        api.MapGet(Path, List).WithName("listOpportunityProposals");
        api.MapPost(Path, Propose).WithName("proposeOpportunities").Accepts<ProposeOpportunitiesForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireRateLimiting(Hosting.RateLimits.Uploads).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost($"{Path}/{{proposalId:guid}}/import", Import).WithName("importProposal");
        api.MapPost($"{Path}/{{proposalId:guid}}/decline", Decline).WithName("declineProposal");
        api.MapPost($"{Path}/{{proposalId:guid}}/withdraw", Withdraw).WithName("withdrawProposal");
        return app;
    }

    /// <summary>The viewer's firms that may propose to the space: those it acts for as Owner or Manager that are its members.</summary>
    static async Task<List<Guid>> Proposers(Guid spaceId, ViewerCall call) =>
        await call.Access.MemberFirms(spaceId, (await call.Access.Firms(call.User, call.Ct)).Editing);

    /// <summary>
    /// Admins see every proposal of the space, waiting first; a member firm's people see their firm's. Anyone else is
    /// refused alike, whether the space exists or not.
    /// </summary>
    static async Task<Results<Ok<OpportunityProposalDto[]>, ProblemHttpResult>> List(Guid id, [AsParameters] ViewerCall call)
    {
        var rows = call.Db.OpportunityProposals.AsNoTracking().Where(p => p.SpaceId == id);
        if (!await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(call.User.UserId()))
        {
            var members = await call.Access.MemberFirms(id, (await call.Access.Firms(call.User, call.Ct)).Businesses);
            if (members.Count == 0) return Problem.Forbidden(NotMember).ToHttp();
            rows = rows.Where(p => members.Contains(p.FirmId));
        }
        // Waiting ones whole; of the decided, the latest, enough to read what became of them.
        var waiting = await rows.Where(p => p.Status == ProposalStatus.Waiting || p.Status == ProposalStatus.Importing)
            .Select(Listed).ToListAsync(call.Ct);
        var decided = await rows.Where(p => p.Status != ProposalStatus.Waiting && p.Status != ProposalStatus.Importing)
            .Select(Listed).ToListAsync(call.Ct);
        var shown = waiting.OrderBy(p => p.ProposedAt).Concat(decided.OrderByDescending(p => p.DecidedAt).Take(30)).ToList();
        var names = await call.Db.Directory.AsNoTracking().Where(d => shown.Select(p => p.FirmId).Contains(d.BusinessId))
            .ToDictionaryAsync(d => d.BusinessId, d => d.Name, call.Ct);
        return TypedResults.Ok(shown.Select(p => Dto(p, names.GetValueOrDefault(p.FirmId, ""))).ToArray());
    }

    /// <summary>Every column but the package, which only an import reads.</summary>
    static readonly System.Linq.Expressions.Expression<Func<OpportunityProposal, OpportunityProposal>> Listed = p => new OpportunityProposal
    {
        Id = p.Id, SpaceId = p.SpaceId, FirmId = p.FirmId, ProposedBy = p.ProposedBy, ProposedAt = p.ProposedAt, FileName = p.FileName,
        Note = p.Note, Opportunities = p.Opportunities, Status = p.Status, DecidedBy = p.DecidedBy, DecidedAt = p.DecidedAt, Reason = p.Reason,
        Result = p.Result,
    };

    /// <summary>
    /// Proposes the uploaded package for the firm: checked whole as an import checks it (400 naming each error by its
    /// JSON path, nothing stored), at most <see cref="MaxOpportunities"/> tenders, and kept for the admins.
    /// </summary>
    static async Task<Results<Created<OpportunityProposalDto>, ProblemHttpResult>> Propose(Guid id, HttpRequest request, [AsParameters] ViewerCall call,
        [FromServices] MarketplaceClock clock, [FromServices] IOptions<ImportLimits> limits, [FromServices] ILiveUpdates live)
    {
        // Who may propose is known before the body is read: one answer for anyone else, whether the space exists or not.
        var proposers = await Proposers(id, call);
        if (proposers.Count == 0) return Problem.Forbidden(NotMember).ToHttp();
        if (!request.HasFormContentType) return Problem.Invalid("file", OpportunityImportEndpoints.NoFile).ToHttp();
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(call.Ct);
        }
        catch (InvalidDataException)
        {
            return Problem.Invalid("file", OpportunityImportEndpoints.NoFile).ToHttp();
        }

        var errors = new Dictionary<string, FieldProblem[]>();
        if (!Guid.TryParse(form["firmId"], out var firmId)) errors["firmId"] = [FieldProblem.Of(ProblemResults.FieldRequired)];
        var note = Text(form["note"].ToString(), "note", OpportunityProposal.MaxNote, errors) ?? "";
        var file = form.Files.GetFile("file");
        if (file is null) errors["file"] = [FieldProblem.Of(OpportunityImportEndpoints.NoFile)];
        if (errors.Count > 0) return Problem.Invalid(errors).ToHttp();
        if (!proposers.Contains(firmId)) return Problem.Forbidden(NotMember).ToHttp();

        var actor = call.User.UserId();
        var now = clock.Now();
        byte[] package;
        await using (var body = file!.OpenReadStream())
        using (var copy = new MemoryStream())
        {
            await body.CopyToAsync(copy, call.Ct);
            package = copy.ToArray();
        }
        var read = await OpportunityImporter.Read(new MemoryStream(package, writable: false), actor, id, now, limits.Value, call.Ct);
        if (read.Problem is { } invalid) return invalid.ToHttp();
        var opportunities = read.Value!.Opportunities;
        if (opportunities.Length > MaxOpportunities) return Problem.Invalid("file", TooMany, ("max", MaxOpportunities)).ToHttp();

        var waiting = await call.Db.OpportunityProposals.CountAsync(p => p.SpaceId == id && p.FirmId == firmId
            && (p.Status == ProposalStatus.Waiting || p.Status == ProposalStatus.Importing), call.Ct);
        if (waiting >= MaxWaiting) return Problem.Conflict(TooManyWaiting, ("max", MaxWaiting)).ToHttp();

        var proposal = new OpportunityProposal
        {
            Id = Guid.NewGuid(), SpaceId = id, FirmId = firmId, ProposedBy = actor, ProposedAt = now,
            FileName = System.IO.Path.GetFileName(file.FileName) is { Length: > 0 } name ? name[..Math.Min(name.Length, OpportunityProposal.MaxFileName)] : "package.json",
            Note = note, Package = package, Status = ProposalStatus.Waiting,
            Opportunities = JsonSerializer.Serialize(opportunities.Select(o => new ProposedOpportunityDto(o.Ocid, o.Details.Title, o.BuyerName,
                o.Details.SubmissionDeadline)).ToArray(), Stored),
        };
        call.Db.OpportunityProposals.Add(proposal);
        await call.Db.SaveChangesAsync(call.Ct);
        var firmName = await call.Db.Directory.AsNoTracking().Where(d => d.BusinessId == firmId).Select(d => d.Name).FirstOrDefaultAsync(call.Ct);
        return TypedResults.Created($"/api/spaces/{id}{Path}", await Told(id, Dto(proposal, firmName ?? ""), live));
    }

    /// <summary>
    /// Imports the proposal for the admin who asks, exactly as their own upload (<see cref="OpportunityImporter"/>):
    /// claimed first, so two admins never import it twice; a package the import now refuses (a deadline passed since)
    /// leaves the proposal waiting, as it was, for the admin to decline.
    /// </summary>
    static async Task<Results<Ok<OpportunityProposalDto>, ProblemHttpResult>> Import(Guid id, Guid proposalId, [AsParameters] ViewerCall call,
        [FromServices] MarketplaceClock clock, [FromServices] IOptions<ImportLimits> limits, [FromServices] ILiveUpdates live)
    {
        var actor = call.User.UserId();
        if (!await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(actor)) return Problem.Forbidden(SpaceState.NotAdmin).ToHttp();
        var now = clock.Now();
        var lapsed = now - ImportLapses;
        var claimed = await call.Db.OpportunityProposals
            .Where(p => p.Id == proposalId && p.SpaceId == id
                && (p.Status == ProposalStatus.Waiting || (p.Status == ProposalStatus.Importing && p.DecidedAt < lapsed)))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Importing).SetProperty(p => p.DecidedBy, actor)
                .SetProperty(p => p.DecidedAt, now), call.Ct);
        if (claimed == 0) return await Refused(id, proposalId, call);

        var package = await call.Db.OpportunityProposals.AsNoTracking().Where(p => p.Id == proposalId).Select(p => p.Package).SingleAsync(CancellationToken.None);
        // Applied to the end even if the admin leaves: an import is never left half done.
        var imported = await OpportunityImporter.Run(new MemoryStream(package!, writable: false), actor, id, call.Grains, now, limits.Value, CancellationToken.None);
        var rows = call.Db.OpportunityProposals.Where(p => p.Id == proposalId && p.Status == ProposalStatus.Importing && p.DecidedBy == actor);
        if (imported.Problem is { } refused)
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Waiting).SetProperty(p => p.DecidedBy, (Guid?)null)
                .SetProperty(p => p.DecidedAt, (DateTimeOffset?)null), CancellationToken.None);
            return refused.ToHttp();
        }
        var result = JsonSerializer.Serialize(imported.Value!, Stored);
        await rows.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Imported).SetProperty(p => p.Result, result)
            .SetProperty(p => p.Package, (byte[]?)null).SetProperty(p => p.DecidedAt, clock.Now()), CancellationToken.None);
        return TypedResults.Ok(await Told(id, await Read(proposalId, call), live));
    }

    /// <summary>Declines the waiting proposal with a reason its firm reads; its package is dropped.</summary>
    static async Task<Results<Ok<OpportunityProposalDto>, ProblemHttpResult>> Decline(Guid id, Guid proposalId, DeclineProposalRequest body,
        [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock, [FromServices] ILiveUpdates live)
    {
        var actor = call.User.UserId();
        if (!await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(actor)) return Problem.Forbidden(SpaceState.NotAdmin).ToHttp();
        var errors = new Dictionary<string, FieldProblem[]>();
        var reason = Text(body.Reason, "reason", OpportunityProposal.MaxReason, errors);
        if (errors.Count > 0) return Problem.Invalid(errors).ToHttp();
        if (reason is null) return ProblemResults.Required("reason");
        return await Decide(id, proposalId, call, live, s => s.SetProperty(p => p.Status, ProposalStatus.Declined).SetProperty(p => p.Reason, reason)
            .SetProperty(p => p.DecidedBy, actor).SetProperty(p => p.DecidedAt, clock.Now()).SetProperty(p => p.Package, (byte[]?)null));
    }

    /// <summary>The proposing firm's Owners and Managers take back a proposal still waiting.</summary>
    static async Task<Results<Ok<OpportunityProposalDto>, ProblemHttpResult>> Withdraw(Guid id, Guid proposalId, [AsParameters] ViewerCall call,
        [FromServices] MarketplaceClock clock, [FromServices] ILiveUpdates live)
    {
        var firm = await call.Db.OpportunityProposals.AsNoTracking().Where(p => p.Id == proposalId && p.SpaceId == id).Select(p => (Guid?)p.FirmId)
            .FirstOrDefaultAsync(call.Ct);
        // A proposal of another firm, or none: the same answer, so ids tell an outsider nothing.
        if (firm is not { } firmId || !await call.Access.Edits(call.User, firmId, call.Ct)) return Problem.Forbidden(NotMember).ToHttp();
        return await Decide(id, proposalId, call, live, s => s.SetProperty(p => p.Status, ProposalStatus.Withdrawn)
            .SetProperty(p => p.DecidedAt, clock.Now()).SetProperty(p => p.Package, (byte[]?)null));
    }

    /// <summary>A person's free text as it is kept (<see cref="CleanText"/>), or its flaw under <paramref name="field"/>.</summary>
    static string? Text(string? raw, string field, int max, Dictionary<string, FieldProblem[]> errors)
    {
        if (raw is null) return null;
        if (CleanText.Flaw(raw, longText: true) is { } flaw) errors[field] = [FieldProblem.Of(flaw)];
        else if (raw.Clean() is { Length: var length } && length > max) errors[field] = [FieldProblem.Of(TooLong, ("max", max))];
        return raw.Clean();
    }

    static async Task<Results<Ok<OpportunityProposalDto>, ProblemHttpResult>> Decide(Guid id, Guid proposalId, ViewerCall call, ILiveUpdates live,
        Action<UpdateSettersBuilder<OpportunityProposal>> change)
    {
        var changed = await call.Db.OpportunityProposals.Where(p => p.Id == proposalId && p.SpaceId == id && p.Status == ProposalStatus.Waiting)
            .ExecuteUpdateAsync(change, call.Ct);
        return changed == 1 ? TypedResults.Ok(await Told(id, await Read(proposalId, call), live)) : await Refused(id, proposalId, call);
    }

    /// <summary>Tells the space's admins and the proposing firm's people that the stored proposal changed, and returns it.</summary>
    static async Task<OpportunityProposalDto> Told(Guid spaceId, OpportunityProposalDto proposal, ILiveUpdates live)
    {
        await live.ProposalChanged(spaceId, proposal.FirmId, proposal.Id);
        return proposal;
    }

    /// <summary>Why a proposal could not be decided now: gone, or its true state.</summary>
    static async Task<ProblemHttpResult> Refused(Guid id, Guid proposalId, ViewerCall call)
    {
        var status = await call.Db.OpportunityProposals.AsNoTracking().Where(p => p.Id == proposalId && p.SpaceId == id)
            .Select(p => (ProposalStatus?)p.Status).FirstOrDefaultAsync(CancellationToken.None);
        return status switch
        {
            null => ProblemResults.NotFound(NotFound),
            ProposalStatus.Imported => Problem.Conflict(Imported).ToHttp(),
            ProposalStatus.Declined => Problem.Conflict(Declined).ToHttp(),
            ProposalStatus.Withdrawn => Problem.Conflict(Withdrawn).ToHttp(),
            _ => Problem.Conflict(Importing).ToHttp(),
        };
    }

    static async Task<OpportunityProposalDto> Read(Guid proposalId, ViewerCall call)
    {
        var proposal = await call.Db.OpportunityProposals.AsNoTracking().Where(p => p.Id == proposalId).Select(Listed).SingleAsync(CancellationToken.None);
        var name = await call.Db.Directory.AsNoTracking().Where(d => d.BusinessId == proposal.FirmId).Select(d => d.Name).FirstOrDefaultAsync(CancellationToken.None);
        return Dto(proposal, name ?? "");
    }

    /// <summary>How a proposal's lists are stored (the API's shape, enums by name).</summary>
    static readonly JsonSerializerOptions Stored = Feeds.FeedFetcher.Stored;

    static OpportunityProposalDto Dto(OpportunityProposal p, string firmName) => new(p.Id, p.FirmId, firmName, p.ProposedAt, p.FileName, p.Note,
        JsonSerializer.Deserialize<ProposedOpportunityDto[]>(p.Opportunities, Stored) ?? [], p.Status == ProposalStatus.Importing ? ProposalStatus.Waiting : p.Status,
        p.Status == ProposalStatus.Importing ? null : p.DecidedAt, p.Reason, p.Result is { } r ? JsonSerializer.Deserialize<ImportResultDto>(r, Stored) : null);
}

/// <summary>Which proposal of which space changed (<see cref="Hubs.IMarketplaceClient.ProposalChanged"/>).</summary>
public sealed record ProposalChangedDto(Guid SpaceId, Guid ProposalId);

/// <summary>The proposal's form: the proposing firm, a note for the admins, and the release package as a JSON file.</summary>
public sealed record ProposeOpportunitiesForm(Guid FirmId, string? Note, IFormFile File);

/// <param name="Reason">Why the space does not import it, for the proposing firm to read.</param>
public sealed record DeclineProposalRequest(string? Reason);

/// <summary>
/// A firm's proposal as the space's admins and the firm's people see it. While an admin imports it, it reads as
/// waiting; once imported, <see cref="Result"/> says what became of each tender.
/// </summary>
public sealed record OpportunityProposalDto(Guid Id, Guid FirmId, string FirmName, DateTimeOffset ProposedAt, string FileName, string Note,
    ProposedOpportunityDto[] Opportunities, ProposalStatus Status, DateTimeOffset? DecidedAt, string? Reason, ImportResultDto? Result);

/// <summary>A tender the proposed package holds, as read when it was proposed.</summary>
public sealed record ProposedOpportunityDto(string Ocid, string Title, string BuyerName, DateTimeOffset SubmissionDeadline);
