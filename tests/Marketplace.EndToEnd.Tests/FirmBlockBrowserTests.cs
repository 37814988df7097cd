using Marketplace.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class FirmBlockBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_firm_s_owner_blocks_another_firm_on_the_firm_s_page_and_unblocks_it()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");
        await arranged.Member("bianchi", "Impianti Bianchi S.n.c.");

        var page = await fixture.NewPerson("it-IT");
        await BusinessProfileBrowserTests.SignIn(page, rossi.Email);
        await page.GotoAsync($"/#/businesses/{rossi.Firm.Id}");
        var section = page.GetByTestId("blocks-section");
        await Expect(section.GetByTestId("blocks-empty")).ToHaveTextAsync("Nessuna impresa bloccata.");
        await Expect(section.GetByTestId("block-add")).ToBeDisabledAsync();

        await section.GetByTestId("block-search").FillAsync("Bianchi");
        await section.GetByTestId("block-option").Filter(new() { HasText = "Impianti Bianchi S.n.c." }).ClickAsync();
        await section.GetByTestId("block-add").ClickAsync();
        await Expect(section.GetByTestId("blocks-status")).ToHaveTextAsync("Impianti Bianchi S.n.c. è bloccata.");
        await Expect(section.GetByTestId("block-name")).ToHaveTextAsync("Impianti Bianchi S.n.c.");
        await section.ScreenshotAsync(new() { Path = Shot("blocks-1-it.png") });

        // In English on a phone, after a reload: the block was kept, and it is undone from the same list.
        var phone = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, rossi.Email);
        await phone.GotoAsync($"/#/businesses/{rossi.Firm.Id}");
        var kept = phone.GetByTestId("blocks-section");
        await Expect(kept.Locator("h2")).ToHaveTextAsync("Blocked firms");
        await Expect(kept.GetByTestId("block-name")).ToHaveTextAsync("Impianti Bianchi S.n.c.");
        await kept.ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Shot("blocks-2-en-390.png") });
        await kept.GetByTestId("block-remove").ClickAsync();
        await Expect(kept.GetByTestId("blocks-status")).ToHaveTextAsync("Impianti Bianchi S.n.c. is no longer blocked.");
        await Expect(kept.GetByTestId("blocks-empty")).ToHaveTextAsync("No firm is blocked.");
    }
}
