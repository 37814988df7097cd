using Marketplace.Businesses;
using Marketplace.Tenders;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// What a viewer may do with a business, on its page and on its row among the viewer's businesses: the business's own
/// rules (<see cref="BusinessState.ActionChecks"/>) and, for a buyer, the tender's rule of who drafts for it
/// (<see cref="TenderState.CheckDrafter"/>), both asked with the viewer's role in the business.
/// </summary>
internal static class BusinessViewerActions
{
    /// <param name="role">The viewer's role in the business; null for anyone else (and a visitor), who may do nothing.</param>
    public static ViewerActions<BusinessAction> Of(Guid viewerId, BusinessKind kind, BusinessRole? role, int pendingInvitations) =>
        ViewerActions<BusinessAction>.Of([
            .. BusinessState.ActionChecks(role, pendingInvitations),
            (BusinessAction.DraftTender, TenderState.CheckDrafter(kind, new TenderActor(viewerId, role.CanEdit(), []))),
        ]);

    /// <summary>What the viewer may do with the business as this snapshot has it (after a command of theirs).</summary>
    public static ViewerActions<BusinessAction> Of(Guid viewerId, BusinessSnapshot business) =>
        Of(viewerId, business.Kind, business.RoleOf(viewerId), business.Invitations.Length);
}
