using Marketplace.Businesses;

namespace Marketplace.Reports;

/// <summary>
/// Who reports what to which association, and how the association answers. A person reports for a firm they act for
/// (any role: whoever reads the board may point at abuse on it), about a post, a project or a firm of another firm it
/// shares a space with; the report goes to that space's association. Errors use the request's camelCase field names.
/// </summary>
public static class ReportRules
{
    public const int MaxText = 1000, MaxDecisionReason = 1000;

    /// <summary>How many reports one person files in <see cref="Window"/>, for any of their firms: enough to point at abuse, not to flood a queue.</summary>
    public const int ReportsPerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    public static readonly Refusal
        NotYourFirm = new("report.notYourFirm", "You report only for a firm you act for."),
        NotFound = new("report.notFound", "There is no post, project or firm you may see with this id."),
        OwnSubject = new("report.ownSubject", "Your firm does not report itself, nor its own posts and projects."),
        NoSharedSpace = new("report.noSharedSpace", "Your firm and the firm you report are not members of the same space: a report goes to the association of a space you are both members of."),
        ChooseSpace = new("report.chooseSpace", "Your firm and the firm you report are both members of several spaces: choose the association you report to."),
        SpaceNotShared = new("report.spaceNotShared", "Your firm and the firm you report are not both members of this space."),
        AlreadyOpen = new("report.alreadyOpen", "Your firm has already reported this, and the association has not examined the report yet."),
        TextLength = new("report.textLength", "What you add is at most {max} characters long."),
        TooMany = new("report.tooMany", "You filed {max} reports in the last 24 hours: the association examines them before you file more."),
        NotAdmin = new("report.notAdmin", "Only the space's admins see and examine its reports."),
        NothingOpen = new("report.nothingOpen", "No report about this is waiting: another admin may have just examined it."),
        DecisionReason = new("report.decisionReason", "Say why, in 1 to {max} characters: the firms that reported it read it."),
        FirmNotHidden = new("report.firmNotHidden", "A firm is not hidden: dismiss the report, or suspend the firm from the space's members."),
        OutcomeUnknown = new("report.outcome", "Hide what was reported, or dismiss the report.");

    /// <summary>Null when the actor may report for the firm; the actor is checked before anything about the subject.</summary>
    public static Problem? CheckReporter(ActingFor acting, Guid reporterFirmId) =>
        acting.Reads(reporterFirmId) ? null : Problem.Forbidden(NotYourFirm);

    /// <summary>The text as stored (null when nothing was added), or why it cannot be.</summary>
    public static Outcome<string?> Text(string? raw)
    {
        if (raw.Clean() is not { } text) return new Outcome<string?>(null, null);
        return text.Length <= MaxText ? text : Problem.Invalid("text", TextLength, ("max", MaxText));
    }

    /// <summary>
    /// The space the report goes to: the one named, if the two firms share it; else the only one they share.
    /// <paramref name="fixedSpace"/> is the space a post belongs to: its report goes there.
    /// </summary>
    public static Outcome<Guid> Space(IReadOnlyCollection<Guid> shared, Guid? named, Guid? fixedSpace)
    {
        if (fixedSpace is { } own)
            return named is { } n && n != own ? Problem.Invalid("spaceId", SpaceNotShared)
                : shared.Contains(own) ? own : Problem.NotFound(NotFound);
        if (shared.Count == 0) return Problem.Conflict(NoSharedSpace);
        if (named is { } space) return shared.Contains(space) ? space : Problem.Invalid("spaceId", SpaceNotShared);
        return shared.Count == 1 ? shared.First() : Problem.Invalid("spaceId", ChooseSpace);
    }

    /// <summary>Null when the person may file one more report now, having filed <paramref name="inWindow"/> in the last <see cref="Window"/>.</summary>
    public static Problem? CheckRate(int inWindow) =>
        inWindow >= ReportsPerWindow ? Problem.TooSoon(TooMany, ("max", ReportsPerWindow)) : null;

    /// <summary>The admins' reason as stored, or why the decision cannot be taken.</summary>
    public static Outcome<string> Decision(DecideReports command)
    {
        if (command.Outcome is not (ReportStatus.Hidden or ReportStatus.Dismissed)) return Problem.Invalid("outcome", OutcomeUnknown);
        if (command.Outcome == ReportStatus.Hidden && command.Subject == ReportSubject.Firm) return Problem.Invalid("outcome", FirmNotHidden);
        return command.Reason.Clean() is { Length: <= MaxDecisionReason } reason ? reason
            : Problem.Invalid("reason", DecisionReason, ("max", MaxDecisionReason));
    }
}
