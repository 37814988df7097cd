using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Hosting;
using Marketplace.Server.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Server.Auth;

/// <summary>A new account: the e-mail and password it signs in with, and the name others see it by.</summary>
public sealed record SignUpRequest(string Email, string Password, string? DisplayName);

/// <summary>The name the signed-in person wants others to see.</summary>
public sealed record DisplayNameRequest(string? DisplayName);

/// <summary>
/// A person's display name: asked at registration, changed on the account page. Control characters are refused with
/// every other input (<see cref="InputRules"/>); this is the rule for what is left.
/// </summary>
public static class DisplayNames
{
    public static readonly Refusal
        Required = new("account.displayNameRequired", "Write the name others will see you by."),
        TooLong = new("account.displayNameTooLong", "A name has at most {max} characters.");

    static readonly EmailAddressAttribute EmailAddress = new();

    /// <summary>The name as stored (trimmed), or why it cannot be.</summary>
    public static Outcome<string> Check(string? raw) =>
        raw.Clean() is not { } name ? Problem.Invalid("displayName", Required)
        : name.Length > MarketplaceUser.MaxDisplayName ? Problem.Invalid("displayName", TooLong, ("max", MarketplaceUser.MaxDisplayName))
        : name;

    /// <summary>
    /// Registration in place of Identity's own, which has no name (mapped first, so Identity's is never reached). It
    /// answers as Identity's does, by Identity's error codes, which <see cref="UniformAccountAnswers"/> and
    /// <see cref="AccountRefusals"/> turn into the same answer whether the address has an account, and coded refusals.
    /// The name is judged first: a refused name writes nothing. The account and the e-mail that confirms its address
    /// are stored in one transaction: no account without its e-mail, no e-mail for an account that was not stored.
    /// </summary>
    internal static async Task<Results<Ok, ValidationProblem, ProblemHttpResult>> Register(
        SignUpRequest body, [FromServices] UserManager<MarketplaceUser> users, [FromServices] MarketplaceDbContext db,
        [FromServices] AccountMails mails, [FromServices] OutboxSignal outbox, HttpRequest request)
    {
        var name = Check(body.DisplayName);
        if (name.Problem is { } no) return no.ToHttp();
        if (string.IsNullOrEmpty(body.Email) || !EmailAddress.IsValid(body.Email))
            return Identity(IdentityResult.Failed(users.ErrorDescriber.InvalidEmail(body.Email)));
        var user = new MarketplaceUser { UserName = body.Email, Email = body.Email, DisplayName = name.Value,
            Language = MailTexts.Code(MailTexts.Of(request)) };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var created = await users.CreateAsync(user, body.Password ?? "");
            if (!created.Succeeded) return Identity(created);
            await mails.ConfirmNewAccount(user);
            await transaction.CommitAsync();
        }
        outbox.Written();
        return TypedResults.Ok();
    }

    /// <summary>Changes the signed-in person's display name; the answer is who they are now.</summary>
    internal static async Task<Results<Ok<MeDto>, ProblemHttpResult, UnauthorizedHttpResult>> Rename(
        DisplayNameRequest body, ClaimsPrincipal principal, [FromServices] UserManager<MarketplaceUser> users)
    {
        if (await users.GetUserAsync(principal) is not { } user) return TypedResults.Unauthorized();
        var name = Check(body.DisplayName);
        if (name.Problem is { } no) return no.ToHttp();
        user.DisplayName = name.Value;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) throw new InvalidOperationException($"The name of user {user.Id} was not stored: {string.Join("; ", updated.Errors.Select(e => e.Code))}");
        return TypedResults.Ok(MeDto.Of(user));
    }

    static ValidationProblem Identity(IdentityResult result) =>
        TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));

    internal static RouteHandlerBuilder MapRegister(this RouteGroupBuilder auth) =>
        auth.MapPost("/register", Register).WithName("register").WithOrder(-1).RequireRateLimiting(RateLimits.Auth)
            .AddEndpointFilter<RouteHandlerBuilder, AccountRefusals>()
            .AddEndpointFilter<RouteHandlerBuilder, UniformAccountAnswers>();
}
