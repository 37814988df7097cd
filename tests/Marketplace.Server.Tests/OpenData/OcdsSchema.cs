using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Marketplace.Server.Tests.OpenData;

/// <summary>
/// The OCDS 1.1.5 release schema with the bids extension and the platform's group roles extension merged in (each a
/// JSON Merge Patch, RFC 7386, as the standard applies extensions), checked by NJsonSchema (draft-04, the schema's own draft). The files are the product's copies
/// (src/Marketplace.Server/OpenData/Schema, with their provenance).
/// </summary>
internal static class OcdsSchema
{
    static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "OpenData", "Schema");

    static JsonNode Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!;

    /// <summary>The release schema with the extensions the packages name and the repository holds: bids, then the platform's own group roles.</summary>
    static readonly Lazy<JsonNode> ReleaseSchema = new(() =>
        MergePatch(MergePatch(Read("release-schema.json"), Read("bid-extension-release-schema.json")), Read(Path.Combine("extension-group-roles", "release-schema.json"))));

    static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(ReleaseSchema.Value.ToJsonString()).GetAwaiter().GetResult());

    /// <summary>
    /// A package schema refers to the release schema by its URL: as a validator does with a local copy, the release
    /// schema (with its extensions) is put under the package's definitions and the references point there.
    /// </summary>
    static JsonSchema Package(string file, Action<JsonObject> trim)
    {
        var package = Read(file).AsObject();
        var release = ReleaseSchema.Value.DeepClone().AsObject();
        var definitions = package["definitions"] as JsonObject ?? [];
        package["definitions"] = definitions;
        foreach (var (name, definition) in release["definitions"]!.AsObject().ToList())
            definitions[name] = definition!.DeepClone();
        foreach (var name in new[] { "definitions", "id", "$schema" }) release.Remove(name);
        definitions["Release"] = release;
        trim(definitions);
        var text = package.ToJsonString().Replace("\"https://standard.open-contracting.org/schema/1__1__5/release-schema.json\"", "\"#/definitions/Release\"", StringComparison.Ordinal);
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }

    /// <summary>The record package schema; the versioned release, which the platform does not publish, is left out.</summary>
    static readonly Lazy<JsonSchema> RecordSchema = new(() =>
        Package("record-package-schema.json", definitions => definitions["Record"]!["properties"]!.AsObject().Remove("versionedRelease")));

    static readonly Lazy<JsonSchema> ReleasePackageSchema = new(() => Package("release-package-schema.json", _ => { }));

    /// <summary>Each error as "path: kind"; none when the release is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonObject release) => Check(Schema.Value, release);

    /// <summary>Each error of a release package, its wrapper and every release in it; none when it is valid.</summary>
    public static IReadOnlyList<string> PackageErrors(JsonObject package) => Check(ReleasePackageSchema.Value, package);

    /// <summary>Each error of a record package (its releases and compiled release checked as releases); none when it is valid.</summary>
    public static IReadOnlyList<string> RecordErrors(JsonObject package) => Check(RecordSchema.Value, package);

    static IReadOnlyList<string> Check(JsonSchema schema, JsonObject document) =>
        [.. schema.Validate(document.ToJsonString()).SelectMany(Flat).Select(e => $"{e.Path}: {e.Kind}")];

    // An error inside an array item or a sub-schema carries the errors that caused it: those name the field.
    static IEnumerable<ValidationError> Flat(ValidationError e) =>
        e is ChildSchemaValidationError child ? child.Errors.Values.SelectMany(list => list).SelectMany(Flat).DefaultIfEmpty(e) : [e];

    static JsonNode MergePatch(JsonNode target, JsonNode patch)
    {
        if (patch is not JsonObject changes) return patch.DeepClone();
        var result = target as JsonObject is { } o ? o.DeepClone().AsObject() : [];
        foreach (var (name, value) in changes)
        {
            if (value is null) result.Remove(name);
            else result[name] = result[name] is { } existing ? MergePatch(existing, value) : value.DeepClone();
        }
        return result;
    }
}
