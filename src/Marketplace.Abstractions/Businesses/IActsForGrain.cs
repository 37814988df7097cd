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

    /// <summary>
    /// Whether the user is one of the business's people (any role, as <see cref="Of"/> answers) and when they last read
    /// their inboxes: all an inbox page asks about its viewer, in one call. The read time is kept in memory too, loaded
    /// on the first ask; only <see cref="InboxRead"/> changes it.
    /// </summary>
    [Alias("ReadsInbox"), ReadOnly] Task<InboxReader> ReadsInbox(Guid businessId);

    /// <summary>Stores that the user has read every inbox of theirs up to <paramref name="at"/>; their next inbox page shows it.</summary>
    [Alias("InboxRead")] Task InboxRead(DateTimeOffset at);
}

/// <summary>Whether a person reads a firm's inbox, and when they last read their inboxes (null: never).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.InboxReader")]
public sealed record InboxReader(bool IsOneOf, DateTimeOffset? ReadAt)
{
    /// <summary>What a visitor is: no firm's person.</summary>
    public static readonly InboxReader Nobody = new(false, null);

    /// <summary>A notice is unread for the person when it came after they last read their inboxes.</summary>
    public bool Unread(DateTimeOffset noticeAt) => ReadAt is not { } read || noticeAt > read;
}

/// <summary>A person's inbox read time where accounts are stored (a port the host implements): what <see cref="IActsForGrain"/> loads and stores.</summary>
public interface IInboxReadTimes
{
    /// <summary>When the user last read their inboxes; null when never (or for an account that does not exist).</summary>
    Task<DateTimeOffset?> Of(Guid userId);

    /// <summary>Stores the user's new read time.</summary>
    Task Store(Guid userId, DateTimeOffset at);
}

public static class ActsForKeys
{
    public static IActsForGrain ActsFor(this IGrainFactory grains, Guid userId) => grains.GetGrain<IActsForGrain>(userId);
}
