using System.Security.Claims;

namespace Marketplace.Server.Auth;

internal static class UserIdentity
{
    /// <summary>The signed-in user's id; endpoints that call this require authorisation, so it is always present.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("An authenticated principal without a user id."));

    public static Guid? UserIdOrNull(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.UserId() : null;
}
