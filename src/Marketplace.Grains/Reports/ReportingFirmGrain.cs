using Marketplace.Board;
using Marketplace.Businesses;
using Marketplace.Showcase;
using Marketplace.Spaces;

namespace Marketplace.Reports;

// A reporting firm calls posts, projects, businesses and spaces, never the reverse (calls go one way).
internal sealed class ReportingFirmGrain(IActsFor actsFor, IReports reports, ILiveUpdates live, MarketplaceClock clock)
    : Grain, IReportingFirmGrain
{
    public async Task<Outcome<Report>> File(FileReport command)
    {
        var firmId = this.GetPrimaryKey();
        if (ReportRules.CheckReporter(await actsFor.Of(command.ActorId, [firmId]), firmId) is { } notYours) return notYours;
        var subject = await Subject(command, firmId);
        if (subject.Problem is { } unseen) return unseen;
        var (subjectFirm, postSpace) = subject.Value;
        if (subjectFirm == firmId) return Problem.Invalid("subjectId", ReportRules.OwnSubject);
        var space = ReportRules.Space(await reports.SharedSpaces(firmId, subjectFirm), command.SpaceId, postSpace);
        if (space.Problem is { } nowhere) return nowhere;
        var text = ReportRules.Text(command.Text);
        if (text.Problem is { } bad) return bad;
        // This grain files the firm's reports one at a time: a second open report cannot slip in beside the first.
        if (await reports.HasOpen(firmId, command.Subject, command.SubjectId)) return Problem.Conflict(ReportRules.AlreadyOpen);
        var now = clock.Now();
        if (ReportRules.CheckRate(await reports.FiledSince(command.ActorId, now - ReportRules.Window)) is { } tooMany) return tooMany;
        var report = new Report(Guid.NewGuid(), space.Value, command.Subject, command.SubjectId, subjectFirm, firmId, command.ActorId,
            command.Reason, text.Value, now, null);
        await reports.Add(report);
        await live.ReportsChanged(report.SpaceId, [firmId]);
        return report;
    }

    /// <summary>
    /// The firm the subject belongs to, and for a post the space it is in; or 404 when the reporter may not see it: a
    /// post only its poster and the admins see (waiting, hidden) is not reported by others.
    /// </summary>
    async Task<Outcome<(Guid Firm, Guid? Space)>> Subject(FileReport command, Guid firmId)
    {
        switch (command.Subject)
        {
            case ReportSubject.Post:
                var post = GrainFactory.GetGrain<IBoardPostGrain>(command.SubjectId);
                if (await post.Get() is not { } found || await post.ViewFor(command.ActorId) is null) return Problem.NotFound(ReportRules.NotFound);
                return (found.PosterId, found.SpaceId);
            case ReportSubject.Project:
                return await GrainFactory.GetGrain<IShowcaseGrain>(command.SubjectId).Get() is { } project
                    ? (project.Participants.Contains(firmId) ? firmId : project.PublisherId, null)
                    : Problem.NotFound(ReportRules.NotFound);
            case ReportSubject.Firm:
                return await GrainFactory.GetGrain<IBusinessGrain>(command.SubjectId).Get() is { Kind: BusinessKind.Firm }
                    ? (command.SubjectId, null)
                    : Problem.NotFound(ReportRules.NotFound);
            default:
                return Problem.Invalid("subject", ReportRules.NotFound);
        }
    }
}

// The moderation of a space's reports calls the space and its posts, never the reverse (calls go one way).
internal sealed class SpaceModerationGrain(IReports reports, ILiveUpdates live, MarketplaceClock clock) : Grain, ISpaceModerationGrain
{
    public async Task<Outcome<Report[]>> Decide(DecideReports command)
    {
        var spaceId = this.GetPrimaryKey();
        var space = GrainFactory.GetGrain<ISpaceGrain>(spaceId);
        if (!await space.IsAdmin(command.ActorId))
            return await space.Get() is null ? Problem.NotFound(SpaceState.NotFound) : Problem.Forbidden(ReportRules.NotAdmin);
        var reason = ReportRules.Decision(command);
        if (reason.Problem is { } bad) return bad;
        if ((await reports.Open(spaceId, command.Subject, command.SubjectId)).Length == 0) return Problem.Conflict(ReportRules.NothingOpen);
        // A post is hidden as the board hides it, with the same reason its poster reads; one already hidden stays so.
        if (command.Outcome == ReportStatus.Hidden && command.Subject == ReportSubject.Post)
        {
            var hidden = await GrainFactory.GetGrain<IBoardPostGrain>(command.SubjectId).Moderate(new ModeratePost(command.ActorId, ModerationAction.Hide, reason.Value));
            if (hidden.Problem is { } no && no.Code != PostState.AlreadyHidden.Code) return no;
        }
        var closed = await reports.Decide(spaceId, command.Subject, command.SubjectId,
            new ReportDecision(command.Outcome, command.ActorId, reason.Value!, clock.Now()));
        await live.ReportsChanged(spaceId, [.. closed.Select(r => r.ReporterFirmId).Distinct()]);
        return closed;
    }
}
