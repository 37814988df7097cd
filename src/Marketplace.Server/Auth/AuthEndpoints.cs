using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Server.Auth;

/// <summary>The signed-in person.</summary>
/// <param name="Name">The name others see: <paramref name="DisplayName"/>, or while it is not set, the e-mail's part before "@".</param>
/// <param name="DisplayName">The name the person gave, null until they give one.</param>
public sealed record MeDto(Guid Id, string Email, string Name, string? DisplayName)
{
    public static MeDto Of(MarketplaceUser user) => new(user.Id, user.Email ?? "", user.Name, user.DisplayName);
}

/// <summary>Who is signed in on this browser: <see cref="User"/> is null for a visitor who is not.</summary>
public sealed record SessionDto(MeDto? User);

public static class AuthEndpoints
{
    /// <summary>
    /// Identity's register/login/refresh endpoints (cookies with <c>?useCookies=true</c>, bearer tokens otherwise),
    /// plus the session endpoints (<see cref="SessionEndpoints"/>) and "who am I". Register and login answer the same
    /// whether the e-mail has an account. Registration is ours (<see cref="DisplayNames.Register"/>): it asks for a name.
    /// </summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapRegister();
        var identity = auth.MapIdentityApi<MarketplaceUser>();
        identity.Add(endpoint =>
        {
            // Shadowed by ours (mapped with a lower order): one register operation in the API's description.
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.EndsWith("/register", StringComparison.Ordinal))
                endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
        });
        identity.RequireRateLimiting(RateLimits.Auth)
            // Outermost: the coded refusals are made of what the uniform answers leave.
            .AddEndpointFilter<IEndpointConventionBuilder, AccountRefusals>()
            .AddEndpointFilter<IEndpointConventionBuilder, UniformAccountAnswers>();
        auth.MapSessionApi();
        auth.MapGet("/me", Me).RequireAuthorization().WithName("getMe");
        auth.MapPut("/me/name", DisplayNames.Rename).RequireAuthorization().WithName("setMyName");
        // The web client asks on every page load; a visitor is an ordinary answer there, not a 401 in the console.
        auth.MapGet("/session", Session).WithName("getSession");
        return app;
    }

    static async Task<Results<Ok<MeDto>, UnauthorizedHttpResult>> Me(ClaimsPrincipal principal, [FromServices] UserManager<MarketplaceUser> users) =>
        await SignedIn(principal, users) is { } me ? TypedResults.Ok(me) : TypedResults.Unauthorized();

    static async Task<Ok<SessionDto>> Session(ClaimsPrincipal principal, [FromServices] UserManager<MarketplaceUser> users) =>
        TypedResults.Ok(new SessionDto(await SignedIn(principal, users)));

    static async Task<MeDto?> SignedIn(ClaimsPrincipal principal, UserManager<MarketplaceUser> users) =>
        principal.Identity?.IsAuthenticated == true && await users.GetUserAsync(principal) is { Email: not null } user
            ? MeDto.Of(user)
            : null;
}
