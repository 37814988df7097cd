using Marketplace.Data;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Server.Mail;

/// <summary>
/// Identity's e-mail sender as its endpoints take it: once, from the root services, when they are mapped. Registered
/// as the scoped <see cref="AccountMails"/> itself, it was one instance with one database context for every request
/// (and Development, which validates scopes, refused to start). This hands each e-mail to the asking request's own
/// <see cref="AccountMails"/>: its database context, so its transaction.
/// </summary>
internal sealed class RequestAccountMails(IHttpContextAccessor http) : IEmailSender<MarketplaceUser>
{
    AccountMails Mails => http.HttpContext?.RequestServices.GetRequiredService<AccountMails>()
        ?? throw new InvalidOperationException("Identity sends account e-mails only while it answers a request.");

    public Task SendConfirmationLinkAsync(MarketplaceUser user, string email, string confirmationLink) =>
        Mails.SendConfirmationLinkAsync(user, email, confirmationLink);

    public Task SendPasswordResetLinkAsync(MarketplaceUser user, string email, string resetLink) =>
        Mails.SendPasswordResetLinkAsync(user, email, resetLink);

    public Task SendPasswordResetCodeAsync(MarketplaceUser user, string email, string resetCode) =>
        Mails.SendPasswordResetCodeAsync(user, email, resetCode);
}
