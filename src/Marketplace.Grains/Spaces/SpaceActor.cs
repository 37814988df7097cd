using Marketplace.Businesses;

namespace Marketplace.Spaces;

/// <summary>
/// Who is asking, as far as a space needs to know: the user, whether they edit for the hosting association,
/// and the firm they act for (when the command names one).
/// </summary>
public sealed record SpaceActor(Guid UserId, bool HostEditor, BusinessSnapshot? Firm)
{
    public bool ActsFor(Guid firmId) =>
        Firm is { } firm && firm.Id == firmId && firm.RoleOf(UserId) is BusinessRole.Owner or BusinessRole.Manager;
}
