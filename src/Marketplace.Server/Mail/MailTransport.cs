using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Server.Mail;

/// <summary>Where messages go: an SMTP relay, or a folder of .eml files. One drop is opened per round of the sender.</summary>
public interface IMailTransport
{
    Task<IMailDrop> Open(CancellationToken ct);
}

public interface IMailDrop : IAsyncDisposable
{
    Task Send(MimeMessage message, CancellationToken ct);
}

/// <summary>MailKit over SMTP, one connection per round, authenticated when a user is set.</summary>
internal sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<IMailDrop> Open(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            return new Drop(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    sealed class Drop(SmtpClient client) : IMailDrop
    {
        public Task Send(MimeMessage message, CancellationToken ct) => client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try { if (client.IsConnected) await client.DisconnectAsync(quit: true); }
            catch (Exception) { /* the messages are marked already; a failed QUIT changes nothing */ }
            client.Dispose();
        }
    }
}

/// <summary>
/// Writes each message as <c>{id}.eml</c> into a folder (the embedded default, so the demo works offline). A message
/// written twice overwrites itself.
/// </summary>
internal sealed class FolderTransport(string folder) : IMailTransport, IMailDrop
{
    public Task<IMailDrop> Open(CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailDrop>(this);
    }

    public async Task Send(MimeMessage message, CancellationToken ct)
    {
        var name = message.MessageId!.Split('@')[0];
        var temporary = Path.Combine(folder, $"{name}.eml.part");
        await message.WriteToAsync(temporary, ct);
        // A reader of the folder never sees half a message.
        File.Move(temporary, Path.Combine(folder, $"{name}.eml"), overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
