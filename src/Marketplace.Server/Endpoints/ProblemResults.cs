using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Server.Endpoints;

/// <summary>The one mapping from a refused command to an HTTP status and ProblemDetails body.</summary>
internal static class ProblemResults
{
    public static ProblemHttpResult ToHttp(this Problem problem) => TypedResults.Problem(problem.Kind switch
    {
        ProblemKind.Invalid => new HttpValidationProblemDetails(problem.Errors ?? [])
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
            Detail = problem.Detail,
        },
        _ => new ProblemDetails
        {
            Status = problem.Kind switch
            {
                ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
                ProblemKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status409Conflict,
            },
            Detail = problem.Detail,
        },
    });

    public static ProblemHttpResult NotFound(string detail) => Problem.NotFound(detail).ToHttp();

    /// <summary>A choice the request must make explicitly (a missing enum or yes/no never defaults to the first value).</summary>
    public static ProblemHttpResult Required(string field) => Problem.Invalid(field, "This field is required.").ToHttp();
}
