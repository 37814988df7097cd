using Marketplace.Data;
using Marketplace.Reports;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// A person reports, for <see cref="ReporterFirmId"/>, a post, a project or a firm to the association of
/// <see cref="SpaceId"/> (left out when the firms share one space, or for a post: its own space).
/// </summary>
public sealed record FileReportRequest(Guid ReporterFirmId, ReportSubject Subject, Guid SubjectId, Guid? SpaceId, ReportReason Reason, [LongText] string? Text);

/// <summary>One of the viewer's firms and the spaces it shares with the firm to report: the associations it may report to.</summary>
public sealed record ReportChoiceDto(NamedDto Firm, NamedDto[] Spaces);

/// <summary>What was reported: its title (the post's, the project's or the firm's name) and the firm it belongs to.</summary>
public sealed record ReportSubjectDto(ReportSubject Kind, Guid Id, string Title, Guid FirmId, string FirmName);

/// <summary>
/// One of the firm's reports as its people read it: where it went, and once the association examined it, what it
/// decided and why. The admin who decided is not named: the association answers.
/// </summary>
public sealed record MyReportDto(Guid Id, Guid SpaceId, string SpaceName, ReportSubjectDto Subject, ReportReason Reason, string? Text,
    DateTimeOffset At, ReportStatus Status, string? DecisionReason, DateTimeOffset? DecidedAt);

/// <summary>One firm's report of a subject, as the space's admins read it.</summary>
public sealed record ReportNoteDto(Guid ReporterFirmId, string ReporterFirmName, ReportReason Reason, string? Text, DateTimeOffset At);

/// <summary>A subject with open reports in the space's queue: how many firms reported it and what each said, newest first.</summary>
public sealed record ReportedSubjectDto(ReportSubjectDto Subject, int Firms, DateTimeOffset LatestAt, ReportNoteDto[] Reports);

/// <summary>A decision the space's admins took on a subject's reports: who, when, why, and how many reports it closed.</summary>
public sealed record DecidedReportsDto(ReportSubjectDto Subject, ReportStatus Outcome, string Reason, string DecidedBy, DateTimeOffset DecidedAt, int Reports);

/// <summary>The space's moderation queue: the subjects waiting, newest report first, and the latest decisions.</summary>
public sealed record ReportQueueDto(ReportedSubjectDto[] Open, DecidedReportsDto[] Decided);

/// <summary>An admin hides the reported post or project (<see cref="ReportStatus.Hidden"/>) or dismisses its reports, with a reason the reporters read.</summary>
public sealed record DecideReportsRequest(ReportSubject Subject, Guid SubjectId, ReportStatus Outcome, [LongText] string? Reason);

/// <summary>Pushed to a space's admins and to the reporting firms' people: the space's reports changed; read them again.</summary>
public sealed record ReportsChangedDto(Guid SpaceId);

internal static class ReportSubjects
{
    /// <summary>The subjects' titles and firms' names, in one query per kind.</summary>
    public static async Task<Func<ReportSubject, Guid, Guid, ReportSubjectDto>> Of(MarketplaceDbContext db,
        IEnumerable<(ReportSubject Kind, Guid Id, Guid FirmId)> subjects, CancellationToken ct)
    {
        var list = subjects.ToList();
        var posts = list.Where(s => s.Kind == ReportSubject.Post).Select(s => s.Id).Distinct().ToList();
        var projects = list.Where(s => s.Kind == ReportSubject.Project).Select(s => s.Id).Distinct().ToList();
        var firms = list.Select(s => s.FirmId).Distinct().ToList();
        var postTitles = await db.BoardPosts.AsNoTracking().Where(p => posts.Contains(p.PostId)).ToDictionaryAsync(p => p.PostId, p => p.Title, ct);
        var projectTitles = await db.ShowcaseProjects.AsNoTracking().Where(p => projects.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, p => p.Title, ct);
        var names = await db.Directory.AsNoTracking().Where(d => firms.Contains(d.BusinessId)).ToDictionaryAsync(d => d.BusinessId, d => d.Name, ct);
        return (kind, id, firm) =>
        {
            var firmName = names.GetValueOrDefault(firm, "");
            var title = kind switch
            {
                ReportSubject.Post => postTitles.GetValueOrDefault(id, ""),
                ReportSubject.Project => projectTitles.GetValueOrDefault(id, ""),
                _ => firmName,
            };
            return new ReportSubjectDto(kind, id, title, firm, firmName);
        };
    }
}
