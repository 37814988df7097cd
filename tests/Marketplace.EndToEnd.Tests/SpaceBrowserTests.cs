using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class SpaceBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_firm_applies_the_admin_sees_it_live_and_approves_and_the_firm_sees_itself_in_the_directory_live()
    {
        // Arranged through the API: an association with a members-only space, one member, and a firm that will apply.
        var arranged = await ArrangedSpace.Create(fixture, ["BO", "MO"], description: "Competenze, progetti comuni e gare del territorio.",
            policy: "1. Possono aderire le imprese con sede in Emilia.\n2. Le offerte congiunte sono approvate da tutti i partecipanti.");
        var (space, secretaryEmail) = (arranged.Id, arranged.SecretaryEmail);
        await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { ComuneCode = "037006", Capabilities = ["45210000"], Size = FirmSize.Small });
        var (_, applicantEmail, bianchi) = await fixture.NewFirm("bianchi", "Impianti Bianchi S.n.c.",
            p => p with { ComuneCode = "036023", Capabilities = ["45310000"], Size = FirmSize.Micro });

        var admin = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(admin, secretaryEmail);
        await admin.GotoAsync($"/#/spaces/{space}/admin");
        await Expect(admin.GetByTestId("space-live-status")).ToHaveAttributeAsync("data-state", "connected");
        var firm = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(firm, applicantEmail);
        await firm.GotoAsync($"/#/spaces/{space}");
        await Expect(firm.GetByTestId("space-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await firm.GetByTestId("space-tab-members").ClickAsync();
        await Expect(firm).ToHaveURLAsync(new Regex($"#/spaces/{space}/members$"));
        await Expect(firm.GetByTestId("space-members-only")).ToBeVisibleAsync();

        await firm.GetByTestId("space-tab-about").ClickAsync();
        await firm.GetByTestId("apply-message").FillAsync("Impianti elettrici e termoidraulici a Modena: vorremmo collaborare con le imprese edili.");
        await firm.GetByTestId("apply-accept-policy").CheckAsync();
        await firm.GetByTestId("apply-submit").ClickAsync();
        await Expect(firm.GetByTestId("standing-status")).ToHaveAttributeAsync("data-status", "Applied");

        var application = admin.GetByTestId("application-item").And(admin.Locator($"[data-firm-id='{bianchi.Id}']"));
        await Expect(application).ToBeVisibleAsync(); // arrived live, without reloading the admin's page
        await application.GetByTestId("approve-submit").ClickAsync();

        await Expect(firm.GetByTestId("standing-status")).ToHaveAttributeAsync("data-status", "Member");
        await firm.GetByTestId("space-tab-members").ClickAsync();
        await Expect(firm.GetByTestId("space-member").And(firm.Locator($"[data-firm-id='{bianchi.Id}']"))).ToBeVisibleAsync();
        await Expect(firm.GetByTestId("space-member")).ToHaveCountAsync(2);
        await Expect(admin.GetByTestId("admin-member-item").And(admin.Locator($"[data-firm-id='{bianchi.Id}']"))).ToBeVisibleAsync();

        await firm.ScreenshotAsync(new() { Path = Shot("space-directory-member.png"), FullPage = true });
        await admin.ScreenshotAsync(new() { Path = Shot("space-admin.png"), FullPage = true });

        await admin.GotoAsync($"/#/spaces/{space}/dashboard");
        await Expect(admin.GetByTestId("space-dashboard")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("dashboard-kpi-members")).ToContainTextAsync("2");
        await Expect(admin.GetByTestId("dashboard-chart-divisions")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("dashboard-uncovered")).ToContainTextAsync("Prodotti dell'agricoltura");
        // A viewport capture: a full-page one resizes the page and can catch the charts while they redraw.
        await admin.ScreenshotAsync(new() { Path = Shot("space-dashboard.png") });
    }

    [Fact]
    public async Task The_space_s_tenders_tab_lists_a_tender_the_moment_its_buyer_publishes_it()
    {
        // Arranged through the API: a public space with an approved buyer, and a visitor reading its tenders' tab.
        var arranged = await ArrangedSpace.Create(fixture, ["MO"], association: "Associazione Imprese Modena", name: "Spazio Imprese Modena",
            visibility: DirectoryVisibility.Public);
        var buyer = await arranged.Buyer("appalti", "Comune di Carpi");
        var visitor = await fixture.NewPerson();
        await visitor.GotoAsync($"/#/spaces/{arranged.Id}/tenders");
        await Expect(visitor.GetByTestId("space-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(visitor.GetByTestId("space-tenders")).ToContainTextAsync("Nessuna gara");
        await visitor.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        var now = DateTimeOffset.UtcNow;
        var draft = await (await buyer.Api.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Manutenzione del verde pubblico", null,
            [new LotRequest(0, "Sfalci e potature", null, ["77310000"], new MoneyDto(90_000m, "EUR"), null)],
            [], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddDays(7), now.AddDays(14), null, null, false, []), Json))
            .Read<TenderDto>();
        // A draft is in no list; once published, the visitor's list shows it without being reloaded.
        await Expect(visitor.GetByTestId("tender-item")).ToHaveCountAsync(0);
        (await buyer.Api.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        var listed = visitor.GetByTestId("tender-item").And(visitor.Locator($"[data-tender-id='{draft.Id}']"));
        await Expect(listed).ToContainTextAsync("Manutenzione del verde pubblico");
        await Expect(visitor.GetByTestId("space-tender-count")).ToHaveTextAsync("1");
        (await visitor.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue("the page was not reloaded");
        await visitor.ScreenshotAsync(new() { Path = Shot("space-tenders-live.png"), FullPage = true });
    }

    [Fact]
    public async Task An_invited_firm_is_offered_to_join_or_decline_and_after_declining_may_apply()
    {
        var space = await ArrangedSpace.Create(fixture, ["RE"]);
        var gialli = await fixture.NewFirm("gialli", "Carpenterie Gialli S.r.l.");
        (await space.Secretary.PostAsJsonAsync($"/api/spaces/{space.Id}/invitations", new InviteRequest(gialli.Firm.Id), Json)).EnsureSuccessStatusCode();

        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, gialli.Email);
        await owner.GotoAsync($"/#/spaces/{space.Id}");
        await Expect(owner.GetByTestId("standing-status")).ToHaveAttributeAsync("data-status", "Invited");
        await Expect(owner.GetByTestId("apply-submit")).ToHaveTextAsync("Accetta l'invito ed entra");
        await Expect(owner.GetByTestId("apply-message")).ToHaveCountAsync(0);

        await Expect(owner.GetByTestId("withdraw-submit")).ToHaveTextAsync("Rifiuta l'invito");
        await owner.GetByTestId("withdraw-submit").ClickAsync();
        await Expect(owner.GetByTestId("standing-status")).ToHaveAttributeAsync("data-status", "Declined");
        await Expect(owner.GetByTestId("standing-status")).ToHaveTextAsync("Invito rifiutato");
        await Expect(owner.GetByTestId("standing-feedback")).ToHaveTextAsync("Invito rifiutato.");
        await Expect(owner.GetByTestId("apply-message")).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("withdraw-submit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_host_s_owner_appoints_a_moderator_who_administers_the_space_but_is_offered_no_moderator_form()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["PR"], association: "Associazione Imprese Parma", name: "Spazio Imprese Parma");
        var moderatorEmail = await fixture.NewApiClient().SignUp("moderatore");

        // The association's secretary (its Owner) is offered the spaces page's create button and the moderators' form.
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync("/#/spaces");
        await Expect(secretary.GetByTestId("space-create")).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("space-item").And(secretary.Locator($"[data-space-id='{arranged.Id}']"))).ToBeVisibleAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("spaces-host-owner.png"), FullPage = true });
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/admin");
        await secretary.GetByTestId("moderator-email").FillAsync(moderatorEmail);
        await secretary.GetByTestId("moderator-submit").ClickAsync();
        var appointed = secretary.GetByTestId("moderator-item");
        await Expect(appointed).ToHaveCountAsync(1);
        await Expect(appointed).ToContainTextAsync(moderatorEmail);
        await Expect(appointed.GetByTestId("moderator-remove")).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("moderators-host-only")).ToHaveCountAsync(0);
        await secretary.ScreenshotAsync(new() { Path = Shot("space-admin-host-owner.png"), FullPage = true });

        // The moderator administers the space (its settings, its policy) but appoints no one, and hosts no space.
        var moderator = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(moderator, moderatorEmail);
        await moderator.GotoAsync($"/#/spaces/{arranged.Id}");
        await moderator.GetByTestId("space-tab-admin").ClickAsync();
        await Expect(moderator.GetByTestId("space-admin")).ToBeVisibleAsync();
        await Expect(moderator.GetByTestId("moderators-host-only")).ToBeVisibleAsync();
        await Expect(moderator.GetByTestId("moderator-item")).ToContainTextAsync(moderatorEmail);
        await Expect(moderator.GetByTestId("moderator-email")).ToHaveCountAsync(0);
        await Expect(moderator.GetByTestId("moderator-remove")).ToHaveCountAsync(0);
        await Expect(moderator.GetByTestId("space-settings-link")).ToBeVisibleAsync();
        await Expect(moderator.GetByTestId("policy-text-input")).ToBeVisibleAsync();
        await moderator.ScreenshotAsync(new() { Path = Shot("space-admin-moderator.png"), FullPage = true });
        await moderator.GotoAsync("/#/spaces");
        await Expect(moderator.GetByTestId("space-item").And(moderator.Locator($"[data-space-id='{arranged.Id}']"))).ToBeVisibleAsync();
        await Expect(moderator.GetByTestId("space-create")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_visitor_narrows_a_public_directory_by_size_and_words_and_the_address_keeps_the_search()
    {
        // Arranged through the API: a space whose directory is public, with two member firms of different sizes.
        var arranged = await ArrangedSpace.Create(fixture, ["RA"], association: "Associazione Artigiani Romagna", name: "Spazio Artigiani Romagna",
            description: "Imprese artigiane della Romagna.", visibility: DirectoryVisibility.Public, policy: "1. Possono aderire le imprese artigiane.");
        var space = arranged.Id;
        await arranged.Member("verdi", "Costruzioni Verdi S.r.l.", p => p with { Size = FirmSize.Small });
        await arranged.Member("neri", "Impianti Neri S.n.c.", p => p with { Size = FirmSize.Micro });

        var visitor = await fixture.NewPerson();
        await visitor.GotoAsync($"/#/spaces/{space}/members");
        var members = visitor.GetByTestId("space-member");
        await Expect(members).ToHaveCountAsync(2);

        await visitor.GetByTestId("directory-filter-size").SelectOptionAsync("Micro");
        await Expect(members).ToHaveCountAsync(1);
        await Expect(members).ToContainTextAsync("Impianti Neri S.n.c.");
        await Expect(visitor).ToHaveURLAsync(new Regex("size=Micro"));

        await visitor.GetByTestId("directory-search-words").FillAsync("Verdi");
        await Expect(visitor.GetByTestId("space-members")).ToContainTextAsync("Nessuna impresa membro corrisponde ai filtri.");
        await visitor.GetByTestId("directory-reset").ClickAsync();
        await Expect(members).ToHaveCountAsync(2);
        await Expect(visitor.GetByTestId("directory-search-words")).ToHaveValueAsync("");

        await visitor.GetByTestId("directory-search-words").FillAsync("Verdi");
        await Expect(members).ToHaveCountAsync(1);
        await Expect(visitor).ToHaveURLAsync(new Regex("q=Verdi"));
        await visitor.ReloadAsync();
        await Expect(visitor.GetByTestId("directory-search-words")).ToHaveValueAsync("Verdi");
        await Expect(members).ToHaveCountAsync(1);
        await Expect(members).ToContainTextAsync("Costruzioni Verdi S.r.l.");
        await visitor.ScreenshotAsync(new() { Path = Shot("space-directory-search.png"), FullPage = true });

        // The same space from an address without a search (a link, or one typed) shows every member again.
        await visitor.GotoAsync($"/#/spaces/{space}/members");
        await Expect(visitor.GetByTestId("directory-search-words")).ToHaveValueAsync("");
        await Expect(members).ToHaveCountAsync(2);
    }
}
