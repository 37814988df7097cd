using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The header of a person with the most links (they act for a firm and for a buyer) fits a laptop and a phone in
/// both languages: at 1280 px one row with nothing cut, on a phone the links on one row of their own; who is signed
/// in is a badge whose list, opened and closed from the keyboard, names them in full.
/// </summary>
public sealed class HeaderBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Name = "Giulia Maria Rossi Bianchi";

    async Task<string> PersonWithAFirmAndABuyer()
    {
        var api = fixture.NewApiClient();
        var email = $"giulia-{Guid.NewGuid():N}@example.it";
        (await api.PostAsJsonAsync("/api/auth/register", new { email, password = Password, displayName = Name })).EnsureSuccessStatusCode();
        await api.SignIn(email);
        await api.CreateBusiness("Impianti Rossi S.r.l.", BusinessKind.Firm);
        await api.CreateBusiness("Comune di Novi", BusinessKind.Buyer);
        // A colleague's invitation to their team: one thing to do, counted in the header.
        var colleague = fixture.NewApiClient();
        await colleague.SignUp("collega");
        var team = await colleague.CreateBusiness("Studio Verdi", BusinessKind.Firm);
        (await colleague.PostAsJsonAsync($"/api/businesses/{team.Id}/invitations", new Marketplace.Server.Endpoints.InviteMemberRequest(email, BusinessRole.Manager), Json))
            .EnsureSuccessStatusCode();
        return email;
    }

    /// <summary>Each of the elements' boxes: where a person sees them.</summary>
    static async Task<List<LocatorBoundingBoxResult>> Boxes(ILocator all)
    {
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var one in await all.AllAsync()) boxes.Add((await one.BoundingBoxAsync())!);
        return boxes;
    }

    /// <summary>Both on one row of the header: their middles at the same height.</summary>
    static async Task SameRow(ILocator one, ILocator other)
    {
        var a = (await one.BoundingBoxAsync())!;
        var b = (await other.BoundingBoxAsync())!;
        Math.Abs(a.Y + a.Height / 2 - (b.Y + b.Height / 2)).Should().BeLessThan(8, "they are on one row");
    }

    [Theory]
    [InlineData("it-IT", 1280, "Il mio account", "Esci")]
    [InlineData("en-GB", 1280, "My account", "Logout")]
    [InlineData("it-IT", 390, "Il mio account", "Esci")]
    [InlineData("en-GB", 390, "My account", "Logout")]
    public async Task The_header_fits_in_one_row_of_links_and_names_the_person_in_its_account_list(string locale, int width, string account, string logout)
    {
        var email = await PersonWithAFirmAndABuyer();
        var page = await fixture.NewPerson(locale, width: width);
        await BusinessProfileBrowserTests.SignIn(page, email);
        var links = page.Locator(".main-nav a");
        await Expect(page.GetByTestId("nav-my-tenders")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("nav-inbox")).ToHaveCountAsync(1);
        await Expect(links).ToHaveCountAsync(7);

        // Every link on one line: the same top for all (on a phone the row scrolls sideways instead of wrapping).
        var boxes = await Boxes(links);
        boxes.Select(b => Math.Round(b.Y)).Distinct().Should().ContainSingle("the links are one row, not several");
        var button = page.GetByTestId("nav-account");
        var badge = (await button.BoundingBoxAsync())!;
        var header = (await page.Locator(".site-header").BoundingBoxAsync())!;
        await Expect(page.GetByTestId("nav-todo").GetByTestId("todo-count")).ToHaveTextAsync("1");
        var chip = page.GetByTestId("nav-todo-chip");
        if (width >= 1024)
        {
            // One row: the links, the language and the badge side by side, the last link before the badge, nothing past the edge.
            boxes.Max(b => b.X + b.Width).Should().BeLessThan(badge.X);
            (badge.X + badge.Width).Should().BeLessThanOrEqualTo(width);
            await SameRow(links.First, button);
            await Expect(chip).ToBeHiddenAsync();
        }
        else
        {
            // Two rows: brand, language and badge, then the links. "Da fare" is past the links' edge, so its count
            // is on the first row too, in sight.
            await SameRow(page.Locator(".brand"), button);
            await Expect(chip).ToBeVisibleAsync();
            await Expect(chip).ToContainTextAsync("1");
            await SameRow(chip, button);
            var chipBox = (await chip.BoundingBoxAsync())!;
            (chipBox.X + chipBox.Width).Should().BeLessThanOrEqualTo(badge.X);
            (badge.X + badge.Width).Should().BeLessThanOrEqualTo(width);
            boxes[0].Y.Should().BeGreaterThan(badge.Y + badge.Height - 1, "the links are under the badge's row");
            header.Height.Should().BeLessThan(110, "two rows, not three or four");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"header-{locale}-{width}-closed.png") });
            await page.GetByTestId("nav-my-tenders").ClickAsync();
            await Expect(page.GetByTestId("my-tenders")).ToBeVisibleAsync();
        }

        // The badge's name is the person's; its list opens and closes from the keyboard, the focus back on the badge.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Name })).ToBeVisibleAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        var list = page.GetByTestId("account-menu");
        await Expect(list.GetByTestId("account-menu-name")).ToHaveTextAsync(Name);
        await Expect(list).ToContainTextAsync(email, new() { IgnoreCase = true });
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = account })).ToBeVisibleAsync();
        await Expect(list.GetByRole(AriaRole.Button, new() { Name = logout })).ToBeVisibleAsync();
        var panel = (await list.BoundingBoxAsync())!;
        panel.X.Should().BeGreaterThanOrEqualTo(0);
        (panel.X + panel.Width).Should().BeLessThanOrEqualTo(width);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"header-{locale}-{width}.png") });
        await page.Keyboard.PressAsync("Tab");
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = account })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(list).ToHaveCountAsync(0);
        await Expect(button).ToBeFocusedAsync();

        // A click elsewhere closes it too; following an entry leads there.
        await button.ClickAsync();
        await page.Locator("main").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await Expect(list).ToHaveCountAsync(0);
        await button.ClickAsync();
        await list.GetByRole(AriaRole.Link, new() { Name = account }).ClickAsync();
        await Expect(page.GetByTestId("account-name")).ToHaveValueAsync(Name);
        await Expect(list).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_out_from_the_account_list_leaves_a_visitor_s_header()
    {
        var email = await PersonWithAFirmAndABuyer();
        var page = await fixture.NewPerson(width: 390);
        await BusinessProfileBrowserTests.SignIn(page, email);
        await page.GetByTestId("nav-account").ClickAsync();
        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("nav-login")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-account")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-my-tenders")).ToHaveCountAsync(0);
        // Brand, language and the sign-in links on the first row, the links on the second.
        await SameRow(page.Locator(".brand"), page.GetByTestId("nav-register"));
        await SameRow(page.GetByTestId("lang-switch"), page.GetByTestId("nav-login"));
        var links = await Boxes(page.Locator(".main-nav a"));
        links.Select(b => Math.Round(b.Y)).Distinct().Should().ContainSingle();
        (await page.Locator(".site-header").BoundingBoxAsync())!.Height.Should().BeLessThan(110, "two rows, not three");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "header-visitor-it-IT-390.png") });
    }
}
