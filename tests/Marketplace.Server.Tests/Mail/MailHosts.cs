using Marketplace.Data;
using Marketplace.Testing;
using Microsoft.AspNetCore.WebUtilities;
using MimeKit;

namespace Marketplace.Server.Tests.Mail;

/// <summary>
/// A server that sends its e-mails over SMTP to a real SMTP server of the test (<see cref="SmtpInbox"/>) and, as in
/// production, requires an address to be confirmed before it signs in.
/// </summary>
public abstract class MailHost(DatabaseProvider provider) : IAsyncLifetime
{
    public SmtpInbox Inbox { get; } = new();
    public MarketplaceHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new MarketplaceHost(await TestDatabase.Create(provider),
            settings: new Dictionary<string, string>(Inbox.Settings) { ["Accounts:RequireConfirmedEmail"] = "true" });
        Host.StartServer();
    }

    /// <summary>A client of the host whose requests ask for <paramref name="language"/>, as the web client sends its own.</summary>
    public HttpClient Browser(string language)
    {
        var client = Host.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Host.Database.DisposeAsync();
        await Inbox.DisposeAsync();
    }
}

public sealed class SqliteMailHost() : MailHost(DatabaseProvider.Sqlite);

public sealed class PostgresMailHost() : MailHost(DatabaseProvider.Postgres);

/// <summary>A link of an e-mail to the web client, read as the web client reads it: its page and the query after it.</summary>
public sealed record MailLink(Uri Site, string Page, Dictionary<string, string> Query)
{
    /// <summary>The one link to a web client page (<c>#/account/…</c>, or <c>#/{start}…</c>) in the message's text part.</summary>
    public static MailLink In(MimeMessage message, string start = "account/")
    {
        var links = (message.TextBody ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Contains($"/#/{start}", StringComparison.Ordinal)).ToList();
        links.Should().ContainSingle("an e-mail has one link, on a line of its own");
        var (site, route) = (links[0][..links[0].IndexOf("/#/", StringComparison.Ordinal)], links[0][(links[0].IndexOf("#/", StringComparison.Ordinal) + 2)..]);
        var (page, query) = (route.Split('?')[0], route.Split('?', 2)[1]);
        return new(new Uri(site), page, QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => q.Value.ToString()));
    }
}
