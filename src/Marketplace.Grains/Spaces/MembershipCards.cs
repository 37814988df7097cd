using Marketplace.ReadCaches;

namespace Marketplace.Spaces;

/// <summary>
/// How firms stand in spaces as their membership grains hold it, held by this silo (<see cref="HeldCards{TKey, TCard}"/>):
/// a tender's page shows each of the viewer's firms whether it may ask and bid, which turns on its membership of the
/// tender's spaces; one grain call per firm and space was a third of that page's calls (issue #11).
/// </summary>
public sealed class MembershipCards(IGrainFactory grains) : HeldCards<(Guid Space, Guid Firm), MembershipCard>
{
    protected override async Task<MembershipCard?> Read((Guid Space, Guid Firm) id) =>
        await grains.Membership(id.Space, id.Firm).Get() is { } membership ? new MembershipCard(membership.Standing.Status) : null;

    /// <summary>Whether the firm is a current member of any of <paramref name="spaces"/>, for each of <paramref name="firms"/>.</summary>
    public async Task<Dictionary<Guid, bool>> MemberOfAny(IReadOnlyCollection<Guid> firms, IReadOnlyCollection<Guid> spaces)
    {
        var cards = await Of(firms.SelectMany(firm => spaces.Select(space => (space, firm))));
        return firms.Distinct().ToDictionary(firm => firm, firm => spaces.Any(space => cards.GetValueOrDefault((space, firm))?.Status == MembershipStatus.Member));
    }
}

/// <summary>What a page needs of a firm's membership of a space: its status.</summary>
public sealed record MembershipCard(MembershipStatus Status);
