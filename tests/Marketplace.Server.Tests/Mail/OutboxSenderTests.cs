using System.Net.Http.Json;
using Marketplace.Data;
using Marketplace.Data.Outbox;
using Marketplace.Server.Mail;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class OutboxSenderTestsOnSqlite() : OutboxSenderTests(DatabaseProvider.Sqlite);

public sealed class OutboxSenderTestsOnPostgres() : OutboxSenderTests(DatabaseProvider.Postgres);

/// <summary>
/// The outbox's promises with a real SMTP server: nothing is lost when the server stops between sending a message and
/// marking it sent (it goes again, once, after the restart), and two senders on one database never both send one.
/// </summary>
public abstract class OutboxSenderTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_server_stopped_after_sending_and_before_marking_sends_the_message_again_exactly_once_after_restart()
    {
        await using var smtp = new SmtpInbox();
        var database = await TestDatabase.Create(provider);
        var email = $"riavvio-{Guid.NewGuid():N}@example.it";
        var first = new MarketplaceHost(database, settings: smtp.Settings,
            services: s => s.AddSingleton<IMailTransport>(sp => new StallsAfterSending(ActivatorUtilities.CreateInstance<SmtpTransport>(sp))));
        (await first.Browser().PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Giulia Rossi" })).EnsureSuccessStatusCode();
        await smtp.To(email);
        await first.DisposeAsync(); // stops while the sender waits between sending and marking

        var left = await Row(database, email);
        left.SentAt.Should().BeNull();
        left.ClaimedUntil.Should().NotBeNull("the stopped sender's claim stays until it lapses");
        // The restarted server's clock is past the claim: the message is due again.
        var clock = new FakeTimeProvider(left.ClaimedUntil!.Value.AddSeconds(1));
        await using (var second = new MarketplaceHost(database, clock: clock, settings: smtp.Settings))
        {
            second.StartServer();
            await smtp.To(email, 2);
            await Eventually(async () => (await Row(database, email)).SentAt.Should().NotBeNull());
            (await second.Services.GetRequiredService<OutboxSender>().RunOnce(CancellationToken.None)).Should().Be(0);
        }

        var received = smtp.Received.Where(m => m.To.Mailboxes.Single().Address == email).ToList();
        received.Should().HaveCount(2, "sent before the stop and once after the restart, never more");
        received.Select(m => m.MessageId).Distinct().Should().ContainSingle("both copies are the same message to a mail system");
        var sent = await Row(database, email);
        (sent.TextBody + sent.HtmlBody).Should().BeEmpty("the confirmation link it carried does not stay in the database once sent");
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Two_senders_on_one_database_send_each_message_once()
    {
        await using var smtp = new SmtpInbox();
        var database = await TestDatabase.Create(provider);
        await using (var host = new MarketplaceHost(database, settings: new Dictionary<string, string>(smtp.Settings) { ["Mail:Send"] = "false" }))
        {
            host.StartServer();
            var addresses = Enumerable.Range(0, 40).Select(i => $"coppia-{i}-{Guid.NewGuid():N}@example.it").ToList();
            await host.Query(async db =>
            {
                foreach (var to in addresses) db.Enqueue("test.pair", to, "Prova", "Testo", "<p>Testo</p>", DateTimeOffset.UtcNow.AddSeconds(-1));
                return await db.SaveChangesAsync();
            });
            var senders = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<OutboxSender>(host.Services)).ToList();

            var sent = await Task.WhenAll(senders.Select(async sender =>
            {
                var total = 0;
                for (int round; (round = await sender.RunOnce(CancellationToken.None)) > 0;) total += round;
                return total;
            }));

            sent.Sum().Should().Be(addresses.Count);
            smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(addresses, "each message once, by one of the two");
            (await host.Query(db => db.OutboxMessages.CountAsync(m => m.SentAt == null))).Should().Be(0);
        }
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_message_the_relay_refuses_is_tried_again_later_and_kept_with_the_error()
    {
        var database = await TestDatabase.Create(provider);
        var closedPort = ClosedPort();
        // A whole second: PostgreSQL keeps microseconds, so the stored time compares equal to the clock's.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using (var host = new MarketplaceHost(database, clock: clock, settings: new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = closedPort.ToString(), ["Mail:Smtp:Security"] = "None", ["Mail:Send"] = "false",
        }))
        {
            host.StartServer();
            await host.Query(db => { db.Enqueue("test.retry", "ritardo@example.it", "Prova", "Testo", "<p>Testo</p>", clock.GetUtcNow()); return db.SaveChangesAsync(); });
            var sender = host.Services.GetRequiredService<OutboxSender>();

            (await sender.RunOnce(CancellationToken.None)).Should().Be(0);
            var failed = await Row(database, "ritardo@example.it");
            (await sender.RunOnce(CancellationToken.None)).Should().Be(0);

            failed.Attempts.Should().Be(1);
            failed.LastError.Should().NotBeNullOrEmpty();
            failed.NextAttemptAt.Should().Be(clock.GetUtcNow().AddSeconds(30), "the first retry waits 30 s");
            (await Row(database, "ritardo@example.it")).Attempts.Should().Be(1, "not tried again before it is due");
        }
        await database.DisposeAsync();
    }

    /// <summary>The message to <paramref name="to"/> as stored, read straight from the database (no server needs to run).</summary>
    static async Task<OutboxMessage> Row(TestDatabase database, string to)
    {
        await using MarketplaceDbContext db = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteMarketplaceDbContext(new DbContextOptionsBuilder<SqliteMarketplaceDbContext>().UseSqlite(database.ConnectionString).Options)
            : new PostgresMarketplaceDbContext(new DbContextOptionsBuilder<PostgresMarketplaceDbContext>().UseNpgsql(database.ConnectionString).Options);
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to);
    }

    /// <summary>A loopback port nothing listens on.</summary>
    static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task Eventually(Func<Task> check)
    {
        for (var until = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100))
        {
            try { await check(); return; }
            catch (Exception) when (DateTime.UtcNow < until) { }
        }
    }

    /// <summary>Sends for real, then waits for the server to stop before the sender can mark the message sent.</summary>
    sealed class StallsAfterSending(IMailTransport inner) : IMailTransport
    {
        public async Task<IMailDrop> Open(CancellationToken ct) => new Drop(await inner.Open(ct));

        sealed class Drop(IMailDrop inner) : IMailDrop
        {
            public async Task Send(MimeMessage message, CancellationToken ct)
            {
                await inner.Send(message, ct);
                await Task.Delay(Timeout.Infinite, ct);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
