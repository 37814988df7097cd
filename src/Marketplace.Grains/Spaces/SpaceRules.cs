using Marketplace.Reference;

namespace Marketplace.Spaces;

/// <summary>What valid space settings and policy texts are; errors use the request's camelCase field names.</summary>
public static class SpaceRules
{
    public const int MinName = 3, MaxName = 120, MaxDescription = 4000, MaxTerritory = 500, MaxPolicy = 20_000,
        MaxMessage = 2000, MaxReason = 1000;

    static readonly HashSet<string> Provinces = [.. ComuneCatalog.Shared.All.Select(c => c.ProvinceSigla)];

    public static Outcome<SpaceSettings> Normalize(SpaceSettings raw)
    {
        var errors = new Dictionary<string, string[]>();
        var name = raw.Name?.Trim();
        if (name is null || name.Length < MinName || name.Length > MaxName)
            errors["name"] = [$"The name is required and must be {MinName} to {MaxName} characters long."];
        var description = raw.Description.Clean();
        if (description?.Length > MaxDescription) errors["description"] = [$"At most {MaxDescription} characters."];
        if (!Enum.IsDefined(raw.Visibility)) errors["visibility"] = ["Visibility must be Public or MembersOnly."];

        var comuni = Codes(raw.TerritoryComuni, "territoryComuni", c => ComuneCatalog.Shared.Find(c)?.Code, "is not an ISTAT comune code", errors);
        var provinces = Codes(raw.TerritoryProvinces, "territoryProvinces",
            p => Provinces.Contains(p.Trim().ToUpperInvariant()) ? p.Trim().ToUpperInvariant() : null, "is not an Italian province sigla", errors);

        return errors.Count > 0
            ? Problem.Invalid(errors)
            : new SpaceSettings(name!, description, comuni, provinces, raw.Visibility);
    }

    public static Problem? CheckPolicy(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxPolicy
            ? Problem.Invalid(field, $"The policy text is required and at most {MaxPolicy} characters long.")
            : null;

    /// <summary>Rejections, suspensions and removals must say why: the firm sees the reason.</summary>
    public static Problem? CheckReason(string? reason, bool required) =>
        required && string.IsNullOrWhiteSpace(reason) ? Problem.Invalid("reason", "Give a reason; the firm will see it.")
        : reason?.Length > MaxReason ? Problem.Invalid("reason", $"At most {MaxReason} characters.")
        : null;

    static string[] Codes(string[]? raw, string field, Func<string, string?> find, string what, Dictionary<string, string[]> errors)
    {
        var found = new List<string>();
        raw ??= [];
        if (raw.Length > MaxTerritory) errors[field] = [$"At most {MaxTerritory} entries."];
        for (var i = 0; i < raw.Length && i < MaxTerritory; i++)
        {
            if (find(raw[i] ?? "") is { } code) { if (!found.Contains(code)) found.Add(code); }
            else errors[$"{field}[{i}]"] = [$"'{raw[i]}' {what}."];
        }
        return [.. found];
    }
}
