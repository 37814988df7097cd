namespace Marketplace.Businesses;

// What a viewer may do with a business, one enum per thing its pages show (ViewerActions<TAction>); each action is
// one command (or one guarded read), judged by that command's own Check* rule.

/// <summary>What the viewer may do with the business as a whole: its page and its row among the viewer's businesses.</summary>
[GenerateSerializer, Alias("Marketplace.BusinessAction")]
public enum BusinessAction
{
    /// <summary>Edit the profile.</summary>
    Edit,
    /// <summary>Invite an e-mail address to act for the business.</summary>
    Invite,
    /// <summary>See who acts for the business.</summary>
    SeeMembers,
    /// <summary>See the invitations still pending, and take them back.</summary>
    SeeInvitations,
    /// <summary>Draft a tender for the business (a buyer).</summary>
    DraftTender,
}

/// <summary>What the viewer may do about one person who acts for the business.</summary>
[GenerateSerializer, Alias("Marketplace.BusinessMemberAction")]
public enum BusinessMemberAction
{
    Remove,
}
