using Marketplace.Data;
using Marketplace.Reports;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

public static class ReportEndpoints
{
    /// <summary>How many decisions the queue shows under the open reports: the latest, for the admins' memory.</summary>
    const int DecisionsShown = 30;

    /// <summary>
    /// Reports to a space's association about a post, a project or a firm: filed by the people of a member firm, read
    /// and examined by the space's admins (hide what was reported, or dismiss the report, with a reason), whose answer
    /// the reporting firm reads. The reported firm never learns who reported it.
    /// </summary>
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/reports", "Reports").RequireAuthorization()
            .MapPost("/", File).WithName("fileReport").ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapApiGroup("/api/reports/choices", "Reports").RequireAuthorization().MapGet("/", Choices).WithName("getReportChoices");
        app.MapApiGroup("/api/businesses/{id:guid}/reports", "Reports").RequireAuthorization().MapGet("/", OfFirm).WithName("listFirmReports");
        var spaces = app.MapApiGroup("/api/spaces/{id:guid}/reports", "Reports").RequireAuthorization();
        spaces.MapGet("/", Queue).WithName("getReportQueue");
        spaces.MapPost("/decisions", Decide).WithName("decideReports");
        return app;
    }

    static async Task<Results<Created<MyReportDto>, ProblemHttpResult>> File(FileReportRequest body, [AsParameters] ViewerCall call)
    {
        // The firm's grain files its reports one at a time: one open report per subject, and each person's count, hold.
        var outcome = await call.Grains.GetGrain<IReportingFirmGrain>(body.ReporterFirmId).File(new FileReport(
            call.User.UserId(), body.ReporterFirmId, body.Subject, body.SubjectId, body.SpaceId, body.Reason, body.Text));
        if (outcome.Problem is { } no) return no.ToHttp();
        var dto = (await Mine([Data.Reports.ReportEntry.From(outcome.Value!)], call))[0];
        return TypedResults.Created($"/api/businesses/{body.ReporterFirmId}/reports", dto);
    }

    /// <summary>
    /// Where the viewer may report a firm (or a project it published): for each firm the viewer acts for, in any role,
    /// the spaces it and <paramref name="firmId"/> are both members of, as the report itself judges them
    /// (<see cref="IReports.SharedSpaces"/>). Only the viewer's own firms are listed, so nobody else's is refused; a
    /// firm sharing no space is left out, and so is the reported firm itself.
    /// </summary>
    static async Task<Ok<ReportChoiceDto[]>> Choices(Guid firmId, [AsParameters] ViewerCall call, [FromServices] IReports reports)
    {
        var mine = (await call.Access.Firms(call.User, call.Ct)).Businesses.Where(f => f != firmId).ToList();
        var shared = new Dictionary<Guid, Guid[]>();
        foreach (var firm in mine)
            if (await reports.SharedSpaces(firm, firmId, call.Ct) is { Length: > 0 } spaces) shared[firm] = spaces;
        var spaceIds = shared.Values.SelectMany(s => s).Distinct().ToList();
        var spaceNames = await call.Db.Spaces.AsNoTracking().Where(s => spaceIds.Contains(s.SpaceId)).ToDictionaryAsync(s => s.SpaceId, s => s.Name, call.Ct);
        var firmIds = shared.Keys.ToList();
        var firmNames = await call.Db.Directory.AsNoTracking().Where(d => firmIds.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, call.Ct);
        return TypedResults.Ok(shared.Select(f => new ReportChoiceDto(new NamedDto(f.Key, firmNames.GetValueOrDefault(f.Key, "")),
                [.. f.Value.Select(s => new NamedDto(s, spaceNames.GetValueOrDefault(s, ""))).OrderBy(s => s.Name, StringComparer.Ordinal)]))
            .OrderBy(c => c.Firm.Name, StringComparer.Ordinal).ToArray());
    }

    /// <summary>The firm's reports, newest first, with the association's answers: its own people only.</summary>
    static async Task<Results<Ok<MyReportDto[]>, ProblemHttpResult>> OfFirm(Guid id, [AsParameters] ViewerCall call)
    {
        if (!await call.Access.IsOneOf(call.User, id, call.Ct)) return Problem.Forbidden(ReportRules.NotYourFirm).ToHttp();
        var rows = await call.Db.Reports.AsNoTracking().Where(r => r.ReporterFirmId == id).OrderByDescending(r => r.At).Take(100).ToListAsync(call.Ct);
        return TypedResults.Ok(await Mine(rows, call));
    }

    static async Task<MyReportDto[]> Mine(List<Data.Reports.ReportEntry> rows, ViewerCall call)
    {
        var subjects = await ReportSubjects.Of(call.Db, rows.Select(r => (r.Subject, r.SubjectId, r.SubjectFirmId)), call.Ct);
        var spaceIds = rows.Select(r => r.SpaceId).Distinct().ToList();
        var spaces = await call.Db.Spaces.AsNoTracking().Where(s => spaceIds.Contains(s.SpaceId)).ToDictionaryAsync(s => s.SpaceId, s => s.Name, call.Ct);
        return [.. rows.Select(r => new MyReportDto(r.Id, r.SpaceId, spaces.GetValueOrDefault(r.SpaceId, ""), subjects(r.Subject, r.SubjectId, r.SubjectFirmId),
            r.Reason, r.Text, r.At, r.Status, r.DecisionReason, r.DecidedAt))];
    }

    /// <summary>
    /// The space's moderation queue, for its admins only: each subject with open reports, newest report first, with how
    /// many firms reported it and what each said; and the latest decisions, with who took them, when and why.
    /// </summary>
    static async Task<Results<Ok<ReportQueueDto>, ProblemHttpResult>> Queue(Guid id, [AsParameters] ViewerCall call)
    {
        if (await SpaceEndpoints.AdminView(id, call.User, call.Grains) is null) return SpaceEndpoints.AdminRefusal(await call.Grains.GetGrain<ISpaceGrain>(id).Get());
        var (db, ct) = (call.Db, call.Ct);
        var open = await db.Reports.AsNoTracking().Where(r => r.SpaceId == id && r.Status == ReportStatus.Open).ToListAsync(ct);
        var decided = await db.Reports.AsNoTracking().Where(r => r.SpaceId == id && r.Status != ReportStatus.Open)
            .OrderByDescending(r => r.DecidedAt).Take(DecisionsShown * 5).ToListAsync(ct);
        var subjects = await ReportSubjects.Of(db, open.Concat(decided).Select(r => (r.Subject, r.SubjectId, r.SubjectFirmId)), ct);
        var reporterIds = open.Select(r => r.ReporterFirmId).Distinct().ToList();
        var reporters = await db.Directory.AsNoTracking().Where(d => reporterIds.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        var deciders = await db.Users.AsNoTracking().PeopleOf(decided.Select(r => r.DecidedBy ?? Guid.Empty), ct);
        var waiting = open.GroupBy(r => (r.Subject, r.SubjectId))
            .Select(g => new ReportedSubjectDto(subjects(g.Key.Subject, g.Key.SubjectId, g.First().SubjectFirmId),
                g.Select(r => r.ReporterFirmId).Distinct().Count(), g.Max(r => r.At),
                [.. g.OrderByDescending(r => r.At).Select(r => new ReportNoteDto(r.ReporterFirmId, reporters.GetValueOrDefault(r.ReporterFirmId, ""), r.Reason, r.Text, r.At))]))
            .OrderByDescending(s => s.LatestAt).ToArray();
        // One decision closes every open report of its subject at once: they share the decision's time and author.
        var decisions = decided.GroupBy(r => (r.Subject, r.SubjectId, r.DecidedAt, r.DecidedBy))
            .Select(g => new DecidedReportsDto(subjects(g.Key.Subject, g.Key.SubjectId, g.First().SubjectFirmId), g.First().Status,
                g.First().DecisionReason ?? "", deciders.NameOf(g.Key.DecidedBy ?? Guid.Empty), g.Key.DecidedAt ?? g.First().At, g.Count()))
            .OrderByDescending(d => d.DecidedAt).Take(DecisionsShown).ToArray();
        return TypedResults.Ok(new ReportQueueDto(waiting, decisions));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Decide(Guid id, DecideReportsRequest body, [AsParameters] GrainCall call)
    {
        var outcome = await call.Grains.GetGrain<ISpaceModerationGrain>(id)
            .Decide(new DecideReports(call.User.UserId(), body.Subject, body.SubjectId, body.Outcome, body.Reason ?? ""));
        return outcome.Problem is { } no ? no.ToHttp() : TypedResults.NoContent();
    }
}
