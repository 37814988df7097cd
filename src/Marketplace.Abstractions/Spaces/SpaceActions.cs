namespace Marketplace.Spaces;

// What a viewer may do in a space, one enum per thing a snapshot shows (ViewerActions<TAction>); each action is one
// command, judged by that command's own Check* rule.

/// <summary>What the viewer may do for one of their firms in a space: the firm's own steps.</summary>
[GenerateSerializer, Alias("Marketplace.StandingAction")]
public enum StandingAction
{
    /// <summary>Apply, accepting the policy in force; for an invited firm this is accepting the invitation (it joins at once).</summary>
    Apply,
    /// <summary>Withdraw a pending application; for an invited firm this is declining the invitation.</summary>
    Withdraw,
    Leave,
    /// <summary>Accept the policy version in force.</summary>
    AcceptPolicy,
}

/// <summary>What the viewer (an admin of the space) may do about one firm: the decisions, an invitation, the verified mark.</summary>
[GenerateSerializer, Alias("Marketplace.MembershipAction")]
public enum MembershipAction
{
    Approve,
    Reject,
    Suspend,
    Reinstate,
    Remove,
    Invite,
    Vouch,
    RevokeVouch,
}

/// <summary>What the viewer may do with a buyer's standing in a space: the buyer's people ask and mandate, the admins decide.</summary>
[GenerateSerializer, Alias("Marketplace.BuyerStandingAction")]
public enum BuyerStandingAction
{
    RequestPublishing,
    GrantMandate,
    RevokeMandate,
    Approve,
    Revoke,
}

/// <summary>What the viewer may do with the space itself: its admins edit it, the host's Owners and Managers also appoint its moderators.</summary>
[GenerateSerializer, Alias("Marketplace.SpaceAction")]
public enum SpaceAction
{
    EditSettings,
    PublishPolicy,
    /// <summary>Appoint a moderator or dismiss one.</summary>
    SetModerator,
}

/// <summary>Whether a user administers a space (host Owner/Manager or moderator), and what they may do with it now.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpaceViewer")]
public sealed record SpaceViewer(bool IsAdmin, ViewerActions<SpaceAction> Actions)
{
    /// <summary>A visitor, or anyone with no part in the space's administration.</summary>
    public static SpaceViewer Nobody { get; } = new(false, ViewerActions<SpaceAction>.None);
}

/// <summary>A space as one user sees it: the space and whether they administer it and what they may do with it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SpaceSight")]
public sealed record SpaceSight(SpaceSnapshot Space, SpaceViewer Viewer);
