using System.Collections.Concurrent;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Normal visits leave the browser's console clean: an error there on an ordinary page is a request the page should
/// not have made (a 401 for "who am I" when nobody is signed in).
/// </summary>
public sealed class ConsoleBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static ConcurrentQueue<string> ErrorsOf(IPage page)
    {
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Enqueue($"{page.Url}: {message.Text}");
        };
        // The console names no address for a failed request: the response does.
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) errors.Enqueue($"{response.Request.Method} {new Uri(response.Url).PathAndQuery}: {response.Status}");
        };
        return errors;
    }

    [Fact]
    public async Task Anonymous_visitors_and_a_signed_in_firm_see_no_console_errors_on_ordinary_pages_their_tender_pages_included()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"], association: "Associazione Artigiani Carpi", name: "Spazio Artigiani Carpi");
        var buyerApi = fixture.NewApiClient();
        await buyerApi.SignUp("acquisti");
        var buyer = await buyerApi.CreateBusiness("Comune di Novi", BusinessKind.Buyer);
        var firm = await arranged.Member("firm", "Impianti Gatti S.r.l.", p => p with { Capabilities = ["45330000"] });
        await arranged.Secretary.ApproveBuyer(buyerApi, arranged.Id, buyer.Id);
        var now = fixture.ServerClock.GetUtcNow();
        var draft = await (await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Bagni della scuola media", null,
            [new LotRequest(0, "Impianti idraulici", null, ["45330000"], new MoneyDto(80_000m, "EUR"), null)], [],
            [new CriterionRequest(0, "Prezzo", Marketplace.Tenders.CriterionKind.Price, 100)], now.AddDays(10), now.AddDays(20), null, null, true, []), Json)).Read<TenderDto>();
        (await buyerApi.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        // A tender taking bids, for the firm's own tender page with its bid form (and no bid yet).
        var bidsFrom = now.AddMinutes(5);
        var open = await (await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Tinteggiatura della palestra", null,
            [new LotRequest(0, "Tinteggiatura", null, ["45442100"], new MoneyDto(30_000m, "EUR"), null)], [],
            [new CriterionRequest(0, "Prezzo", Marketplace.Tenders.CriterionKind.Price, 100)], bidsFrom, now.AddDays(20), null, null, true, []), Json)).Read<TenderDto>();
        (await buyerApi.PostAsJsonAsync($"/api/tenders/{open.Id}/publish", new VersionRequest(open.Version), Json)).EnsureSuccessStatusCode();

        var visitor = await fixture.NewPerson();
        var visitorErrors = ErrorsOf(visitor);
        await visitor.GotoAsync("/#/");
        await Expect(visitor.GetByTestId("directory-search")).ToBeVisibleAsync();
        await visitor.GotoAsync($"/#/businesses/{firm.Firm.Id}");
        await Expect(visitor.GetByTestId("business-name")).ToHaveTextAsync("Impianti Gatti S.r.l.");
        await visitor.GotoAsync($"/#/tenders/{draft.Id}");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Bagni della scuola media" })).ToBeVisibleAsync();

        var member = await fixture.NewPerson();
        var memberErrors = ErrorsOf(member);
        await BusinessProfileBrowserTests.SignIn(member, firm.Email);
        await member.GotoAsync($"/#/businesses/{firm.Firm.Id}");
        await Expect(member.GetByTestId("business-name")).ToHaveTextAsync("Impianti Gatti S.r.l.");
        await member.GotoAsync("/#/inbox");
        await Expect(member.GetByText("Bagni della scuola media")).ToBeVisibleAsync();
        // The firm's tender page: the tender says the firm has no bid, so the page does not ask for one (it was a 404).
        fixture.ServerClock.SetUtcNow(bidsFrom.AddMinutes(1)); // bids open: the tender moves when it is next read
        await member.GotoAsync($"/#/tenders/{open.Id}");
        await Expect(member.GetByTestId("bid-form")).ToBeVisibleAsync();
        await Expect(member.GetByTestId("bid-price-1")).ToHaveValueAsync("");

        visitorErrors.Should().BeEmpty();
        memberErrors.Should().BeEmpty();
    }
}
