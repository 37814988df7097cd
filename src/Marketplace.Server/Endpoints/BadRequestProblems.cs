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
            ? Fields(FieldOf(json.Path), json.Path is null or "$" ? NotJson : WrongFormat, "The request body is not valid JSON.")
            : BoundParameter().Match(bad.Message) is { Success: true } parameter
            ? Fields(parameter.Groups["name"].Value, WrongFormat, "The request has invalid parameters.")
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "The request was refused.", Detail = bad.Message, Extensions = { ["code"] = Refused.Code } };
        details.Status = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    static readonly Refusal
        NotJson = new("input.notJson", "The body is not valid JSON."),
        WrongFormat = new("input.wrongFormat", "This value has the wrong type or format."),
        Refused = new("input.refused", "The request was refused.");

    /// <summary>A refusal of one field, as every other 400 says it (with its code), titled for what was malformed.</summary>
    static Microsoft.AspNetCore.Mvc.ProblemDetails Fields(string field, Refusal refusal, string title)
    {
        var details = Problem.Invalid(field, refusal).ToHttp().ProblemDetails;
        details.Title = title;
        return details;
    }

    // ASP.NET Core's wording for a query or route value it could not convert: Failed to bind parameter "FirmSize? size" from "Huge".
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>\w+)" from""")]
    private static partial Regex BoundParameter();

    // "$.capabilities[2]" → "capabilities[2]"; the whole body → "body".
    static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
