using Orleans.Concurrency;

namespace Marketplace.Spaces;

/// <summary>
/// When one person last checked the dashboard of each space they administer, so the dashboard tells them what moved
/// since (keyed by the person's id; one activation per person in the cluster). It stores only times: what moved is
/// worked out from the platform's records each time it is asked.
/// </summary>
[Alias("Marketplace.IDashboardChecksGrain")]
public interface IDashboardChecksGrain : IGrainWithGuidKey
{
    /// <summary>When the person last checked the space's dashboard; null before the first check.</summary>
    [Alias("LastCheck"), ReadOnly] Task<DateTimeOffset?> LastCheck(Guid spaceId);

    /// <summary>
    /// The person has seen what moved up to <paramref name="until"/>; a check never moves back (an older tab marking
    /// after a newer one changes nothing). Answers the check as stored.
    /// </summary>
    [Alias("Check")] Task<DateTimeOffset> Check(Guid spaceId, DateTimeOffset until);
}
