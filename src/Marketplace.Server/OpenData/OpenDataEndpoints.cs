using System.Text.Json.Nodes;
using Marketplace.Server.Auth;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.OpenData;

/// <summary>What the open data says of its publisher (the platform's operator, who registers the ocid prefix with the Open Contracting Partnership).</summary>
public sealed class OpenDataOptions
{
    /// <summary>The registered ocid prefix ("ocds-" and six characters); the default is for trying the platform out.</summary>
    public string OcidPrefix { get; set; } = "ocds-mktplc";

    public string Publisher { get; set; } = "Marketplace";
}

/// <summary>Tenders as open data (OCDS 1.1.5 release packages, docs/open-data.md): what anyone who sees a tender may read, in the standard's form.</summary>
public static class OpenDataEndpoints
{
    static readonly Refusal NotPublished = new("openData.notPublished", "A draft is not a public notice yet: it has no open data until it is published.");

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/tenders", "OpenData").MapGet("/{id:guid}/ocds", Package).WithName("getTenderOcds")
            .Produces<JsonObject>(contentType: "application/json");
        return app;
    }

    /// <summary>
    /// The tender's release package: one release, the tender as it stands now. Anyone who may see the tender may read
    /// it; a draft (seen only by the buyer's people) has none yet, and to anyone else it does not exist.
    /// </summary>
    static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Package(
        Guid id, HttpRequest request, IOptions<OpenDataOptions> options, [AsParameters] ViewerCall call)
    {
        var grain = call.Grains.Tender(id);
        var page = await grain.ViewFor(call.User.UserIdOrNull());
        if (page.Due) // a deadline passed that the tender has not moved past: it moves first, and is read as it is then
        {
            await grain.Get();
            page = await grain.ViewFor(call.User.UserIdOrNull());
        }
        if (page.Tender is not { } tender) return TenderEndpoints.NoTender;
        if (tender.Status == TenderStatus.Draft) return Problem.Conflict(NotPublished).ToHttp();

        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var release = OcdsRelease.Of(tender, await TenderEndpoints.PublicBidCount(tender, call.Db, call.Ct), page.BusinessNames, options.Value.OcidPrefix,
            doc => $"{site}/api/tenders/{tender.Id:D}/documents/{doc.Id:D}");
        return TypedResults.Ok(new JsonObject
        {
            ["uri"] = $"{site}/api/tenders/{tender.Id:D}/ocds",
            ["version"] = "1.1",
            ["publishedDate"] = release["date"]!.DeepClone(),
            ["publisher"] = new JsonObject { ["name"] = options.Value.Publisher },
            ["extensions"] = new JsonArray([.. OcdsRelease.Extensions.Select(e => (JsonNode)e)]),
            ["releases"] = new JsonArray(release),
        });
    }
}
