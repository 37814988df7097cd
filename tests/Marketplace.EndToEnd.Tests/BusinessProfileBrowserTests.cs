using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class BusinessProfileBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    async Task<(string Email, BusinessProfileDto Business)> OwnerWithProfile()
    {
        var api = fixture.NewApiClient();
        var email = await api.SignUp("titolare");
        var created = await api.CreateBusiness("Edilizia Rossi S.r.l.");
        var edited = await api.EditProfile(created.Id, EditOf(created) with
        {
            VatNumber = "00743110157",
            Description = "Impresa edile: nuove costruzioni e ristrutturazioni.",
            Capabilities = ["45210000", "45453000", "77313000"],
            Tags = ["edilizia scolastica", "restauro"],
            ComuneCode = "037006",
            Address = "Via dell'Indipendenza 10",
            Size = FirmSize.Small,
            Website = "www.edilizia-rossi.it",
            ContactEmail = "info@edilizia-rossi.it",
            ContactPhone = "+39 051 555 0101",
        });
        return (email, await edited.Read<BusinessProfileDto>());
    }

    internal static async Task SignIn(IPage page, string email)
    {
        await page.GotoAsync("/#/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("nav-account")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_edit_saved_in_one_browser_appears_live_in_another_without_reloading()
    {
        var (email, business) = await OwnerWithProfile();
        var owner = await fixture.NewPerson();
        await SignIn(owner, email);
        var visitor = await fixture.NewPerson();
        await visitor.GotoAsync($"/#/businesses/{business.Id}");
        await Expect(visitor.GetByTestId("live-status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(visitor.GetByTestId("business-name")).ToHaveTextAsync("Edilizia Rossi S.r.l.");
        await visitor.EvaluateAsync("() => { window.__sameDocument = true; }");

        await owner.GotoAsync($"/#/businesses/{business.Id}/edit");
        await owner.GetByTestId("edit-name").FillAsync("Edilizia Rossi & Figli S.r.l.");
        await owner.GetByTestId("edit-description").FillAsync("Ristrutturazione di scuole ed edifici pubblici dal 1987.");
        await owner.GetByTestId("edit-save").ClickAsync();

        await Expect(visitor.GetByTestId("business-name")).ToHaveTextAsync("Edilizia Rossi & Figli S.r.l.");
        await Expect(visitor.GetByTestId("business-description")).ToHaveTextAsync("Ristrutturazione di scuole ed edifici pubblici dal 1987.");
        (await visitor.EvaluateAsync<bool>("() => window.__sameDocument === true")).Should().BeTrue("the page must update in place, not reload");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "business-profile-live.png"), FullPage = true });
        await owner.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "business-edit.png"), FullPage = true });
    }

    [Fact]
    public async Task A_visitor_finds_a_plumber_in_the_province_of_modena_by_trade_and_place_and_is_told_what_was_searched()
    {
        var api = fixture.NewApiClient();
        await api.SignUp("idraulico");
        var tag = $"z{Guid.NewGuid():N}"[..10];
        var created = await api.CreateBusiness($"Termoidraulica Ferri {tag}");
        (await api.EditProfile(created.Id, EditOf(created) with { Capabilities = ["45332000"], ComuneCode = "036005" })).EnsureSuccessStatusCode();
        var visitor = await fixture.NewPerson();

        await visitor.GotoAsync("/#/");
        await visitor.GetByTestId("directory-search").FillAsync($"idraulico a Modena {tag}");

        await Expect(visitor.GetByTestId("directory-item")).ToHaveCountAsync(1);
        await Expect(visitor.GetByTestId("directory-item")).ToContainTextAsync("Termoidraulica Ferri");
        await Expect(visitor.GetByTestId("directory-item")).ToContainTextAsync("Carpi (MO)");
        await Expect(visitor.GetByTestId("directory-searched")).ToContainTextAsync("mestiere «idraulico»: Lavori di idraulica");
        await Expect(visitor.GetByTestId("directory-searched")).ToContainTextAsync("provincia di Modena");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "directory-trade-place.png"), FullPage = true });
    }

    [Fact]
    public async Task A_visitor_is_told_contact_details_go_to_members_of_a_shared_space_and_the_firm_s_people_see_them()
    {
        var (email, business) = await OwnerWithProfile();
        var visitor = await fixture.NewPerson(locale: "en-GB");
        var owner = await fixture.NewPerson();
        await SignIn(owner, email);

        await visitor.GotoAsync($"/#/businesses/{business.Id}");
        await owner.GotoAsync($"/#/businesses/{business.Id}");

        await Expect(visitor.GetByTestId("business-contacts-hidden")).ToHaveTextAsync("Contact details are shown to members of a shared space");
        await Expect(visitor.GetByText("info@edilizia-rossi.it")).ToHaveCountAsync(0);
        await Expect(owner.GetByRole(AriaRole.Link, new() { Name = "info@edilizia-rossi.it" })).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("business-contacts-hidden")).ToHaveCountAsync(0);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "business-profile-contacts-hidden.png"), FullPage = true });
        await owner.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "business-profile-own.png"), FullPage = true });
    }

    [Fact]
    public async Task The_profile_speaks_the_browser_s_language_and_can_be_switched()
    {
        var (_, business) = await OwnerWithProfile();
        var visitor = await fixture.NewPerson(locale: "en-GB");
        await visitor.GotoAsync($"/#/businesses/{business.Id}");

        await Expect(visitor.GetByTestId("business-capabilities")).ToContainTextAsync("Building construction work");
        await Expect(visitor.GetByTestId("business-locality")).ToContainTextAsync("Bologna (BO)");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "business-profile-en.png"), FullPage = true });

        await visitor.GetByTestId("lang-it").ClickAsync();

        await Expect(visitor.GetByTestId("business-capabilities")).ToContainTextAsync("Lavori generali di costruzione di edifici");
        (await visitor.EvaluateAsync<string>("() => document.documentElement.lang")).Should().Be("it");
    }

    [Fact]
    public async Task A_new_user_signs_up_creates_a_firm_and_adds_a_capability_found_by_words()
    {
        var page = await NewFirmOnItsProfileForm("Giardini Gallo Soc. Coop.");
        await page.GetByTestId("cpv-search").FillAsync("manutenzione parchi");
        await page.GetByTestId("cpv-option").Filter(new() { HasText = "77313000-7" }).ClickAsync();
        await page.GetByTestId("edit-vat").FillAsync("00743110158");
        await page.GetByTestId("edit-save").ClickAsync();

        await Expect(page.GetByTestId("form-error-vatNumber")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "business-edit-errors.png"), FullPage = true });

        await page.GetByTestId("edit-vat").FillAsync("00743110157");
        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByTestId("edit-status")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(page.GetByTestId("form-error-vatNumber")).ToHaveCountAsync(0);

        var found = await fixture.NewApiClient().GetFromJsonAsync<DirectoryPageDto>("/api/businesses?q=giardini+gallo", Json);
        found!.Items.Should().ContainSingle(e => e.Name == "Giardini Gallo Soc. Coop.").Which.CapabilityCount.Should().Be(1);
    }

    [Fact]
    public async Task A_firm_finds_its_trade_by_the_word_it_uses_or_by_browsing_the_vocabulary()
    {
        var page = await NewFirmOnItsProfileForm("Idraulica Ferri S.n.c.");

        // The word of the trade, which no official label uses, finds the trade's code first.
        await page.GetByTestId("cpv-search").FillAsync("idraulico");
        await Expect(page.GetByTestId("cpv-option").First).ToContainTextAsync("45330000-9");
        await Expect(page.GetByTestId("cpv-option").First).ToContainTextAsync("Lavori di idraulica");
        await page.GetByTestId("cpv-option").First.ClickAsync();

        // A code it cannot name: down the tree, from the division to the class.
        await page.GetByTestId("cpv-tree").Locator("summary").ClickAsync();
        foreach (var code in new[] { "45000000-7", "45300000-0", "45320000-6" })
            await page.Locator($"[data-testid=cpv-tree-node][data-code='{code}'] > .cpv-tree-row > button.cpv-tree-toggle").ClickAsync();
        var insulation = page.Locator("[data-testid=cpv-tree-node][data-code='45321000-3']");
        await Expect(insulation).ToContainTextAsync("Lavori di isolamento termico");
        await insulation.GetByTestId("cpv-tree-add").ClickAsync();
        await Expect(insulation).ToContainTextAsync("Aggiunto");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "business-edit-cpv-tree.png"), FullPage = true });

        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByTestId("edit-status")).ToHaveAttributeAsync("data-state", "saved");
        var chips = page.GetByTestId("edit-capabilities").Locator("li");
        await Expect(chips).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("edit-capabilities")).ToContainTextAsync("45330000-9");
        await Expect(page.GetByTestId("edit-capabilities")).ToContainTextAsync("45321000-3");
    }

    Task<IPage> NewFirmOnItsProfileForm(string name) => NewBusinessOnItsProfileForm(fixture, name);

    /// <summary>A new person signs up and creates a business of the kind, through the pages, and is left on its profile form.</summary>
    internal static async Task<IPage> NewBusinessOnItsProfileForm(BrowserFixture fixture, string name, BusinessKind kind = BusinessKind.Firm, int width = 1280)
    {
        var page = await fixture.NewPerson(width: width);
        await page.GotoAsync("/#/register");
        await page.GetByTestId("register-name").FillAsync("Persona di prova");
        await page.GetByTestId("register-email").FillAsync($"nuovo-{Guid.NewGuid():N}@example.it");
        await page.GetByTestId("register-password").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("nav-account")).ToBeVisibleAsync();
        await page.GotoAsync("/#/businesses/new");
        await page.GetByTestId("new-business-kind").SelectOptionAsync(kind.ToString());
        await page.GetByTestId("new-business-name").FillAsync(name);
        await page.GetByTestId("new-business-submit").ClickAsync();
        await Expect(page.GetByTestId("edit-name")).ToHaveValueAsync(name);
        return page;
    }
}
