using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Auth;

internal static class UserIdentity
{
    /// <summary>The signed-in user's id; endpoints that call this require authorisation, so it is always present.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("An authenticated principal without a user id."));

    public static Guid? UserIdOrNull(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.UserId() : null;

    /// <summary>The businesses the signed-in user acts for, in any role (empty for a visitor).</summary>
    public static async Task<List<Guid>> BusinessesOf(this MarketplaceDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        user.UserIdOrNull() is { } me
            ? await db.ActingFor(me).AsNoTracking().Select(m => m.BusinessId).ToListAsync(ct)
            : [];
}
