using Orleans.Concurrency;

namespace Marketplace.Businesses;

/// <summary>
/// One user's "acts for" answer kept in memory, keyed by the user's id: most authenticated requests ask it, so it
/// must cost a grain call rather than a query. It loads the user's membership rows when it activates; after that only
/// the business grains change it. A business grain tells it <see cref="Changing"/> before it stores a change of the
/// user's role (joining, leaving, a new role) and <see cref="Settled"/> after, whether the write succeeded or not.
/// Between the two, and for good if <see cref="Settled"/> never arrives, answers about that business come from the
/// database: a stale role is never given, so a person removed from a business is refused on their very next call.
/// It calls no grain, so any grain may call it.
/// </summary>
[Alias("Marketplace.IActsForGrain")]
public interface IActsForGrain : IGrainWithGuidKey
{
    /// <summary>The user's roles in the businesses named (in every business when <paramref name="among"/> is null).</summary>
    [Alias("Of"), ReadOnly] Task<ActingFor> Of(Guid[]? among);

    /// <summary>The business is about to store a change of this user's role: until <see cref="Settled"/>, ask the database about it.</summary>
    [Alias("Changing")] Task Changing(Guid businessId);

    /// <summary>The business's write is over (stored or refused): the user's role in it is read again from the database.</summary>
    [Alias("Settled")] Task Settled(Guid businessId);
}

public static class ActsForKeys
{
    public static IActsForGrain ActsFor(this IGrainFactory grains, Guid userId) => grains.GetGrain<IActsForGrain>(userId);
}
