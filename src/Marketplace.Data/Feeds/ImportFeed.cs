namespace Marketplace.Data.Feeds;

/// <summary>
/// An address a space's admins gave the platform to fetch an OCDS release package from, every
/// <see cref="PeriodHours"/>, and import it as if an admin had uploaded it (docs/open-data.md, "Feeds"). A node that
/// fetches it claims it first (<see cref="ImportFeedRows"/>), so nodes sharing the database never fetch it at once.
/// </summary>
public sealed class ImportFeed
{
    public const int MaxUrl = 2000, MaxReport = 200_000;

    public Guid Id { get; set; }
    public Guid SpaceId { get; set; }
    public string Url { get; set; } = "";
    public int PeriodHours { get; set; }

    /// <summary>
    /// The admin the feed imports for: who added it, or last fetched it by hand. A scheduled fetch imports with this
    /// person's authority, and only while they are an admin of the space.
    /// </summary>
    public Guid OwnerId { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    /// <summary>Not to be fetched on schedule before this time.</summary>
    public DateTimeOffset NextFetchAt { get; set; }

    /// <summary>The claim of the node fetching it now (a new value per claim), null when nobody holds it.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>When the current claim lapses: a node that died while fetching is replaced after this time.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? LastFetchAt { get; set; }

    /// <summary>What the last fetch did, as the API shows it (JSON); null before the first.</summary>
    public string? LastReport { get; set; }
}
