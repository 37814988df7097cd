using System.Text.Json.Serialization;
using Marketplace.Businesses;

namespace Marketplace.Board;

/// <summary>Who sees a space's notice board: its admins and the people of its current member firms, in any role.</summary>
public static class BoardAccess
{
    public static bool SeesBoard(bool viewerIsAdmin, bool viewerHasMemberFirm) => viewerIsAdmin || viewerHasMemberFirm;
}

/// <summary>
/// Who a viewer is to a post's space: whether they administer it, and which of the firms they act for are its current
/// members. Only they see its board.
/// </summary>
public sealed record BoardViewer(ActingFor Acting, bool IsAdmin, IReadOnlySet<Guid> MemberFirms, bool BlockedByPoster = false)
{
    public bool SeesBoard => BoardAccess.SeesBoard(IsAdmin, MemberFirms.Count > 0);
}

/// <summary>The stored state of a notice-board post, with the rules that guard every change.</summary>
public sealed class PostState
{
    /// <summary>A post the caller may not see: it does not exist for them.</summary>
    public static readonly Refusal NotFound = new("board.notFound", "No post on this board has this id.");

    public static readonly Refusal
        NotPosterEditor = new("board.notPosterEditor", "Only the posting firm's Owners and Managers post, edit, close and accept interests for it."),
        NotMember = new("board.notMember", "Only the space's member firms post on its board and answer its posts."),
        TooManyPosts = new("board.tooManyPosts", "A firm publishes at most {max} posts a day: try again tomorrow."),
        InterestedInOneForTender = new("board.interestedInOneForTender", "The interested firm is already in an alliance for this tender: it bids through that one.");

    static readonly Refusal
        PosterNotAFirm = new("board.posterNotAFirm", "Only a registered firm posts on a board."),
        AlreadyExists = new("board.alreadyExists", "This post already exists."),
        ChangedMeanwhile = new("board.changedMeanwhile", "The post was changed meanwhile: the current version is {version}."),
        Closed = new("board.closed", "This post is closed: it takes no more interest."),
        ClosedByAdmin = new("board.closedByAdmin", "The space's admins closed this post: {reason}"),
        Hidden = new("board.hidden", "The space's admins hid this post: {reason}"),
        AwaitingApproval = new("board.awaitingApproval", "This post waits for the space's admins to approve it."),
        Expired = new("board.expired", "This post expired on {day}: it takes no more interest."),
        NotInterestEditor = new("board.notInterestEditor", "Only the firm's Owners and Managers express interest for it."),
        OwnPost = new("board.ownPost", "A firm does not express interest in its own post."),
        AlreadyInterested = new("board.alreadyInterested", "This firm already expressed interest in this post."),
        MessageLength = new("board.messageLength", "The message is required and at most {max} characters long."),
        NoSuchInterest = new("board.noSuchInterest", "This firm expressed no interest in this post."),
        AlreadyAccepted = new("board.alreadyAccepted", "This interest is already accepted."),
        InterestedNotMember = new("board.interestedNotMember", "The interested firm is no longer a member of the space."),
        NotAdmin = new("board.notAdmin", "Only the space's admins moderate its board."),
        NotAwaiting = new("board.notAwaiting", "This post does not wait for approval."),
        ReasonRequired = new("board.reasonRequired", "Say why, in at most {max} characters: the poster is told.");

    /// <summary>A report's decision to hide a post already hidden leaves it so (<see cref="Reports.SpaceModerationGrain"/>).</summary>
    internal static readonly Refusal AlreadyHidden = new("board.alreadyHidden", "This post is already hidden.");

    public Guid Id { get; set; }
    public Guid SpaceId { get; set; }
    public Guid PosterId { get; set; }
    public PostDetails? Details { get; set; }
    public PostStatus Status { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PostInterest> Interests { get; set; } = [];
    public PostModeration? Moderation { get; set; }
    public Guid? AllianceId { get; set; }

    [JsonIgnore] public bool Exists => Version > 0;

    /// <summary>
    /// Who sees the post: the space's admins and its member firms' people; while it waits for approval or is hidden,
    /// only the admins and the poster's people.
    /// </summary>
    public bool VisibleTo(BoardViewer viewer) =>
        Exists && viewer.SeesBoard && !viewer.BlockedByPoster
        && (Status is PostStatus.Open or PostStatus.Closed || viewer.IsAdmin || viewer.Acting.Reads(PosterId));

    /// <param name="poster">The posting business as found; null when none has its id.</param>
    /// <param name="posterIsMember">The posting firm is a current member of the space.</param>
    /// <param name="postedToday">The posts the firm published in the last day.</param>
    public Problem? CheckPublish(PublishPost command, BusinessSnapshot? poster, ActingFor actor, bool posterIsMember, int postedToday) =>
        !actor.Edits(command.PosterId) ? Problem.Forbidden(NotPosterEditor)
        : poster is not { Kind: BusinessKind.Firm } ? Problem.Invalid("firmId", PosterNotAFirm)
        : !posterIsMember ? Problem.Forbidden(NotMember)
        : Exists ? Problem.Conflict(AlreadyExists)
        : postedToday >= BoardRules.PostsPerDay ? Problem.TooSoon(TooManyPosts, ("max", BoardRules.PostsPerDay))
        : null;

    /// <param name="needsApproval">The space puts new posts in its admins' queue.</param>
    public void Publish(Guid id, PublishPost command, PostDetails details, bool needsApproval, DateTimeOffset now)
    {
        Id = id;
        SpaceId = command.SpaceId;
        PosterId = command.PosterId;
        PostedAt = now;
        Status = needsApproval ? PostStatus.AwaitingApproval : PostStatus.Open;
        Apply(details, now);
    }

    public Problem? CheckEdit(EditPost command, BoardViewer viewer) =>
        Guard(viewer)
        ?? (Status == PostStatus.Hidden ? Problem.Conflict(Hidden, ("reason", Moderation?.Reason))
        : Status == PostStatus.Closed ? Problem.Conflict(Closed)
        : command.Version != Version ? Problem.Conflict(ChangedMeanwhile, ("version", Version))
        : null);

    /// <param name="needsApproval">The space puts posts in its admins' queue: an approved post changed is approved again, so what was approved is what is shown.</param>
    public void Edit(PostDetails details, bool needsApproval, DateTimeOffset now)
    {
        if (needsApproval) Status = PostStatus.AwaitingApproval;
        Apply(details, now);
    }

    void Apply(PostDetails details, DateTimeOffset now)
    {
        Details = details;
        ExpiresAt = BoardRules.ExpiresAt(details.ExpiresOn);
        Version++;
        UpdatedAt = now;
    }

    public Problem? CheckClose(BoardViewer viewer) =>
        Guard(viewer)
        ?? (Status == PostStatus.Hidden ? Problem.Conflict(Hidden, ("reason", Moderation?.Reason))
        : Status == PostStatus.Closed ? Problem.Conflict(Closed)
        : null);

    public void Close(Guid actorId, DateTimeOffset now)
    {
        Status = PostStatus.Closed;
        Moderation = new PostModeration(PostStatus.Closed, null, actorId, false, now);
        Version++;
        UpdatedAt = now;
    }

    /// <summary>The poster's people act on it: the post exists for them, and they edit for the poster.</summary>
    Problem? Guard(BoardViewer viewer) =>
        !VisibleTo(viewer) ? Problem.NotFound(NotFound)
        : !viewer.Acting.Edits(PosterId) ? Problem.Forbidden(NotPosterEditor)
        : null;

    public Problem? CheckModerate(ModeratePost command, BoardViewer viewer) =>
        !VisibleTo(viewer) ? Problem.NotFound(NotFound)
        : !viewer.IsAdmin ? Problem.Forbidden(NotAdmin)
        : command.Action switch
        {
            ModerationAction.Approve => Status != PostStatus.AwaitingApproval ? Problem.Conflict(NotAwaiting) : null,
            ModerationAction.Hide or ModerationAction.Close when command.Reason.Clean() is not { Length: <= BoardRules.MaxReason } =>
                Problem.Invalid("reason", ReasonRequired, ("max", BoardRules.MaxReason)),
            ModerationAction.Hide => Status == PostStatus.Hidden ? Problem.Conflict(AlreadyHidden) : null,
            ModerationAction.Close => Status == PostStatus.Hidden ? Problem.Conflict(Hidden, ("reason", Moderation?.Reason))
                : Status == PostStatus.Closed ? Problem.Conflict(Closed) : null,
            _ => Problem.Invalid("action", NotAwaiting),
        };

    public void Moderate(ModeratePost command, DateTimeOffset now)
    {
        Status = command.Action switch
        {
            ModerationAction.Approve => PostStatus.Open,
            ModerationAction.Hide => PostStatus.Hidden,
            _ => PostStatus.Closed,
        };
        Moderation = new PostModeration(Status, command.Reason.Clean(), command.ActorId, true, now);
        Version++;
        UpdatedAt = now;
    }

    /// <param name="firmIsMember">The firm the interest is for is a current member of the space.</param>
    public Problem? CheckInterest(ExpressInterest command, BoardViewer viewer, bool firmIsMember, DateTimeOffset now) =>
        !VisibleTo(viewer) ? Problem.NotFound(NotFound)
        : !viewer.Acting.Edits(command.FirmId) ? Problem.Forbidden(NotInterestEditor)
        : command.FirmId == PosterId ? Problem.Conflict(OwnPost)
        : !firmIsMember ? Problem.Forbidden(NotMember)
        : Taking(now)
        ?? (Interests.Any(i => i.FirmId == command.FirmId) ? Problem.Conflict(AlreadyInterested)
        : command.Message.Clean() is not { Length: <= BoardRules.MaxMessage } ? Problem.Invalid("message", MessageLength, ("max", BoardRules.MaxMessage))
        : null);

    /// <summary>Why the post takes no interest now, in the true words: hidden, waiting, closed (by whom) or expired.</summary>
    Problem? Taking(DateTimeOffset now) => Status switch
    {
        PostStatus.Hidden => Problem.Conflict(Hidden, ("reason", Moderation?.Reason)),
        PostStatus.AwaitingApproval => Problem.Conflict(AwaitingApproval),
        PostStatus.Closed when Moderation is { ByAdmin: true } by => Problem.Conflict(ClosedByAdmin, ("reason", by.Reason)),
        PostStatus.Closed => Problem.Conflict(Closed),
        _ => now >= ExpiresAt ? Problem.Conflict(Expired, ("day", Details!.ExpiresOn.ToString("yyyy-MM-dd"))) : null,
    };

    public void Interest(ExpressInterest command, DateTimeOffset now)
    {
        Interests.Add(new PostInterest(command.FirmId, command.Message.Clean()!, command.ActorId, now, InterestStatus.Pending, null));
        Version++;
        UpdatedAt = now;
    }

    /// <summary>
    /// The poster accepts an interest. An interest waits for its answer even once the post expired or its poster closed
    /// it (expiry ends the listing, not the conversation it started); a post the admins hid or closed accepts none.
    /// </summary>
    /// <param name="firmIsMember">The interested firm is still a current member of the space (an alliance takes in members only).</param>
    public Problem? CheckAccept(Guid firmId, BoardViewer viewer, bool firmIsMember) =>
        Guard(viewer)
        ?? (Interests.FirstOrDefault(i => i.FirmId == firmId) is not { } interest ? Problem.NotFound(NoSuchInterest)
        : Status == PostStatus.Hidden ? Problem.Conflict(Hidden, ("reason", Moderation?.Reason))
        : Status == PostStatus.AwaitingApproval ? Problem.Conflict(AwaitingApproval)
        : Moderation is { ByAdmin: true, Status: PostStatus.Closed } by ? Problem.Conflict(ClosedByAdmin, ("reason", by.Reason))
        : interest.Status == InterestStatus.Accepted ? Problem.Conflict(AlreadyAccepted)
        : !firmIsMember ? Problem.Conflict(InterestedNotMember)
        : null);

    public void Accept(Guid firmId, Guid allianceId, DateTimeOffset now)
    {
        var index = Interests.FindIndex(i => i.FirmId == firmId);
        Interests[index] = Interests[index] with { Status = InterestStatus.Accepted, AcceptedAt = now };
        AllianceId = allianceId;
        Version++;
        UpdatedAt = now;
    }

    /// <summary>
    /// The post as the viewer sees it, with what they may do by the rules its commands run (as the page would send
    /// them: the current version, a message and a reason written); null when it does not exist for them.
    /// </summary>
    /// <param name="interestedMembers">The interested firms that are still members of the space, as <see cref="CheckAccept"/> asks.</param>
    public PostView? ViewFor(BoardViewer viewer, IReadOnlySet<Guid> interestedMembers, DateTimeOffset now)
    {
        if (!VisibleTo(viewer)) return null;
        var poster = viewer.Acting.Reads(PosterId);
        var post = ToSnapshot();
        InterestView[] interests = [.. Interests.Where(i => poster || viewer.Acting.Reads(i.FirmId)).Select(i => new InterestView(i,
            ViewerActions<InterestAction>.Of((InterestAction.Accept, CheckAccept(i.FirmId, viewer, interestedMembers.Contains(i.FirmId))))))];
        var told = poster || viewer.IsAdmin;
        var invited = poster || Interests.Any(i => i.Status == InterestStatus.Accepted && viewer.Acting.Reads(i.FirmId));
        return new PostView(post, poster, viewer.IsAdmin, interests, told ? Moderation : null, invited ? AllianceId : null,
            ViewerActions<PostAction>.Of(
                (PostAction.Edit, CheckEdit(new EditPost(Guid.Empty, Version, Details!), viewer)),
                (PostAction.Close, CheckClose(viewer))),
            ViewerActions<PostModeratorAction>.Of(
                (PostModeratorAction.Approve, CheckModerate(new ModeratePost(Guid.Empty, ModerationAction.Approve, null), viewer)),
                (PostModeratorAction.Hide, CheckModerate(new ModeratePost(Guid.Empty, ModerationAction.Hide, "-"), viewer)),
                (PostModeratorAction.Close, CheckModerate(new ModeratePost(Guid.Empty, ModerationAction.Close, "-"), viewer))),
            [.. viewer.MemberFirms.Where(f => f != PosterId && viewer.Acting.Edits(f)).Select(f => new PostViewerFirm(f, ViewerActions<PostFirmAction>.Of(
                (PostFirmAction.ExpressInterest, CheckInterest(new ExpressInterest(Guid.Empty, f, "-"), viewer, true, now)))))]);
    }

    public PostSnapshot ToSnapshot() => new(Id, SpaceId, PosterId, Details!, Status, ExpiresAt, Version, PostedAt, UpdatedAt, [.. Interests], Moderation, AllianceId);
}
