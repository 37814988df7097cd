using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Server.OpenData.Import;

/// <summary>
/// A space's admins import OCDS release packages of tenders published on the buyers' own platforms: each ocid becomes
/// an external opportunity of the space (docs/open-data.md, "Import").
/// </summary>
public static class OpportunityImportEndpoints
{
    /// <summary>The import's path under a space.</summary>
    public const string Path = "/opportunities/import";

    /// <summary>The largest package a request may carry (413 before reading a larger declared body).</summary>
    public const long MaxPackageBytes = 64 * 1024 * 1024;

    internal static readonly Refusal NoFile = new("import.noFile", "Send the release package as a file: multipart/form-data, in the field \"file\".");

    public static IEndpointRouteBuilder MapOpportunityImportApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/spaces/{id:guid}", "OpenData").MapPost(Path, Import).RequireAuthorization().WithName("importOpportunities")
            .Accepts<ImportUpload>("multipart/form-data").ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireRateLimiting(Hosting.RateLimits.Uploads).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>
    /// Imports the uploaded package as <see cref="OpportunityImporter"/> does (refused whole, 400 with each error by its
    /// JSON path, or applied, the answer saying what became of each ocid). Who imports is checked before the request's
    /// body is read.
    /// </summary>
    static async Task<Results<Ok<ImportResultDto>, ProblemHttpResult>> Import(
        Guid id, HttpRequest request, [AsParameters] ViewerCall call, [FromServices] MarketplaceClock clock, [FromServices] IOptions<ImportLimits> limits)
    {
        var actor = call.User.UserId();
        // One answer for whoever is not an admin of the space, whether or not it exists.
        if (!await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(actor)) return Problem.Forbidden(SpaceState.NotAdmin).ToHttp();
        if (await FileSection(request, call.Ct) is not { } file) return Problem.Invalid("file", NoFile).ToHttp();

        var imported = await OpportunityImporter.Run(file, actor, id, call.Grains, clock.Now(), limits.Value, call.Ct);
        return imported.Problem is { } invalid ? invalid.ToHttp() : TypedResults.Ok(imported.Value!);
    }

    /// <summary>The body of the form's "file" part, read as it arrives; null when the request carries none.</summary>
    static async Task<Stream?> FileSection(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return null;
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Value == "file")
                return section.Body;
        return null;
    }
}

/// <summary>The import's form: the release package as a JSON file.</summary>
public sealed record ImportUpload(IFormFile File);

/// <summary>What an import did: how many releases it read, and each ocid's opportunity, created, updated or unchanged.</summary>
/// <param name="Failed">Opportunities the tender refused when applied (the package was valid: only a change made meanwhile, such as the importer's admin role ending, does this).</param>
public sealed record ImportResultDto(int Releases, int Created, int Updated, int Unchanged, ImportedOpportunityDto[] Opportunities, ImportFailureDto[] Failed);

public sealed record ImportedOpportunityDto(string Ocid, Guid TenderId, string Title, ImportEffect Effect);

public sealed record ImportFailureDto(string Ocid, string Code, string Detail);
