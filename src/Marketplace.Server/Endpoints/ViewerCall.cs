using System.Security.Claims;
using Marketplace.Data;
using Marketplace.Server.Auth;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// What a handler needs to act for the signed-in user (or read for a visitor) and answer with what that viewer may
/// see, bound with [AsParameters] instead of repeated in every signature: the user, the grains that decide, the access
/// service, the read models, the request's cancellation and the businesses' and spaces' names the page shows. None of them is read from the request, so the OpenAPI
/// document is the same as with separate parameters; the services are marked [FromServices] because the request
/// delegates are generated at build, where the generator cannot tell a service from a JSON body.
/// </summary>
internal readonly record struct ViewerCall(ClaimsPrincipal User, [property: FromServices] IGrainFactory Grains,
    [property: FromServices] Access Access, HttpContext Http, CancellationToken Ct,
    [property: FromServices] Businesses.BusinessCards Cards, [property: FromServices] Spaces.SpaceCards Spaces)
{
    /// <summary>
    /// The read models, rented from the pool when a handler first asks: most page reads are answered from grains and
    /// silo-held cards, and renting and resetting a context they never query cost them about 4 % of their CPU (issue #11).
    /// </summary>
    public MarketplaceDbContext Db => Http.RequestServices.GetRequiredService<MarketplaceDbContext>();
}
