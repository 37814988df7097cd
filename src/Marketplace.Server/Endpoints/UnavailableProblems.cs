using System.Globalization;
using Marketplace.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// While the database cannot be reached, a request is answered 503 with Retry-After, not 500: the same request may
/// succeed shortly. Every other unexpected exception is left to the default 500 ProblemDetails (a trace id, no details).
/// </summary>
internal sealed class UnavailableProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public static readonly Refusal Unavailable = new("service.unavailable", "The database cannot be reached right now. Try again in a few seconds.");

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.Is(exception)) return false;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = ((int)DatabaseUnavailable.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is briefly unavailable.",
                Detail = Unavailable.Text,
                Extensions = { ["code"] = Unavailable.Code },
            },
        });
    }
}
