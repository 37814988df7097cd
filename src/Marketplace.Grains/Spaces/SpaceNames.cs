using Marketplace.ReadCaches;

namespace Marketplace.Spaces;

/// <summary>Spaces' names as their grains hold them, held by this silo (<see cref="HeldCards{TCard}"/>).</summary>
public sealed class SpaceNames(IGrainFactory grains) : HeldCards<string>
{
    protected override async Task<string?> Read(Guid id) => (await grains.GetGrain<ISpaceGrain>(id).Get())?.Settings.Name;
}
