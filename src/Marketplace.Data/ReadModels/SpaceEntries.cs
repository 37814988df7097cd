using Marketplace.Spaces;

namespace Marketplace.Data.ReadModels;

/// <summary>A space as lists show it; written by <see cref="SpaceProjector"/> in the grain's own transaction.</summary>
public sealed class SpaceEntry
{
    public Guid SpaceId { get; set; }
    public Guid HostId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DirectoryVisibility Visibility { get; set; }
    public int PolicyVersion { get; set; }
    public int MemberCount { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A firm's standing in a space, for queries across spaces (my spaces, a space's directory).</summary>
public sealed class SpaceMemberEntry
{
    public Guid SpaceId { get; set; }
    public Guid BusinessId { get; set; }
    public MembershipStatus Status { get; set; }
    public int? AcceptedPolicyVersion { get; set; }
    public DateTimeOffset Since { get; set; }
}
