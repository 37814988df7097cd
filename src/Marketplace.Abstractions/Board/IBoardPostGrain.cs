using Orleans.Concurrency;

namespace Marketplace.Board;

/// <summary>
/// One post on a space's notice board (bacheca): published by a member firm's Owner or Manager, edited or closed by
/// them, moderated by the space's admins; other member firms express interest, and the poster accepts one, which
/// forms an alliance led by the poster with the interested firm invited. Only the space's member firms and its admins
/// see it; to anyone else it does not exist.
/// </summary>
[Alias("Marketplace.IBoardPostGrain")]
public interface IBoardPostGrain : IGrainWithGuidKey
{
    /// <param name="postedToday">How many posts the poster published in the last day (<see cref="IBoardPosterGrain"/> counts them).</param>
    [Alias("Publish")] Task<Outcome<PostSnapshot>> Publish(PublishPost command, int postedToday);

    [Alias("Get"), ReadOnly] Task<PostSnapshot?> Get();

    /// <summary>The post as the person sees it, with what they may do; null when they may not see it (or it does not exist).</summary>
    [Alias("ViewFor"), ReadOnly] Task<PostView?> ViewFor(Guid viewerId);

    [Alias("Edit")] Task<Outcome<PostSnapshot>> Edit(EditPost command);

    /// <summary>The poster closes its post: it leaves the board and takes no more interest.</summary>
    [Alias("Close")] Task<Outcome<PostSnapshot>> Close(Guid actorId);

    [Alias("Moderate")] Task<Outcome<PostSnapshot>> Moderate(ModeratePost command);

    [Alias("ExpressInterest")] Task<Outcome<PostSnapshot>> ExpressInterest(ExpressInterest command);

    /// <summary>
    /// The poster accepts a firm's interest: the post's alliance is formed (for its tender, if it names one) with the
    /// poster as lead, or is the one an earlier acceptance formed, and the firm is invited to it.
    /// </summary>
    [Alias("AcceptInterest")] Task<Outcome<PostSnapshot>> AcceptInterest(Guid actorId, Guid firmId);
}

/// <summary>
/// A firm as a poster on notice boards, keyed by the firm: its posts are published one at a time, so the number it
/// published in the last day is counted exactly, whatever arrives at once.
/// </summary>
[Alias("Marketplace.IBoardPosterGrain")]
public interface IBoardPosterGrain : IGrainWithGuidKey
{
    [Alias("Publish")] Task<Outcome<PostSnapshot>> Publish(Guid postId, PublishPost command);
}

/// <summary>The posts as stored, for the counts a grain needs: how many a firm published since a time.</summary>
public interface IBoardPosts
{
    Task<int> PublishedSince(Guid firmId, DateTimeOffset since, CancellationToken ct = default);
}
