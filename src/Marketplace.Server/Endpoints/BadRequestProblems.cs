using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// Turns malformed or oversized requests into ProblemDetails. A JSON error names the field it happened at
/// (e.g. "size" for an unknown size class), so the client can show it next to that field.
/// </summary>
internal sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        context.Response.StatusCode = bad.StatusCode;
        var details = bad.InnerException is JsonException json
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [FieldOf(json.Path)] = [json.Path is null or "$" ? "The body is not valid JSON." : "This value has the wrong type or format."],
            })
            { Title = "The request body is not valid JSON.", Status = bad.StatusCode }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "The request was refused.", Detail = bad.Message, Status = bad.StatusCode };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    // "$.capabilities[2]" → "capabilities[2]"; the whole body → "body".
    static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
