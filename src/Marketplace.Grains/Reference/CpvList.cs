namespace Marketplace.Reference;

public static class CpvList
{
    public static readonly Refusal Unknown = new("cpv.unknown", "'{code}' is not a CPV 2008 code.");

    /// <summary>
    /// Validates a list of CPV codes into their full form, without repeats; each bad code is named by its index
    /// (<c>field[i]</c>) and a too-long list by <paramref name="field"/> (<paramref name="tooMany"/> gets <c>{max}</c>).
    /// </summary>
    public static string[] Normalize(string[] raw, string field, int max, Dictionary<string, FieldProblem[]> errors, Refusal tooMany)
    {
        var codes = new List<string>();
        if (raw.Length > max) errors[field] = [FieldProblem.Of(tooMany, ("max", max))];
        for (var i = 0; i < raw.Length && i < max; i++)
        {
            if (CpvCatalog.Shared.Find(raw[i] ?? "") is { } entry) { if (!codes.Contains(entry.Code)) codes.Add(entry.Code); }
            else errors[$"{field}[{i}]"] = [FieldProblem.Of(Unknown, ("code", raw[i]))];
        }
        return [.. codes];
    }
}
