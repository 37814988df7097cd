using Marketplace.Businesses;
using Marketplace.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Mail;

/// <summary>
/// The e-mail that tells an invited address of its invitation to a business's team, in the inviter's language (the
/// page's), naming the business and who invites. The invited address has an account or not, and the e-mail says to
/// sign in or to register accordingly; only its recipient reads which, never the inviter, whose answer is the same.
/// </summary>
internal sealed class InvitationMails(MarketplaceDbContext db, SiteLinks links, IHttpContextAccessor http)
{
    public const string TeamKind = "business.invitation";

    public async Task<OutgoingMail> ToTeam(string business, Guid inviterId, string email, string normalizedEmail, BusinessRole role, CancellationToken ct)
    {
        var hasAccount = await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, ct);
        var inviter = (await db.Users.AsNoTracking().PeopleOf([inviterId], ct)).NameOf(inviterId);
        // After signing in (or confirming a new account and signing in) the person lands where the invitation waits.
        var link = links.Page(hasAccount ? "login" : "register", ("email", email), ("next", "#/todo"));
        var text = MailTexts.TeamInvitation(MailTexts.Of(http.HttpContext?.Request), inviter, business, role, link, hasAccount);
        return new OutgoingMail(TeamKind, email, text.Subject, text.Text, text.Html);
    }
}
