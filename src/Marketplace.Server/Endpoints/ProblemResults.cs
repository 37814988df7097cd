using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// The one mapping from a refused command to an HTTP status and ProblemDetails body. Besides the English
/// <c>detail</c> (and, for 400, <c>errors</c> with English messages per field), the body carries the refusal's
/// <c>code</c> and <c>args</c>, and for 400 <c>errorCodes</c> per field: what clients translate
/// (the codes are listed in the OpenAPI document, <see cref="Hosting.ProblemCodesDocument"/>).
/// </summary>
internal static class ProblemResults
{
    /// <summary>Refusals every endpoint may give.</summary>
    public static readonly Refusal FieldRequired = new("input.fieldRequired", "This field is required.");

    public static ProblemHttpResult ToHttp(this Problem problem)
    {
        ProblemDetails details = problem.Kind switch
        {
            ProblemKind.Invalid => new HttpValidationProblemDetails(
                (problem.Errors ?? []).ToDictionary(e => e.Key, e => e.Value.Select(f => f.Message).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields.",
            },
            _ => new ProblemDetails
            {
                Status = problem.Kind switch
                {
                    ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
                    ProblemKind.NotFound => StatusCodes.Status404NotFound,
                    ProblemKind.TooSoon => StatusCodes.Status429TooManyRequests,
                    _ => StatusCodes.Status409Conflict,
                },
            },
        };
        details.Detail = problem.Detail;
        details.Extensions["code"] = problem.Code;
        if (problem.Args.Count > 0) details.Extensions["args"] = problem.Args;
        if (problem.Errors is { } errors)
            details.Extensions["errorCodes"] = errors.ToDictionary(e => e.Key, e => e.Value.Select(f => new FieldCode(f.Code, f.Args)).ToArray());
        return TypedResults.Problem(details);
    }

    /// <summary>One field error as clients translate it.</summary>
    internal sealed record FieldCode(string Code, Dictionary<string, string> Args);

    public static ProblemHttpResult NotFound(Refusal refusal) => Problem.NotFound(refusal).ToHttp();

    /// <summary>A choice the request must make explicitly (a missing enum or yes/no never defaults to the first value).</summary>
    public static ProblemHttpResult Required(string field) => Problem.Invalid(field, FieldRequired).ToHttp();
}
