using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Marketplace.Testing;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package), keeping every message it receives, for tests
/// that check what the platform sent. <see cref="Settings"/> point a host's mail at it.
/// </summary>
public sealed class SmtpInbox : IAsyncDisposable
{
    readonly List<MimeMessage> received = [];
    readonly SmtpServer.SmtpServer server;
    readonly CancellationTokenSource stop = new();
    readonly Task running;

    public int Port { get; } = MarketplaceHost.FreePort();

    public SmtpInbox()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    /// <summary>Configuration for a host that sends to this server, in plain SMTP (no TLS, no login).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(),
        ["Mail:Smtp:Security"] = "None",
    };

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Received
    {
        get { lock (received) return [.. received]; }
    }

    /// <summary>The messages to <paramref name="address"/>, once there are at least <paramref name="count"/> (fails after 30 s).</summary>
    public async Task<IReadOnlyList<MimeMessage>> To(string address, int count = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{found.Count} of {count} messages to {address} arrived in 30 s.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        server.Shutdown();
        try { await running; } catch (OperationCanceledException) { }
        stop.Dispose();
    }

    sealed class Store(SmtpInbox inbox) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (inbox.received) inbox.received.Add(message);
            return SmtpResponse.Ok;
        }
    }
}
