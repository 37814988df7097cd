using System.Net.Http.Json;
using Marketplace.Board;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A member firm reports a misleading post to the association from its phone; the secretary, with the admin area open,
/// sees the report arrive, examines it and hides the post with a reason; the post leaves the firm's open board and the
/// firm reads what the association decided, without reloading.
/// </summary>
public sealed class ReportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_firm_reports_a_post_the_secretary_hides_it_live_and_the_firm_reads_why()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"]);
        var (_, rossiEmail, rossi) = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");
        var (neriApi, _, neri) = await arranged.Member("neri", "Neri Costruzioni S.r.l.");
        (await neriApi.PostAsJsonAsync($"/api/spaces/{arranged.Id}/posts", new PublishPostRequest(neri.Id, PostKind.Offer,
            "Certificazioni SOA in vendita", "Vendiamo attestazioni SOA per qualsiasi categoria, senza requisiti.", ["45210000"], "036023", null,
            DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)), null), Json)).EnsureSuccessStatusCode();

        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/admin");
        var queue = secretary.GetByTestId("admin-reports");
        await Expect(queue.GetByTestId("reports-empty")).ToHaveTextAsync("Nessuna segnalazione in attesa.");
        await HubGroups.UntilJoined(secretary, "WatchSpaceAdmin", arranged.Id);

        var firm = await fixture.NewPerson(width: 390);
        await BusinessProfileBrowserTests.SignIn(firm, rossiEmail);
        await firm.GotoAsync($"/#/spaces/{arranged.Id}/board");
        await HubGroups.UntilJoined(firm, "WatchBusinessTeam", rossi.Id);
        var post = firm.GetByTestId("board-post");
        await Expect(post).ToContainTextAsync("Certificazioni SOA in vendita");
        await post.GetByTestId("board-post-open").ClickAsync();
        await post.GetByTestId("report-open").ClickAsync();
        await post.GetByTestId("report-reason").SelectOptionAsync("FalseInformation");
        await post.GetByTestId("report-text").FillAsync("Le attestazioni SOA non si vendono: è una truffa.");
        await post.GetByTestId("report-send").ClickAsync();
        await Expect(post.GetByTestId("report-status")).ToHaveTextAsync("Segnalazione inviata agli amministratori dello spazio «Spazio Imprese Emilia».");
        await Expect(post.GetByTestId("report-waiting")).ToContainTextAsync("l'associazione non l'ha ancora esaminato");
        await firm.ScreenshotAsync(new() { Path = Shot("report-1-sent-it-390.png"), FullPage = true });

        // The report reaches the secretary's open queue.
        var reported = queue.GetByTestId("admin-report");
        await Expect(reported.GetByTestId("report-subject")).ToHaveTextAsync("Certificazioni SOA in vendita");
        await Expect(reported.GetByTestId("report-note")).ToContainTextAsync("Informazioni false");
        await Expect(reported.GetByTestId("report-note")).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await Expect(reported.GetByTestId("report-note")).ToContainTextAsync("Le attestazioni SOA non si vendono: è una truffa.");
        await queue.ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("report-2-queue-it.png") });

        await reported.GetByTestId("report-examine").ClickAsync();
        await reported.GetByTestId("report-decision-reason").FillAsync("Annuncio ingannevole: le attestazioni SOA le rilasciano solo gli organismi autorizzati.");
        await reported.GetByTestId("report-hide").ClickAsync();
        await Expect(queue.GetByTestId("admin-reports-status")).ToHaveTextAsync("Contenuto nascosto: le imprese che l'hanno segnalato leggono il motivo.");
        await Expect(queue.GetByTestId("reports-empty")).ToBeVisibleAsync();
        await Expect(queue.GetByTestId("report-decision")).ToContainTextAsync("Certificazioni SOA in vendita");

        // The post leaves the firm's open board, and the firm reads the association's answer under it, in its language.
        await Expect(firm.GetByTestId("board-post")).ToHaveCountAsync(0);
        await Expect(firm.GetByTestId("my-report").GetByTestId("report-outcome")).ToHaveTextAsync(
            "La tua segnalazione è stata esaminata: l'associazione ha nascosto il contenuto. Motivo: Annuncio ingannevole: le attestazioni SOA le rilasciano solo gli organismi autorizzati.");
        await firm.GetByTestId("lang-en").ClickAsync();
        await Expect(firm.GetByTestId("my-report").GetByTestId("report-outcome")).ToContainTextAsync("Your report has been examined: the association hid the content.");
        await firm.GetByTestId("my-reports").ScrollIntoViewIfNeededAsync();
        await firm.ScreenshotAsync(new() { Path = Shot("report-3-outcome-en-390.png"), FullPage = true });
    }
}
