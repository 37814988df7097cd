using System.Collections.Frozen;
using Marketplace.Data;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Server.Auth;

/// <summary>
/// Refuses a password that is a well-known one, or whose letters are one, maybe repeated, dressed up with digits,
/// spaces and symbols ("password-2026", "Qwerty!!qwerty"): they are the first guesses of any attacker. The list ships in
/// <c>Auth/Data/common-passwords.txt</c> (see the README there).
/// </summary>
internal sealed class CommonPasswords : IPasswordValidator<MarketplaceUser>
{
    public const string Code = "PasswordTooCommon";

    static readonly FrozenSet<string> Known = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<MarketplaceUser> manager, MarketplaceUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "This password is too common: choose one that is not on lists of leaked passwords." })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var whole = password.ToLowerInvariant();
        // The letters alone: digits, spaces and symbols around or between them add little to a guesser's first tries.
        var letters = string.Concat(whole.Where(char.IsLetter));
        return Known.Contains(whole) || (letters.Length >= 4 && (Known.Contains(letters) || IsRepeated(letters)));
    }

    // "passwordpassword", "abcabcabcabc": a listed word, or a short run, said again and again.
    static bool IsRepeated(string letters)
    {
        for (var unit = 1; unit <= letters.Length / 2; unit++)
        {
            if (letters.Length % unit != 0) continue;
            var part = letters[..unit];
            if ((unit <= 3 || Known.Contains(part)) && string.Concat(Enumerable.Repeat(part, letters.Length / unit)) == letters) return true;
        }
        return false;
    }

    static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Marketplace.Server.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith("#!comment:", StringComparison.Ordinal)) words.Add(line.ToLowerInvariant());
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
