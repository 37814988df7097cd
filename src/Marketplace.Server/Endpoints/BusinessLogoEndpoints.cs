using System.Security.Claims;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// A business's logo: its Owners and Managers upload (the body is the image's bytes; <c>name</c> is the file's name,
/// if it had one), replace or remove it, and anyone reads it where the business's profile and lists say it is.
/// </summary>
public static class BusinessLogoEndpoints
{
    static readonly Refusal NoLogo = new("logo.none", "This business has no logo.");

    /// <summary>The logo's path under a business.</summary>
    public const string Path = "/logo";

    public static IEndpointRouteBuilder MapBusinessLogoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/businesses/{id:guid}", "Businesses");
        // The body declared as a stream: the document calls it binary (the image's bytes as sent).
        api.MapPut(Path, Upload).RequireAuthorization().WithName("uploadBusinessLogo")
            .Accepts<Stream>("application/octet-stream").ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireRateLimiting(Hosting.RateLimits.Uploads).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapDelete(Path, Remove).RequireAuthorization().WithName("removeBusinessLogo");
        api.MapGet(Path, Read).WithName("getBusinessLogo")
            .Produces(StatusCodes.Status200OK, contentType: "image/png", additionalContentTypes: ["image/jpeg", "image/webp"]);
        return app;
    }

    /// <summary>
    /// Where the logo with this digest is served. The digest in the address changes with the image, so a browser keeps
    /// the image for good and a new logo is a new address.
    /// </summary>
    public static string? Url(Guid businessId, string? tag) => tag is null ? null : $"/api/businesses/{businessId}{Path}?v={tag}";

    static async Task<Results<Ok<BusinessProfileDto>, ProblemHttpResult>> Upload(
        Guid id, string? name, HttpRequest request, ClaimsPrincipal user, [FromServices] IGrainFactory grains, CancellationToken ct)
    {
        // The body is at most LogoImage.MaxBytes (MarketplaceRoutes refuses a larger one with 413 before it is read).
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return Answer(await grains.GetGrain<IBusinessGrain>(id).SetLogo(user.UserId(), new LogoUpload(name, buffer.ToArray())), user);
    }

    static async Task<Results<Ok<BusinessProfileDto>, ProblemHttpResult>> Remove(Guid id, ClaimsPrincipal user, [FromServices] IGrainFactory grains) =>
        Answer(await grains.GetGrain<IBusinessGrain>(id).SetLogo(user.UserId(), null), user);

    static Results<Ok<BusinessProfileDto>, ProblemHttpResult> Answer(Outcome<BusinessSnapshot> outcome, ClaimsPrincipal user) =>
        outcome.Problem is { } no ? no.ToHttp() : TypedResults.Ok(BusinessEndpoints.ForActor(outcome.Value!, user));

    /// <summary>
    /// The logo's bytes, with the type they were checked to be (never what the uploader claimed). Asked by the address
    /// of this very image (<paramref name="v"/>), it may be kept for good; asked otherwise, it is checked again each time.
    /// </summary>
    static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Read(
        Guid id, string? v, HttpResponse response, [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        if (await db.BusinessLogos.AsNoTracking().SingleOrDefaultAsync(l => l.BusinessId == id, ct) is not { } logo)
            return ProblemResults.NotFound(NoLogo);
        response.Headers.CacheControl = v == logo.Tag ? "public, max-age=31536000, immutable" : "no-cache";
        return TypedResults.File(logo.Content, logo.ContentType, entityTag: new EntityTagHeaderValue($"\"{logo.Tag}\""));
    }
}
