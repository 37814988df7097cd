using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A firm's owner finds in the header how many things wait for them, reads them in plain words on "Da fare", follows
/// the space's invitation to where it is answered, accepts it, and the count drops without a reload.
/// </summary>
public sealed class ToDoBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_firm_s_owner_follows_an_invitation_from_the_to_do_page_accepts_it_and_the_count_drops_live(int width)
    {
        var space = await ArrangedSpace.Create(fixture, ["RE"], association: "Associazione Artigiani Reggio", name: "Spazio Artigiani Reggio");
        var gialli = await fixture.NewFirm("gialli", "Carpenterie Gialli S.r.l.");
        (await space.Secretary.PostAsJsonAsync($"/api/spaces/{space.Id}/invitations", new InviteRequest(gialli.Firm.Id), Json)).EnsureSuccessStatusCode();
        var verdi = await fixture.NewFirm("verdi", "Serramenti Verdi S.n.c.");
        (await verdi.Api.PostAsJsonAsync($"/api/businesses/{verdi.Firm.Id}/invitations", new InviteMemberRequest(gialli.Email, BusinessRole.Manager), Json))
            .EnsureSuccessStatusCode();

        var owner = await fixture.NewPerson(width: width);
        await BusinessProfileBrowserTests.SignIn(owner, gialli.Email);
        var count = owner.GetByTestId("nav-todo").GetByTestId("todo-count");
        await Expect(count).ToHaveTextAsync("2");
        await Expect(count).ToHaveAttributeAsync("aria-label", "2 cose da fare");

        await owner.GetByTestId("nav-todo").ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Da fare", Exact = true })).ToBeVisibleAsync();
        var invitation = owner.GetByTestId("todo-item").And(owner.Locator("[data-kind='SpaceInvitation']"));
        await Expect(owner.GetByTestId("todo-item")).ToHaveCountAsync(2);
        // The count drops live below only once the to-do has joined the firm's team group: this status says it has.
        await Expect(owner.GetByTestId("todo-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(invitation).ToContainTextAsync("Rispondi per «Carpenterie Gialli S.r.l.» all'invito a unirsi allo spazio «Spazio Artigiani Reggio»");
        await Expect(owner.GetByTestId("todo-item").And(owner.Locator("[data-kind='BusinessInvitation']")))
            .ToContainTextAsync("Rispondi all'invito di «Serramenti Verdi S.n.c.» a far parte del suo team come Gestore");
        await owner.ScreenshotAsync(new() { Path = Shot($"todo-it-{width}.png"), FullPage = true });

        await invitation.GetByRole(AriaRole.Link, new() { Name = "Apri lo spazio" }).ClickAsync();
        await Expect(owner.GetByTestId("standing-status")).ToHaveAttributeAsync("data-status", "Invited");
        await Expect(count).ToHaveTextAsync("2");
        await owner.GetByTestId("apply-accept-policy").CheckAsync();
        await owner.GetByTestId("apply-submit").ClickAsync();
        await Expect(owner.GetByTestId("standing-status")).ToHaveAttributeAsync("data-status", "Member");
        await Expect(count).ToHaveTextAsync("1"); // the firm's standing changed: heard live, without leaving the page
        await Expect(count).ToHaveAttributeAsync("aria-label", "1 cosa da fare");

        await owner.GetByTestId("nav-todo").ClickAsync();
        await Expect(owner.GetByTestId("todo-item")).ToHaveCountAsync(1);
        await Expect(owner.GetByTestId("todo-item")).ToHaveAttributeAsync("data-kind", "BusinessInvitation");
    }

    [Fact]
    public async Task A_buyer_s_person_sees_a_firm_s_question_arrive_in_the_count_and_follows_it_to_the_tender()
    {
        var space = await ArrangedSpace.Create(fixture, ["MO"]);
        var buyer = await space.Buyer();
        var firm = await space.Member("firm", "Impianti Gatti S.r.l.", p => p with { Capabilities = ["45330000"] });
        var now = DateTimeOffset.UtcNow;
        var tender = await buyer.Publish("Manutenzione scuole comunali", now.AddDays(3), now.AddDays(10),
            new LotRequest(0, "Impianti sanitari", null, ["45330000"], new MoneyDto(120_000m, "EUR"), "036005"));

        var page = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(page, buyer.Email);
        await page.GetByTestId("nav-todo").ClickAsync();
        await Expect(page.GetByTestId("todo-empty")).ToContainTextAsync("Nulla da fare adesso.");
        await Expect(page.GetByTestId("todo-live-status")).ToHaveAttributeAsync("data-state", "connected");
        (await firm.Api.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(firm.Firm.Id, "È previsto un sopralluogo?"), Json)).EnsureSuccessStatusCode();

        var row = page.GetByTestId("todo-item");
        await Expect(row).ToContainTextAsync("Rispondi al quesito di un'impresa sulla gara «Manutenzione scuole comunali»");
        (await firm.Api.PostAsJsonAsync($"/api/tenders/{tender.Id}/questions", new AskRequest(firm.Firm.Id, "Il subappalto è ammesso?"), Json)).EnsureSuccessStatusCode();

        // Told live, on the page already open and read since the first question: the buyer's team heard ToDoChanged.
        await Expect(row).ToContainTextAsync("Rispondi ai 2 quesiti delle imprese sulla gara «Manutenzione scuole comunali»");
        await Expect(page.GetByTestId("nav-todo").GetByTestId("todo-count")).ToHaveTextAsync("1");
        await page.ScreenshotAsync(new() { Path = Shot("todo-buyer-question-it-1280.png"), FullPage = true });
        await Expect(row.GetByTestId("todo-deadline")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = "Apri la gara" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manutenzione scuole comunali" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Nothing_waiting_is_said_plainly_and_a_visitor_has_no_to_do_link()
    {
        var lone = await fixture.NewFirm("solo", "Idraulica Sola");
        var visitor = await fixture.NewPerson();
        await visitor.GotoAsync("/#/");
        await Expect(visitor.GetByTestId("nav-login")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("nav-todo")).ToHaveCountAsync(0);

        var person = await fixture.NewPerson(locale: "en-GB");
        await BusinessProfileBrowserTests.SignIn(person, lone.Email);
        await person.GetByTestId("nav-todo").ClickAsync();
        await Expect(person.GetByTestId("todo-empty")).ToContainTextAsync("Nothing to do right now.");
        await Expect(person.GetByTestId("nav-todo").GetByTestId("todo-count")).ToHaveCountAsync(0);
    }
}
