namespace Marketplace.Reports;

/// <summary>What a report is about: a notice-board post, a showcase project or a firm.</summary>
[GenerateSerializer, Alias("Marketplace.ReportSubject")]
public enum ReportSubject
{
    Post,
    Project,
    Firm,
}

[GenerateSerializer, Alias("Marketplace.ReportReason")]
public enum ReportReason
{
    Spam,
    FalseInformation,
    Offensive,
    Other,
}

/// <summary>Where a report stands: open in the association's queue, or examined (the subject hidden, or the report dismissed).</summary>
[GenerateSerializer, Alias("Marketplace.ReportStatus")]
public enum ReportStatus
{
    Open,
    Hidden,
    Dismissed,
}

/// <summary>
/// A person reports a subject for one of their firms to the association of <see cref="SpaceId"/>; the space may be left
/// out when the reporting firm and the subject share only one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FileReport")]
public sealed record FileReport(Guid ActorId, Guid ReporterFirmId, ReportSubject Subject, Guid SubjectId, Guid? SpaceId, ReportReason Reason, string? Text);

/// <summary>The association's answer: by whom, when and why.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ReportDecision")]
public sealed record ReportDecision(ReportStatus Outcome, Guid ActorId, string Reason, DateTimeOffset At);

/// <summary>
/// One report as stored. <see cref="SubjectFirmId"/> is the firm the subject belongs to (the poster, the publisher, the
/// firm itself): it never learns who reported it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Report")]
public sealed record Report(
    Guid Id, Guid SpaceId, ReportSubject Subject, Guid SubjectId, Guid SubjectFirmId, Guid ReporterFirmId, Guid ReporterId,
    ReportReason Reason, string? Text, DateTimeOffset At, ReportDecision? Decision);

/// <summary>A space's admin hides the reported post or project, or dismisses the reports, with a reason the reporters read.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.DecideReports")]
public sealed record DecideReports(Guid ActorId, ReportSubject Subject, Guid SubjectId, ReportStatus Outcome, string Reason);

/// <summary>
/// A firm as a reporter, keyed by the firm: its reports are filed one at a time, so "one open report per firm and
/// subject" holds whoever of its people reports at the same moment, and so does each person's count.
/// </summary>
[Alias("Marketplace.IReportingFirmGrain")]
public interface IReportingFirmGrain : IGrainWithGuidKey
{
    /// <summary>The report as stored, after the space's admins were told; or why it was refused.</summary>
    [Alias("File")] Task<Outcome<Report>> File(FileReport command);
}

/// <summary>
/// A space's moderation of reports, keyed by the space: its admins' decisions are taken one at a time, so two admins
/// deciding on one subject at once give one decision and a true refusal.
/// </summary>
[Alias("Marketplace.ISpaceModerationGrain")]
public interface ISpaceModerationGrain : IGrainWithGuidKey
{
    /// <summary>The reports the decision closed; or why it was refused.</summary>
    [Alias("Decide")] Task<Outcome<Report[]>> Decide(DecideReports command);
}

/// <summary>The reports as stored.</summary>
public interface IReports
{
    Task Add(Report report, CancellationToken ct = default);

    /// <summary>Whether the firm has an open report about the subject (in any space).</summary>
    Task<bool> HasOpen(Guid reporterFirmId, ReportSubject subject, Guid subjectId, CancellationToken ct = default);

    /// <summary>How many reports the person filed after a time, for any firm.</summary>
    Task<int> FiledSince(Guid reporterId, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>The spaces of which both firms are current members.</summary>
    Task<Guid[]> SharedSpaces(Guid firmId, Guid otherFirmId, CancellationToken ct = default);

    /// <summary>The open reports about the subject in the space.</summary>
    Task<Report[]> Open(Guid spaceId, ReportSubject subject, Guid subjectId, CancellationToken ct = default);

    /// <summary>Closes the open reports about the subject in the space with the decision; returns those it closed.</summary>
    Task<Report[]> Decide(Guid spaceId, ReportSubject subject, Guid subjectId, ReportDecision decision, CancellationToken ct = default);
}
