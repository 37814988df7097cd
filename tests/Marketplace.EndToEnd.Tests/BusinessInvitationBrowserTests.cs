using Marketplace.Businesses;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>A person joins a business by accepting an invitation made to their e-mail address.</summary>
public sealed class BusinessInvitationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_owner_invites_an_address_and_the_person_accepts_on_their_page()
    {
        var api = fixture.NewApiClient();
        var ownerEmail = await api.SignUp("titolare");
        var business = await api.CreateBusiness("Edilizia Rossi S.r.l.");
        var personEmail = await fixture.NewApiClient().SignUp("geometra");

        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, ownerEmail);
        await owner.GotoAsync($"/#/businesses/{business.Id}");
        await owner.GetByTestId("invite-email").FillAsync(personEmail);
        await owner.GetByTestId("invite-role").SelectOptionAsync("Manager");
        await owner.GetByTestId("invite-submit").ClickAsync();
        await Expect(owner.GetByTestId("pending-invitation")).ToContainTextAsync(personEmail);
        await Expect(owner.GetByTestId("member-item")).ToHaveCountAsync(1);
        await owner.ScreenshotAsync(new() { Path = Shot("business-invitations.png"), FullPage = true });

        var person = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(person, personEmail);
        await person.GotoAsync("/#/my");
        await Expect(person.GetByTestId("my-invitation")).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await Expect(person.GetByTestId("my-business")).ToHaveCountAsync(0);
        await person.ScreenshotAsync(new() { Path = Shot("my-invitations.png"), FullPage = true });
        await person.GetByTestId("accept-invitation").ClickAsync();

        await Expect(person.GetByTestId("invitation-status")).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await Expect(person.GetByTestId("my-business")).ToContainTextAsync("Gestore");
        await Expect(person.GetByTestId("my-invitation")).ToHaveCountAsync(0);
        await person.ScreenshotAsync(new() { Path = Shot("my-invitation-accepted.png"), FullPage = true });
    }

    [Fact]
    public async Task A_buyer_s_page_offers_its_owner_editing_invitations_and_a_new_tender_and_its_viewer_only_the_team()
    {
        var api = fixture.NewApiClient();
        var ownerEmail = await api.SignUp("titolare");
        var buyer = await api.CreateBusiness("Comune di Vignola", BusinessKind.Buyer);
        var viewerApi = fixture.NewApiClient();
        var viewerEmail = await viewerApi.SignUp("lettore");
        await api.Join(buyer.Id, viewerApi, viewerEmail, BusinessRole.Viewer);

        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, ownerEmail);
        await owner.GotoAsync($"/#/businesses/{buyer.Id}");
        await Expect(owner.GetByTestId("member-item")).ToHaveCountAsync(2);
        await Expect(owner.GetByTestId("edit-link")).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("invite-email")).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("new-tender")).ToBeVisibleAsync();
        await owner.ScreenshotAsync(new() { Path = Shot("business-page-owner.png"), FullPage = true });

        var viewer = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(viewer, viewerEmail);
        await viewer.GotoAsync($"/#/businesses/{buyer.Id}");
        await Expect(viewer.GetByTestId("member-item")).ToHaveCountAsync(2);
        await Expect(viewer.GetByTestId("buyer-tenders")).ToBeVisibleAsync();
        await Expect(viewer.GetByTestId("edit-link")).ToHaveCountAsync(0);
        await Expect(viewer.GetByTestId("invite-email")).ToHaveCountAsync(0);
        await Expect(viewer.GetByTestId("pending-invitations")).ToHaveCountAsync(0);
        await Expect(viewer.GetByTestId("new-tender")).ToHaveCountAsync(0);
        await viewer.ScreenshotAsync(new() { Path = Shot("business-page-viewer.png"), FullPage = true });

        await viewer.GotoAsync($"/#/businesses/{buyer.Id}/edit");
        await Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = "Modifica non consentita" })).ToBeVisibleAsync();
        await Expect(viewer.GetByTestId("edit-save")).ToHaveCountAsync(0);

        // The Owner removes the Viewer, after a question; the Owner's own row offers no removal (a business keeps its Owner).
        var team = owner.GetByTestId("member-item");
        await Expect(team.Filter(new() { HasText = ownerEmail }).GetByTestId("remove-member")).ToHaveCountAsync(0);
        await team.Filter(new() { HasText = viewerEmail }).GetByTestId("remove-member").ClickAsync();
        await Expect(owner.GetByTestId("confirm-dialog")).ToContainTextAsync($"Rimuovere {ApiClientExtensions.DisplayNameOf("lettore")}?");
        await owner.GetByTestId("confirm-dialog").ScreenshotAsync(new() { Path = Shot("business-remove-member.png") });
        await owner.GetByTestId("confirm-yes").ClickAsync();
        await Expect(owner.GetByTestId("members-status")).ToContainTextAsync($"{ApiClientExtensions.DisplayNameOf("lettore")} non fa più parte dell'impresa.");
        await Expect(team).ToHaveCountAsync(1);
        await viewer.GotoAsync($"/#/businesses/{buyer.Id}");
        await Expect(viewer.GetByTestId("buyer-tenders")).ToBeVisibleAsync();
        await Expect(viewer.GetByTestId("member-item")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_says_to_sign_in_with_its_password()
    {
        var email = await fixture.NewApiClient().SignUp("esistente");
        var page = await fixture.NewPerson("en-GB");
        await page.GotoAsync("/#/register");
        await page.GetByTestId("register-name").FillAsync("Persona di prova");
        await page.GetByTestId("register-email").FillAsync(email);
        await page.GetByTestId("register-password").FillAsync("another-pass-2026");
        await page.GetByTestId("register-submit").ClickAsync();

        await Expect(page.GetByTestId("form-error-general")).ToHaveTextAsync(
            "This password does not sign you in. If this e-mail address already has an account, sign in with its password.");
        await Expect(page.GetByTestId("logout")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("register-existing-address.png"), FullPage = true });
    }
}
