using Marketplace.Businesses;
using Marketplace.ReadCaches;

namespace Marketplace.JointBids;

/// <summary>
/// Each firm's DGUE digest as its business grain holds it now, held by this silo (<see cref="HeldCards{TKey, TCard}"/>):
/// the joint bid's page compares it with the digest each sign-off recorded on every read, and a query per read cost that
/// page more than all its grain calls (issue #11). Forgotten whenever the firm's card is (<see cref="BusinessCards"/>), as
/// the business grain forgets it after every change, its DGUE and qualifications included.
/// </summary>
public sealed class DgueDigests : HeldCards<Guid, DgueNow>
{
    readonly IGrainFactory grains;

    public DgueDigests(IGrainFactory grains, BusinessCards businesses)
    {
        this.grains = grains;
        businesses.Forgotten += Forget;
    }

    protected override async Task<DgueNow?> Read(Guid id) =>
        await grains.GetGrain<IBusinessGrain>(id).Get() is { } firm ? JointBidDgues.Now(firm) : null;
}
