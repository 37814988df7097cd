using System.Globalization;
using System.Text;

namespace Marketplace.Reference;

/// <summary>Accent- and case-insensitive matching, so "citta" finds "Città" and "lavori edili" finds "Lavori edili".</summary>
public static class TextSearch
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    public static string[] Words(string query) =>
        Fold(query).Split([' ', ',', ';', '.', '\'', '-', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
