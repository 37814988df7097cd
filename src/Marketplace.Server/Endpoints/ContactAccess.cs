using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Server.Auth;
using Marketplace.Spaces;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// Who reads a business's VAT number, contact e-mail and phone: its own people, the people of firms that are members
/// of a space it is a member of, and the admins of the spaces it is a member of or applied to. Everyone else (and
/// anonymous readers) sees its name, place, size and capabilities only, so the directory cannot be harvested.
/// </summary>
internal static class ContactAccess
{
    public static async Task<bool> CanSeeContacts(this ClaimsPrincipal user, BusinessSnapshot business, IGrainFactory grains,
        MarketplaceDbContext db, CancellationToken ct)
    {
        if (user.UserIdOrNull() is not { } me) return false;
        if (business.RoleOf(me) is not null) return true;
        var mine = db.ActingFor(me).Select(m => m.BusinessId);
        var itsSpaces = db.SpaceMembers.Where(m => m.BusinessId == business.Id && m.Status == MembershipStatus.Member).Select(m => m.SpaceId);
        if (await db.SpaceMembers.AnyAsync(m => itsSpaces.Contains(m.SpaceId) && m.Status == MembershipStatus.Member && mine.Contains(m.BusinessId), ct))
            return true;
        var administered = await db.SpaceMembers.AsNoTracking()
            .Where(m => m.BusinessId == business.Id && (m.Status == MembershipStatus.Member || m.Status == MembershipStatus.Applied))
            .Select(m => m.SpaceId).ToListAsync(ct);
        foreach (var spaceId in administered)
            if (await grains.GetGrain<ISpaceGrain>(spaceId).IsAdmin(me)) return true;
        return false;
    }
}
