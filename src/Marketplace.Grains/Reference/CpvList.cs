namespace Marketplace.Reference;

public static class CpvList
{
    /// <summary>
    /// Validates a list of CPV codes into their full form, without repeats; each bad code is named by its index
    /// (<c>field[i]</c>) and a too-long list by <paramref name="field"/>.
    /// </summary>
    public static string[] Normalize(string[] raw, string field, int max, Dictionary<string, string[]> errors, string tooMany)
    {
        var codes = new List<string>();
        if (raw.Length > max) errors[field] = [tooMany];
        for (var i = 0; i < raw.Length && i < max; i++)
        {
            if (CpvCatalog.Shared.Find(raw[i] ?? "") is { } entry) { if (!codes.Contains(entry.Code)) codes.Add(entry.Code); }
            else errors[$"{field}[{i}]"] = [$"'{raw[i]}' is not a CPV 2008 code."];
        }
        return [.. codes];
    }
}
