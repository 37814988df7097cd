using System.Globalization;
using Marketplace.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// While the database cannot be reached, or the cluster node holding a grain has died and not yet been declared dead
/// (the survivors take its grains over seconds later), a request is answered 503 with Retry-After, not 500: the same
/// request may succeed shortly, and it changed nothing. Every other unexpected exception is left to the default 500
/// ProblemDetails (a trace id, no details).
/// </summary>
internal sealed class UnavailableProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public static readonly Refusal Unavailable = new("service.unavailable", "The service cannot be reached right now. Try again in a few seconds.");

    /// <summary>A grain call the cluster refused to deliver: its node is gone or unreachable (SiloUnavailableException is one).</summary>
    static bool NodeUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OrleansMessageRejectionException or ConnectionFailedException) return true;
        }
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.Is(exception) && !NodeUnavailable(exception)) return false;
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
