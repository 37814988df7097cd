using Marketplace.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Marketplace.Server.Auth;

/// <summary>
/// Identity's register and login endpoints, made to answer the same whether an e-mail address has an account:
/// registering an address that has one answers like a new registration (the person then signs in with their own
/// password, or is told that this password does not sign them in), and a login for an unknown address spends the same
/// password-hashing work as a wrong password, so neither the answer nor (roughly) its time tells them apart. A malformed
/// user id in an e-mail confirmation link is answered like an unknown one.
/// </summary>
internal sealed class UniformAccountAnswers : IEndpointFilter
{
    static readonly string[] ExistenceCodes = ["DuplicateUserName", "DuplicateEmail"];

    /// <summary>A hash of a random password, made once with the configured hasher, to verify unknown users against.</summary>
    static string? decoy;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var path = context.HttpContext.Request.Path.Value ?? "";
        // Identity looks the user up by an id it cannot parse and fails with 500; this is the answer it gives for an unknown one.
        if (path.EndsWith("/confirmEmail", StringComparison.OrdinalIgnoreCase) && !Guid.TryParse(context.HttpContext.Request.Query["userId"], out _))
            return TypedResults.Unauthorized();
        if (path.EndsWith("/login", StringComparison.OrdinalIgnoreCase) && context.Arguments.OfType<LoginRequest>().FirstOrDefault() is { } login)
            await SpendOnUnknown(context.HttpContext.RequestServices, login);
        var result = await next(context);
        return path.EndsWith("/register", StringComparison.OrdinalIgnoreCase) ? WithoutExistence(result) : result;
    }

    static async Task SpendOnUnknown(IServiceProvider services, LoginRequest login)
    {
        var users = services.GetRequiredService<UserManager<MarketplaceUser>>();
        if (await users.FindByNameAsync(login.Email) is not null) return;
        var hasher = services.GetRequiredService<IPasswordHasher<MarketplaceUser>>();
        var nobody = new MarketplaceUser();
        decoy ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(nobody, decoy, login.Password ?? "");
    }

    /// <summary>"This e-mail is taken" becomes the answer of a successful registration; other problems stay as they are.</summary>
    static object? WithoutExistence(object? result)
    {
        var problem = result switch
        {
            ValidationProblem direct => direct,
            INestedHttpResult { Result: ValidationProblem nested } => nested,
            _ => null,
        };
        if (problem is null || !problem.ProblemDetails.Errors.Keys.Any(ExistenceCodes.Contains)) return result;
        var others = problem.ProblemDetails.Errors.Where(e => !ExistenceCodes.Contains(e.Key)).ToDictionary();
        return others.Count == 0 ? TypedResults.Ok() : TypedResults.ValidationProblem(others);
    }
}
