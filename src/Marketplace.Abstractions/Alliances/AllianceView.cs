namespace Marketplace.Alliances;

/// <summary>What the viewer may do with the alliance as a whole: the lead's invitations and new terms, and following it live.</summary>
[GenerateSerializer, Alias("Marketplace.AllianceAction")]
public enum AllianceAction
{
    Invite,
    PublishAgreement,
    /// <summary>Join the alliance's live group and its workspace (AllianceAccess.CanWatch).</summary>
    Watch,
    /// <summary>A standing alliance (rete d'impresa) forms an RTI for a tender of its space (ReteRti); never offered for an RTI.</summary>
    FormRti,
}

/// <summary>What the viewer may do, for one of their firms, in one space: form an alliance it leads there.</summary>
[GenerateSerializer, Alias("Marketplace.AllianceFormAction")]
public enum AllianceFormAction
{
    Form,
}

/// <summary>What the viewer may do for one of their own firms in the alliance.</summary>
[GenerateSerializer, Alias("Marketplace.AllianceFirmAction")]
public enum AllianceFirmAction
{
    AcceptInvitation,
    DeclineInvitation,
    AcceptAgreement,
    Leave,
}

/// <summary>What the viewer (for the lead) may do about one firm of the alliance.</summary>
[GenerateSerializer, Alias("Marketplace.AllianceMemberAction")]
public enum AllianceMemberAction
{
    HandOver,
    Remove,
}

/// <summary>One of the viewer's firms in the alliance (active or invited): whether the viewer acts for it (Owner or Manager), and what they may do for it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AllianceViewerFirm")]
public sealed record AllianceViewerFirm(Guid FirmId, bool ActsFor, ViewerActions<AllianceFirmAction> Actions);

/// <summary>What the viewer may do about one firm (active or invited) of the alliance.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AllianceMemberActions")]
public sealed record AllianceMemberActions(Guid FirmId, ViewerActions<AllianceMemberAction> Actions);

/// <summary>
/// The alliance as one viewer sees it: the snapshot, and what the viewer may do with it, for their own firms and
/// about each firm, as the alliance's rules answer now (<see cref="ViewerActions{TAction}"/>). <paramref name="TenderTitle"/>
/// is the title of its tender as the view read it to judge whether bids are closed (null when it has none, or when
/// the view was not read from the alliance), so the workspace does not read the tender again for it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AllianceView")]
public sealed record AllianceView(AllianceSnapshot Alliance, ViewerActions<AllianceAction> Actions, AllianceViewerFirm[] Firms, AllianceMemberActions[] Members,
    string? TenderTitle = null);
