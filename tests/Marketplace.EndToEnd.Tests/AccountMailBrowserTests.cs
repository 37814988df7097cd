using System.Net.Http.Json;
using MimeKit;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The account e-mails as a person meets them, read from the .eml files the embedded server writes: registering,
/// confirming through the e-mail's link, then signing in; and recovering a forgotten password through its link.
/// </summary>
public sealed class AccountMailBrowserTests(ConfirmingBrowserFixture fixture) : IClassFixture<ConfirmingBrowserFixture>
{
    [Theory]
    [InlineData("it-IT", "Conferma il tuo indirizzo e-mail su Marketplace", "Indirizzo confermato")]
    [InlineData("en-GB", "Confirm your e-mail address for Marketplace", "Address confirmed")]
    public async Task A_new_account_signs_in_after_opening_the_link_the_confirmation_e_mail_brings(string locale, string subject, string confirmed)
    {
        var page = await fixture.NewPerson(locale, width: 390);
        var email = $"conferma-{Guid.NewGuid():N}@example.it";
        await page.GotoAsync("/#/register");
        await page.GetByTestId("register-name").FillAsync("Giulia Rossi");
        await page.GetByTestId("register-email").FillAsync(email);
        await page.GetByTestId("register-password").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("auth-unconfirmed")).ToContainTextAsync(email);
        await page.ScreenshotAsync(new() { Path = Shot($"register-confirm-sent-{locale}-390.png"), FullPage = true });

        var message = await Mail(email, "/#/account/confirm");
        message.Subject.Should().Be(subject);
        await page.GotoAsync(Link(message, "/#/account/confirm"));
        await Expect(page.GetByTestId("confirm-email-done")).ToContainTextAsync(confirmed);
        await page.ScreenshotAsync(new() { Path = Shot($"confirm-email-done-{locale}-390.png"), FullPage = true });

        await page.GetByTestId("account-to-login").ClickAsync();
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("nav-account")).ToHaveTextAsync("Giulia Rossi");
    }

    [Theory]
    [InlineData("it-IT", "Scegli una nuova password per Marketplace")]
    [InlineData("en-GB", "Choose a new password for Marketplace")]
    public async Task A_forgotten_password_is_replaced_through_the_link_the_recovery_e_mail_brings(string locale, string subject)
    {
        var email = $"recupero-{Guid.NewGuid():N}@example.it";
        var api = fixture.NewApiClient();
        (await api.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = "Marco Bianchi" })).EnsureSuccessStatusCode();
        (await api.GetAsync(Link(await Mail(email, "/#/account/confirm"), "/#/account/confirm").Replace("/#/account/confirm", "/api/auth/confirmEmail"))).EnsureSuccessStatusCode();
        var page = await fixture.NewPerson(locale, width: 390);

        await page.GotoAsync("/#/login");
        await page.GetByTestId("login-forgot").ClickAsync();
        await page.GetByTestId("forgot-email").FillAsync(email);
        await page.GetByTestId("forgot-submit").ClickAsync();
        await Expect(page.GetByTestId("forgot-sent")).ToContainTextAsync(email);
        await page.ScreenshotAsync(new() { Path = Shot($"forgot-sent-{locale}-390.png"), FullPage = true });

        var message = await Mail(email, "/#/account/reset");
        message.Subject.Should().Be(subject);
        await page.GotoAsync(Link(message, "/#/account/reset"));
        await Expect(page.GetByTestId("reset-password")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"reset-password-{locale}-390.png"), FullPage = true });
        await page.GetByTestId("reset-password").FillAsync("il fiume scorre verso il mare");
        await page.GetByTestId("reset-submit").ClickAsync();
        await Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"reset-password-done-{locale}-390.png"), FullPage = true });

        await page.GetByTestId("account-to-login").ClickAsync();
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync("il fiume scorre verso il mare");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("nav-account")).ToHaveTextAsync("Marco Bianchi");
    }

    Task<MimeMessage> Mail(string to, string page) => EmlFolder.Mail(fixture.Host.MailFolder, to, page);

    static string Link(MimeMessage message, string page) => EmlFolder.Link(message, page);

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);
}
