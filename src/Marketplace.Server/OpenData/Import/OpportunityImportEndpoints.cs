using System.Collections.Concurrent;
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

    static readonly Refusal NoFile = new("import.noFile", "Send the release package as a file: multipart/form-data, in the field \"file\".");

    /// <summary>How many opportunities are applied side by side (each is its own tender grain and write).</summary>
    const int Parallel = 4;

    public static IEndpointRouteBuilder MapOpportunityImportApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/spaces/{id:guid}", "OpenData").MapPost(Path, Import).RequireAuthorization().WithName("importOpportunities")
            .Accepts<ImportUpload>("multipart/form-data").ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireRateLimiting(Hosting.RateLimits.Uploads).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>
    /// Reads the package as it arrives and checks all of it (the official schemas, then the project's rules on each
    /// compiled ocid) before applying anything: a package with an error is refused whole (400, each error by its JSON
    /// path) and changes nothing. Only then is each opportunity created or updated, and the answer says what became of
    /// each. Who imports is checked before the request's body is read.
    /// </summary>
    static async Task<Results<Ok<ImportResultDto>, ProblemHttpResult>> Import(
        Guid id, HttpRequest request, [AsParameters] ViewerCall call, MarketplaceClock clock, IOptions<ImportLimits> limits)
    {
        var actor = call.User.UserId();
        // One answer for whoever is not an admin of the space, whether or not it exists.
        if (!await call.Grains.GetGrain<ISpaceGrain>(id).IsAdmin(actor)) return Problem.Forbidden(SpaceState.NotAdmin).ToHttp();
        if (await FileSection(request, call.Ct) is not { } file) return Problem.Invalid("file", NoFile).ToHttp();

        var import = new OcdsImport(clock.Now(), limits.Value);
        try
        {
            import.Package(await new OcdsPackageReader(limits.Value.MaxDepth, limits.Value.MaxReleaseBytes).Read(file, import.Release, call.Ct));
        }
        catch (OcdsPackageReader.Unreadable e)
        {
            return Problem.Invalid(e.Path, e.Refusal, e.Args).ToHttp();
        }
        var compiled = import.Compile(actor, id);
        if (compiled.Problem is { } invalid) return invalid.ToHttp();

        // Applied to the end even if the uploader goes away: an import is not left half done by a closed tab.
        var opportunities = compiled.Value!;
        var done = new ImportedOpportunityDto?[opportunities.Length];
        var failed = new ConcurrentBag<ImportFailureDto>();
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, opportunities.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
            {
                var opportunity = opportunities[i];
                var tenderId = ExternalOpportunities.TenderId(id, opportunity.Ocid);
                var outcome = await call.Grains.Tender(tenderId).Import(opportunity);
                if (outcome.Problem is { } no) failed.Add(new ImportFailureDto(opportunity.Ocid, no.Code, no.Detail));
                else done[i] = new ImportedOpportunityDto(opportunity.Ocid, tenderId, outcome.Value!.Tender.Details.Title, outcome.Value.Effect);
            });
        ImportedOpportunityDto[] applied = [.. done.OfType<ImportedOpportunityDto>()];
        return TypedResults.Ok(new ImportResultDto(import.Releases, applied.Count(o => o.Effect == ImportEffect.Created),
            applied.Count(o => o.Effect == ImportEffect.Updated), applied.Count(o => o.Effect == ImportEffect.Unchanged), applied, [.. failed]));
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
