using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// Turns malformed or oversized requests into ProblemDetails. A JSON error names the field it happened at
/// (e.g. "size" for an unknown size class), so the client can show it next to that field.
/// </summary>
internal sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
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
            : BoundParameter().Match(bad.Message) is { Success: true } parameter
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [parameter.Groups["name"].Value] = ["This value has the wrong type or format."],
            })
            { Title = "The request has invalid parameters.", Status = bad.StatusCode }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "The request was refused.", Detail = bad.Message, Status = bad.StatusCode };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    // ASP.NET Core's wording for a query or route value it could not convert: Failed to bind parameter "FirmSize? size" from "Huge".
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>\w+)" from""")]
    private static partial Regex BoundParameter();

    // "$.capabilities[2]" → "capabilities[2]"; the whole body → "body".
    static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
