using MailKit.Security;

namespace Marketplace.Server.Mail;

/// <summary>
/// The <c>Mail</c> settings (docs/mail.md). With no <c>Mail:Smtp:Host</c>, messages are written as <c>.eml</c> files
/// into <see cref="Folder"/>, so the embedded default needs no mail server.
/// </summary>
public sealed class MailOptions
{
    /// <summary>The sender every message shows.</summary>
    public string From { get; set; } = "Marketplace <noreply@marketplace.invalid>";

    /// <summary>
    /// The address links in e-mails point to ("https://marketplace.example"). Required in Production: without it a link
    /// would take the address of the request that caused it, which a forged Host header chooses.
    /// </summary>
    public string? SiteAddress { get; set; }

    /// <summary>Where messages are dropped as .eml files when no SMTP host is set; by default data/mail beside the SQLite file.</summary>
    public string? Folder { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>False on a node that must not send (the others of its cluster do); messages still go into the outbox.</summary>
    public bool Send { get; set; } = true;

    /// <summary>How often the sender looks for messages written by other nodes; this node's own wake it at once.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a sender holds a message it is sending: longer than a send can take, as another sender takes it after.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many failed attempts the sender gives up on a message (it stays in the outbox, with the last error).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles with each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>When to try a message again after its <paramref name="attempts"/>-th failed attempt, or null to give up.</summary>
    public DateTimeOffset? RetryAt(int attempts, DateTimeOffset now) =>
        attempts >= MaxAttempts ? null
        : now + TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));
}

/// <summary>An SMTP relay: MailKit's <see cref="SecureSocketOptions"/> by name for <see cref="Security"/>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>How long one command to the server may take; the claim (<see cref="MailOptions.ClaimFor"/>) outlasts it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
