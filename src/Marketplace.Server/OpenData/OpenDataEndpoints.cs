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
    static readonly Refusal
        NotPublished = new("openData.notPublished", "A draft is not a public notice yet: it has no open data until it is published."),
        External = new("openData.external", "This opportunity was published on the buyer's own platform: its open data is that publisher's, under the ocid {ocid}.");

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var tenders = app.MapApiGroup("/api/tenders", "OpenData");
        tenders.MapGet("/{id:guid}/ocds", Package).WithName("getTenderOcds").Produces<JsonObject>(contentType: "application/json");
        tenders.MapGet("/{id:guid}/ocds/record", Record).WithName("getTenderOcdsRecord").Produces<JsonObject>(contentType: "application/json");
        app.MapBulkOpenDataApi();
        app.MapOcdsExtensionApi();
        return app;
    }

    /// <summary>
    /// The tender's release package: one release, the tender as it stands now. Anyone who may see the tender may read
    /// it; a draft (seen only by the buyer's people) has none yet, and to anyone else it does not exist.
    /// </summary>
    static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Package(
        Guid id, HttpRequest request, [FromServices] IOptions<OpenDataOptions> options, [AsParameters] ViewerCall call)
    {
        var site = OcdsPackages.Site(request);
        var (release, page) = await OcdsPackages.Release(id, call.User.UserIdOrNull(), site, options.Value, call.Grains, call.Db, call.Ct);
        if (release is null) return NoRelease(page);
        return TypedResults.Ok(OcdsPackages.ReleasePackage(site, $"{site}/api/tenders/{id:D}/ocds", [release], options.Value, DateTimeOffset.MinValue));
    }

    /// <summary>
    /// The tender's record package: its releases and its compiled release, for whoever may read its release package,
    /// and refused alike.
    /// </summary>
    static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Record(
        Guid id, HttpRequest request, [FromServices] IOptions<OpenDataOptions> options, [AsParameters] ViewerCall call)
    {
        var site = OcdsPackages.Site(request);
        var (release, page) = await OcdsPackages.Release(id, call.User.UserIdOrNull(), site, options.Value, call.Grains, call.Db, call.Ct);
        if (release is null) return NoRelease(page);
        return TypedResults.Ok(OcdsPackages.RecordPackage(site, $"{site}/api/tenders/{id:D}/ocds/record", $"{site}/api/tenders/{id:D}/ocds", release, options.Value));
    }

    // A tender the viewer sees but has no release is a draft (its buyer's people are told why) or an external
    // opportunity (whose open data is its publisher's); to anyone else it does not exist.
    static ProblemHttpResult NoRelease(TenderPage page) =>
        page.Tender is not { } tender ? TenderEndpoints.NoTender
        : tender.External is { } external ? Problem.Conflict(External, ("ocid", external.Ocid)).ToHttp()
        : Problem.Conflict(NotPublished).ToHttp();
}
