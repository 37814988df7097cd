using Marketplace.Data.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Server.Notifications;

/// <summary>
/// The one-click unsubscribe tokens of notification e-mails: the person and the kinds (one, or a digest's kinds, which
/// its List-Unsubscribe header turns off together), protected by the site's Data
/// Protection keys (kept in the database, shared by every node), so a token cannot be forged, changed to another
/// person or kinds, or read. It never expires: an old e-mail's link keeps turning its kind off.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection)
{
    readonly IDataProtector protector = protection.CreateProtector("Marketplace.Notifications.Unsubscribe.v1");

    public string Token(Guid userId, params IEnumerable<NotificationKind> kinds) => protector.Protect($"{userId:N}:{string.Join(',', kinds.Distinct())}");

    /// <summary>Whom and which kinds <paramref name="token"/> names, or null when it is not one of ours, or was changed.</summary>
    public (Guid UserId, NotificationKind[] Kinds)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        string plain;
        try { plain = protector.Unprotect(token); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var parts = plain.Split(':');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var user)) return null;
        var kinds = parts[1].Split(',').Select(k => Enum.TryParse<NotificationKind>(k, out var kind) && Enum.IsDefined(kind) ? kind : (NotificationKind?)null).ToList();
        return kinds.Count > 0 && kinds.All(k => k is not null) ? (user, [.. kinds.Select(k => k!.Value)]) : null;
    }
}
