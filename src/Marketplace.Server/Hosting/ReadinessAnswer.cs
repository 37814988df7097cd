using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Server.Hosting;

/// <summary>
/// What /health/ready answers besides its status code: each dependency it checked and whether it is reachable
/// (<c>{"status":"Unhealthy","checks":{"database":"Healthy","redis":"Unhealthy"}}</c>), so an operator sees which one
/// took the node out of the load balancer. Only names and statuses: no error message, address or connection string.
/// </summary>
internal static class ReadinessAnswer
{
    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        });
    }
}
