using Marketplace.ReadCaches;

namespace Marketplace.Businesses;

/// <summary>What a page shows of a business beside its id: its name and its logo's tag.</summary>
public sealed record BusinessCard(string Name, string? LogoTag);

/// <summary>Businesses' names and logos as their grains hold them, held by this silo (<see cref="HeldCards{TCard}"/>).</summary>
public sealed class BusinessCards(IGrainFactory grains) : HeldCards<BusinessCard>
{
    protected override async Task<BusinessCard?> Read(Guid id) =>
        await grains.GetGrain<IBusinessGrain>(id).Get() is { } business ? new BusinessCard(business.Profile.Name, business.Logo?.Tag) : null;

    /// <summary>The businesses' names (a business that does not exist is absent).</summary>
    public async Task<Dictionary<Guid, string>> Names(IEnumerable<Guid> ids) =>
        (await Of(ids)).ToDictionary(c => c.Key, c => c.Value.Name);
}
