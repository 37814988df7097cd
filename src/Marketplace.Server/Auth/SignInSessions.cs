using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Auth;

/// <summary>
/// Sign-in sessions that end when the user says so. Every cookie and token names its session and carries the
/// user's security stamp; each authenticated request asks the user's <see cref="IUserSessionsGrain"/> whether that
/// session is still live, so signing out, "sign out everywhere" and a new password take effect at once on every node.
/// </summary>
internal static class SignInSessions
{
    public const string SessionClaim = "marketplace:session";

    public static Guid? SessionOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionClaim), out var session) ? session : null;

    static string? StampOf(ClaimsPrincipal principal, IdentityOptions options) =>
        principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);

    /// <summary>
    /// Whether the request is authenticated by a bearer token rather than the cookie (the rule of Identity's
    /// combined scheme; both principals carry the same authentication type, so the request is what tells them apart).
    /// </summary>
    public static bool UsesBearer(HttpRequest request) =>
        request.Headers.Authorization is [{ } value, ..] && value.StartsWith("Bearer ", StringComparison.Ordinal);

    public static IdentityBuilder AddSessions(this IdentityBuilder identity)
    {
        identity.Services.AddSingleton<ISecurityStamps, StoredSecurityStamps>();
        return identity.AddSignInManager<SessionSignInManager>().AddUserManager<SessionUserManager>();
    }

    /// <summary>Treats the bearer of an ended session as anonymous (and drops its cookie), before anything is authorised.</summary>
    public static async Task RefuseEndedSessions(HttpContext context, RequestDelegate next)
    {
        if (context.User is { Identity.IsAuthenticated: true } user && !await IsLive(context, user))
        {
            if (!UsesBearer(context.Request))
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(context);
    }

    static Task<bool> IsLive(HttpContext context, ClaimsPrincipal user)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        return Guid.TryParse(user.FindFirstValue(options.ClaimsIdentity.UserIdClaimType), out var userId)
            ? IsLive(services.GetRequiredService<IGrainFactory>(), userId, user, options)
            : Task.FromResult(false);
    }

    /// <summary>Whether the session <paramref name="principal"/> belongs to is live; one without a session never is.</summary>
    public static async Task<bool> IsLive(IGrainFactory grains, Guid userId, ClaimsPrincipal principal, IdentityOptions options) =>
        SessionOf(principal) is { } session
        && await grains.GetGrain<IUserSessionsGrain>(userId).IsLive(session, StampOf(principal, options));

    /// <summary>Until when a session must stay ended: the longest a cookie or refresh token issued now can live.</summary>
    public static DateTimeOffset EndedUntil(IServiceProvider services)
    {
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var bearer = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var longest = TimeSpan.FromTicks(Math.Max(cookie.ExpireTimeSpan.Ticks, bearer.RefreshTokenExpiration.Ticks));
        return services.GetRequiredService<TimeProvider>().GetUtcNow() + longest;
    }

    sealed class StoredSecurityStamps(IServiceScopeFactory scopes) : ISecurityStamps
    {
        public async Task<string?> Of(Guid userId)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync();
        }
    }
}

/// <summary>Identity's user manager that tells the user's sessions when an update may have changed the security stamp.</summary>
internal sealed class SessionUserManager(
    IUserStore<MarketplaceUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<MarketplaceUser> hasher,
    IEnumerable<IUserValidator<MarketplaceUser>> userValidators,
    IEnumerable<IPasswordValidator<MarketplaceUser>> passwordValidators,
    ILookupNormalizer normalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<MarketplaceUser>> logger,
    IGrainFactory grains)
    : UserManager<MarketplaceUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    // Every stamp change (new or reset password, e-mail change, sign out everywhere) is saved through here.
    protected override async Task<IdentityResult> UpdateUserAsync(MarketplaceUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded) await grains.GetGrain<IUserSessionsGrain>(user.Id).StampChanged();
        return result;
    }
}
