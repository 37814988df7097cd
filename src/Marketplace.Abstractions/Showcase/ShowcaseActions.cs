namespace Marketplace.Showcase;

// What a viewer may do with showcase projects and endorsements, one enum per thing a snapshot shows
// (ViewerActions<TAction>); each action is one command, judged by that command's own Check* rule.

/// <summary>What the viewer may do with a showcase project for its publisher.</summary>
[GenerateSerializer, Alias("Marketplace.ShowcaseAction")]
public enum ShowcaseAction
{
    Edit,

    /// <summary>Verify it for the association of the space whose showcase lists it (that space's admins only).</summary>
    Verify,
}

/// <summary>What the viewer may do with a showcase project for one of their firms named in it as a partner.</summary>
[GenerateSerializer, Alias("Marketplace.ShowcasePartnerAction")]
public enum ShowcasePartnerAction
{
    /// <summary>Confirm or decline the current version for the firm.</summary>
    Answer,
}

/// <summary>What the viewer may do with a business's showcase.</summary>
[GenerateSerializer, Alias("Marketplace.BusinessShowcaseAction")]
public enum BusinessShowcaseAction
{
    /// <summary>Publish a new project for the business.</summary>
    Publish,
}

/// <summary>What the viewer may do for one of their firms about another firm: endorse it.</summary>
[GenerateSerializer, Alias("Marketplace.EndorserAction")]
public enum EndorserAction
{
    Endorse,
}

/// <summary>What the viewer may do with an endorsement a firm gave.</summary>
[GenerateSerializer, Alias("Marketplace.EndorsementAction")]
public enum EndorsementAction
{
    Withdraw,
}

/// <summary>One of the viewer's firms named as a partner of a project, and what the viewer may do for it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ShowcaseViewerFirm")]
public sealed record ShowcaseViewerFirm(Guid FirmId, ViewerActions<ShowcasePartnerAction> Actions);

/// <summary>
/// What one viewer may do with a showcase project, as its own rules answer now: for the publisher, and for each of
/// the viewer's firms named in it as a partner (any role: a firm's Viewers are listed with nothing to do).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.ShowcaseViewerActions")]
public sealed record ShowcaseViewerActions(ViewerActions<ShowcaseAction> Actions, ShowcaseViewerFirm[] Firms);
