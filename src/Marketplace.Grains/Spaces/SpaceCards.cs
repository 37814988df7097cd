using Marketplace.Businesses;
using Marketplace.ReadCaches;

namespace Marketplace.Spaces;

/// <summary>What a page shows of a space beside its id, and what tells whether its viewer administers it.</summary>
public sealed record SpaceCard(string Name, Guid HostId, Guid[] Moderators, int MinimumTenderingDays)
{
    public static SpaceCard Of(SpaceSnapshot space) => new(space.Settings.Name, space.HostId, space.Moderators, space.Settings.MinimumTenderingDays);

    /// <param name="acting">Whom the user acts for, among them the space's host (the association).</param>
    public bool IsAdmin(Guid userId, ActingFor acting) => SpaceActor.Of(userId, HostId, acting).Administers(Moderators);
}

/// <summary>Spaces as their grains hold them, held by this silo (<see cref="HeldCards{TKey, TCard}"/>).</summary>
public sealed class SpaceCards(IGrainFactory grains) : HeldCards<Guid, SpaceCard>
{
    protected override async Task<SpaceCard?> Read(Guid id) => await grains.GetGrain<ISpaceGrain>(id).Get() is { } space ? SpaceCard.Of(space) : null;

    /// <summary>The spaces' names (a space that does not exist is absent).</summary>
    public async Task<Dictionary<Guid, string>> Names(IEnumerable<Guid> ids) =>
        (await Of(ids)).ToDictionary(c => c.Key, c => c.Value.Name);
}
