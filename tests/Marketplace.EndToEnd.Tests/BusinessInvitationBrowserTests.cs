using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>A person joins a business by accepting an invitation made to their e-mail address.</summary>
public sealed class BusinessInvitationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_owner_invites_an_address_and_the_person_accepts_on_their_page()
    {
        var api = fixture.NewApiClient();
        var ownerEmail = await api.SignUp("titolare");
        var business = await api.CreateBusiness("Edilizia Rossi S.r.l.");
        var personEmail = await fixture.NewApiClient().SignUp("geometra");

        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, ownerEmail);
        await owner.GotoAsync($"/#/businesses/{business.Id}");
        await owner.GetByTestId("invite-email").FillAsync(personEmail);
        await owner.GetByTestId("invite-role").SelectOptionAsync("Manager");
        await owner.GetByTestId("invite-submit").ClickAsync();
        await Expect(owner.GetByTestId("pending-invitation")).ToContainTextAsync(personEmail);
        await Expect(owner.GetByTestId("member-item")).ToHaveCountAsync(1);
        await owner.ScreenshotAsync(new() { Path = Shot("business-invitations.png"), FullPage = true });

        var person = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(person, personEmail);
        await person.GotoAsync("/#/my");
        await Expect(person.GetByTestId("my-invitation")).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await Expect(person.GetByTestId("my-business")).ToHaveCountAsync(0);
        await person.ScreenshotAsync(new() { Path = Shot("my-invitations.png"), FullPage = true });
        await person.GetByTestId("accept-invitation").ClickAsync();

        await Expect(person.GetByTestId("invitation-status")).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await Expect(person.GetByTestId("my-business")).ToContainTextAsync("Gestore");
        await Expect(person.GetByTestId("my-invitation")).ToHaveCountAsync(0);
        await person.ScreenshotAsync(new() { Path = Shot("my-invitation-accepted.png"), FullPage = true });
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_says_to_sign_in_with_its_password()
    {
        var email = await fixture.NewApiClient().SignUp("esistente");
        var page = await fixture.NewPerson("en-GB");
        await page.GotoAsync("/#/register");
        await page.GetByTestId("register-email").FillAsync(email);
        await page.GetByTestId("register-password").FillAsync("another-pass-2026");
        await page.GetByTestId("register-submit").ClickAsync();

        await Expect(page.GetByTestId("form-error-general")).ToHaveTextAsync(
            "This password does not sign you in. If this e-mail address already has an account, sign in with its password.");
        await Expect(page.GetByTestId("logout")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("register-existing-address.png"), FullPage = true });
    }
}
