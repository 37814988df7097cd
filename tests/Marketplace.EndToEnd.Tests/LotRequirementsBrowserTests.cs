using Marketplace.Businesses;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>The buyer states a lot's SOA requirements in the tender form; the tender's page says them in words a firm owner reads.</summary>
public sealed class LotRequirementsBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_buyer_states_a_school_lot_s_categories_and_reads_them_on_the_tender_in_Italian_and_in_English()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var buyerApi = fixture.NewApiClient();
        var buyerEmail = await buyerApi.SignUp("gare-sasso");
        var buyer = await buyerApi.CreateBusiness("Comune di Sasso Marconi", BusinessKind.Buyer);
        await arranged.Secretary.ApproveBuyer(buyerApi, arranged.Id, buyer.Id);
        var clock = fixture.ServerClock;

        var officer = await fixture.NewPerson(timezone: TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyerEmail);
        await officer.GotoAsync($"/#/tenders/new?buyer={buyer.Id}");
        await officer.GetByTestId($"tender-space-{arranged.Id}").CheckAsync();
        await officer.GetByTestId("tender-title").FillAsync("Adeguamento della scuola Marconi");
        await officer.GetByTestId("lot-title-0").FillAsync("Opere edili e impianti");
        await officer.GetByTestId("lot-cpv-0").FillAsync("45214200");
        await officer.GetByTestId("lot-cpv-option").First.ClickAsync();
        await officer.GetByTestId("lot-value-0").FillAsync("1050000");
        await officer.GetByTestId("lot-0-prevailing-category").SelectOptionAsync("OG1");
        await officer.GetByTestId("lot-0-prevailing-amount").FillAsync("850.000");
        await officer.GetByTestId("lot-0-add-separable").ClickAsync();
        await officer.GetByTestId("lot-0-separable-0-category").SelectOptionAsync("OS30");
        await officer.GetByTestId("lot-0-separable-0-amount").FillAsync("200.000");
        await officer.GetByTestId("lot-0-subcontracting").CheckAsync();
        await officer.GetByTestId("lot-0-subcontract-percent").FillAsync("0");
        await officer.GetByTestId("enquiry-deadline").FillAsync(TenderBrowserTests.Local(clock.GetUtcNow().AddDays(7)));
        await officer.GetByTestId("submission-deadline").FillAsync(TenderBrowserTests.Local(clock.GetUtcNow().AddDays(14)));

        // A share of 0% is refused next to its field, and nothing is saved.
        await officer.GetByTestId("save-draft").ClickAsync();
        await Expect(officer.GetByTestId("form-error-lots[0].requirements.subcontractingMaxPercent"))
            .ToHaveTextAsync("La quota subappaltabile è una percentuale intera da 1 a 100.");
        await Expect(officer.GetByTestId("lot-0-subcontract-percent")).ToHaveAttributeAsync("aria-invalid", "true");
        await officer.GetByTestId("lot-0-subcontract-percent").FillAsync("30");
        await Expect(officer.GetByTestId("lot-0-separable-0-subcontract")).ToBeCheckedAsync();
        await officer.ScreenshotAsync(new() { Path = Shot("lot-requirements-form-it.png"), FullPage = true });
        await officer.GetByTestId("save-draft").ClickAsync();

        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Draft");
        var requirements = officer.GetByTestId("lot-requirements-1");
        await Expect(requirements.GetByTestId("requirement-prevailing")).ToHaveTextAsync(
            "Categoria prevalente OG1 (Edifici civili e industriali), classe III (fino a 1.033.000 €): lavori per 850.000 €");
        await Expect(requirements.GetByTestId("requirement-separable-OS30")).ToContainTextAsync("Scorporabile OS30");
        await Expect(requirements.GetByTestId("requirement-separable-OS30")).ToContainTextAsync("classe I (fino a 258.000 €): lavori per 200.000 €, subappaltabile");
        await Expect(requirements.GetByTestId("requirement-subcontracting")).ToHaveTextAsync("Subappalto ammesso fino al 30% dell'importo del lotto");
        // No other eligibility line was written, and the page does not say there are no requirements at all.
        await Expect(officer.GetByTestId("tender-eligibility-none")).ToHaveTextAsync(
            "Nessun altro requisito oltre a quelli di qualificazione indicati per ciascun lotto.");
        await officer.ScreenshotAsync(new() { Path = Shot("lot-requirements-tender-it.png"), FullPage = true });

        // The form opened again holds what was saved.
        var tenderUrl = officer.Url;
        await officer.GotoAsync(tenderUrl + "/edit");
        await Expect(officer.GetByTestId("lot-0-prevailing-category")).ToHaveValueAsync("OG1");
        await Expect(officer.GetByTestId("lot-0-separable-0-category")).ToHaveValueAsync("OS30");
        await Expect(officer.GetByTestId("lot-0-subcontract-percent")).ToHaveValueAsync("30");

        var phone = await fixture.NewPerson("en-GB", TenderBrowserTests.Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, buyerEmail);
        await phone.GotoAsync(tenderUrl);
        var english = phone.GetByTestId("lot-requirements-1");
        await Expect(english.GetByTestId("requirement-prevailing")).ToHaveTextAsync(
            "Prevailing category OG1 (Civil and industrial buildings), class III (up to €1,033,000): works of €850,000");
        await Expect(english.GetByTestId("requirement-separable-OS30")).ToContainTextAsync("class I (up to €258,000): works of €200,000, may be subcontracted");
        await Expect(phone.GetByTestId("tender-eligibility-none")).ToHaveTextAsync("No other requirements than the qualifications stated for each lot.");
        await phone.ScreenshotAsync(new() { Path = Shot("lot-requirements-tender-en-390.png"), FullPage = true });
        await phone.GotoAsync(tenderUrl + "/edit");
        await Expect(phone.GetByTestId("lot-0-prevailing-category")).ToHaveValueAsync("OG1");
        await phone.GetByTestId("lot-requirements-form-0").ScreenshotAsync(new() { Path = Shot("lot-requirements-form-en-390.png") });
    }
}
