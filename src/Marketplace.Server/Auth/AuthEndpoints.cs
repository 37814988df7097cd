using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Server.Auth;

public sealed record MeDto(Guid Id, string Email);

/// <summary>Who is signed in on this browser: <see cref="User"/> is null for a visitor who is not.</summary>
public sealed record SessionDto(MeDto? User);

public static class AuthEndpoints
{
    /// <summary>
    /// Identity's register/login/refresh endpoints (cookies with <c>?useCookies=true</c>, bearer tokens otherwise),
    /// plus the session endpoints (<see cref="SessionEndpoints"/>) and "who am I". Register and login answer the same
    /// whether the e-mail has an account.
    /// </summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapIdentityApi<MarketplaceUser>()
            .RequireRateLimiting(RateLimits.Auth)
            // Outermost: the coded refusals are made of what the uniform answers leave.
            .AddEndpointFilter<IEndpointConventionBuilder, AccountRefusals>()
            .AddEndpointFilter<IEndpointConventionBuilder, UniformAccountAnswers>();
        auth.MapSessionApi();
        auth.MapGet("/me", Me).RequireAuthorization().WithName("getMe");
        // The web client asks on every page load; a visitor is an ordinary answer there, not a 401 in the console.
        auth.MapGet("/session", Session).WithName("getSession");
        return app;
    }

    static async Task<Results<Ok<MeDto>, UnauthorizedHttpResult>> Me(ClaimsPrincipal principal, UserManager<MarketplaceUser> users) =>
        await SignedIn(principal, users) is { } me ? TypedResults.Ok(me) : TypedResults.Unauthorized();

    static async Task<Ok<SessionDto>> Session(ClaimsPrincipal principal, UserManager<MarketplaceUser> users) =>
        TypedResults.Ok(new SessionDto(await SignedIn(principal, users)));

    static async Task<MeDto?> SignedIn(ClaimsPrincipal principal, UserManager<MarketplaceUser> users) =>
        principal.Identity?.IsAuthenticated == true && await users.GetUserAsync(principal) is { Email: { } email } user
            ? new MeDto(user.Id, email)
            : null;
}
