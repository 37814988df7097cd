using System.Net.Http.Json;
using Marketplace.Board;
using Marketplace.Reports;
using Marketplace.Showcase;
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
    /// <summary>
    /// A firm that shares two spaces with another reports it from its page, from a phone: sending without choosing the
    /// association is refused naming the choice, and the report goes to the association it picks. It reports the other
    /// firm's project from its card to the other association; a partner of the project is offered no report of it.
    /// </summary>
    [Fact]
    public async Task A_firm_reports_another_firm_and_its_project_choosing_which_of_their_two_associations_hears_it()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"]);
        var (rossiApi, rossiEmail, rossi) = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");
        var (neriApi, neriEmail, neri) = await arranged.Member("neri", "Neri Costruzioni S.r.l.");
        var (bianchiApi, bianchiEmail, bianchi) = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.");
        var second = await ArrangedSpace.Create(fixture, ["BO"], association: "Confartigianato Bologna", name: "Spazio Artigiani Bologna");
        await second.Admit(rossiApi, rossi.Id);
        await second.Admit(neriApi, neri.Id);
        var project = await (await neriApi.PostAsJsonAsync("/api/showcase", new PublishShowcaseRequest(neri.Id, "Scuola media Pascoli",
            "Adeguamento sismico e impianti.", "Comune di Carpi", 2024, null, ["45210000"], [bianchi.Id]), Json)).Read<ShowcaseDto>();
        (await bianchiApi.PostAsJsonAsync($"/api/showcase/{project.Id}/answers", new AnswerShowcaseRequest(bianchi.Id, true, project.Version, null), Json))
            .EnsureSuccessStatusCode();
        var confirmed = (await neriApi.GetFromJsonAsync<ShowcaseDto>($"/api/showcase/{project.Id}", Json))!;
        (await arranged.Secretary.PostAsJsonAsync($"/api/showcase/{project.Id}/verification", new VerifyShowcaseRequest(arranged.Id, confirmed.Version), Json))
            .EnsureSuccessStatusCode();

        var firm = await fixture.NewPerson(width: 390);
        await BusinessProfileBrowserTests.SignIn(firm, rossiEmail);
        await firm.GotoAsync($"/#/businesses/{neri.Id}");
        var aboutFirm = firm.GetByTestId("firm-report");
        await aboutFirm.GetByTestId("report-open").ClickAsync();
        await Expect(aboutFirm.GetByTestId("report-space").Locator("option")).ToHaveTextAsync(["Scegli lo spazio…", "Spazio Artigiani Bologna", "Spazio Imprese Emilia"]);
        await aboutFirm.GetByTestId("report-reason").SelectOptionAsync("Other");
        await aboutFirm.GetByTestId("report-text").FillAsync("Si presenta ai clienti come nostro partner senza esserlo.");
        await aboutFirm.GetByTestId("report-send").ClickAsync();
        await Expect(aboutFirm.GetByTestId("report-space-error")).ToHaveTextAsync(
            "La tua impresa e quella che segnali aderiscono a più spazi: scegli l'associazione a cui segnalare.");
        await aboutFirm.ScrollIntoViewIfNeededAsync();
        await firm.ScreenshotAsync(new() { Path = Shot("report-firm-1-choose-it-390.png") });
        await aboutFirm.GetByTestId("report-space").SelectOptionAsync(second.Id.ToString());
        await aboutFirm.GetByTestId("report-send").ClickAsync();
        await Expect(aboutFirm.GetByTestId("report-status")).ToHaveTextAsync("Segnalazione inviata agli amministratori dello spazio «Spazio Artigiani Bologna».");
        await Expect(aboutFirm.GetByTestId("report-waiting")).ToContainTextAsync("l'associazione non l'ha ancora esaminato");

        var card = firm.Locator($"[data-testid='showcase-item'][data-project-id='{project.Id}']");
        await card.GetByTestId("report-open").ClickAsync();
        await card.GetByTestId("report-space").SelectOptionAsync(arranged.Id.ToString());
        await card.GetByTestId("report-reason").SelectOptionAsync("FalseInformation");
        await card.GetByTestId("report-send").ClickAsync();
        await Expect(card.GetByTestId("report-status")).ToHaveTextAsync("Segnalazione inviata agli amministratori dello spazio «Spazio Imprese Emilia».");
        await firm.GetByTestId("lang-en").ClickAsync();
        await Expect(card.GetByTestId("report-waiting")).ToContainTextAsync("Your firm reported this on");
        await Expect(aboutFirm.GetByTestId("report-waiting")).ToContainTextAsync("the association has not examined it yet");
        await card.ScrollIntoViewIfNeededAsync();
        await firm.ScreenshotAsync(new() { Path = Shot("report-firm-2-project-en-390.png") });

        // Each association reads the report it was sent, and only that one.
        (await second.Secretary.GetFromJsonAsync<ReportQueueDto>($"/api/spaces/{second.Id}/reports", Json))!.Open
            .Should().ContainSingle().Which.Subject.Should().BeEquivalentTo(new { Kind = ReportSubject.Firm, Title = "Neri Costruzioni S.r.l." }, o => o.ExcludingMissingMembers());
        (await arranged.Secretary.GetFromJsonAsync<ReportQueueDto>($"/api/spaces/{arranged.Id}/reports", Json))!.Open
            .Should().ContainSingle().Which.Subject.Should().BeEquivalentTo(new { Kind = ReportSubject.Project, Title = "Scuola media Pascoli" }, o => o.ExcludingMissingMembers());

        // The project's partner, on a desktop in English, may report the firm (one space shared: no choice to make) but not
        // the project it took part in.
        var partner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(partner, bianchiEmail);
        await partner.GotoAsync($"/#/businesses/{neri.Id}");
        await partner.GetByTestId("lang-en").ClickAsync();
        await partner.GetByTestId("firm-report").GetByTestId("report-open").ClickAsync();
        await Expect(partner.GetByTestId("firm-report").GetByTestId("report-space-only")).ToHaveTextAsync(
            "The report goes to the association of the space “Spazio Imprese Emilia”, the only one you are both members of.");
        await Expect(partner.Locator($"[data-testid='showcase-item'][data-project-id='{project.Id}']")).ToBeVisibleAsync();
        await Expect(partner.Locator($"[data-testid='showcase-item'][data-project-id='{project.Id}'] [data-testid='report']")).ToHaveCountAsync(0);
        await partner.ScreenshotAsync(new() { Path = Shot("report-firm-3-partner-en.png"), FullPage = true });
    }
}
