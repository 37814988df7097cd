using Marketplace.Businesses;

namespace Marketplace.Spaces;

/// <summary>Who is asking a space for something: the user, and whether they edit for the hosting association.</summary>
public sealed record SpaceActor(Guid UserId, bool HostEditor);

/// <summary>
/// What a firm's membership needs to know to judge a command: the space (null when it does not exist), whether the
/// actor administers it or acts for the firm (its Owner or Manager), and the firm (null when no business has its id).
/// Plain facts, so that a list can judge its rows from its read model as the grain judges its commands.
/// </summary>
public sealed record MembershipContext(SpaceSnapshot? Space, bool ActorIsAdmin, bool ActorActsForFirm, MemberFirm? Firm)
{
    public static MembershipContext Of(Guid actorId, SpaceSnapshot? space, bool actorIsAdmin, BusinessSnapshot? firm) =>
        new(space, actorIsAdmin, firm?.CanEdit(actorId) == true, firm is null ? null : new(firm.Kind, firm.Profile.Size, firm.Profile.VatNumber));
}

/// <summary>What the membership rules read of a firm: its kind, and the size class and VAT number an association vouches for.</summary>
public sealed record MemberFirm(BusinessKind Kind, FirmSize? Size, string? VatNumber);
