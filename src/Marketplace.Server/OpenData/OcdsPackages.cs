using System.Text.Json.Nodes;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;

namespace Marketplace.Server.OpenData;

/// <summary>
/// The OCDS packages the platform publishes (docs/open-data.md): a release package (one tender, or a page of a space's
/// or a buyer's tenders) and a tender's record package. Every release in them is the tender's public notice as it
/// stands now (<see cref="OcdsRelease"/>), read the way its page reads it.
/// </summary>
internal static class OcdsPackages
{
    /// <summary>The site's own address, for the package's and the documents' URIs.</summary>
    public static string Site(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// The tender's release now, read by a viewer (null: the public), or its page's answer when there is none: the
    /// tender if the viewer may see it (a deadline due is passed first, so the release says what the tender is after
    /// it), and a draft has no release.
    /// </summary>
    public static async Task<(JsonObject? Release, TenderPage Page)> Release(Guid id, Guid? viewer, string site, OpenDataOptions options, IGrainFactory grains, MarketplaceDbContext db, CancellationToken ct)
    {
        var grain = grains.Tender(id);
        var page = await grain.ViewFor(viewer);
        if (page.Due)
        {
            await grain.Get();
            page = await grain.ViewFor(viewer);
        }
        // An external opportunity's open data is its own publisher's (under that publisher's ocid): the platform
        // does not publish it again as its own.
        if (page.Tender is not { } tender || tender.Status == TenderStatus.Draft || tender.External is not null) return (null, page);
        var release = OcdsRelease.Of(tender, await TenderEndpoints.PublicBidCount(tender, () => db, ct), page.BusinessNames, options.OcidPrefix,
            doc => $"{site}/api/tenders/{tender.Id:D}/documents/{doc.Id:D}");
        return (release, page);
    }

    /// <summary>
    /// A release package of these releases. It is made on demand, so it is published when the newest of them changed
    /// (an empty page: now).
    /// </summary>
    public static JsonObject ReleasePackage(string site, string uri, IReadOnlyList<JsonObject> releases, OpenDataOptions options, DateTimeOffset now) => new()
    {
        ["uri"] = uri,
        ["version"] = "1.1",
        ["publishedDate"] = releases.Count == 0 ? OcdsRelease.Time(now) : Newest(releases),
        ["publisher"] = new JsonObject { ["name"] = options.Publisher },
        ["extensions"] = Extensions(site),
        ["releases"] = new JsonArray([.. releases]),
    };

    /// <summary>
    /// The tender's record: its releases (the platform publishes one per tender, its state now, and keeps no earlier
    /// one as a release) and the compiled release, which merges them: with one release, that release tagged
    /// "compiled" under its own id.
    /// </summary>
    public static JsonObject RecordPackage(string site, string uri, string releasePackageUri, JsonObject release, OpenDataOptions options)
    {
        var compiled = release.DeepClone().AsObject();
        compiled["id"] = $"{release["id"]!.GetValue<string>()}-compiled";
        compiled["tag"] = new JsonArray("compiled");
        return new JsonObject
        {
            ["uri"] = uri,
            ["version"] = "1.1",
            ["publishedDate"] = release["date"]!.DeepClone(),
            ["publisher"] = new JsonObject { ["name"] = options.Publisher },
            ["extensions"] = Extensions(site),
            ["packages"] = new JsonArray(releasePackageUri),
            ["records"] = new JsonArray(new JsonObject
            {
                ["ocid"] = release["ocid"]!.DeepClone(),
                ["releases"] = new JsonArray(release.DeepClone()),
                ["compiledRelease"] = compiled,
            }),
        };
    }

    static JsonArray Extensions(string site) => new([.. OcdsRelease.Extensions.Select(e => (JsonNode)e), OcdsExtensionEndpoints.GroupRolesUrl(site)]);

    // Release dates are UTC in one format, so the newest sorts last as text.
    static string Newest(IReadOnlyList<JsonObject> releases) => releases.Select(r => r["date"]!.GetValue<string>()).Order(StringComparer.Ordinal).Last();
}
