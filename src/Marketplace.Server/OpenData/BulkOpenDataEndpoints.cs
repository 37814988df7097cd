using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.OpenData;

/// <summary>
/// Bulk open data (docs/open-data.md): every published tender of a space, or of a buyer, as OCDS release packages,
/// a page at a time. They are the public notices the space's and the buyer's tender lists show to anyone, each release
/// the one its tender's own package holds: nothing sealed, no draft.
/// </summary>
internal static class BulkOpenDataEndpoints
{
    /// <summary>Tenders per page at most (and by default): each is one read of its grain, so a page stays a short request.</summary>
    internal const int MaxPageSize = 50;

    static readonly Refusal NotABuyer = new("openData.notABuyer", "Only a buyer publishes tenders: this business has no open data of its own.");

    public static void MapBulkOpenDataApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/spaces", "OpenData").MapGet("/{id:guid}/ocds", OfSpace).WithName("getSpaceOcds")
            .Produces<JsonObject>(contentType: "application/json");
        app.MapApiGroup("/api/businesses", "OpenData").MapGet("/{id:guid}/ocds", OfBuyer).WithName("getBuyerOcds")
            .Produces<JsonObject>(contentType: "application/json");
    }

    /// <summary>The space's published tenders, oldest publication first, <see cref="MaxPageSize"/> a page unless asked for fewer; <c>links.next</c> names the next page while there is one.</summary>
    static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> OfSpace(
        Guid id, int? page, int? pageSize, HttpRequest request, [FromServices] IOptions<OpenDataOptions> options, [FromServices] TimeProvider clock,
        [FromServices] IGrainFactory grains, [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        if (await grains.GetGrain<ISpaceGrain>(id).Get() is null) return ProblemResults.NotFound(SpaceState.NotFound);
        var tenders = Published(db).Where(t => db.TenderSpaces.Any(s => s.TenderId == t.TenderId && s.SpaceId == id));
        return TypedResults.Ok(await Page(tenders, $"/api/spaces/{id:D}/ocds", page, pageSize, request, options.Value, clock, grains, db, ct));
    }

    /// <summary>The buyer's published tenders, in every space, paged as a space's.</summary>
    static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> OfBuyer(
        Guid id, int? page, int? pageSize, HttpRequest request, [FromServices] IOptions<OpenDataOptions> options, [FromServices] TimeProvider clock,
        [FromServices] IGrainFactory grains, [FromServices] MarketplaceDbContext db, CancellationToken ct)
    {
        if (await grains.GetGrain<IBusinessGrain>(id).Get() is not { } business) return ProblemResults.NotFound(BusinessState.NotFound);
        if (business.Kind != BusinessKind.Buyer) return ProblemResults.NotFound(NotABuyer);
        var tenders = Published(db).Where(t => t.BuyerId == id);
        return TypedResults.Ok(await Page(tenders, $"/api/businesses/{id:D}/ocds", page, pageSize, request, options.Value, clock, grains, db, ct));
    }

    /// <summary>The tenders the platform publishes as open data: not drafts, and not external opportunities (their publisher's own).</summary>
    static IQueryable<TenderEntry> Published(MarketplaceDbContext db) =>
        db.Tenders.Where(t => t.Status != TenderStatus.Draft && t.ExternalBuyer == null);

    static async Task<JsonObject> Page(IQueryable<TenderEntry> tenders, string path, int? page, int? pageSize, HttpRequest request, OpenDataOptions options,
        TimeProvider clock, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct)
    {
        var number = Math.Max(page ?? 1, 1);
        var size = Math.Clamp(pageSize ?? MaxPageSize, 1, MaxPageSize);
        // One more than a page tells whether a next page exists; a stable order keeps a tender on one page only.
        // A page so far on that its offset passes int's range has nothing on it (and must not overflow into a wrong page).
        var ids = (long)(number - 1) * size > int.MaxValue ? []
            : await tenders.AsNoTracking().OrderBy(t => t.PublishedAt).ThenBy(t => t.TenderId)
                .Skip((number - 1) * size).Take(size + 1).Select(t => t.TenderId).ToListAsync(ct);
        var site = OcdsPackages.Site(request);
        var releases = new List<JsonObject>();
        // One after the other: the bid counts they may need share the request's database context.
        foreach (var tenderId in ids.Take(size))
            if ((await OcdsPackages.Release(tenderId, null, site, options, grains, db, ct)).Release is { } release)
                releases.Add(release);
        var package = OcdsPackages.ReleasePackage(site, $"{site}{path}{Query(number, size)}", releases, options, clock.GetUtcNow());
        // The package paging the OCDS guidance recommends for APIs (links.next), beside the standard fields.
        if (ids.Count > size)
            package["links"] = new JsonObject { ["next"] = $"{site}{path}{Query(number + 1, size)}" };
        return package;
    }

    static string Query(int page, int size) =>
        size == MaxPageSize ? $"?page={page.ToString(CultureInfo.InvariantCulture)}" : $"?page={page.ToString(CultureInfo.InvariantCulture)}&pageSize={size.ToString(CultureInfo.InvariantCulture)}";
}
