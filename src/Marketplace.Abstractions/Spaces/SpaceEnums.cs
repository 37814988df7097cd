namespace Marketplace.Spaces;

/// <summary>Who may see a space's member directory.</summary>
[GenerateSerializer, Alias("Marketplace.DirectoryVisibility")]
public enum DirectoryVisibility
{
    Public,
    MembersOnly,
}

/// <summary>Where a firm stands with a space. Only <see cref="Member"/> gives access to members-only content.</summary>
[GenerateSerializer, Alias("Marketplace.MembershipStatus")]
public enum MembershipStatus
{
    Applied,
    Invited,
    Member,
    Rejected,
    Withdrawn,
    Suspended,
    Removed,
    Left,
    /// <summary>The firm declined an invitation (it never applied, so it did not withdraw an application).</summary>
    Declined,
}

/// <summary>What a space admin decides about a firm.</summary>
[GenerateSerializer, Alias("Marketplace.MembershipDecision")]
public enum MembershipDecision
{
    Approve,
    Reject,
    Suspend,
    Reinstate,
    Remove,
}
