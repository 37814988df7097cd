using Marketplace.Reference;

namespace Marketplace.Spaces;

/// <summary>What valid space settings and policy texts are; errors use the request's camelCase field names.</summary>
public static class SpaceRules
{
    public const int MinName = 3, MaxName = 120, MaxDescription = 4000, MaxTerritory = 500, MaxPolicy = 20_000,
        MaxMessage = 2000, MaxReason = 1000, MaxMinimumTenderingDays = 180;

    /// <summary>
    /// What a new space asks of the tenders published in it when its admins say nothing: ten days from publication to
    /// the submission deadline, enough for small firms to read, team up and price a bid (a space may ask more, or none).
    /// </summary>
    public const int DefaultMinimumTenderingDays = 10;

    static readonly Refusal
        NameLength = new("space.nameLength", "The name is required and must be {min} to {max} characters long."),
        DescriptionLength = new("space.descriptionLength", "At most {max} characters."),
        UnknownVisibility = new("space.visibility", "Visibility must be Public or MembersOnly."),
        MinimumTendering = new("space.minimumTendering", "The minimum tendering period is 0 to {max} days."),
        UnknownProvince = new("space.provinceUnknown", "'{code}' is not an Italian province sigla."),
        TerritoryCount = new("space.territoryCount", "At most {max} entries."),
        PolicyText = new("space.policyText", "The policy text is required and at most {max} characters long."),
        ReasonMissing = new("space.reasonMissing", "Give a reason; the firm will see it."),
        ReasonLength = new("space.reasonLength", "At most {max} characters.");

    static readonly HashSet<string> Provinces = [.. ComuneCatalog.Shared.All.Select(c => c.ProvinceSigla)];

    public static Outcome<SpaceSettings> Normalize(SpaceSettings raw)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        var name = raw.Name?.Trim();
        if (name is null || name.Length < MinName || name.Length > MaxName)
            errors["name"] = [FieldProblem.Of(NameLength, ("min", MinName), ("max", MaxName))];
        var description = raw.Description.Clean();
        if (description?.Length > MaxDescription) errors["description"] = [FieldProblem.Of(DescriptionLength, ("max", MaxDescription))];
        if (!Enum.IsDefined(raw.Visibility)) errors["visibility"] = [FieldProblem.Of(UnknownVisibility)];
        if (raw.MinimumTenderingDays is < 0 or > MaxMinimumTenderingDays)
            errors["minimumTenderingDays"] = [FieldProblem.Of(MinimumTendering, ("max", MaxMinimumTenderingDays))];

        var comuni = Codes(raw.TerritoryComuni, "territoryComuni", c => ComuneCatalog.Shared.Find(c)?.Code, ComuneCatalog.Unknown, errors);
        var provinces = Codes(raw.TerritoryProvinces, "territoryProvinces",
            p => Provinces.Contains(p.Trim().ToUpperInvariant()) ? p.Trim().ToUpperInvariant() : null, UnknownProvince, errors);

        return errors.Count > 0
            ? Problem.Invalid(errors)
            : new SpaceSettings(name!, description, comuni, provinces, raw.Visibility, raw.MinimumTenderingDays, raw.PostsNeedApproval);
    }

    public static Problem? CheckPolicy(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxPolicy
            ? Problem.Invalid(field, PolicyText, ("max", MaxPolicy))
            : null;

    /// <summary>Rejections, suspensions and removals must say why: the firm sees the reason.</summary>
    public static Problem? CheckReason(string? reason, bool required) =>
        required && string.IsNullOrWhiteSpace(reason) ? Problem.Invalid("reason", ReasonMissing)
        : reason?.Length > MaxReason ? Problem.Invalid("reason", ReasonLength, ("max", MaxReason))
        : null;

    static string[] Codes(string[]? raw, string field, Func<string, string?> find, Refusal unknown, Dictionary<string, FieldProblem[]> errors)
    {
        var found = new List<string>();
        raw ??= [];
        if (raw.Length > MaxTerritory) errors[field] = [FieldProblem.Of(TerritoryCount, ("max", MaxTerritory))];
        for (var i = 0; i < raw.Length && i < MaxTerritory; i++)
        {
            if (find(raw[i] ?? "") is { } code) { if (!found.Contains(code)) found.Add(code); }
            else errors[$"{field}[{i}]"] = [FieldProblem.Of(unknown, ("code", raw[i]))];
        }
        return [.. found];
    }
}
