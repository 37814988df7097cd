namespace Marketplace.Data.Announcements;

/// <summary>
/// What a space's association tells its member firms (a meeting, a deadline of its own, a new service): written by
/// the space's admins, read by the people of its member firms and its admins, newest first (docs/architecture.md,
/// "The association's announcements"). A withdrawn one is kept, with who withdrew it and when, and shown to no one.
/// </summary>
public sealed class Announcement
{
    public Guid Id { get; set; }
    public Guid SpaceId { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The admin who wrote it, and when.</summary>
    public Guid PostedBy { get; set; }

    public DateTimeOffset PostedAt { get; set; }

    /// <summary>The admin who last edited or withdrew it, and when; null while as written.</summary>
    public Guid? ChangedBy { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Raised at every edit, so an admin's edit made on a stale copy is refused, not lost.</summary>
    public int Version { get; set; }

    public bool Withdrawn { get; set; }
}
