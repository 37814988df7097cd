using Marketplace.Data;
using Marketplace.Data.Outbox;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Server.Mail;

/// <summary>
/// Sends what the outbox holds (<see cref="OutboxRows"/> says how a message is claimed so that two nodes never send it
/// at once). One round claims each due message, sends it and marks it sent; a failure gives it back to be tried later,
/// later each time, until <see cref="MailOptions.MaxAttempts"/>. A round stopped by shutdown leaves its claim to lapse.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, IMailTransport transport, IOptions<MailOptions> options, MarketplaceClock clock, ILogger<OutboxSender> log)
{
    const int Batch = 50;

    /// <summary>Sends the messages due now; the answer is how many were sent.</summary>
    public async Task<int> RunOnce(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var due = await db.Due(clock.GetUtcNow(), Batch, ct);
        if (due.Count == 0) return 0;

        var sent = 0;
        IMailDrop? drop = null;
        try
        {
            foreach (var id in due)
            {
                var now = clock.GetUtcNow();
                if (await db.Claim(id, now, now + options.Value.ClaimFor, ct) is not { } message) continue; // another sender has it
                try
                {
                    drop ??= await transport.Open(ct);
                    await drop.Send(Mime(message), ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var retryAt = options.Value.RetryAt(message.Attempts, clock.GetUtcNow());
                    log.LogWarning(e, "Outbox message {Id} ({Kind}) not sent on attempt {Attempt}; {Next}", message.Id, message.Kind, message.Attempts,
                        retryAt is null ? "giving up" : $"next attempt at {retryAt:O}");
                    await db.Failed(message, e.Message, clock.GetUtcNow(), retryAt, CancellationToken.None);
                    // The connection may be what failed: the next message opens a new one.
                    if (drop is not null) await drop.DisposeAsync();
                    drop = null;
                    continue;
                }
                // Sent: marked even if shutdown began meanwhile, so a restart does not send it again.
                if (await db.MarkSent(message, clock.GetUtcNow(), CancellationToken.None)) sent++;
                else log.LogWarning("Outbox message {Id} was sent after its claim lapsed; another sender may send it too", message.Id);
            }
        }
        finally
        {
            if (drop is not null) await drop.DisposeAsync();
        }
        return sent;
    }

    MimeMessage Mime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            // The same for every attempt, so a mail system can tell a message sent again after a crash is the same one.
            MessageId = $"{message.Id:N}@marketplace",
            Subject = message.Subject,
            Date = message.CreatedAt,
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.Unsubscribe is { } oneClick)
        {
            // RFC 2369 and RFC 8058: mail programs offer "unsubscribe" and POST to it themselves, without opening a page.
            mime.Headers.Add("List-Unsubscribe", $"<{oneClick}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }
}

/// <summary>Wakes this node's sender when a request has just written a message, so it goes out at once rather than at the next poll.</summary>
public sealed class OutboxSignal
{
    readonly SemaphoreSlim wake = new(0, 1);

    public void Written()
    {
        // At most one wake-up waits: many messages written before the sender runs need one round.
        if (wake.CurrentCount == 0) try { wake.Release(); } catch (SemaphoreFullException) { }
    }

    internal Task<bool> Wait(TimeSpan timeout, CancellationToken ct) => wake.WaitAsync(timeout, ct);
}

/// <summary>Runs the sender on every node: at start (what was left when the last one stopped), when woken and at each poll.</summary>
internal sealed class OutboxSendLoop(OutboxSender sender, OutboxSignal signal, IOptions<MailOptions> options, ILogger<OutboxSendLoop> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A round that sent something may have left more than a batch: go round again at once.
                while (await sender.RunOnce(stoppingToken) > 0) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // a message being sent keeps its claim, which lapses for the next node or start
            }
            catch (Exception e)
            {
                log.LogWarning(e, "The outbox sender's round failed; it tries again at the next poll");
            }
            try { await signal.Wait(options.Value.PollEvery, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
