using Marketplace.Businesses;

namespace Marketplace.Spaces;

/// <summary>Who is asking a space for something: the user, and whether they edit for the hosting association.</summary>
public sealed record SpaceActor(Guid UserId, bool HostEditor);

/// <summary>
/// What a firm's membership needs to know to judge a command: the space (null when it does not exist), whether
/// the actor administers it, and the firm (null when no business has its id).
/// </summary>
public sealed record MembershipContext(Guid ActorId, SpaceSnapshot? Space, bool ActorIsAdmin, BusinessSnapshot? Firm)
{
    public bool ActorActsForFirm => Firm?.CanEdit(ActorId) == true;
}
