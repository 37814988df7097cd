using System.Net.Http.Json;
using Microsoft.Playwright;
using MimeKit;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A colleague invited by e-mail before they have an account, as they meet it: the owner invites their address on the
/// firm's page (sending it again at once is refused), the e-mail's link opens the registration with the address filled in, the person confirms the address,
/// signs in, finds the invitation on their to-do page, accepts it and sees the firm among their businesses.
/// </summary>
public sealed class InvitationMailBrowserTests(ConfirmingBrowserFixture fixture) : IClassFixture<ConfirmingBrowserFixture>
{
    [Theory]
    [InlineData("it-IT", "Giulia Rossi ti invita in Serramenti Lodi S.r.l. su Marketplace", "Gestore")]
    [InlineData("en-GB", "Giulia Rossi invites you to Serramenti Lodi S.r.l. on Marketplace", "Manager")]
    public async Task An_invited_address_registers_through_the_e_mail_s_link_and_joins_the_firm_from_its_to_do_page(string locale, string subject, string role)
    {
        var ownerEmail = $"titolare-{Guid.NewGuid():N}@example.it";
        var api = fixture.NewApiClient();
        (await api.PostAsJsonAsync("/api/auth/register", new { email = ownerEmail, password = Password, displayName = "Giulia Rossi" })).EnsureSuccessStatusCode();
        (await api.GetAsync(Link(await Mail(ownerEmail, "/#/account/confirm"), "/#/account/confirm").Replace("/#/account/confirm", "/api/auth/confirmEmail"))).EnsureSuccessStatusCode();
        await api.SignIn(ownerEmail);
        var business = await api.CreateBusiness("Serramenti Lodi S.r.l.");
        var invited = $"nuova-{Guid.NewGuid():N}@example.it";

        var owner = await fixture.NewPerson(locale);
        await BusinessProfileBrowserTests.SignIn(owner, ownerEmail);
        await owner.GotoAsync($"/#/businesses/{business.Id}");
        await owner.GetByTestId("invite-email").FillAsync(invited);
        await owner.GetByTestId("invite-role").SelectOptionAsync("Manager");
        await owner.GetByTestId("invite-submit").ClickAsync();
        await Expect(owner.GetByTestId("pending-invitation")).ToContainTextAsync(invited);
        // Sending it again at once is refused, saying when it may be sent again; the invitation stays one.
        await owner.GetByTestId("invite-email").FillAsync(invited);
        await owner.GetByTestId("invite-submit").ClickAsync();
        await Expect(owner.GetByTestId("invite-status")).ToContainTextAsync(locale == "it-IT" ? "meno di 10 minuti fa" : "less than 10 minutes ago");
        await Expect(owner.GetByTestId("pending-invitation")).ToHaveCountAsync(1);

        var invitation = await Mail(invited, "/#/register");
        invitation.Subject.Should().Be(subject);
        invitation.TextBody.Should().Contain(role);
        var page = await fixture.NewPerson(locale, width: 390);
        await page.GotoAsync(Link(invitation, "/#/register"));
        await Expect(page.GetByTestId("register-email")).ToHaveValueAsync(invited);
        await page.GetByTestId("register-name").FillAsync("Marco Bianchi");
        await page.ScreenshotAsync(new() { Path = Shot($"invitation-register-{locale}-390.png"), FullPage = true });
        await page.GetByTestId("register-password").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("auth-unconfirmed")).ToContainTextAsync(invited);

        await page.GotoAsync(Link(await Mail(invited, "/#/account/confirm"), "/#/account/confirm"));
        await page.GetByTestId("account-to-login").ClickAsync();
        await page.GetByTestId("login-email").FillAsync(invited);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.GetByTestId("nav-todo").ClickAsync();
        var item = page.GetByTestId("todo-item").And(page.Locator("[data-kind='BusinessInvitation']"));
        await Expect(item).ToContainTextAsync("Serramenti Lodi S.r.l.");
        await page.ScreenshotAsync(new() { Path = Shot($"invitation-todo-{locale}-390.png"), FullPage = true });

        await item.GetByRole(AriaRole.Link).Last.ClickAsync();
        await page.GetByTestId("accept-invitation").ClickAsync();
        await Expect(page.GetByTestId("my-business")).ToContainTextAsync("Serramenti Lodi S.r.l.");
        await Expect(page.GetByTestId("my-business")).ToContainTextAsync(role);
        await page.ScreenshotAsync(new() { Path = Shot($"invitation-accepted-{locale}-390.png"), FullPage = true });
    }

    Task<MimeMessage> Mail(string to, string page) => EmlFolder.Mail(fixture.Host.MailFolder, to, page);

    static string Link(MimeMessage message, string page) => EmlFolder.Link(message, page);

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);
}
