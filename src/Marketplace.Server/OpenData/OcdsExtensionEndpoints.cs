using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Server.OpenData;

/// <summary>
/// The platform's own OCDS extension, group roles (OpenData/Schema/extension-group-roles, docs/open-data.md), served
/// where every package's <c>extensions</c> names it: OCDS tools fetch an extension's <c>extension.json</c> from that
/// address and its schema patch and codelist beside it, and merge the patch into the release schema.
/// </summary>
internal static class OcdsExtensionEndpoints
{
    const string Base = "/api/ocds/extensions/group-roles";

    public static string GroupRolesUrl(string site) => $"{site}{Base}/extension.json";

    public static void MapOcdsExtensionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("OpenData");
        group.MapGet("/extension.json", () => Serve("extension.json", "application/json")).WithName("getOcdsGroupRolesExtension");
        group.MapGet("/release-schema.json", () => Serve("release-schema.json", "application/json")).WithName("getOcdsGroupRolesSchema");
        group.MapGet("/codelists/groupRole.csv", () => Serve("codelists/groupRole.csv", "text/csv")).WithName("getOcdsGroupRolesCodelist");
    }

    // The files are the repository's, embedded as they are (Marketplace.Server.csproj), so what is served is what the tests merge.
    static FileContentHttpResult Serve(string file, string contentType)
    {
        using var stream = typeof(OcdsExtensionEndpoints).Assembly.GetManifestResourceStream($"Marketplace.Server.ocds-group-roles/{file}")
            ?? throw new InvalidOperationException($"The group roles extension's {file} is not embedded in the server.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return TypedResults.File(copy.ToArray(), contentType);
    }
}
