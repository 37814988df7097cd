using System.Net;
using System.Text;
using Marketplace.Data;
using Marketplace.Data.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Marketplace.Server.Mail;

/// <summary>
/// Identity's e-mail sender, writing into the outbox instead of sending: the confirmation of a new account or a new
/// address and the password recovery link, in the language of the request that asks for them, with links that open
/// the web client's pages (which then call Identity's endpoints with the same user id and code). The message is stored
/// by this request's database context, so inside a transaction (a registration) it is stored with the change or not at all.
/// </summary>
internal sealed class AccountMails(
    MarketplaceDbContext db,
    UserManager<MarketplaceUser> users,
    IHttpContextAccessor http,
    SiteLinks links,
    IOptions<DataProtectionTokenProviderOptions> tokens,
    MarketplaceClock clock,
    OutboxSignal signal) : IEmailSender<MarketplaceUser>
{
    /// <summary>The confirmation of a new account, written in the registration's transaction.</summary>
    public async Task ConfirmNewAccount(MarketplaceUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await Write("account.confirm", user.Email!, MailTexts.ConfirmAccount(Language, user.Name, Link("confirm", ("userId", user.Id.ToString()), ("code", Code(token))), Lasts));
    }

    /// <summary>Identity's link to its confirmEmail endpoint (HTML-encoded), carried over to the web client's page.</summary>
    public Task SendConfirmationLinkAsync(MarketplaceUser user, string email, string confirmationLink)
    {
        var query = QueryHelpers.ParseQuery(new Uri(WebUtility.HtmlDecode(confirmationLink)).Query);
        var changed = query.TryGetValue("changedEmail", out var to) ? to.ToString() : null;
        var link = Link("confirm", [("userId", query["userId"].ToString()), ("code", query["code"].ToString()), .. changed is null ? [] : new[] { ("changedEmail", changed) }]);
        return changed is null
            ? Write("account.confirm", email, MailTexts.ConfirmAccount(Language, user.Name, link, Lasts))
            : Write("account.changeEmail", email, MailTexts.ConfirmNewAddress(Language, user.Name, link, Lasts));
    }

    /// <summary>Identity's password recovery (only ever asked for a confirmed address; the answer is the same either way).</summary>
    public Task SendPasswordResetCodeAsync(MarketplaceUser user, string email, string resetCode) =>
        Write("account.resetPassword", email, MailTexts.ResetPassword(Language, user.Name, Link("reset", ("email", email), ("code", resetCode)), Lasts));

    public Task SendPasswordResetLinkAsync(MarketplaceUser user, string email, string resetLink) =>
        Write("account.resetPassword", email, MailTexts.ResetPassword(Language, user.Name, resetLink, Lasts));

    MailLanguage Language => MailTexts.Of(http.HttpContext?.Request);

    TimeSpan Lasts => tokens.Value.TokenLifespan;

    /// <summary>A token as Identity's endpoints read it back: base64url of its UTF-8 bytes.</summary>
    static string Code(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>A page of the web client's account pages (<c>#/account/{page}?…</c>).</summary>
    string Link(string page, params (string Name, string Value)[] query) => links.Page($"account/{page}", query);

    async Task Write(string kind, string to, MailText text)
    {
        db.Enqueue(kind, to, text.Subject, text.Text, text.Html, clock.GetUtcNow());
        await db.SaveChangesAsync();
        // Inside a transaction the row is not visible yet: whoever commits it wakes the sender.
        if (db.Database.CurrentTransaction is null) signal.Written();
    }
}
