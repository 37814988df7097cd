using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Marketplace.Server.OpenData.Import;

/// <summary>
/// The official OCDS 1.1.5 schemas an imported package is checked against (OpenData/Schema, embedded, with their
/// provenance), by NJsonSchema (draft-04, the schemas' own draft). A package is read one release at a time, so its own
/// fields are checked against the release package schema with its releases left out, and each release against the
/// release schema the package schema names for them.
/// </summary>
internal static class OcdsSchemas
{
    static readonly Lazy<JsonSchema> Release = new(() => JsonSchema.FromJsonAsync(Embedded("release-schema.json")).GetAwaiter().GetResult());

    static readonly Lazy<JsonSchema> Package = new(() =>
    {
        var package = JsonNode.Parse(Embedded("release-package-schema.json"))!.AsObject();
        // The releases are checked one by one (ReleaseErrors); this schema checks that they are an array.
        package["properties"]!["releases"]!["items"] = new JsonObject();
        return JsonSchema.FromJsonAsync(package.ToJsonString()).GetAwaiter().GetResult();
    });

    /// <summary>Loads both schemas (a second or so), so that the first import does not wait for them.</summary>
    public static void Warm() => _ = (Release.Value, Package.Value);

    /// <summary>The release's errors, each by its JSON path under <paramref name="at"/> and the kind of error.</summary>
    public static IEnumerable<(string Path, string Kind)> ReleaseErrors(string json, string at) => Errors(Release.Value, json, at);

    public static IEnumerable<(string Path, string Kind)> PackageErrors(string json) => Errors(Package.Value, json, "$");

    static IEnumerable<(string Path, string Kind)> Errors(JsonSchema schema, string json, string at) =>
        schema.Validate(json).SelectMany(Flat).Select(e => (Path(at, e.Path), e.Kind.ToString()));

    // NJsonSchema names a field "#/tender.items[0].classification"; the report names it from the package's root.
    static string Path(string at, string? path) =>
        path is null or "#" or "#/" ? at : $"{at}.{path.TrimStart('#', '/')}".Replace(".[", "[", StringComparison.Ordinal);

    // An error inside an array item or a sub-schema carries the errors that caused it: those name the field.
    static IEnumerable<ValidationError> Flat(ValidationError e) =>
        e is ChildSchemaValidationError child ? child.Errors.Values.SelectMany(list => list).SelectMany(Flat).DefaultIfEmpty(e) : [e];

    static string Embedded(string file)
    {
        using var stream = typeof(OcdsSchemas).Assembly.GetManifestResourceStream($"Marketplace.Server.OpenData.{file}")
            ?? throw new InvalidOperationException($"The schema {file} is not embedded in the server.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
