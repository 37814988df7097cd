namespace Marketplace.Board;

/// <summary>What a notice-board post says it is: "we offer …" or "we look for a partner for …".</summary>
[GenerateSerializer, Alias("Marketplace.PostKind")]
public enum PostKind
{
    Offer,
    Request,
}

/// <summary>Where a post stands. Whether it has expired is read from its expiry and the clock, never stored.</summary>
[GenerateSerializer, Alias("Marketplace.PostStatus")]
public enum PostStatus
{
    /// <summary>The space asks its admins to approve new posts: only its poster and the admins see it until then.</summary>
    AwaitingApproval,
    Open,
    /// <summary>Closed by its poster, or by an admin with a reason: it takes no more interest.</summary>
    Closed,
    /// <summary>Hidden by an admin with a reason: only its poster and the admins see it.</summary>
    Hidden,
}

[GenerateSerializer, Alias("Marketplace.InterestStatus")]
public enum InterestStatus
{
    Pending,
    /// <summary>The poster accepted it: the interested firm is invited to the post's alliance.</summary>
    Accepted,
}

/// <summary>
/// What a post says: its kind, title and text, the CPV codes of the work, the comune (ISTAT code) it is about, the
/// expected value, the last day it stands (in Italy) and, optionally, the space's tender it is about.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PostDetails")]
public sealed record PostDetails(
    PostKind Kind,
    string Title,
    string Text,
    string[] Cpv,
    string ComuneCode,
    Money? Value,
    DateOnly ExpiresOn,
    Guid? TenderId);

/// <summary>A firm's interest in a post: its short message, who wrote it and when, and whether the poster accepted it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PostInterest")]
public sealed record PostInterest(Guid FirmId, string Message, Guid ActorId, DateTimeOffset At, InterestStatus Status, DateTimeOffset? AcceptedAt);

/// <summary>Why a post was closed or hidden, by whom (an admin, or its poster's person) and when; an admin's approval too.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PostModeration")]
public sealed record PostModeration(PostStatus Status, string? Reason, Guid ActorId, bool ByAdmin, DateTimeOffset At);

/// <summary>
/// A post on a space's notice board by one of its member firms, with the interests other member firms expressed and,
/// once the poster accepted one, the alliance it formed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PostSnapshot")]
public sealed record PostSnapshot(
    Guid Id,
    Guid SpaceId,
    Guid PosterId,
    PostDetails Details,
    PostStatus Status,
    DateTimeOffset ExpiresAt,
    int Version,
    DateTimeOffset PostedAt,
    DateTimeOffset UpdatedAt,
    PostInterest[] Interests,
    PostModeration? Moderation,
    Guid? AllianceId)
{
    /// <summary>Listed and taking interest: open and not expired.</summary>
    public bool OpenAt(DateTimeOffset now) => Status == PostStatus.Open && now < ExpiresAt;
}

[GenerateSerializer, Immutable, Alias("Marketplace.PublishPost")]
public sealed record PublishPost(Guid ActorId, Guid SpaceId, Guid PosterId, PostDetails Details);

[GenerateSerializer, Immutable, Alias("Marketplace.EditPost")]
public sealed record EditPost(Guid ActorId, int Version, PostDetails Details);

/// <summary>What a space's admin does with a post.</summary>
[GenerateSerializer, Alias("Marketplace.ModerationAction")]
public enum ModerationAction
{
    Approve,
    Hide,
    Close,
}

/// <summary>An admin approves, hides or closes a post; hiding and closing name the reason its poster is told.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ModeratePost")]
public sealed record ModeratePost(Guid ActorId, ModerationAction Action, string? Reason);

[GenerateSerializer, Immutable, Alias("Marketplace.ExpressInterest")]
public sealed record ExpressInterest(Guid ActorId, Guid FirmId, string Message);

/// <summary>What the viewer may do with a post for its poster.</summary>
[GenerateSerializer, Alias("Marketplace.PostAction")]
public enum PostAction
{
    Edit,
    Close,
}

/// <summary>What a space's admin may do with a post.</summary>
[GenerateSerializer, Alias("Marketplace.PostModeratorAction")]
public enum PostModeratorAction
{
    Approve,
    Hide,
    Close,
}

/// <summary>What the viewer may do with a post for one of their member firms: express its interest.</summary>
[GenerateSerializer, Alias("Marketplace.PostFirmAction")]
public enum PostFirmAction
{
    ExpressInterest,
}

/// <summary>What the viewer may do with an interest in a post: accept it for the poster.</summary>
[GenerateSerializer, Alias("Marketplace.InterestAction")]
public enum InterestAction
{
    Accept,
}

/// <summary>One of the viewer's firms and what the viewer may do with the post for it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PostViewerFirm")]
public sealed record PostViewerFirm(Guid FirmId, ViewerActions<PostFirmAction> Actions);

/// <summary>An interest in a post and what the viewer may do with it (accept it, for the poster).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.InterestView")]
public sealed record InterestView(PostInterest Interest, ViewerActions<InterestAction> Actions);

/// <summary>
/// A post as one viewer may see it, with what they may do, judged by the rules the commands run: its interests as far
/// as they may read them (the poster's people read them all, an interested firm's people their own), why it was
/// closed or hidden (to its poster's people and the space's admins), and the alliance it formed (to the poster's
/// people and the firms it invited).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.PostView")]
public sealed record PostView(
    PostSnapshot Post,
    bool ViewerIsPoster,
    bool ViewerIsAdmin,
    InterestView[] Interests,
    PostModeration? Moderation,
    Guid? AllianceId,
    ViewerActions<PostAction> Actions,
    ViewerActions<PostModeratorAction> ModeratorActions,
    PostViewerFirm[] Firms);

/// <summary>What a post's change means beyond its readers: a post just reaching the board is told to the firms it matches.</summary>
[GenerateSerializer, Alias("Marketplace.PostNews")]
public enum PostNews
{
    /// <summary>Published in a space that shows new posts at once, or approved by its admins: it is on the board now.</summary>
    Published,
    Changed,
}
