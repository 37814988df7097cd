using System.Security.Claims;
using Marketplace.Data;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// What a handler needs when a grain decides for the signed-in user (it guards its own commands and reads) and the
/// answer is filled in from the read models: the user, the grains, the database, the request's cancellation and the
/// businesses' names and logos the page shows.
/// Bound with [AsParameters]; none of it is read from the request, so the OpenAPI document is the same as with separate
/// parameters; the services are marked [FromServices] because the request delegates are generated at build, where the
/// generator cannot tell a service from a JSON body. A handler that judges itself what the viewer may see takes a <see cref="ViewerCall"/> instead.
/// </summary>
internal readonly record struct GrainCall(ClaimsPrincipal User, [property: FromServices] IGrainFactory Grains, HttpContext Http,
    CancellationToken Ct, [property: FromServices] Businesses.BusinessCards Cards)
{
    /// <summary>The read models, rented only when a handler asks (<see cref="ViewerCall.Db"/> says why).</summary>
    public MarketplaceDbContext Db => Http.RequestServices.GetRequiredService<MarketplaceDbContext>();
}
