using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Auth;

/// <summary>
/// Identity's sign-in with sessions that can be ended and a lockout an attacker cannot aim at someone else:
/// every principal it issues names its session; renewing one (refresh token, cookie renewal, a password change) keeps
/// that session only while it is live; failed passwords lock out the client that sent them, not the account.
/// </summary>
internal sealed class SessionSignInManager(
    UserManager<MarketplaceUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<MarketplaceUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<MarketplaceUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<MarketplaceUser> confirmation,
    IGrainFactory grains)
    : SignInManager<MarketplaceUser>(users, context, claims, options, logger, schemes, confirmation)
{
    // The session a principal created in this request continues; null means a new sign-in starts a new one.
    Guid? continuing;

    /// <summary>Makes the next principal of this request continue <paramref name="session"/> (after a password change).</summary>
    public void Continue(Guid session) => continuing = session;

    public override async Task<ClaimsPrincipal> CreateUserPrincipalAsync(MarketplaceUser user)
    {
        var principal = await base.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SignInSessions.SessionClaim, (continuing ?? Guid.NewGuid()).ToString()));
        return principal;
    }

    // Identity asks this before renewing a cookie or answering a refresh token: an ended session gets nothing new.
    public override async Task<MarketplaceUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        if (await base.ValidateSecurityStampAsync(principal) is not { } user
            || !await SignInSessions.IsLive(grains, user.Id, principal!, Options)) return null;
        continuing = SignInSessions.SessionOf(principal!);
        return user;
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        continuing = null;
        // Keyed by the name as typed (normalised), whether or not such an account exists, so the answers are the same.
        var throttle = grains.GetGrain<ILoginThrottleGrain>($"{UserManager.NormalizeName(userName)}|{Context.Connection.RemoteIpAddress}");
        if (await throttle.LockedUntil() is not null) return SignInResult.LockedOut;
        // Identity's own lockout is per account, which lets anyone lock anyone out: it stays off.
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure: false);
        // Identity says "not allowed" (an unconfirmed address) before it checks the password: with a wrong one that would
        // tell a stranger the address has an account. Only its owner's password learns that it waits for confirmation.
        if (result.IsNotAllowed && (await UserManager.FindByNameAsync(userName) is not { } user || !await UserManager.CheckPasswordAsync(user, password)))
            result = SignInResult.Failed;
        if (result.Succeeded) await throttle.Succeeded();
        else if (!result.RequiresTwoFactor) await throttle.Failed(Options.Lockout.MaxFailedAccessAttempts, Options.Lockout.DefaultLockoutTimeSpan);
        return result;
    }
}
