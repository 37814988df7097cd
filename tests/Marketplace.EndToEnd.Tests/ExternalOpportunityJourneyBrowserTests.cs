using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.EndToEnd.Tests.JourneyBrowserTests;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// From a tender published on the buyer's own platform to the RTI's signed bid ready to take there (issue #14), through
/// the pages: the association imports the publisher's package, a builder whose trade matches is told live, forms an
/// RTI around the opportunity, the partner the page suggests joins, each firm takes its part of the work, both approve,
/// and the lead downloads the package whose signed content hashes to the digest the page shows.
/// </summary>
public sealed class ExternalOpportunityJourneyBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, $"external-journey-{name}.png");

    static readonly string PackageFile = Path.Combine(RepositoryPaths.Root, "tests", "Marketplace.Server.Tests", "OpenData", "Data", "opportunities-package.json");

    const string School = "Riqualificazione energetica della scuola primaria Galilei", Builders = "Edilizia Rossi S.r.l.",
        Controls = "Telecontrolli Bianchi S.r.l.", Rti = "RTI Scuola Galilei";

    [Fact]
    public async Task An_imported_opportunity_reaches_a_matching_firm_live_and_its_rti_signs_a_package_for_the_buyer_s_platform()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"]);
        var builder = await arranged.Member("rossi-esterna", Builders, p => p with { Capabilities = ["45210000"] });
        var controls = await arranged.Member("bianchi-esterna", Controls, p => p with { Capabilities = ["72267000"] });

        // The builder waits on its inbox; the association's secretary imports the publisher's package.
        var lead = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(lead, builder.Email);
        await lead.GotoAsync("/#/inbox");
        await HubGroups.UntilJoined(lead, "WatchBusinessTeam", builder.Firm.Id);
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/admin");
        var section = secretary.Locator("#admin-opportunities");
        await section.GetByTestId("import-file").SetInputFilesAsync(PackageFile);
        await section.GetByTestId("import-submit").ClickAsync();
        await Expect(section.GetByTestId("import-result")).ToContainTextAsync("Lette 4 release: 3 nuove opportunità");

        // The builder is told without reloading, and opens the opportunity from its inbox.
        var item = lead.GetByTestId("inbox-item").Filter(new() { HasText = School });
        await Expect(item.GetByTestId("inbox-lots")).ToContainTextAsync("Involucro e serramenti");
        await lead.ScreenshotAsync(new() { Path = Shot("1-inbox-it") });
        await item.GetByRole(AriaRole.Link, new() { Name = School }).ClickAsync();
        await Expect(lead.GetByTestId("tender-external")).ToContainTextAsync("Comune di Modena ha pubblicato questa gara sulla propria piattaforma");

        // It forms an RTI around it and invites the firm the page suggests for the lot it does not cover.
        await lead.GetByTestId("form-alliance").ClickAsync();
        await lead.GetByTestId("alliance-name").FillAsync(Rti);
        await lead.GetByTestId("form-alliance-submit").ClickAsync();
        await Expect(lead.GetByTestId("alliance-title")).ToHaveTextAsync(Rti);
        var alliance = Guid.Parse(Regex.Match(lead.Url, "#/alliances/([0-9a-fA-F-]{36})").Groups[1].Value);
        await lead.GetByTestId("alliance-tab-partners").ClickAsync();
        var suggestion = lead.GetByTestId("suggestion").And(lead.Locator($"[data-firm-id='{controls.Firm.Id}' i]"));
        await Expect(suggestion).ToContainTextAsync(Controls);
        await suggestion.GetByTestId("invite-suggestion").ClickAsync();
        await Expect(lead.GetByTestId("alliance-member").And(lead.Locator($"[data-firm-id='{controls.Firm.Id}' i]")))
            .ToHaveAttributeAsync("data-standing", "Invited");

        // The partner accepts on the RTI's page.
        var partner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(partner, controls.Email);
        await partner.GotoAsync($"/#/alliances/{alliance}");
        await partner.GetByTestId("accept-invitation").ClickAsync();
        await Expect(partner.GetByTestId("alliance-invitation")).ToHaveCountAsync(0);
        await Expect(lead.GetByTestId("alliance-member").And(lead.Locator($"[data-firm-id='{controls.Firm.Id}' i]")))
            .Not.ToHaveAttributeAsync("data-standing", "Invited");

        // The work is split: each firm adds its own package for its lot, and each page shows both.
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        await partner.GetByTestId("alliance-tab-bid").ClickAsync();
        await AddsPackage(lead, "Cappotto e serramenti", 1, builder.Firm.Id, "930000");
        await AddsPackage(partner, "Telegestione degli impianti", 2, controls.Firm.Id, "255000");
        foreach (var page in new[] { lead, partner }) await Expect(page.GetByTestId("work-package")).ToHaveCountAsync(2);

        // Both approve the same content; the lead's page says bids go to the buyer's platform, not here.
        await partner.GetByTestId("sign-bid").And(partner.Locator($"[data-firm-id='{controls.Firm.Id}' i]")).ClickAsync();
        await lead.GetByTestId("sign-bid").And(lead.Locator($"[data-firm-id='{builder.Firm.Id}' i]")).ClickAsync();
        await Expect(lead.GetByTestId("sign-bid")).ToHaveCountAsync(0);
        await Expect(partner.GetByTestId("sign-bid")).ToHaveCountAsync(0);
        var digest = (await lead.GetByTestId("joint-digest").TextContentAsync())!.Trim();
        digest.Should().MatchRegex("^[0-9a-f]{64}$");
        await Expect(partner.GetByTestId("joint-digest")).ToHaveTextAsync(digest);
        // Neither page says the bid is submitted here: it is taken to the buyer's platform.
        foreach (var page in new[] { lead, partner })
        {
            await Expect(page.GetByTestId("joint-bid-intro")).ToContainTextAsync("la capofila la presenta a nome di tutte sulla piattaforma dell'ente.");
            await Expect(page.GetByTestId("joint-submit-elsewhere")).ToHaveTextAsync("Le offerte per questa gara si presentano sulla piattaforma "
                + $"dell'ente, non qui: quando tutte le imprese l'hanno approvata, la capofila, {Builders}, scarica l'offerta congiunta (ZIP) qui sopra e la presenta lì.");
        }
        await lead.GetByTestId("sign-off").ScrollIntoViewIfNeededAsync();
        await lead.ScreenshotAsync(new() { Path = Shot("2-signed-it"), FullPage = true });

        // The lead downloads the package for the buyer's platform: the content both signed hashes to that digest.
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.GetByTestId("joint-package").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"rti-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(saved);
        using (var zip = ZipFile.OpenRead(saved))
        {
            var content = zip.GetEntry("offerta-congiunta.json");
            content.Should().NotBeNull("the package holds the signed content");
            await using var stream = content!.Open();
            Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)).Should().Be(digest);
            zip.Entries.Select(e => e.FullName).Should().Contain(["riepilogo.txt", "summary.txt"], "a summary in each language comes with it");
        }
        File.Delete(saved);

        await partner.GetByTestId("lang-en").ClickAsync();
        await Expect(partner.GetByTestId("joint-package")).ToHaveTextAsync("Download the joint bid (ZIP)");
        await Expect(partner.GetByTestId("joint-submit-elsewhere")).ToContainTextAsync("Bids for this tender are submitted on the buyer's own platform, not here");
        await Expect(partner.GetByTestId("joint-bid-intro")).ToContainTextAsync("the lead submits it on behalf of all on the buyer's own platform.");
        await partner.GetByTestId("sign-off").ScrollIntoViewIfNeededAsync();
        await partner.ScreenshotAsync(new() { Path = Shot("3-signed-en"), FullPage = true });
    }
}
