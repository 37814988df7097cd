using Marketplace.ReadCaches;

namespace Marketplace.Spaces;

/// <summary>How a buyer stands in a space, as a tender's page needs it: approved to publish, and its mandate to the association.</summary>
public sealed record BuyerStanding(BuyerApproval? Approval, bool Mandated, bool MandateRevoked)
{
    public static BuyerStanding Of(SpaceBuyerSnapshot buyer) => new(buyer.Approval, buyer.Mandated, buyer.MandateRevoked);
}

/// <summary>
/// Buyers' standings in spaces as their grains hold them, held by this silo (<see cref="HeldCards{TKey, TCard}"/>): every
/// visit to a tender's page judges what its viewer may do for the buyer in each of the tender's spaces.
/// </summary>
public sealed class BuyerStandings(IGrainFactory grains) : HeldCards<(Guid Space, Guid Buyer), BuyerStanding>
{
    protected override async Task<BuyerStanding?> Read((Guid Space, Guid Buyer) id) =>
        await grains.SpaceBuyer(id.Space, id.Buyer).Get() is { } buyer ? BuyerStanding.Of(buyer) : null;
}
