namespace Marketplace.Alliances;

/// <summary>Who may see an alliance. Commands are guarded by the state; this guards reads and live groups.</summary>
public static class AllianceAccess
{
    /// <summary>The workspace and its live group: the people (any role) of the alliance's active firms only.</summary>
    public static bool CanWatch(AllianceSnapshot alliance, IEnumerable<Guid> viewerFirms) => viewerFirms.Any(alliance.IsActive);

    /// <summary>The alliance itself: its active firms, and the firms invited to it (so they can read the agreement before answering).</summary>
    public static bool CanRead(AllianceSnapshot alliance, IEnumerable<Guid> viewerFirms) =>
        viewerFirms.Any(f => alliance.IsActive(f) || alliance.IsInvited(f));

    /// <summary>
    /// A watcher who edits the joint bid for none of the alliance's active firms hears its changes as a reader does
    /// (no firm's part); one who edits for any of them hears that firm's part instead.
    /// </summary>
    public static bool ReadsOnly(AllianceSnapshot alliance, Businesses.ActingFor acting) => !alliance.Active.Any(m => acting.Edits(m.FirmId));
}
