using Microsoft.EntityFrameworkCore;

namespace Marketplace.Data.Outbox;

/// <summary>
/// The outbox's rows as senders use them. A message is sent at most once per claim: a sender claims one row with a
/// single conditional UPDATE (pending, due, and nobody's live claim), which one sender alone can win on either
/// database, sends it, then marks it sent under its own claim. A sender that dies after sending and before marking
/// leaves its claim to lapse; the next sender then sends it once more (at least once, never lost), under the same
/// Message-ID so a mail system can tell it is the same message.
/// </summary>
public static class OutboxRows
{
    /// <summary>Adds a message to the context, to be written by its next SaveChanges with the change that causes it.</summary>
    public static OutboxMessage Enqueue(this MarketplaceDbContext db, string kind, string to, string subject, string text, string html, DateTimeOffset now, string? unsubscribe = null)
    {
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(), Kind = kind, To = to, Subject = subject, TextBody = text, HtmlBody = html,
            CreatedAt = now, NextAttemptAt = now, Unsubscribe = unsubscribe,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    static IQueryable<OutboxMessage> Claimable(this IQueryable<OutboxMessage> rows, DateTimeOffset now) =>
        rows.Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    /// <summary>The ids of up to <paramref name="limit"/> messages due now that nobody holds, oldest first.</summary>
    public static Task<List<Guid>> Due(this MarketplaceDbContext db, DateTimeOffset now, int limit, CancellationToken ct) =>
        db.OutboxMessages.AsNoTracking().Claimable(now).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(limit).ToListAsync(ct);

    /// <summary>Claims the message until <paramref name="until"/> with a new token, or null if another sender has it or it is done.</summary>
    public static async Task<OutboxMessage?> Claim(this MarketplaceDbContext db, Guid id, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var won = await db.OutboxMessages.Where(m => m.Id == id).Claimable(now).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimToken, token)
            .SetProperty(m => m.ClaimedUntil, until)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return won == 1 ? await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct) : null;
    }

    /// <summary>
    /// Marks the claimed message sent; false if the claim had lapsed and another sender took it. Its body goes: an
    /// account e-mail carries a live link (a password reset), which must not outlive its sending in the database.
    /// </summary>
    public static async Task<bool> MarkSent(this MarketplaceDbContext db, OutboxMessage claimed, DateTimeOffset now, CancellationToken ct) =>
        await db.OutboxMessages.Where(m => m.Id == claimed.Id && m.ClaimToken == claimed.ClaimToken).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.TextBody, "")
            .SetProperty(m => m.HtmlBody, "")
            .SetProperty(m => m.Unsubscribe, (string?)null)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), ct) == 1;

    /// <summary>Gives the claimed message back after a failed attempt, to be tried at <paramref name="retryAt"/>, or never again if null.</summary>
    public static Task<int> Failed(this MarketplaceDbContext db, OutboxMessage claimed, string error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken ct)
    {
        var why = error.Length > OutboxMessage.MaxError ? error[..OutboxMessage.MaxError] : error;
        return db.OutboxMessages.Where(m => m.Id == claimed.Id && m.ClaimToken == claimed.ClaimToken).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, why)
            .SetProperty(m => m.NextAttemptAt, retryAt ?? now)
            .SetProperty(m => m.GaveUpAt, retryAt == null ? now : null), ct);
    }
}
