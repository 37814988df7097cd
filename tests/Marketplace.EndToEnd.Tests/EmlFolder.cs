using MimeKit;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The e-mails the embedded server wrote as .eml files, read as a person reads them: find one, follow its link.</summary>
public static class EmlFolder
{
    /// <summary>The .eml in <paramref name="folder"/> to <paramref name="to"/> whose link opens <paramref name="page"/> (waits up to 30 s for it).</summary>
    public static async Task<MimeMessage> Mail(string folder, string to, string page)
    {
        for (var until = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100))
        {
            var found = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
                    .FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == to) && (m.TextBody ?? "").Contains(page, StringComparison.Ordinal))
                : null;
            if (found is not null) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException($"No e-mail to {to} with a link to {page} in {folder}.");
        }
    }

    /// <summary>The message's one link to <paramref name="page"/>, on its own line of the text part.</summary>
    public static string Link(MimeMessage message, string page) =>
        (message.TextBody ?? "").Split('\n').Select(l => l.Trim()).Single(l => l.Contains(page, StringComparison.Ordinal));
}
