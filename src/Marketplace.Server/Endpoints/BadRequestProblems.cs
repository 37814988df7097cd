using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

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
    static Microsoft.AspNetCore.Mvc.ProblemDetails Fields(string field, Refusal refusal, string title) => Fields([field], refusal, title);

    static Microsoft.AspNetCore.Mvc.ProblemDetails Fields(IEnumerable<string> fields, Refusal refusal, string title)
    {
        var details = Problem.Invalid(fields.ToDictionary(f => f, f => new[] { FieldProblem.Of(refusal) })).ToHttp().ProblemDetails;
        details.Title = title;
        return details;
    }

    /// <summary>
    /// The status code page of an answer that has no body yet. A query or route value the request delegate could not
    /// convert: the delegates generated at build answer it 400 without saying which (those composed when the server
    /// starts throw the exception handled above), so the values are read again by the types the handler takes and each
    /// one that does not convert is named, in the same words as above. Anything else gets the usual problem details.
    /// </summary>
    public static async Task StatusPage(StatusCodeContext status)
    {
        var http = status.HttpContext;
        List<string> fields = http.Response.StatusCode == StatusCodes.Status400BadRequest && http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler
            ? [.. handler.GetParameters().Where(p => !Converts(p, http.Request)).Select(p => p.Name!)] : [];
        var details = fields.Count > 0 ? Fields(fields, WrongFormat, "The request has invalid parameters.") : new Microsoft.AspNetCore.Mvc.ProblemDetails();
        details.Status = http.Response.StatusCode;
        // As the default status page: a client that takes no JSON is told the status in plain text.
        if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details }))
        {
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync($"Status Code: {http.Response.StatusCode}; {ReasonPhrases.GetReasonPhrase(http.Response.StatusCode)}");
        }
    }

    /// <summary>Whether the request's value for the parameter (route first, then query) converts to its type, as the request delegate converts it.</summary>
    static bool Converts(ParameterInfo parameter, HttpRequest request)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(string) || parameter.Name is not { } name) return true;
        var value = request.RouteValues.TryGetValue(name, out var routed) ? routed?.ToString() : request.Query.TryGetValue(name, out var query) ? query.ToString() : null;
        if (string.IsNullOrEmpty(value)) return true;
        if (type.IsEnum) return Enum.TryParse(type, value, ignoreCase: false, out _);
        if (type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]) is { } withCulture)
            return (bool)withCulture.Invoke(null, [value, CultureInfo.InvariantCulture, null])!;
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]); // bool's
        return plain is null || (bool)plain.Invoke(null, [value, null])!;
    }

    // ASP.NET Core's wording for a query or route value it could not convert: Failed to bind parameter "FirmSize? size" from "Huge".
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>\w+)" from""")]
    private static partial Regex BoundParameter();

    // "$.capabilities[2]" → "capabilities[2]"; the whole body → "body".
    static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
