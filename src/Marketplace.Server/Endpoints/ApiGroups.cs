namespace Marketplace.Server.Endpoints;

internal static class ApiGroups
{
    /// <summary>
    /// A group of API endpoints whose OpenAPI description lists the ProblemDetails answers every endpoint may give,
    /// so clients generated from the document know the error shapes too.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix).WithTags(tag);
        group.ProducesValidationProblem();
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);
        group.ProducesProblem(StatusCodes.Status404NotFound);
        group.ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
