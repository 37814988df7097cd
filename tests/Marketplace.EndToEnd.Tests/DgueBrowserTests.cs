using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class DgueBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static readonly DateOnly Today = QualificationRules.Today(DateTimeOffset.UtcNow);

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task An_owner_fills_in_the_firm_s_dgue_in_italian_is_asked_to_explain_a_yes_and_a_viewer_reads_it_in_english_on_a_phone()
    {
        var api = fixture.NewApiClient();
        var email = await api.SignUp("titolare");
        var firm = await api.CreateBusiness("Impianti Rossi S.r.l.");
        await api.RecordQualifications(firm.Id, firm.Version,
            [new("OS30", SoaClass.II, Today.AddYears(2), "SOA Nord Alpi S.p.A.")], new FinancialFiguresDto(Today.Year - 1, 1_800_000m, 700_000m));
        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, email);

        await owner.GotoAsync($"/#/businesses/{firm.Id}");
        var section = owner.GetByTestId("dgue-section");
        await Expect(section.GetByTestId("dgue-standing")).ToHaveTextAsync("DGUE da compilare: l'impresa non l'ha ancora confermato.");
        await section.GetByTestId("dgue-edit").ClickAsync();
        foreach (var question in await section.GetByTestId("dgue-question").AllAsync()) await question.GetByTestId("dgue-no").CheckAsync();
        var taxes = section.Locator("[data-testid='dgue-question'][data-ground='taxesNotFinal']");
        await Expect(taxes).ToContainTextAsync("non definitivamente accertate");
        await Expect(taxes).ToContainTextAsync("D.Lgs. 36/2023, art. 95, c. 2");
        await taxes.GetByTestId("dgue-yes").CheckAsync();
        await section.Locator("[data-testid='dgue-pick-category'][data-category='OS30']").CheckAsync();
        await section.GetByTestId("dgue-save").ClickAsync();

        await Expect(taxes.GetByTestId("form-error-answers[2].explanation"))
            .ToHaveTextAsync("Spiega le circostanze e le misure adottate (al massimo 2000 caratteri).");
        await taxes.GetByTestId("dgue-explanation-input").FillAsync("Avviso INPS del 2025 impugnato davanti al giudice del lavoro, non definitivo.");
        await owner.ScreenshotAsync(new() { Path = Shot("dgue-form-it.png"), FullPage = true });
        await section.GetByTestId("dgue-save").ClickAsync();

        await Expect(section.GetByTestId("dgue-status")).ToHaveTextAsync("DGUE confermato.");
        await Expect(section.GetByTestId("dgue-standing")).ToContainTextAsync("Confermato il");
        var answered = section.Locator("[data-testid='dgue-ground'][data-ground='taxesNotFinal']");
        await Expect(answered.GetByTestId("dgue-answer")).ToHaveTextAsync("Sì");
        await Expect(answered.GetByTestId("dgue-explanation")).ToHaveTextAsync("Avviso INPS del 2025 impugnato davanti al giudice del lavoro, non definitivo.");
        await Expect(section.Locator("[data-testid='dgue-ground'][data-ground='antimafia'] [data-testid='dgue-answer']")).ToHaveTextAsync("No");
        await Expect(section.GetByTestId("dgue-criterion")).ToContainTextAsync("Attestazione SOA OS30 classe II");
        await section.ScrollIntoViewIfNeededAsync();
        await owner.ScreenshotAsync(new() { Path = Shot("dgue-it.png"), FullPage = true });

        var viewer = await fixture.NewPerson("en-GB", width: 390);
        var viewerApi = fixture.NewApiClient();
        var viewerEmail = await viewerApi.SignUp("lettore");
        await api.Join(firm.Id, viewerApi, viewerEmail, BusinessRole.Viewer);
        await BusinessProfileBrowserTests.SignIn(viewer, viewerEmail);
        await viewer.GotoAsync($"/#/businesses/{firm.Id}");
        var read = viewer.GetByTestId("dgue-section");
        await Expect(read.GetByTestId("dgue-standing")).ToContainTextAsync("Confirmed on");
        await Expect(read.Locator("[data-testid='dgue-ground'][data-ground='taxesNotFinal'] [data-testid='dgue-answer']")).ToHaveTextAsync("Yes");
        await Expect(read).ToContainTextAsync("A. Grounds relating to criminal convictions");
        await Expect(read.GetByTestId("dgue-criterion")).ToContainTextAsync("SOA attestation OS30 class II");
        await Expect(read.GetByTestId("dgue-edit")).ToHaveCountAsync(0);
        await read.ScrollIntoViewIfNeededAsync();
        await viewer.ScreenshotAsync(new() { Path = Shot("dgue-en-390.png"), FullPage = true });

        var outsider = await fixture.NewPerson();
        await outsider.GotoAsync($"/#/businesses/{firm.Id}");
        await Expect(outsider.GetByTestId("business-name")).ToHaveTextAsync("Impianti Rossi S.r.l.");
        await Expect(outsider.GetByTestId("dgue-section")).ToHaveCountAsync(0);
    }
}
