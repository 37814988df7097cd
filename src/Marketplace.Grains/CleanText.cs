namespace Marketplace;

public static class CleanText
{
    /// <summary>What the rules store of free text a person typed: trimmed, and absent when blank.</summary>
    public static string? Clean(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
