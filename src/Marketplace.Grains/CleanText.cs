using System.Globalization;

namespace Marketplace;

/// <summary>
/// What valid text a person typed is. Every text input of the API is checked by <see cref="Flaw"/> before any rule
/// sees it; the rules then store what <see cref="Clean"/> keeps.
/// </summary>
public static class CleanText
{
    /// <summary>
    /// What the rules store of free text a person typed: trimmed, and absent when nothing visible is left
    /// (a name of zero-width spaces is no name).
    /// </summary>
    public static string? Clean(this string? text) => text is null || !text.Any(Visible) ? null : text.Trim();

    /// <summary>
    /// Why a text cannot be taken, or null when it can: a NUL or other control character (a long text may hold line
    /// breaks and tabs), half of a surrogate pair or the replacement character of bytes that were not text, or a
    /// bidirectional override or isolate, which can make a name read backwards on screen. PostgreSQL cannot store NUL.
    /// </summary>
    static readonly Refusal
        Nul = new("input.nulCharacter", "The text contains a NUL character."),
        Unreadable = new("input.unreadableCharacter", "The text contains an incomplete or unreadable Unicode character."),
        OneLine = new("input.oneLine", "This text must be on one line."),
        Control = new("input.controlCharacter", "The text contains a control character."),
        Reversing = new("input.reversingCharacter", "The text contains a character that reverses its direction on screen.");

    public static Refusal? Flaw(string text, bool longText = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return Nul;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            // U+FFFD is what decoders put in place of bytes that were not text: the text was damaged on its way here.
            if (char.IsSurrogate(c) || c == '\uFFFD') return Unreadable;
            if (c is '\n' or '\r' or '\t' or '\u2028' or '\u2029')
            {
                if (!longText) return OneLine;
                continue;
            }
            if (char.IsControl(c)) return Control;
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return Reversing;
        }
        return null;
    }

    // Zero-width spaces and joiners, the byte-order mark, soft hyphens and blank "filler" letters print nothing.
    static bool Visible(char c) => !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not ('\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800')
        && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark);
}
