namespace Marketplace.Data.Outbox;

/// <summary>
/// An e-mail the platform owes someone, written in the same transaction as the change that causes it and sent later by
/// the outbox sender. Pending while <see cref="SentAt"/> and <see cref="GaveUpAt"/> are null; a sender that claims it
/// owns it until <see cref="ClaimedUntil"/>, so nodes sharing the database never send the same one at once.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAddress = 256, MaxSubject = 300, MaxKind = 64, MaxError = 1000, MaxUnsubscribe = 1000;

    public Guid Id { get; set; }

    /// <summary>What the message is for ("account.confirm"), for operators reading the table and the logs.</summary>
    public string Kind { get; set; } = "";

    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";

    /// <summary>
    /// For a notification e-mail, the address that turns its kind off in one click without signing in (RFC 8058): sent
    /// as the message's <c>List-Unsubscribe</c> header with <c>List-Unsubscribe-Post</c>. Null for account e-mails.
    /// </summary>
    public string? Unsubscribe { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not to be tried before this time: the creation time, then later after each failed attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>How many times a sender has claimed it to send it.</summary>
    public int Attempts { get; set; }

    /// <summary>The claim of the sender trying it now (a new value per claim), null when nobody holds it.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>When the current claim lapses: a sender that died holding it is replaced after this time.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the sender stopped trying (too many failed attempts); <see cref="LastError"/> says why.</summary>
    public DateTimeOffset? GaveUpAt { get; set; }

    public string? LastError { get; set; }
}
