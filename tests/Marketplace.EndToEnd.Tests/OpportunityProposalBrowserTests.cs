using Marketplace.Testing;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A member firm found tenders on a buyer's platform that the space does not list: it proposes their OCDS package to the
/// space's admins from the space's tenders tab, the secretary sees it arrive and imports it in one click, and the firm
/// reads that it was: each side's open page shows the other's step without reloading.
/// </summary>
public sealed class OpportunityProposalBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    static readonly string PackageFile = Path.Combine(RepositoryPaths.Root, "tests", "Marketplace.Server.Tests", "OpenData", "Data", "opportunities-package.json");

    [Fact]
    public async Task A_firm_proposes_a_package_the_secretary_imports_it_in_one_click_and_the_firm_reads_it_was_imported()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"]);
        var (_, firmEmail, _) = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"] });

        // The secretary has the admin area open before anything is proposed.
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/admin");
        var proposals = secretary.GetByTestId("admin-proposals");
        await Expect(proposals).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("space-live-status")).ToHaveAttributeAsync("data-state", "connected");

        var firm = await fixture.NewPerson(width: 390);
        await BusinessProfileBrowserTests.SignIn(firm, firmEmail);
        await firm.GotoAsync($"/#/spaces/{arranged.Id}/tenders");
        var propose = firm.GetByTestId("propose-opportunities");
        await Expect(propose).ToContainTextAsync("Una gara pubblicata altrove? Proponila allo spazio");
        await propose.GetByTestId("propose-file").SetInputFilesAsync(PackageFile);
        await propose.GetByTestId("propose-note").FillAsync("Trovate sul portale dell'Osservatorio regionale: tre gare nel nostro territorio.");
        await propose.GetByTestId("propose-submit").ClickAsync();
        await Expect(propose.GetByTestId("propose-status")).ToHaveTextAsync(
            "Proposta inviata: gli amministratori dello spazio la trovano tra le gare esterne. La sua sorte compare qui sotto.");
        var mine = propose.GetByTestId("my-proposal");
        await Expect(mine.GetByTestId("proposal-tender")).ToHaveCountAsync(3);
        await Expect(mine.GetByTestId("proposal-status")).ToHaveTextAsync("In attesa degli amministratori");
        await propose.ScrollIntoViewIfNeededAsync();
        await firm.ScreenshotAsync(new() { Path = Shot("proposal-1-sent-it-390.png"), FullPage = true });
        await firm.GetByTestId("lang-en").ClickAsync();
        await Expect(mine.GetByTestId("proposal-status")).ToHaveTextAsync("Waiting for the admins");

        var proposal = proposals.GetByTestId("admin-proposal");
        await Expect(proposal.GetByTestId("proposal-note")).ToHaveTextAsync("Trovate sul portale dell'Osservatorio regionale: tre gare nel nostro territorio.");
        await Expect(proposal).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await Expect(proposal.GetByTestId("proposal-tender")).ToHaveCountAsync(3);
        await proposals.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("proposal-2-waiting-admin-it.png") });

        await proposal.GetByTestId("proposal-import").ClickAsync();
        await Expect(proposals.GetByTestId("admin-proposals-status")).ToHaveTextAsync("Proposta importata: le imprese che corrispondono ne sono avvisate.");
        await Expect(proposal.GetByTestId("proposal-result")).ToContainTextAsync("Lette 4 release: 3 nuove opportunità, 0 aggiornate, 0 invariate.");
        await Expect(proposal.GetByTestId("proposal-import")).ToHaveCountAsync(0);
        await proposals.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("proposal-3-imported-admin-it.png") });

        // The firm, its page still open, reads what became of it in its language, each tender now a link to the space's opportunity.
        await Expect(mine.GetByTestId("proposal-status")).ToContainTextAsync("Imported");
        await Expect(mine.GetByTestId("proposal-tender").GetByRole(Microsoft.Playwright.AriaRole.Link)).ToHaveCountAsync(3);
        await Expect(firm.GetByTestId("propose-opportunities")).ToContainTextAsync("A tender published elsewhere? Propose it to the space");
        await propose.ScrollIntoViewIfNeededAsync();
        await firm.ScreenshotAsync(new() { Path = Shot("proposal-4-imported-en-390.png"), FullPage = true });
    }
}
