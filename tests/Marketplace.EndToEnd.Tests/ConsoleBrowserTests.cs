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
public sealed class ConsoleBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
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
    public async Task Anonymous_visitors_and_a_signed_in_firm_see_no_console_errors_on_ordinary_pages()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"], association: "Associazione Artigiani Carpi", name: "Spazio Artigiani Carpi");
        var buyerApi = fixture.NewApiClient();
        await buyerApi.SignUp("acquisti");
        var buyer = await buyerApi.CreateBusiness("Comune di Novi", BusinessKind.Buyer);
        var firm = await arranged.Member("firm", "Impianti Gatti S.r.l.", p => p with { Capabilities = ["45330000"] });
        await arranged.Secretary.ApproveBuyer(buyerApi, arranged.Id, buyer.Id);
        var now = DateTimeOffset.UtcNow;
        var draft = await (await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Bagni della scuola media", null,
            [new LotRequest(0, "Impianti idraulici", null, ["45330000"], new MoneyDto(80_000m, "EUR"), null)], [],
            [new CriterionRequest(0, "Prezzo", Marketplace.Tenders.CriterionKind.Price, 100)], now.AddDays(10), now.AddDays(20), null, null, true, []), Json)).Read<TenderDto>();
        (await buyerApi.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();

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

        visitorErrors.Should().BeEmpty();
        memberErrors.Should().BeEmpty();
    }
}
