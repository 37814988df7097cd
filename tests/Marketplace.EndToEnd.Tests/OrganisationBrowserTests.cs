using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>Organisations have the forms of their kind and a face: a comune is asked what a comune has; a firm shows its logo.</summary>
public sealed class OrganisationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_comune_s_form_asks_for_its_tax_code_and_never_a_vat_number_or_a_size()
    {
        var page = await BusinessProfileBrowserTests.NewBusinessOnItsProfileForm(fixture, "Comune di Zola Predosa", BusinessKind.Buyer);

        await Expect(page.GetByTestId("edit-tax-code")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("edit-vat")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("edit-size")).ToHaveCountAsync(0);
        await page.GetByTestId("edit-tax-code").FillAsync("00743110158");
        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByTestId("form-error-taxCode")).ToContainTextAsync("Codice fiscale non valido");
        await page.GetByTestId("edit-tax-code").FillAsync("00743110157");
        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByTestId("edit-status")).ToHaveAttributeAsync("data-state", "saved");
        await page.ScreenshotAsync(new() { Path = Shot("organisation-buyer-form-it.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Vedi la pagina pubblica" }).ClickAsync();
        var profile = page.Locator("article.profile");
        await Expect(page.GetByTestId("business-name")).ToHaveTextAsync("Comune di Zola Predosa");
        await Expect(profile).ToContainTextAsync("Codice fiscale");
        await Expect(profile).ToContainTextAsync("00743110157");
        await Expect(profile.Locator(".badges")).Not.ToContainTextAsync("impresa", new() { IgnoreCase = true });
        await Expect(page.GetByTestId("business-initials")).ToHaveTextAsync("CZ");
        await Expect(page.GetByTestId("business-description")).ToHaveTextAsync("Non indicato");

        await page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.GetByTestId("business-description")).ToHaveTextAsync("Not given");
        await page.GetByTestId("lang-it").ClickAsync();

        await page.GotoAsync("/#/inbox");
        var told = page.GetByTestId("inbox-no-firm");
        await Expect(told).ToHaveAttributeAsync("data-kind", "Buyer");
        await Expect(told).ToContainTextAsync("Le gare di Comune di Zola Predosa");
        await Expect(told).Not.ToContainTextAsync("registra");
        await Expect(told.GetByRole(AriaRole.Link, new() { Name = "I miei bandi" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("organisation-buyer-inbox-it.png"), FullPage = true });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task An_owner_uploads_a_logo_and_sees_it_on_the_firm_s_page_and_in_the_directory(int width)
    {
        var tag = $"q{Guid.NewGuid():N}"[..8];
        var name = $"Officine Logo {tag} S.r.l.";
        var page = await BusinessProfileBrowserTests.NewBusinessOnItsProfileForm(fixture, name, width: width);
        await Expect(page.GetByTestId("business-initials")).ToHaveTextAsync("OL");
        // The shared file picker, in the app's language: its button, not the browser's "Choose File".
        await Expect(page.GetByTestId("logo-file-button")).ToHaveTextAsync("Scegli un'immagine");
        await Expect(page.GetByLabel("Scegli un'immagine")).ToHaveAttributeAsync("type", "file");

        await page.GetByTestId("logo-file").SetInputFilesAsync(new FilePayload
        {
            Name = "logo.png", MimeType = "image/png", Buffer = TestImages.Png(96, 48, red: 0xd9, green: 0x4f, blue: 0x1c),
        });

        await Expect(page.GetByTestId("logo-status")).ToHaveTextAsync("Logo salvato.");
        await Expect(page.GetByTestId("logo-remove")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("logo-file-button")).ToHaveTextAsync("Sostituisci il logo");
        await page.ScreenshotAsync(new() { Path = Shot($"organisation-logo-edit-it-{width}.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Vedi la pagina pubblica" }).ClickAsync();
        var logo = page.Locator("article.profile").GetByTestId("business-logo");
        await Expect(logo).ToHaveAttributeAsync("alt", name);
        await Expect(logo).ToHaveJSPropertyAsync("naturalWidth", 96);
        await page.ScreenshotAsync(new() { Path = Shot($"organisation-logo-page-it-{width}.png"), FullPage = true });

        await page.GotoAsync("/#/");
        await page.GetByTestId("directory-search").FillAsync(tag);
        var row = page.GetByTestId("directory-item");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("business-logo")).ToHaveJSPropertyAsync("naturalWidth", 96);
        await page.ScreenshotAsync(new() { Path = Shot($"organisation-logo-directory-it-{width}.png"), FullPage = true });
    }
}
