using Marketplace.Businesses;

namespace Marketplace.Spaces;

/// <summary>
/// Who is asking a space for something: the user, and whether they act for the hosting association as its Owner or
/// Manager (asked of <see cref="IActsFor"/>, so a person removed from the association loses it at once).
/// </summary>
public sealed record SpaceActor(Guid UserId, bool HostEditor)
{
    public static SpaceActor Of(Guid userId, Guid hostId, ActingFor actor) => new(userId, actor.Edits(hostId));

    /// <summary>A space is administered by its association's Owners and Managers and by the moderators it appointed.</summary>
    public bool Administers(IEnumerable<Guid> moderators) => HostEditor || moderators.Contains(UserId);
}

/// <summary>
/// What a firm's membership needs to know to judge a command: the space (null when it does not exist), whether the
/// actor administers it or acts for the firm (its Owner or Manager), and the firm (null when no business has its id).
/// Plain facts, so that a list can judge its rows from its read model as the grain judges its commands.
/// </summary>
public sealed record MembershipContext(SpaceSnapshot? Space, bool ActorIsAdmin, bool ActorActsForFirm, MemberFirm? Firm)
{
    /// <param name="actor">The actor's roles as <see cref="IActsFor"/> answers them; the firm's snapshot gives only its facts.</param>
    public static MembershipContext Of(SpaceSnapshot? space, bool actorIsAdmin, ActingFor actor, BusinessSnapshot? firm) =>
        new(space, actorIsAdmin, firm is not null && actor.Edits(firm.Id), firm is null ? null : new(firm.Kind, firm.Profile.Size, firm.Profile.VatNumber));
}

/// <summary>
/// What the membership rules read of a firm: its kind, and the size class and VAT number an association vouches for.
/// Only a firm has those (a buyer or an association gives a tax code and no size: <see cref="ProfileRules"/>), so
/// vouching is for firms only.
/// </summary>
public sealed record MemberFirm(BusinessKind Kind, FirmSize? Size, string? VatNumber);
