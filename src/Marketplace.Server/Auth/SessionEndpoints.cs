using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Server.Hosting;
using Marketplace.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Auth;

/// <summary>A new password: the current one proves it is the user, not someone at an unattended screen.</summary>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public static class SessionEndpoints
{
    /// <summary>
    /// Signing out ends this session only (the user's other devices stay signed in); signing out everywhere ends all of
    /// them; a new password ends every other session and keeps this one.
    /// </summary>
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder auth)
    {
        auth.MapPost("/logout", Logout).RequireAuthorization().WithName("logout");
        auth.MapPost("/logout/everywhere", LogoutEverywhere).RequireAuthorization().WithName("logoutEverywhere");
        auth.MapPost("/password", ChangePassword).RequireAuthorization().RequireRateLimiting(RateLimits.Auth).WithName("changePassword");
        return auth;
    }

    static async Task<NoContent> Logout(HttpContext context, ClaimsPrincipal principal, [FromServices] SignInManager<MarketplaceUser> signIn,
        [FromServices] IGrainFactory grains)
    {
        // RefuseEndedSessions lets no principal without a session this far.
        var session = SignInSessions.SessionOf(principal)!.Value;
        await grains.GetGrain<IUserSessionsGrain>(principal.UserId()).End(session, SignInSessions.EndedUntil(context.RequestServices));
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, UnauthorizedHttpResult>> LogoutEverywhere(
        ClaimsPrincipal principal, [FromServices] UserManager<MarketplaceUser> users, [FromServices] SignInManager<MarketplaceUser> signIn)
    {
        if (await users.GetUserAsync(principal) is not { } user) return TypedResults.Unauthorized();
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, SignInHttpResult, ProblemHttpResult, UnauthorizedHttpResult>> ChangePassword(
        ChangePasswordRequest body, HttpRequest request, ClaimsPrincipal principal, [FromServices] UserManager<MarketplaceUser> users,
        [FromServices] SignInManager<MarketplaceUser> signIn,
        [FromServices] IOptions<IdentityOptions> identity)
    {
        if (await users.GetUserAsync(principal) is not { } user) return TypedResults.Unauthorized();
        var changed = await users.ChangePasswordAsync(user, body.CurrentPassword ?? "", body.NewPassword ?? "");
        if (!changed.Succeeded)
            return AccountRefusals.Coded(changed.Errors, identity.Value.Password);

        // The stamp changed, which ended every session including this one; this one goes on under the new stamp.
        ((SessionSignInManager)signIn).Continue(SignInSessions.SessionOf(principal)!.Value);
        if (SignInSessions.UsesBearer(request))
            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }
}
