namespace Marketplace.Tenders;

/// <summary>What the viewer may do for the buyer with a tender (the buyer's Owners and Managers, or its mandated space admins).</summary>
[GenerateSerializer, Alias("Marketplace.TenderAction")]
public enum TenderAction
{
    /// <summary>Edit the draft.</summary>
    Edit,
    Publish,
    Amend,
    /// <summary>Answer the questions not answered yet.</summary>
    Answer,
    Score,
    Decide,
    Cancel,
    Complete,
}

/// <summary>What the viewer may do with a tender for one of their firms.</summary>
[GenerateSerializer, Alias("Marketplace.TenderFirmAction")]
public enum TenderFirmAction
{
    Ask,
    /// <summary>Submit (or resubmit) the firm's own bid. Blocked once per lot the firm already bids for elsewhere (<c>bid.lotBound</c>), while allowed for the other lots.</summary>
    Bid,
    Withdraw,
}

/// <summary>One of the viewer's firms, and what the viewer may do for it with the tender.</summary>
/// <param name="HasBid">
/// The firm has a bid of its own for the tender (submitted or withdrawn), told to its own people: the page asks for
/// the bid only then, instead of asking and being told 404.
/// </param>
[GenerateSerializer, Immutable, Alias("Marketplace.TenderViewerFirm")]
public sealed record TenderViewerFirm(Guid FirmId, ViewerActions<TenderFirmAction> Actions, bool HasBid);

/// <summary>
/// What one viewer may do with a tender, as the tender's own rules answer now (<see cref="ViewerActions{TAction}"/>):
/// for the buyer, and for each of the viewer's firms.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.TenderViewerActions")]
public sealed record TenderViewerActions(ViewerActions<TenderAction> Actions, TenderViewerFirm[] Firms)
{
    public static TenderViewerActions None { get; } = new(ViewerActions<TenderAction>.None, []);
}
