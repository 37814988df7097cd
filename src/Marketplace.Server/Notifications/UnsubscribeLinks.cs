using Marketplace.Data.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Server.Notifications;

/// <summary>
/// The one-click unsubscribe tokens of notification e-mails: the person and the kind, protected by the site's Data
/// Protection keys (kept in the database, shared by every node), so a token cannot be forged, changed to another
/// person or kind, or read. It never expires: an old e-mail's link keeps turning its kind off.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection)
{
    readonly IDataProtector protector = protection.CreateProtector("Marketplace.Notifications.Unsubscribe.v1");

    public string Token(Guid userId, NotificationKind kind) => protector.Protect($"{userId:N}:{kind}");

    /// <summary>Whom and which kind <paramref name="token"/> names, or null when it is not one of ours, or was changed.</summary>
    public (Guid UserId, NotificationKind Kind)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        string plain;
        try { plain = protector.Unprotect(token); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var parts = plain.Split(':');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var user) && Enum.TryParse<NotificationKind>(parts[1], out var kind)
            ? (user, kind) : null;
    }
}
