using System.Text.Json.Nodes;

namespace Marketplace.Server.Tests.OpenData;

/// <summary>The invented release package the import tests share (OpenData/Data): three processes, the school's in two releases (the second adds a lot and moves the deadline).</summary>
internal static class TestPackages
{
    public static JsonObject Package() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenData", "Data", "opportunities-package.json")))!.AsObject();

    /// <summary>The package with only the releases <paramref name="keep"/> accepts.</summary>
    public static JsonObject Only(Func<JsonNode, bool> keep)
    {
        var package = Package();
        package["releases"] = new JsonArray([.. package["releases"]!.AsArray().Where(r => keep(r!)).Select(r => r!.DeepClone())]);
        return package;
    }
}
