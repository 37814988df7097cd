namespace Marketplace.Spaces;

/// <summary>What a space is about and whom it serves. Territory is a set of ISTAT comune codes and province siglas.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpaceSettings")]
public sealed record SpaceSettings(
    string Name,
    string? Description,
    string[] TerritoryComuni,
    string[] TerritoryProvinces,
    DirectoryVisibility Visibility);

/// <summary>One published version of the space's policy (regolamento): admission criteria and rules.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpacePolicy")]
public sealed record SpacePolicy(int Version, string Text, DateTimeOffset PublishedAt);

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
public sealed record ApplyToSpace(Guid ActorId, Guid FirmId, string? Message, int AcceptedPolicyVersion);

/// <summary>A firm's own step: withdraw its application, or leave the space.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FirmStep")]
public sealed record FirmStep(Guid ActorId, Guid FirmId);

[GenerateSerializer, Immutable, Alias("Marketplace.AcceptPolicy")]
public sealed record AcceptPolicy(Guid ActorId, Guid FirmId, int Version);

[GenerateSerializer, Immutable, Alias("Marketplace.DecideMembership")]
public sealed record DecideMembership(Guid ActorId, Guid FirmId, MembershipDecision Decision, string? Reason);

[GenerateSerializer, Immutable, Alias("Marketplace.InviteFirm")]
public sealed record InviteFirm(Guid ActorId, Guid FirmId);

[GenerateSerializer, Immutable, Alias("Marketplace.SetModerator")]
public sealed record SetModerator(Guid ActorId, Guid UserId, bool Moderator);

/// <summary>Everything about a space at one version. Who may see which part is decided where it is shown.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpaceSnapshot")]
public sealed record SpaceSnapshot(
    Guid Id,
    Guid HostId,
    SpaceSettings Settings,
    SpacePolicy Policy,
    Guid[] Moderators,
    SpaceMember[] Members,
    MembershipEvent[] History,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public SpaceMember? MemberOf(Guid businessId) => Members.FirstOrDefault(m => m.BusinessId == businessId);

    public bool IsMember(Guid businessId) => MemberOf(businessId)?.Status == MembershipStatus.Member;
}
