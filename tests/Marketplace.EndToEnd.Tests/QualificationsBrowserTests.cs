using System.Globalization;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class QualificationsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // A month away either side of today, so the hour the test runs at never matters.
    static readonly DateOnly Today = QualificationRules.Today(DateTimeOffset.UtcNow);

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task An_owner_records_an_attestation_on_the_firm_s_page_is_told_which_field_is_wrong_and_a_viewer_reads_it_in_english_on_a_phone()
    {
        var api = fixture.NewApiClient();
        var email = await api.SignUp("titolare");
        var firm = await api.CreateBusiness("Costruzioni Bianchi S.r.l.");
        (await api.PutAsJsonAsync($"/api/businesses/{firm.Id}/qualifications", new EditQualificationsRequest(firm.Version,
            [new("OG1", SoaClass.II, Today.AddDays(-30), "SOA Centro S.p.A.")], new FinancialFiguresDto(Today.Year - 1, 2_400_000m, 900_000m)), Json))
            .EnsureSuccessStatusCode();
        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, email);

        await owner.GotoAsync($"/#/businesses/{firm.Id}");
        var section = owner.GetByTestId("qualifications-section");
        await Expect(section.Locator("[data-category='OG1']")).ToContainTextAsync("Edifici civili e industriali");
        await Expect(section.Locator("[data-category='OG1']").GetByTestId("soa-expired")).ToHaveTextAsync("Scaduta: non conta");
        await section.GetByTestId("qualifications-edit").ClickAsync();
        await section.GetByTestId("soa-add").ClickAsync();
        var added = section.GetByTestId("soa-row").Nth(1);
        await added.GetByTestId("soa-issuer").FillAsync("SOA Nord Alpi S.p.A.");
        await section.GetByTestId("qualifications-save").ClickAsync();

        await Expect(section.GetByTestId("qualifications-status")).ToHaveTextAsync("Controlla i campi evidenziati.");
        await Expect(added.GetByTestId("form-error-attestations[1].category")).ToHaveTextAsync("Scegli la categoria SOA.");
        await Expect(added.GetByTestId("form-error-attestations[1].expires")).ToHaveTextAsync("Indica il giorno di scadenza dell'attestazione.");
        await added.GetByTestId("soa-category").SelectOptionAsync("OS30");
        await added.GetByTestId("soa-class").SelectOptionAsync("I");
        await added.GetByTestId("soa-expires").FillAsync(Today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await owner.ScreenshotAsync(new() { Path = Shot("qualifications-form-it.png"), FullPage = true });
        await section.GetByTestId("qualifications-save").ClickAsync();

        await Expect(section.GetByTestId("qualifications-status")).ToHaveTextAsync("Qualificazioni salvate.");
        await Expect(section.GetByTestId("soa-item")).ToHaveCountAsync(2);
        await Expect(section.Locator("[data-category='OS30']")).ToContainTextAsync("classe I, fino a 258.000 €");
        await Expect(section.Locator("[data-category='OS30']")).ToContainTextAsync("rilasciata da SOA Nord Alpi S.p.A.");
        await Expect(section.Locator("[data-category='OS30']").GetByTestId("soa-expired")).ToHaveCountAsync(0);
        await Expect(section.GetByTestId("figures-turnover")).ToHaveTextAsync("2.400.000 €");
        await owner.ScreenshotAsync(new() { Path = Shot("qualifications-it.png"), FullPage = true });

        var viewer = await fixture.NewPerson("en-GB", width: 390);
        var viewerApi = fixture.NewApiClient();
        var viewerEmail = await viewerApi.SignUp("lettore");
        await api.Join(firm.Id, viewerApi, viewerEmail, BusinessRole.Viewer);
        await BusinessProfileBrowserTests.SignIn(viewer, viewerEmail);
        await viewer.GotoAsync($"/#/businesses/{firm.Id}");
        var read = viewer.GetByTestId("qualifications-section");
        await Expect(read.Locator("[data-category='OS30']")).ToContainTextAsync("Indoor electrical, telephone, radio and television installations");
        await Expect(read.Locator("[data-category='OG1']").GetByTestId("soa-expired")).ToHaveTextAsync("Expired: does not count");
        await Expect(read.GetByTestId("qualifications-edit")).ToHaveCountAsync(0);
        await read.ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync(new() { Path = Shot("qualifications-en-390.png"), FullPage = true });

        var outsider = await fixture.NewPerson();
        await outsider.GotoAsync($"/#/businesses/{firm.Id}");
        await Expect(outsider.GetByTestId("business-name")).ToHaveTextAsync("Costruzioni Bianchi S.r.l.");
        await Expect(outsider.GetByTestId("qualifications-section")).ToHaveCountAsync(0);
    }
}
