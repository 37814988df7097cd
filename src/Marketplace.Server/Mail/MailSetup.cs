using Marketplace.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace Marketplace.Server.Mail;

public static class MailSetup
{
    /// <summary>
    /// Account e-mails through the outbox, and the sender that empties it on every node (settings: <c>Mail</c>,
    /// docs/mail.md). Without an SMTP host, messages become .eml files in data/mail beside the SQLite file.
    /// </summary>
    public static IHostApplicationBuilder AddMarketplaceMail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection("Mail");
        var options = section.Get<MailOptions>() ?? new MailOptions();
        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(options.SiteAddress))
            throw new InvalidOperationException("Mail:SiteAddress is not set: e-mails need the address their links point to (docs/mail.md).");
        services.Configure<MailOptions>(section);
        services.AddHttpContextAccessor();
        services.AddScoped<SiteLinks>();
        services.AddScoped<AccountMails>();
        services.AddScoped<InvitationMails>();
        services.Configure<Notifications.NotificationOptions>(builder.Configuration.GetSection("Notifications"));
        services.AddSingleton<Notifications.UnsubscribeLinks>();
        services.AddSingleton<Notifications.NoticeSender>();
        services.AddSingleton<IEmailSender<MarketplaceUser>, RequestAccountMails>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSender>();
        if (string.IsNullOrWhiteSpace(options.Smtp.Host)) services.AddSingleton<IMailTransport>(new FolderTransport(options.Folder ?? DefaultFolder(builder)));
        else services.AddSingleton<IMailTransport, SmtpTransport>();
        if (options.Send) services.AddHostedService<OutboxSendLoop>();
        // Every node looks for due notices; one transaction per person keeps two from e-mailing one notice twice.
        services.AddHostedService<Notifications.NoticeSendLoop>();
        return builder;
    }

    /// <summary>data/mail beside the SQLite file (the embedded default), or under the content root with PostgreSQL.</summary>
    static string DefaultFolder(IHostApplicationBuilder builder)
    {
        var sqlite = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.Sqlite
            ? builder.Configuration.GetConnectionString("Marketplace") : null;
        var database = sqlite is null ? null : new SqliteConnectionStringBuilder(sqlite).DataSource;
        var beside = string.IsNullOrEmpty(database) ? Path.Combine(builder.Environment.ContentRootPath, "data") : Path.GetDirectoryName(Path.GetFullPath(database))!;
        return Path.Combine(beside, "mail");
    }
}
