using System.Net.Http.Json;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The school lot allows avvalimento: the RTI lacks OS30, the lead declares on the joint-bid tab that an electrician of
/// the space lends OS30 class I to the member, and the partners tab reads that the lot qualifies with OS30 "in
/// avvalimento" from that firm; the member's person reads it in English on a phone.
/// </summary>
public sealed class AvvalimentoBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static readonly DateOnly Today = QualificationRules.Today(DateTimeOffset.UtcNow);

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_lead_names_an_auxiliary_lending_OS30_and_the_lot_qualifies_in_avvalimento()
    {
        var (arranged, rossi, bianchi, alliance) = await new AllianceQualificationBrowserTests(fixture).School(avvalimento: true);
        var neri = await arranged.Member("neri", "Neri Elettrica S.r.l.", p => p with { Capabilities = ["45315000"] });
        (await neri.Api.PutAsJsonAsync($"/api/businesses/{neri.Firm.Id}/qualifications", new EditQualificationsRequest(neri.Firm.Version,
            [new("OS30", SoaClass.II, Today.AddYears(1), "SOA Centro S.p.A.")], null), Json)).EnsureSuccessStatusCode();

        var lead = await fixture.NewPerson();
        var lot = await AllianceQualificationBrowserTests.OpenPartners(lead, rossi.Email, alliance.Id);
        await Expect(lot.GetByTestId("qualification-verdict")).ToHaveTextAsync("L'alleanza non si qualifica");

        // On the joint-bid tab the lead declares Neri lending OS30 class I to Impianti Bianchi.
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        await Expect(lead.GetByTestId("reliances-none")).ToHaveTextAsync("Nessun avvalimento dichiarato.");
        var section = await DeclareOs30(lead, bianchi.Firm.Id, neri.Firm.Id);
        var declared = section.GetByTestId("reliance");
        await Expect(declared).ToContainTextAsync("Lotto 1: Neri Elettrica S.r.l. presta OS30 classe I a Impianti Bianchi S.n.c.");
        await Expect(declared.GetByTestId("reliance-liable")).ToHaveTextAsync("solidalmente responsabile");
        await section.ScreenshotAsync(new() { Path = Shot("avvalimento-1-declared-it.png") });

        // The partners tab: the lot qualifies, OS30 brought by the member in avvalimento from Neri.
        await lead.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(lot).ToHaveAttributeAsync("data-qualifies", "true");
        await Expect(lot.Locator("[data-testid='qualification-check'][data-category='OS30'] [data-testid='qualification-lent']"))
            .ToHaveTextAsync("OS30 classe I in avvalimento da Neri Elettrica S.r.l.");
        await lead.ScreenshotAsync(new() { Path = Shot("avvalimento-2-qualifies-it.png"), FullPage = true });

        var phone = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, bianchi.Email);
        await phone.GotoAsync($"/#/alliances/{alliance.Id}");
        await phone.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(phone.GetByTestId("qualification-verdict")).ToHaveTextAsync("The alliance qualifies");
        await Expect(phone.GetByTestId("qualification-lent")).ToHaveTextAsync("OS30 class I in avvalimento from Neri Elettrica S.r.l.");
        await phone.GetByTestId("alliance-qualification").ScreenshotAsync(new() { Path = Shot("avvalimento-3-en-390.png") });
        await phone.GetByTestId("alliance-tab-bid").ClickAsync();
        await Expect(phone.GetByTestId("reliance-liable")).ToHaveTextAsync("jointly liable");
        await phone.GetByTestId("reliances").ScreenshotAsync(new() { Path = Shot("avvalimento-4-bid-en-390.png") });
    }

    /// <summary>On the joint-bid tab's avvalimento card (Italian), declares <paramref name="auxiliary"/> lending OS30 class I to <paramref name="relying"/> in lot 1.</summary>
    internal static async Task<ILocator> DeclareOs30(IPage lead, Guid relying, Guid auxiliary)
    {
        var section = lead.GetByTestId("reliances");
        await section.GetByTestId("reliance-lot").SelectOptionAsync("1");
        await section.GetByTestId("reliance-firm").SelectOptionAsync(relying.ToString());
        await Expect(section.GetByTestId("reliance-auxiliary").Locator($"option[value='{auxiliary}']")).ToHaveCountAsync(1);
        await section.GetByTestId("reliance-auxiliary").SelectOptionAsync(auxiliary.ToString());
        await section.GetByTestId("reliance-category").SelectOptionAsync("OS30");
        await section.GetByTestId("reliance-class").SelectOptionAsync("I");
        await section.GetByTestId("save-reliance").ClickAsync();
        return section;
    }
}
