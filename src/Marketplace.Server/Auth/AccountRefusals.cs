using Marketplace.Server.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Auth;

/// <summary>
/// ASP.NET Core Identity refuses with its own error codes as field names (<c>PasswordTooShort</c>) and, for a failed
/// login, a 401 whose detail is the sign-in result (<c>LockedOut</c>). This is the one place that turns them into coded
/// refusals like every other answer: each Identity code becomes a field (<c>email</c>, <c>password</c>,
/// <c>currentPassword</c>) with its code and arguments (the configured limits).
/// </summary>
internal sealed class AccountRefusals(IOptions<IdentityOptions> identity) : IEndpointFilter
{
    static readonly Refusal
        InvalidEmail = new("account.invalidEmail", "This e-mail address is not valid."),
        PasswordTooShort = new("account.passwordTooShort", "Passwords must be at least {min} characters."),
        PasswordRequiresDigit = new("account.passwordRequiresDigit", "Passwords must have at least one digit ('0'-'9')."),
        PasswordRequiresLower = new("account.passwordRequiresLower", "Passwords must have at least one lowercase ('a'-'z')."),
        PasswordRequiresUpper = new("account.passwordRequiresUpper", "Passwords must have at least one uppercase ('A'-'Z')."),
        PasswordRequiresNonAlphanumeric = new("account.passwordRequiresNonAlphanumeric", "Passwords must have at least one non alphanumeric character."),
        PasswordRequiresUniqueChars = new("account.passwordRequiresUniqueChars", "Passwords must use at least {min} different characters."),
        PasswordTooCommon = new("account.passwordTooCommon", "This password is too common: choose one that is not on lists of leaked passwords."),
        PasswordMismatch = new("account.passwordMismatch", "Incorrect password."),
        InvalidToken = new("account.invalidToken", "This link or code is not valid: ask for a new one."),
        SignInFailed = new("account.signInFailed", "The e-mail or the password is wrong."),
        LockedOut = new("account.lockedOut", "Too many wrong attempts for this account: try again later."),
        NotAllowed = new("account.notAllowed", "Confirm your e-mail address first: open the link we sent to it, or ask for a new one.");

    /// <summary>Identity's codes by the field they are about and the refusal they are.</summary>
    static readonly Dictionary<string, (string Field, Refusal Refusal)> ByIdentityCode = new()
    {
        ["InvalidEmail"] = ("email", InvalidEmail),
        ["InvalidUserName"] = ("email", InvalidEmail),
        ["PasswordTooShort"] = ("password", PasswordTooShort),
        ["PasswordRequiresDigit"] = ("password", PasswordRequiresDigit),
        ["PasswordRequiresLower"] = ("password", PasswordRequiresLower),
        ["PasswordRequiresUpper"] = ("password", PasswordRequiresUpper),
        ["PasswordRequiresNonAlphanumeric"] = ("password", PasswordRequiresNonAlphanumeric),
        ["PasswordRequiresUniqueChars"] = ("password", PasswordRequiresUniqueChars),
        [CommonPasswords.Code] = ("password", PasswordTooCommon),
        ["PasswordMismatch"] = ("currentPassword", PasswordMismatch),
        ["InvalidToken"] = ("token", InvalidToken),
    };

    /// <summary>The sign-in results Identity's login puts in a 401's detail.</summary>
    static readonly Dictionary<string, Refusal> BySignInResult = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Failed"] = SignInFailed,
        ["LockedOut"] = LockedOut,
        ["NotAllowed"] = NotAllowed,
    };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await next(context) switch
        {
            ValidationProblem direct => Coded(direct.ProblemDetails.Errors, identity.Value.Password),
            INestedHttpResult { Result: ValidationProblem nested } => Coded(nested.ProblemDetails.Errors, identity.Value.Password),
            ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized } failed => SignIn(failed.ProblemDetails.Detail),
            INestedHttpResult { Result: ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized } failed } => SignIn(failed.ProblemDetails.Detail),
            var other => other,
        };

    /// <summary>Identity's errors (by its codes) as a 400 with coded field errors.</summary>
    public static ProblemHttpResult Coded(IEnumerable<IdentityError> errors, PasswordOptions password) =>
        Coded(errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()), password);

    static ProblemHttpResult Coded(IDictionary<string, string[]> errors, PasswordOptions password)
    {
        var fields = new Dictionary<string, List<FieldProblem>>();
        foreach (var (code, descriptions) in errors)
        {
            // A code this table does not know keeps Identity's field and words.
            var (field, problems) = ByIdentityCode.TryGetValue(code, out var known)
                ? (known.Field, new[] { FieldProblem.Of(known.Refusal, [.. Limits(code, password)]) })
                : (code, [.. descriptions.Select(d => new FieldProblem(Problem.Uncoded, d, []))]);
            var list = fields.TryGetValue(field, out var found) ? found : fields[field] = [];
            list.AddRange(problems.Where(p => !list.Contains(p)));
        }
        return Problem.Invalid(fields.ToDictionary(f => f.Key, f => f.Value.ToArray())).ToHttp();
    }

    /// <summary>The configured limit a password refusal names.</summary>
    static (string, object?)[] Limits(string code, PasswordOptions password) => code switch
    {
        "PasswordTooShort" => [("min", password.RequiredLength)],
        "PasswordRequiresUniqueChars" => [("min", password.RequiredUniqueChars)],
        _ => [],
    };

    static ProblemHttpResult SignIn(string? result)
    {
        var refusal = result is not null && BySignInResult.TryGetValue(result, out var known) ? known : SignInFailed;
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Unauthorized",
            Detail = refusal.Text,
            Extensions = { ["code"] = refusal.Code },
        });
    }
}
