using System.Net.Http.Json;
using Marketplace.Board;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class BoardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    /// <summary>
    /// The poster opens the board's form (reading it with <paramref name="form"/> when given) and publishes a post in
    /// Bologna for one CPV code, lasting <paramref name="days"/>, with an expected value and a tender of the space if given.
    /// </summary>
    internal static async Task Publish(IPage page, PostKind kind, string title, string text, string cpv, int days, string? value = null,
        string? tender = null, Func<Task>? form = null)
    {
        await page.GetByText("Pubblica un annuncio").ClickAsync();
        if (form is not null) await form();
        await page.GetByTestId($"board-kind-{kind.ToString().ToLowerInvariant()}").CheckAsync();
        await page.GetByTestId("board-title").FillAsync(title);
        await page.GetByTestId("board-text").FillAsync(text);
        await page.GetByTestId("board-cpv-search").FillAsync(cpv);
        await page.GetByTestId("board-cpv-option").First.ClickAsync();
        await page.GetByTestId("board-comune-search").FillAsync("Bologna");
        await page.Locator("[data-testid='board-comune-option'][data-value='037006']").ClickAsync();
        if (value is not null) await page.GetByTestId("board-value").FillAsync(value);
        await page.GetByTestId("board-expires").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd"));
        if (tender is not null) await page.GetByTestId("board-tender").SelectOptionAsync(new SelectOptionValue { Label = tender });
        await page.GetByTestId("board-submit").ClickAsync();
    }

    [Fact]
    public async Task A_firm_posts_a_request_another_sees_it_live_and_answers_and_accepting_takes_both_to_the_alliance()
    {
        // Arranged through the API: the builder and the electrician are members of the association's space.
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var (_, rossiEmail, rossi) = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { ComuneCode = "037006", Capabilities = ["45210000"] });
        var (_, bianchiEmail, bianchi) = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { ComuneCode = "037006", Capabilities = ["45310000"] });

        // The electrician, in English on a phone, has the board open: empty for now.
        var electrician = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(electrician, bianchiEmail);
        await electrician.GotoAsync($"/#/spaces/{arranged.Id}/board");
        await Expect(electrician.GetByTestId("board-empty")).ToHaveTextAsync("No open posts.");
        await HubGroups.UntilJoined(electrician, "WatchBusinessTeam", bianchi.Id);

        // The builder asks for a partner for the electrical work, from the board's form.
        var builder = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(builder, rossiEmail);
        await builder.GotoAsync($"/#/spaces/{arranged.Id}/board");
        await HubGroups.UntilJoined(builder, "WatchBusinessTeam", rossi.Id); // where the interest will be heard
        await Publish(builder, PostKind.Request, "Cerchiamo un partner per gli impianti elettrici",
            "Ristrutturiamo due scuole a Bologna nel 2027: cerchiamo un'impresa di impianti elettrici.", "45310000", 20, value: "180000");
        await Expect(builder.GetByTestId("board-status")).ToHaveTextAsync("Annuncio pubblicato.");
        var builderPost = builder.GetByTestId("board-post");
        await Expect(builderPost).ToContainTextAsync("Cerchiamo un partner per gli impianti elettrici");
        await builderPost.GetByTestId("board-post-open").ClickAsync();
        await Expect(builderPost.GetByTestId("board-no-interests")).ToHaveTextAsync("Ancora nessuna impresa ha manifestato interesse.");
        await builder.ScreenshotAsync(new() { Path = Shot("board-posted-it.png"), FullPage = true });

        // It reaches the electrician's open board without a reload, and its notice: the post matches its trade.
        var seen = electrician.GetByTestId("board-post");
        await Expect(seen).ToContainTextAsync("Cerchiamo un partner per gli impianti elettrici");
        await Expect(seen).ToContainTextAsync("Looking for a partner");
        await Expect(electrician.GetByTestId("post-notice")).ToContainTextAsync("New post on the board for your capabilities");
        await electrician.GetByTestId("post-notice-close").ClickAsync();
        // The e-mail of its notice links to the post itself (#/spaces/{id}/board?post={postId}): the link opens it.
        var postId = await seen.GetAttributeAsync("data-post-id");
        await electrician.GotoAsync($"/#/spaces/{arranged.Id}/board?post={postId}");
        await Expect(seen.GetByTestId("board-post-text")).ToHaveTextAsync("Ristrutturiamo due scuole a Bologna nel 2027: cerchiamo un'impresa di impianti elettrici.");
        await electrician.ScreenshotAsync(new() { Path = Shot("board-post-link-en-390.png"), FullPage = true });
        await electrician.GetByTestId("board-interest-message").FillAsync("We install electrical systems in schools: happy to talk.");
        await electrician.GetByTestId("board-interest-submit").ClickAsync();
        await Expect(electrician.GetByTestId("board-post-status-line")).ToHaveTextAsync("Interest sent.");
        await Expect(seen.GetByTestId("board-my-interest")).ToHaveTextAsync("You expressed interest");
        await electrician.ScreenshotAsync(new() { Path = Shot("board-interest-en-390.png"), FullPage = true });

        // The builder's open post shows the interest live, and accepting it forms the alliance.
        var interest = builderPost.GetByTestId("board-interest");
        await Expect(interest).ToContainTextAsync("Impianti Bianchi S.n.c.");
        await Expect(interest).ToContainTextAsync("We install electrical systems in schools: happy to talk.");
        await builder.ScreenshotAsync(new() { Path = Shot("board-interest-received-it.png"), FullPage = true });
        await interest.GetByTestId("board-accept").ClickAsync();
        await Expect(builder.GetByTestId("board-post-status-line")).ToHaveTextAsync("Interesse accettato: l'alleanza è formata e l'impresa è invitata.");
        await builder.GetByTestId("board-alliance-link").ClickAsync();
        await Expect(builder.GetByTestId("alliance-title")).ToHaveTextAsync("Cerchiamo un partner per gli impianti elettrici");

        // The electrician is told on the post it answered, and lands on the alliance it is invited to.
        await Expect(seen.GetByTestId("board-my-interest")).ToHaveTextAsync("Your interest was accepted");
        await electrician.ScreenshotAsync(new() { Path = Shot("board-accepted-en-390.png"), FullPage = true });
        await seen.GetByTestId("board-alliance-link").ClickAsync();
        await Expect(electrician.GetByTestId("alliance-title")).ToHaveTextAsync("Cerchiamo un partner per gli impianti elettrici");
        await electrician.ScreenshotAsync(new() { Path = Shot("board-alliance-en-390.png"), FullPage = true });

        // Its inbox keeps the post its trade matches, for whoever opens it later.
        await electrician.GotoAsync("/#/inbox");
        await Expect(electrician.GetByTestId("inbox-post")).ToContainTextAsync("Cerchiamo un partner per gli impianti elettrici");
        await Expect(electrician.GetByTestId("inbox-post")).ToContainTextAsync("Board of Spazio Imprese Emilia · posted by Edilizia Rossi S.r.l.");
        await electrician.ScreenshotAsync(new() { Path = Shot("board-inbox-en-390.png"), FullPage = true });
    }

    [Fact]
    public async Task The_secretary_makes_new_posts_wait_for_approval_approves_one_and_hides_another_with_a_reason_the_poster_reads()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var (rossiApi, rossiEmail, rossi) = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { ComuneCode = "037006", Capabilities = ["45210000"] });
        await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { ComuneCode = "037006", Capabilities = ["45310000"] });

        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/settings");
        await secretary.GetByTestId("space-posts-need-approval").CheckAsync();
        await secretary.GetByTestId("space-posts-need-approval").ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("board-settings-approval-it.png") });
        await secretary.GetByTestId("space-save").ClickAsync();
        // Saved once the space's own page is back (its settings link is on it, not on the form).
        await Expect(secretary.GetByTestId("space-settings-link")).ToBeVisibleAsync();

        // The builder publishes from the board: its post waits for the admins.
        var builder = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(builder, rossiEmail);
        await builder.GotoAsync($"/#/spaces/{arranged.Id}/board");
        await HubGroups.UntilJoined(builder, "WatchBusinessTeam", rossi.Id); // where the board's changes come
        await Publish(builder, PostKind.Offer, "Offriamo squadre per opere murarie", "Due squadre disponibili da marzo per scuole e uffici.", "45210000", 15,
            form: async () => await Expect(builder.GetByTestId("board-form"))
                .ToContainTextAsync("In questo spazio i nuovi annunci sono visibili dopo l'approvazione degli amministratori."));
        await Expect(builder.GetByTestId("board-status"))
            .ToHaveTextAsync("Annuncio inviato: sarà visibile alle altre imprese quando gli amministratori lo approveranno.");
        await Expect(builder.GetByTestId("board-post-status")).ToHaveTextAsync("In attesa di approvazione");

        // The secretary approves it from the board, and sees it counted on the dashboard.
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/board");
        var queued = secretary.GetByTestId("board-post");
        await Expect(queued.GetByTestId("board-post-status")).ToHaveTextAsync("In attesa di approvazione");
        await queued.GetByTestId("board-post-open").ClickAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("board-queue-it.png"), FullPage = true });
        await queued.GetByTestId("board-approve").ClickAsync();
        await Expect(queued.GetByTestId("board-post-status")).ToHaveCountAsync(0);
        await Expect(builder.GetByTestId("board-post-status")).ToHaveCountAsync(0); // the poster's board follows live

        // A second post is hidden with a reason: the poster reads it on its post.
        var hidden = await (await rossiApi.PostAsJsonAsync($"/api/spaces/{arranged.Id}/posts", new PublishPostRequest(rossi.Id, PostKind.Offer,
            "Offriamo sconti su tutto", "Prezzi bassissimi per tutti i clienti.", ["45210000"], "037006", null,
            DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)), null), ApiClientExtensions.Json)).Read<PostDto>();
        (await arranged.Secretary.PostAsJsonAsync($"/api/posts/{hidden.Post.Id}/moderation", new ModeratePostRequest(ModerationAction.Approve, null),
            ApiClientExtensions.Json)).EnsureSuccessStatusCode();
        await secretary.ReloadAsync();
        var spam = secretary.Locator($"[data-testid='board-post'][data-post-id='{hidden.Post.Id}']");
        await spam.GetByTestId("board-post-open").ClickAsync();
        await spam.GetByTestId("board-reason").FillAsync("Pubblicità, non una proposta di collaborazione.");
        await spam.GetByTestId("board-hide").ClickAsync();
        // The post leaves the secretary's board, and the board says so where it was.
        await Expect(secretary.GetByTestId("board-left-status"))
            .ToHaveTextAsync("Annuncio nascosto: non è più in bacheca, e chi l'ha pubblicato legge il motivo sul suo annuncio.");
        await Expect(spam).ToHaveCountAsync(0);
        await secretary.ScreenshotAsync(new() { Path = Shot("board-hidden-admin-it.png") });
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/dashboard");
        await Expect(secretary.GetByTestId("dashboard-kpi-posts")).ToHaveAttributeAsync("data-value", "1");
        await Expect(secretary.GetByTestId("dashboard-kpi-posts-awaiting")).ToHaveAttributeAsync("data-value", "0");

        var mine = builder.Locator($"[data-testid='board-post'][data-post-id='{hidden.Post.Id}']");
        await Expect(mine.GetByTestId("board-post-status")).ToHaveTextAsync("Nascosto dagli amministratori");
        await mine.GetByTestId("board-post-open").ClickAsync();
        await Expect(mine.GetByTestId("board-moderation")).ToHaveTextAsync("Gli amministratori hanno nascosto l'annuncio: Pubblicità, non una proposta di collaborazione.");
        await builder.ScreenshotAsync(new() { Path = Shot("board-hidden-poster-it.png"), FullPage = true });
    }
}
