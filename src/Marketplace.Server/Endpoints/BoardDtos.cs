using Marketplace.Board;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// A post as the board lists it. <see cref="Interests"/> (how many firms expressed interest) only to its poster's
/// people and the space's admins; <see cref="MyInterest"/> is where the viewer's firms' own interest stands.
/// </summary>
public sealed record PostSummaryDto(
    Guid Id, Guid SpaceId, Guid PosterId, string PosterName, PostKind Kind, string Title, string Text, CapabilityDto[] Cpv, ComuneDto? Comune,
    MoneyDto? Value, DateOnly ExpiresOn, DateTimeOffset ExpiresAt, Guid? TenderId, string? TenderTitle, PostStatus Status, DateTimeOffset PostedAt,
    bool Mine, int? Interests, InterestStatus? MyInterest);

/// <summary>
/// A space's notice board for one viewer: the open posts (newest first, as filtered), the viewer's own firms' posts
/// waiting for approval or hidden, and for its admins the posts waiting for approval; and the viewer's member firms it
/// may post for.
/// </summary>
public sealed record BoardDto(PostSummaryDto[] Posts, NamedDto[] Posters, bool ViewerIsAdmin, bool PostsNeedApproval);

/// <summary>A firm's interest in a post, as the poster's people (all of them) or the firm's own people see it.</summary>
public sealed record PostInterestDto(Guid FirmId, string FirmName, string Message, DateTimeOffset At, InterestStatus Status, DateTimeOffset? AcceptedAt,
    ViewerActions<InterestAction> Actions);

/// <summary>Why the post was closed or hidden (or that it was approved), by an admin or the poster, and when.</summary>
public sealed record PostModerationDto(PostStatus Status, string? Reason, bool ByAdmin, DateTimeOffset At);

/// <summary>One of the viewer's member firms other than the poster, and whether the viewer may express interest for it now.</summary>
public sealed record PostFirmDto(Guid FirmId, string FirmName, ViewerActions<PostFirmAction> Actions);

/// <summary>
/// One post for one viewer (<see cref="PostState.ViewFor"/>): what it says, the interests they may read, why it was
/// closed or hidden (to its poster's people and the admins), the alliance it formed (to the poster's people and the
/// firms it invited), and what they may do.
/// </summary>
public sealed record PostDto(
    PostSummaryDto Post, int Version, PostInterestDto[] InterestsSeen, PostModerationDto? Moderation, Guid? AllianceId,
    ViewerActions<PostAction> Actions, ViewerActions<PostModeratorAction> ModeratorActions, PostFirmDto[] Firms);

public sealed record PublishPostRequest(
    Guid FirmId, PostKind? Kind, string? Title, [LongText] string? Text, string[]? Cpv, string? ComuneCode, MoneyDto? Value, DateOnly? ExpiresOn,
    Guid? TenderId)
{
    public PostDetails ToDetails() => BoardRequests.Details(Kind, Title, Text, Cpv, ComuneCode, Value, ExpiresOn, TenderId);
}

public sealed record EditPostRequest(
    int Version, PostKind? Kind, string? Title, [LongText] string? Text, string[]? Cpv, string? ComuneCode, MoneyDto? Value, DateOnly? ExpiresOn,
    Guid? TenderId)
{
    public PostDetails ToDetails() => BoardRequests.Details(Kind, Title, Text, Cpv, ComuneCode, Value, ExpiresOn, TenderId);
}

static class BoardRequests
{
    // A missing kind or day is read as one the rules refuse (an undefined kind, a day long past), so the answer names
    // every field that is wrong at once.
    public static PostDetails Details(PostKind? kind, string? title, string? text, string[]? cpv, string? comune, MoneyDto? value, DateOnly? expiresOn, Guid? tenderId) =>
        new(kind ?? (PostKind)(-1), title ?? "", text ?? "", cpv ?? [], comune ?? "", value?.ToMoney(), expiresOn ?? DateOnly.MinValue, tenderId);
}

/// <summary>An admin approves, hides or closes a post; <see cref="Reason"/> is required to hide or close, and its poster reads it.</summary>
public sealed record ModeratePostRequest(ModerationAction? Action, [LongText] string? Reason);

public sealed record ExpressInterestRequest(Guid FirmId, [LongText] string? Message);

/// <summary>An open post of one of the firm's spaces that matches its capabilities, with the space's name.</summary>
public sealed record InboxPostDto(PostSummaryDto Post, string SpaceName);

/// <summary>Pushed to the people of a space's member firms and to its admins: a post of its board changed.</summary>
public sealed record BoardChangedDto(Guid SpaceId, Guid PostId);

/// <summary>Pushed to the people of a member firm a post just on the board matches: its title and kind.</summary>
public sealed record PostNoticeDto(Guid SpaceId, Guid PostId, PostKind Kind, string Title);
