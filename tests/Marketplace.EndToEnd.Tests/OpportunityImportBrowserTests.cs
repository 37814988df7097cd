using System.Text.Json.Nodes;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// An association imports the tenders published on the buyers' own platforms (an OCDS release package) into its space;
/// a member firm whose trade matches is told live, and reads on the opportunity's page where its bids go.
/// </summary>
public sealed class OpportunityImportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    /// <summary>The invented package the API tests import too: three processes, the school's in two releases.</summary>
    static readonly string PackageFile = Path.Combine(RepositoryPaths.Root, "tests", "Marketplace.Server.Tests", "OpenData", "Data", "opportunities-package.json");

    const string School = "Riqualificazione energetica della scuola primaria Galilei";

    [Fact]
    public async Task The_secretary_imports_a_package_and_a_matching_firm_sees_the_opportunity_in_its_inbox_live()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"]);
        var (_, firmEmail, builder) = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"] });

        var firm = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(firm, firmEmail);
        await firm.GotoAsync("/#/inbox");
        await HubGroups.UntilJoined(firm, "WatchBusinessTeam", builder.Id); // where the opportunity's notice comes

        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/admin");
        var section = secretary.Locator("#admin-opportunities");
        await Expect(section).ToContainTextAsync("Gare pubblicate altrove");

        // A package with an error is refused whole, naming the place of each error in the file; nothing is imported.
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(PackageFile))!;
        broken["releases"]![2]!["tender"]!["items"]![0]!["classification"]!["id"] = "99999999";
        await section.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "pacchetto-errato.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(broken.ToJsonString()),
        });
        await section.GetByTestId("import-submit").ClickAsync();
        var error = section.GetByTestId("import-error").And(secretary.Locator("[data-path='$.releases[2].tender.items[0].classification.id']"));
        await Expect(error).ToContainTextAsync("«99999999» non è un codice CPV 2008.");
        await Expect(section.GetByTestId("import-errors")).ToContainTextAsync("nulla è cambiato");
        await section.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("import-1-refused-it.png") });

        await section.GetByTestId("import-file").SetInputFilesAsync(PackageFile);
        await section.GetByTestId("import-submit").ClickAsync();
        await Expect(section.GetByTestId("import-result")).ToContainTextAsync("Lette 4 release: 3 nuove opportunità, 0 aggiornate, 0 invariate.");
        await Expect(section.GetByTestId("import-opportunity")).ToHaveCountAsync(3);
        await Expect(section.GetByTestId("import-errors")).ToHaveCountAsync(0);
        await section.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("import-2-done-it.png") });

        // The builder is told at once, by the same notice a tender published here brings, naming the lot of its trade.
        await Expect(firm.GetByTestId("inbox-notice")).ToContainTextAsync(School);
        var item = firm.GetByTestId("inbox-item").Filter(new() { HasText = School });
        await Expect(item.GetByTestId("inbox-lots")).ToContainTextAsync("Involucro e serramenti");
        await Expect(item.GetByTestId("inbox-lots")).Not.ToContainTextAsync("telegestione");
        await firm.ScreenshotAsync(new() { Path = Shot("import-3-inbox-it.png") });

        // Its page says it is published on the buyer's own platform, links the notice there, and takes no bid here.
        await item.GetByRole(AriaRole.Link, new() { Name = School }).ClickAsync();
        var notice = firm.GetByTestId("tender-external");
        await Expect(notice).ToContainTextAsync("Comune di Modena ha pubblicato questa gara sulla propria piattaforma");
        await Expect(firm.GetByTestId("tender-external-link")).ToHaveAttributeAsync("href", "https://gare.comune-modena.example/bandi/2026-0118");
        await Expect(firm.GetByTestId("tender-external-criteria")).ToContainTextAsync("qualità 70, prezzo 30");
        await Expect(firm.GetByTestId("bid-blocked").First).ToContainTextAsync("le offerte si presentano lì, non qui");
        await firm.ScreenshotAsync(new() { Path = Shot("import-4-opportunity-it.png"), FullPage = true });

        await firm.GetByTestId("lang-en").ClickAsync();
        await Expect(notice).ToContainTextAsync("Comune di Modena published this tender on its own platform");
        await Expect(firm.GetByTestId("tender-external-link")).ToHaveTextAsync("Open the notice on the buyer's platform");
        await firm.ScreenshotAsync(new() { Path = Shot("import-5-opportunity-en.png"), FullPage = true });

        await secretary.GetByTestId("lang-en").ClickAsync();
        await Expect(section.GetByTestId("import-result")).ToContainTextAsync("Read 4 releases: 3 new opportunities, 0 updated, 0 unchanged.");
        await section.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("import-6-done-en.png") });
    }
}
