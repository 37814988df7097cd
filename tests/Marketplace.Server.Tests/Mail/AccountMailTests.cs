using System.Net;
using System.Net.Http.Json;
using Marketplace.Data.Outbox;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Mail;

public sealed class AccountMailTestsOnSqlite(SqliteMailHost fixture) : AccountMailTests<SqliteMailHost>(fixture);

public sealed class AccountMailTestsOnPostgres(PostgresMailHost fixture) : AccountMailTests<PostgresMailHost>(fixture);

/// <summary>
/// Account e-mails as a person receives them over SMTP: the confirmation of a new account (required before signing in),
/// sent again on request, password recovery and the change of address, in the language of the page that asked.
/// </summary>
public abstract class AccountMailTests<THost>(THost fixture) : IClassFixture<THost> where THost : MailHost
{
    readonly MarketplaceHost host = fixture.Host;
    readonly SmtpInbox inbox = fixture.Inbox;

    static string NewEmail() => $"posta-{Guid.NewGuid():N}@example.it";

    HttpClient Browser(string language) => fixture.Browser(language);

    static Task<HttpResponseMessage> Register(HttpClient client, string email, string name = "Giulia Rossi") =>
        client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = name });

    static Task<HttpResponseMessage> Login(HttpClient client, string email, string password = Password) =>
        client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password });

    static Task<HttpResponseMessage> Confirm(HttpClient client, MailLink link) =>
        client.GetAsync($"/api/auth/confirmEmail?{string.Join("&", link.Query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"))}");

    /// <summary>Registers and confirms through the e-mail's link; the answer is the signed-in client.</summary>
    async Task<HttpClient> Confirmed(string email, string language = "it")
    {
        var client = Browser(language);
        (await Register(client, email)).EnsureSuccessStatusCode();
        (await Confirm(client, MailLink.In((await inbox.To(email)).Single()))).EnsureSuccessStatusCode();
        (await Login(client, email)).EnsureSuccessStatusCode();
        return client;
    }

    [Theory]
    [InlineData("it-IT,it;q=0.9,en;q=0.8", "Conferma il tuo indirizzo e-mail su Marketplace", "Ciao Giulia Rossi,")]
    [InlineData("en-GB,en;q=0.9", "Confirm your e-mail address for Marketplace", "Hello Giulia Rossi,")]
    public async Task Registering_sends_the_confirmation_in_the_language_of_the_page_with_a_link_to_the_web_client(string language, string subject, string greeting)
    {
        var email = NewEmail();

        (await Register(Browser(language), email)).EnsureSuccessStatusCode();

        var message = (await inbox.To(email)).Single();
        message.Subject.Should().Be(subject);
        message.TextBody.Should().StartWith(greeting);
        message.HtmlBody.Should().Contain(greeting);
        var link = MailLink.In(message);
        link.Site.Should().Be(host.Server.BaseAddress, "with no Mail:SiteAddress, links take the address the person used");
        link.Page.Should().Be("account/confirm");
        link.Query.Keys.Should().BeEquivalentTo(["userId", "code"]);
    }

    [Fact]
    public async Task An_unconfirmed_address_does_not_sign_in_and_says_why_only_to_its_own_password_until_the_link_is_opened()
    {
        var email = NewEmail();
        var client = Browser("it");
        (await Register(client, email)).EnsureSuccessStatusCode();

        (await (await Login(client, email)).Refusal()).Code.Should().Be("account.notAllowed");
        (await (await Login(client, email, "not-the-password-at-all")).Refusal()).Code
            .Should().Be("account.signInFailed", "a wrong password learns nothing, not even that the address has an account");

        (await Confirm(client, MailLink.In((await inbox.To(email)).Single()))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Login(client, email)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Asking_for_the_confirmation_again_sends_a_new_link_that_works_and_an_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var email = NewEmail();
        var client = Browser("en");
        (await Register(client, email)).EnsureSuccessStatusCode();
        await inbox.To(email);

        var again = await client.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email });
        var unknown = NewEmail();
        var nobody = await client.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email = unknown });

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        nobody.StatusCode.Should().Be(HttpStatusCode.OK);
        var both = await inbox.To(email, 2);
        both[1].Subject.Should().Be("Confirm your e-mail address for Marketplace");
        (await Confirm(client, MailLink.In(both[1]))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Login(client, email)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Query(db => db.OutboxMessages.CountAsync(m => m.To == unknown))).Should().Be(0);
    }

    [Theory]
    [InlineData("it", "Scegli una nuova password per Marketplace")]
    [InlineData("en", "Choose a new password for Marketplace")]
    public async Task Password_recovery_sends_a_link_that_sets_a_new_password_once(string language, string subject)
    {
        var email = NewEmail();
        var client = await Confirmed(email, language);
        var visitor = Browser(language);

        (await visitor.PostAsJsonAsync("/api/auth/forgotPassword", new { email })).StatusCode.Should().Be(HttpStatusCode.OK);

        var message = (await inbox.To(email, 2))[1];
        message.Subject.Should().Be(subject);
        var link = MailLink.In(message);
        link.Page.Should().Be("account/reset");
        link.Query["email"].Should().Be(email);
        const string newPassword = "un-altro-giorno-di-sole-2026";
        (await visitor.PostAsJsonAsync("/api/auth/resetPassword", new { email, resetCode = link.Query["code"], newPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Login(visitor, email, newPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Login(Browser(language), email)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the old password is gone");
        var again = await visitor.PostAsJsonAsync("/api/auth/resetPassword", new { email, resetCode = link.Query["code"], newPassword = "e-poi-ancora-un-altro-2026" });
        (await again.Refusal()).FieldCodes["token"].Should().Equal("account.invalidToken");
        client.Dispose();
    }

    [Fact]
    public async Task Password_recovery_for_an_address_without_an_account_answers_the_same_and_sends_nothing()
    {
        var unknown = NewEmail();

        var answer = await Browser("it").PostAsJsonAsync("/api/auth/forgotPassword", new { email = unknown });

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Query(db => db.OutboxMessages.CountAsync(m => m.To == unknown))).Should().Be(0);
    }

    [Fact]
    public async Task A_link_is_refused_for_another_account()
    {
        var (mine, theirs) = (NewEmail(), NewEmail());
        await Confirmed(mine);
        var client = Browser("it");
        (await Register(client, theirs)).EnsureSuccessStatusCode();
        var theirLink = MailLink.In((await inbox.To(theirs)).Single());
        (await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email = mine })).EnsureSuccessStatusCode();
        var myReset = MailLink.In((await inbox.To(mine, 2))[1]);

        var myIdTheirCode = await Confirm(client, theirLink with { Query = new(theirLink.Query) { ["userId"] = (await UserId(mine)).ToString() } });
        var myCodeTheirAddress = await client.PostAsJsonAsync("/api/auth/resetPassword", new { email = theirs, resetCode = myReset.Query["code"], newPassword = "la-password-di-un-altro-2026" });

        myIdTheirCode.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await myCodeTheirAddress.Refusal()).Status.Should().Be(HttpStatusCode.BadRequest);
        (await Login(client, theirs)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "their address is still not confirmed");
    }

    [Fact]
    public async Task A_new_address_is_confirmed_by_a_link_sent_to_it_and_signs_in_from_then_on()
    {
        var (old, next) = (NewEmail(), NewEmail());
        var client = await Confirmed(old, "en");

        (await client.PostAsJsonAsync("/api/auth/manage/info", new { newEmail = next })).StatusCode.Should().Be(HttpStatusCode.OK);

        var message = (await inbox.To(next)).Single();
        message.Subject.Should().Be("Confirm your new e-mail address for Marketplace");
        var link = MailLink.In(message);
        link.Query["changedEmail"].Should().Be(next);
        (await Login(Browser("en"), next)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "until confirmed the account keeps its old address");
        (await Confirm(Browser("en"), link)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Login(Browser("en"), next)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Login(Browser("en"), old)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refused_registration_stores_no_account_and_no_e_mail()
    {
        var email = NewEmail();

        var refused = await Browser("it").PostAsJsonAsync("/api/auth/register", new { email, password = "password", displayName = "Giulia Rossi" });

        (await refused.Refusal()).Status.Should().Be(HttpStatusCode.BadRequest);
        (await host.Query(db => db.OutboxMessages.CountAsync(m => m.To == email))).Should().Be(0);
        (await host.Query(db => db.Users.CountAsync(u => u.Email == email))).Should().Be(0);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_the_same_and_sends_it_nothing_more()
    {
        var email = NewEmail();
        await Confirmed(email);

        (await Register(Browser("it"), email, "Qualcun Altro")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await host.Query(db => db.OutboxMessages.CountAsync(m => m.To == email))).Should().Be(1);
    }

    Task<Guid> UserId(string email) => host.Query(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
