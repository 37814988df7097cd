using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Marketplace.Server.Tests.OpenData;

/// <summary>
/// The OCDS 1.1.5 release schema with the bids extension merged in (a JSON Merge Patch, RFC 7386, as the standard
/// applies extensions), checked by NJsonSchema (draft-04, the schema's own draft). The files are the product's copies
/// (src/Marketplace.Server/OpenData/Schema, with their provenance).
/// </summary>
internal static class OcdsSchema
{
    static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "OpenData", "Schema");
        var core = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "release-schema.json")))!;
        var bids = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "bid-extension-release-schema.json")))!;
        return JsonSchema.FromJsonAsync(MergePatch(core, bids).ToJsonString()).GetAwaiter().GetResult();
    });

    /// <summary>Each error as "path: kind"; none when the release is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonObject release) =>
        [.. Schema.Value.Validate(release.ToJsonString()).SelectMany(Flat).Select(e => $"{e.Path}: {e.Kind}")];

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
