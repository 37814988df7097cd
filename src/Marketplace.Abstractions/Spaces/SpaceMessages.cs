namespace Marketplace.Spaces;

/// <summary>
/// What a space is about and whom it serves. Territory is a set of ISTAT comune codes and province siglas.
/// <see cref="MinimumTenderingDays"/>: the fewest days a tender published in the space gives firms, from its
/// publication to its submission deadline (0: no minimum; spaces stored before it existed read 0).
/// <see cref="PostsNeedApproval"/>: new notice-board posts wait in the admins' queue until approved (off by default,
/// and for spaces stored before it existed).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpaceSettings")]
public sealed record SpaceSettings(
    string Name,
    string? Description,
    string[] TerritoryComuni,
    string[] TerritoryProvinces,
    DirectoryVisibility Visibility,
    int MinimumTenderingDays = 0,
    bool PostsNeedApproval = false);

/// <summary>One published version of the space's policy (regolamento): admission criteria and rules.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpacePolicy")]
public sealed record SpacePolicy(int Version, string Text, DateTimeOffset PublishedAt);

public static class PolicyAcceptance
{
    /// <summary>A member that has not yet accepted the space's current policy version: the one home of this rule.</summary>
    public static bool Pending(MembershipStatus status, int? acceptedVersion, int currentVersion) =>
        status == MembershipStatus.Member && acceptedVersion != currentVersion;
}

/// <summary>A firm's current standing in a space.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpaceMember")]
public sealed record SpaceMember(
    Guid BusinessId,
    MembershipStatus Status,
    int? AcceptedPolicyVersion,
    string? Message,
    string? Reason,
    DateTimeOffset Since);

/// <summary>One change of a firm's membership, kept for ever: who did it, when and why.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.MembershipEvent")]
public sealed record MembershipEvent(Guid BusinessId, MembershipStatus Status, Guid ActorId, string? Reason, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Marketplace.CreateSpace")]
public sealed record CreateSpace(Guid ActorId, Guid HostId, SpaceSettings Settings, string PolicyText);

[GenerateSerializer, Immutable, Alias("Marketplace.EditSpaceSettings")]
public sealed record EditSpaceSettings(Guid ActorId, int ExpectedVersion, SpaceSettings Settings);

[GenerateSerializer, Immutable, Alias("Marketplace.PublishPolicy")]
public sealed record PublishPolicy(Guid ActorId, string Text);

/// <summary>A firm asks to join, accepting the policy version it has read. If it was invited, it joins at once.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ApplyToSpace")]
public sealed record ApplyToSpace(Guid ActorId, string? Message, int AcceptedPolicyVersion);

[GenerateSerializer, Immutable, Alias("Marketplace.AcceptPolicy")]
public sealed record AcceptPolicy(Guid ActorId, int Version);

[GenerateSerializer, Immutable, Alias("Marketplace.DecideMembership")]
public sealed record DecideMembership(Guid ActorId, MembershipDecision Decision, string? Reason);

/// <summary>Appoints or dismisses a moderator; <paramref name="UserId"/> is null when no registered user has the e-mail given.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SetModerator")]
public sealed record SetModerator(Guid ActorId, Guid? UserId, bool Moderator);

/// <summary>A space's own facts at one version; its memberships live in one grain per firm.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpaceSnapshot")]
public sealed record SpaceSnapshot(
    Guid Id,
    Guid HostId,
    SpaceSettings Settings,
    SpacePolicy Policy,
    Guid[] Moderators,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    OutcomeTarget[] Targets);

/// <summary>
/// The association's word that a member's size class and VAT number are true. It speaks for those values only:
/// if the firm later edits either, the mark no longer shows.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Vouch")]
public sealed record Vouch(Businesses.FirmSize Size, string VatNumber, Guid ActorId, DateTimeOffset At);

/// <summary>One firm's standing in one space, with every change of it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.MembershipSnapshot")]
public sealed record MembershipSnapshot(Guid SpaceId, Guid FirmId, SpaceMember Standing, MembershipEvent[] History, Vouch? Vouch, int Version);
