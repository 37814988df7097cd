using Orleans.Concurrency;

namespace Marketplace.Spaces;

/// <summary>
/// One buyer's standing in one space (keyed by the space id and the buyer id): its request to publish tenders
/// there, the space admins' approval, the buyer's mandate to the space's admins, and the history of all of them.
/// A tender names a space only when the space approved its buyer; a space admin acts for the buyer only under a
/// live mandate.
/// </summary>
[Alias("Marketplace.ISpaceBuyerGrain")]
public interface ISpaceBuyerGrain : IGrainWithGuidCompoundKey
{
    /// <summary>The standing and its history, or null when the buyer never dealt with the space.</summary>
    [Alias("Get"), ReadOnly] Task<SpaceBuyerSnapshot?> Get();

    /// <summary>The buyer's Owner or Manager asks to publish tenders in the space; its admins decide.</summary>
    [Alias("RequestPublishing")] Task<Outcome<SpaceBuyerSnapshot>> RequestPublishing(Guid actorId);

    /// <summary>A space admin approves the buyer's request, or revokes the approval (or declines the request).</summary>
    [Alias("Decide")] Task<Outcome<SpaceBuyerSnapshot>> Decide(Guid actorId, BuyerDecision decision);

    /// <summary>
    /// The buyer's Owner or Manager mandates the space's admins to draft, publish and manage its tenders in this
    /// space. It implies the buyer asks to publish there; the approval stays the admins' decision.
    /// </summary>
    [Alias("GrantMandate")] Task<Outcome<SpaceBuyerSnapshot>> GrantMandate(Guid actorId);

    /// <summary>The buyer's Owner or Manager revokes the mandate: from now on only the buyer's own people act for it.</summary>
    [Alias("RevokeMandate")] Task<Outcome<SpaceBuyerSnapshot>> RevokeMandate(Guid actorId);
}

public static class SpaceBuyerKeys
{
    /// <summary>The standing grain of a buyer in a space.</summary>
    public static ISpaceBuyerGrain SpaceBuyer(this IGrainFactory grains, Guid spaceId, Guid buyerId) =>
        grains.GetGrain<ISpaceBuyerGrain>(spaceId, buyerId.ToString("N"));
}
