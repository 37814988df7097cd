using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class BuyerConsentBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_buyer_asks_to_publish_with_a_mandate_the_space_s_admin_approves_and_the_buyer_revokes_the_mandate()
    {
        var arranged = await ArrangedSpace.Create(fixture, [], policy: "Regolamento");
        var (space, secretaryEmail) = (arranged.Id, arranged.SecretaryEmail);
        var buyerApi = fixture.NewApiClient();
        var officerEmail = await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Casalecchio di Reno", BusinessKind.Buyer);

        // The procurement officer asks to publish in the space and mandates its admins.
        var officer = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(officer, officerEmail);
        await officer.GotoAsync($"/#/businesses/{buyer.Id}");
        var section = officer.GetByTestId("buyer-spaces");
        await Expect(section.GetByTestId("buyer-spaces-empty")).ToBeVisibleAsync();
        await section.GetByTestId("buyer-space-choice").SelectOptionAsync(space.ToString());
        await section.GetByTestId("buyer-ask-with-mandate").ClickAsync();
        var standing = section.GetByTestId("buyer-standing");
        await Expect(standing).ToHaveAttributeAsync("data-approval", "Requested");
        await Expect(standing).ToHaveAttributeAsync("data-mandated", "true");

        // The association's secretary approves it in the space's admin area.
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, secretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{space}");
        var buyers = secretary.GetByTestId("admin-buyers");
        var request = buyers.Locator($"[data-testid='buyer-standing'][data-buyer-id='{buyer.Id}']");
        await Expect(request).ToContainTextAsync("Comune di Casalecchio di Reno");
        await request.GetByTestId("buyer-approve").ClickAsync();
        await Expect(request).ToHaveAttributeAsync("data-approval", "Approved");
        await Expect(buyers.GetByTestId("admin-buyers-status")).ToContainTextAsync("può ora pubblicare");
        await buyers.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "space-admin-buyers.png") });

        // The officer sees the approval, then revokes the mandate; the history keeps every step.
        await officer.ReloadAsync();
        await Expect(standing).ToHaveAttributeAsync("data-approval", "Approved");
        await standing.GetByTestId("mandate-revoke").ClickAsync();
        await Expect(standing).ToHaveAttributeAsync("data-mandated", "false");
        await standing.Locator("summary").ClickAsync();
        await Expect(standing.GetByTestId("buyer-history").Locator("li")).ToHaveCountAsync(4);
        await Expect(standing.GetByTestId("buyer-history")).ToContainTextAsync("mandato revocato");
        await officer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "buyer-spaces.png"), FullPage = true });
    }
}
