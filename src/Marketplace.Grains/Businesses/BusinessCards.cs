using Marketplace.ReadCaches;

namespace Marketplace.Businesses;

/// <summary>What a page shows of a business beside its id: its name, its logo's tag, and whether it is a firm or a buyer.</summary>
public sealed record BusinessCard(string Name, string? LogoTag, BusinessKind Kind)
{
    public static BusinessCard Of(BusinessSnapshot business) => new(business.Profile.Name, business.Logo?.Tag, business.Kind);
}

/// <summary>Businesses' names and logos as their grains hold them, held by this silo (<see cref="HeldCards{TKey, TCard}"/>).</summary>
public sealed class BusinessCards(IGrainFactory grains) : HeldCards<Guid, BusinessCard>
{
    protected override async Task<BusinessCard?> Read(Guid id) =>
        await grains.GetGrain<IBusinessGrain>(id).Get() is { } business ? BusinessCard.Of(business) : null;

    /// <summary>The businesses' names (a business that does not exist is absent).</summary>
    public async Task<Dictionary<Guid, string>> Names(IEnumerable<Guid> ids) =>
        (await Of(ids)).ToDictionary(c => c.Key, c => c.Value.Name);
}
