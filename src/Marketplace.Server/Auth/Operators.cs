using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Marketplace.Server.Auth;

/// <summary>
/// Platform operators: the people who run the servers, which is no role in any business. Configuration names them by
/// account id (<c>Operations:Operators</c>, a list; <c>GET /api/auth/me</c> tells a user their id), not by e-mail:
/// addresses are not confirmed here, so anyone could register an operator's address first. The list is read on every
/// request, so an edited appsettings.json applies at once. Operators see the Orleans Dashboard; they gain no right over
/// any business, space, tender or bid.
/// </summary>
internal static class Operators
{
    public const string Policy = "Operator";
    public const string Section = "Operations:Operators";

    public static AuthorizationBuilder AddOperatorPolicy(this AuthorizationBuilder authorization, IConfiguration configuration) =>
        authorization.AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsOperator(c.User, configuration)));

    static bool IsOperator(ClaimsPrincipal user, IConfiguration configuration) =>
        user.UserIdOrNull() is { } id && configuration.GetSection(Section).Get<Guid[]>() is { } operators && operators.Contains(id);
}
