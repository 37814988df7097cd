using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class AccountBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_password_signs_out_the_other_devices_and_keeps_this_one()
    {
        var email = await fixture.NewApiClient().SignUp("titolare");
        var laptop = await fixture.NewPerson();
        var phone = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(laptop, email);
        await BusinessProfileBrowserTests.SignIn(phone, email);

        await OpenAccount(laptop);
        await laptop.GetByTestId("current-password").FillAsync(Password);
        await laptop.GetByTestId("new-password").FillAsync("password-2026-2027");
        await laptop.GetByTestId("change-password").ClickAsync();
        await Expect(laptop.GetByTestId("form-error-password")).ToContainTextAsync("troppo comune");
        await laptop.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "account-common-password.png"), FullPage = true });

        await laptop.GetByTestId("new-password").FillAsync("la nebbia sale dal fiume");
        await laptop.GetByTestId("change-password").ClickAsync();
        await Expect(laptop.GetByTestId("password-changed")).ToBeVisibleAsync();
        await laptop.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "account-password-changed.png"), FullPage = true });

        await phone.GotoAsync("/#/my");
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("login-email")).ToBeVisibleAsync();
        await laptop.ReloadAsync();
        await Expect(laptop.GetByTestId("nav-account")).ToHaveTextAsync(DisplayNameOf("titolare"));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_person_registers_with_a_name_and_is_shown_by_it_in_the_header_and_on_the_team(int width)
    {
        var page = await fixture.NewPerson(width: width);
        var email = $"giulia-{Guid.NewGuid():N}@example.it";
        await page.GotoAsync("/#/register");
        await page.GetByTestId("register-email").FillAsync(email);
        await page.GetByTestId("register-password").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("form-error-displayName")).ToContainTextAsync("Scrivi il nome con cui ti vedranno gli altri.");
        await page.ScreenshotAsync(new() { Path = Shot($"register-name-missing-{width}.png"), FullPage = true });

        await page.GetByTestId("register-name").FillAsync("Giulia Rossi");
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("nav-account")).ToHaveTextAsync("Giulia Rossi");

        await page.GotoAsync("/#/businesses/new");
        await page.GetByTestId("new-business-name").FillAsync("Edilizia Rossi S.r.l.");
        await page.GetByTestId("new-business-submit").ClickAsync();
        await Expect(page.GetByTestId("edit-name")).ToHaveValueAsync("Edilizia Rossi S.r.l.");
        await page.GotoAsync(page.Url.Replace("/edit", ""));
        var me = page.GetByTestId("member-item");
        await Expect(me.GetByTestId("member-name")).ToHaveTextAsync("Giulia Rossi");
        await Expect(me.GetByTestId("member-email")).ToHaveTextAsync(email, new() { IgnoreCase = true });
        await me.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"team-by-name-{width}.png"), FullPage = true });

        await OpenAccount(page);
        await Expect(page.GetByTestId("account-name")).ToHaveValueAsync("Giulia Rossi");
        await page.GetByTestId("account-name").FillAsync("Giulia Rossi Bianchi");
        await page.GetByTestId("save-name").ClickAsync();
        await Expect(page.GetByTestId("name-changed")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-account")).ToHaveTextAsync("Giulia Rossi Bianchi");
        await page.ScreenshotAsync(new() { Path = Shot($"account-name-{width}.png"), FullPage = true });
    }

    /// <summary>The account page, from the header's account list.</summary>
    internal static async Task OpenAccount(IPage page)
    {
        await page.GetByTestId("nav-account").ClickAsync();
        await page.GetByTestId("nav-account-page").ClickAsync();
    }

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task Signing_out_everywhere_ends_the_sessions_of_every_device()
    {
        var email = await fixture.NewApiClient().SignUp("titolare");
        var laptop = await fixture.NewPerson(locale: "en-GB");
        var phone = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(laptop, email);
        await BusinessProfileBrowserTests.SignIn(phone, email);

        await OpenAccount(laptop);
        await laptop.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "account-en.png"), FullPage = true });
        await laptop.GetByTestId("logout-everywhere").ClickAsync();

        await Expect(laptop.GetByTestId("login-email")).ToBeVisibleAsync();
        await phone.GotoAsync("/#/my");
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("login-email")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_keyboard_s_first_stop_skips_the_header_to_the_page_s_content()
    {
        var visitor = await fixture.NewPerson();
        await visitor.GotoAsync("/#/login");
        await Expect(visitor.GetByTestId("login-email")).ToBeVisibleAsync();

        await visitor.Keyboard.PressAsync("Tab");
        await Expect(visitor.GetByTestId("skip-link")).ToBeFocusedAsync();
        await Expect(visitor.GetByTestId("skip-link")).ToHaveTextAsync("Salta al contenuto");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "skip-link.png") });
        await visitor.Keyboard.PressAsync("Enter");

        await Expect(visitor.Locator("main")).ToBeFocusedAsync();
        visitor.Url.Should().EndWith("#/login", "the route stays where it was");
        await visitor.Keyboard.PressAsync("Tab");
        await Expect(visitor.GetByTestId("login-email")).ToBeFocusedAsync();
    }
}
