using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class InvitationMailTestsOnSqlite(SqliteMailHost fixture) : InvitationMailTests<SqliteMailHost>(fixture);

public sealed class InvitationMailTestsOnPostgres(PostgresMailHost fixture) : InvitationMailTests<PostgresMailHost>(fixture);

/// <summary>
/// Inviting a colleague by e-mail before they have an account: the invited address gets an e-mail in the inviter's
/// language naming the business and who invites, with a link that registers it (or, with an account, signs in); the
/// inviter's answer is the same either way, and an invitation that is refused writes no e-mail.
/// </summary>
public abstract class InvitationMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : MailHost
{
    readonly MarketplaceHost host = fixture.Host;
    readonly SmtpInbox inbox = fixture.Inbox;

    static string NewEmail(string who = "invitata") => $"{who}-{Guid.NewGuid():N}@example.it";

    HttpClient Browser(string language) => fixture.Browser(language);

    /// <summary>Registers <paramref name="email"/>, opens its confirmation e-mail's link and signs in (confirmation is required here).</summary>
    async Task<HttpClient> Confirmed(string email, string name, string language = "it")
    {
        var client = Browser(language);
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = name })).EnsureSuccessStatusCode();
        var link = MailLink.In(await ConfirmationTo(email));
        (await client.GetAsync($"/api/auth/confirmEmail?{string.Join("&", link.Query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"))}")).EnsureSuccessStatusCode();
        await client.SignIn(email);
        return client;
    }

    /// <summary>The confirmation e-mail to <paramref name="email"/>, among its others (an invitation), once it arrives.</summary>
    async Task<MimeMessage> ConfirmationTo(string email)
    {
        for (var count = 1; ; count++)
            if ((await inbox.To(email, count)).FirstOrDefault(m => MailLinkOrNull(m, "account/confirm") is not null) is { } found) return found;
    }

    static string? MailLinkOrNull(MimeMessage message, string route) =>
        (message.TextBody ?? "").Split('\n').FirstOrDefault(l => l.Contains($"/#/{route}", StringComparison.Ordinal));

    static Task<HttpResponseMessage> Invite(HttpClient client, Guid business, string email, BusinessRole role = BusinessRole.Manager) =>
        client.PostAsJsonAsync($"/api/businesses/{business}/invitations", new InviteMemberRequest(email, role), Json);

    Task<int> Outboxed(string to) => host.Query(db => db.OutboxMessages.CountAsync(m => m.To == to));

    [Theory]
    [InlineData("it-IT,it;q=0.9", "Giulia Rossi ti invita in Impianti Verdi S.r.l. su Marketplace", "come Gestore")]
    [InlineData("en-GB,en;q=0.9", "Giulia Rossi invites you to Impianti Verdi S.r.l. on Marketplace", "as a Manager")]
    public async Task An_address_without_an_account_is_told_in_the_inviter_s_language_registers_through_the_link_and_finds_the_invitation_to_do(
        string language, string subject, string role)
    {
        var owner = await Confirmed(NewEmail("titolare"), "Giulia Rossi", language);
        var business = await owner.CreateBusiness("Impianti Verdi S.r.l.");
        var invited = NewEmail();

        (await Invite(owner, business.Id, invited)).StatusCode.Should().Be(HttpStatusCode.Created);

        var message = (await inbox.To(invited)).Single();
        message.Subject.Should().Be(subject);
        message.TextBody.Should().Contain("Giulia Rossi").And.Contain("Impianti Verdi S.r.l.").And.Contain(role);
        message.HtmlBody.Should().Contain("Impianti Verdi S.r.l.");
        var link = MailLink.In(message, "register");
        link.Site.Should().Be(host.Server.BaseAddress);
        link.Page.Should().Be("register");
        link.Query.Should().BeEquivalentTo(new Dictionary<string, string> { ["email"] = invited, ["next"] = "#/todo" });

        var person = await Confirmed(link.Query["email"], "Marco Bianchi", language);
        var todo = await person.GetFromJsonAsync<ToDoItemDto[]>("/api/me/todo", Json);
        var item = todo!.Should().ContainSingle().Which;
        item.Should().BeEquivalentTo(new { Kind = ToDoKind.BusinessInvitation, Business = new NamedDto(business.Id, "Impianti Verdi S.r.l."), Role = BusinessRole.Manager });
        (await person.PostAsync($"/api/businesses/{business.Id}/invitations/{item.InvitationId}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await person.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json)).Should().ContainSingle().Which.Id.Should().Be(business.Id);
    }

    [Fact]
    public async Task An_address_with_an_account_gets_a_notice_with_a_sign_in_link_and_the_inviter_s_answer_does_not_tell_which()
    {
        var owner = await Confirmed(NewEmail("titolare"), "Giulia Rossi");
        var business = await owner.CreateBusiness("Impianti Verdi S.r.l.");
        var registered = NewEmail("registrata");
        await Confirmed(registered, "Anna Neri");
        var unregistered = NewEmail();

        var toAccount = await Invite(owner, business.Id, registered, BusinessRole.Viewer);
        var toNobody = await Invite(owner, business.Id, unregistered, BusinessRole.Viewer);

        toAccount.StatusCode.Should().Be(HttpStatusCode.Created);
        toNobody.StatusCode.Should().Be(HttpStatusCode.Created);
        var (a, b) = (await toAccount.Read<BusinessInvitationDto>(), await toNobody.Read<BusinessInvitationDto>());
        a.Should().BeEquivalentTo(b, o => o.Excluding(i => i.Id).Excluding(i => i.Email).Excluding(i => i.InvitedAt),
            "the inviter learns nothing of whether an address has an account");
        var notice = (await inbox.To(registered, 2)).Single(m => MailLinkOrNull(m, "account/confirm") is null);
        var invitation = (await inbox.To(unregistered)).Single();
        notice.Subject.Should().Be(invitation.Subject);
        MailLink.In(notice, "login").Query.Should().BeEquivalentTo(new Dictionary<string, string> { ["email"] = registered, ["next"] = "#/todo" });
        MailLink.In(invitation, "register").Page.Should().Be("register");
    }

    [Fact]
    public async Task A_refused_invitation_writes_no_e_mail_and_a_person_invited_elsewhere_cannot_accept_it()
    {
        var owner = await Confirmed(NewEmail("titolare"), "Giulia Rossi");
        var business = await owner.CreateBusiness("Impianti Verdi S.r.l.");
        var otherOwner = await Confirmed(NewEmail("altra"), "Paola Gialli");
        var other = await otherOwner.CreateBusiness("Altra Impresa S.r.l.");
        var (byStranger, asOwner, twice) = (NewEmail(), NewEmail(), NewEmail());

        (await Invite(otherOwner, business.Id, byStranger)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Invite(owner, business.Id, asOwner, BusinessRole.Owner)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var first = await (await Invite(owner, business.Id, twice)).Read<BusinessInvitationDto>();
        (await Invite(owner, business.Id, twice)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        (await Outboxed(byStranger)).Should().Be(0, "a non-member cannot invite, so nothing is sent");
        (await Outboxed(asOwner)).Should().Be(0);
        (await Outboxed(twice)).Should().Be(1, "the second invitation, refused as too soon, wrote no second e-mail");

        // Someone invited by another firm, signed in with their own address, cannot take this firm's invitation.
        var invitedElsewhere = NewEmail("altrove");
        (await Invite(otherOwner, other.Id, invitedElsewhere)).EnsureSuccessStatusCode();
        var elsewhere = await Confirmed(invitedElsewhere, "Luca Blu");
        var taken = await elsewhere.PostAsync($"/api/businesses/{business.Id}/invitations/{first.Id}/accept", null);
        (await taken.Refusal()).Code.Should().Be("business.noInvitationForYou");
        (await elsewhere.GetFromJsonAsync<MyBusinessDto[]>("/api/me/businesses", Json)).Should().BeEmpty();
    }
}
