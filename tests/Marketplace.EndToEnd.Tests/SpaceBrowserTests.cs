using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
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
        var secretary = fixture.NewApiClient();
        var secretaryEmail = await secretary.SignUp("segreteria");
        var association = await secretary.CreateBusiness("Associazione Imprese Emilia", BusinessKind.Association);
        var space = (await (await secretary.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio Imprese Emilia",
            "Competenze, progetti comuni e gare del territorio.", [], ["BO", "MO"], DirectoryVisibility.MembersOnly,
            "1. Possono aderire le imprese con sede in Emilia.\n2. Le offerte congiunte sono approvate da tutti i partecipanti."), Json))
            .Read<SpaceDetailDto>()).Summary.Id;
        var member = fixture.NewApiClient();
        await member.SignUp("rossi");
        var rossi = await member.CreateBusiness("Edilizia Rossi S.r.l.");
        await member.EditProfile(rossi.Id, EditOf(rossi) with { ComuneCode = "037006", Capabilities = ["45210000"], Size = FirmSize.Small });
        (await member.PostAsJsonAsync($"/api/spaces/{space}/applications", new ApplyRequest(rossi.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await secretary.PostAsJsonAsync($"/api/spaces/{space}/firms/{rossi.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
            .EnsureSuccessStatusCode();
        var applicantApi = fixture.NewApiClient();
        var applicantEmail = await applicantApi.SignUp("bianchi");
        var bianchi = await applicantApi.CreateBusiness("Impianti Bianchi S.n.c.");
        await applicantApi.EditProfile(bianchi.Id, EditOf(bianchi) with { ComuneCode = "036023", Capabilities = ["45310000"], Size = FirmSize.Micro });

        var admin = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(admin, secretaryEmail);
        await admin.GotoAsync($"/#/spaces/{space}");
        await Expect(admin.GetByTestId("space-live-status")).ToHaveAttributeAsync("data-state", "connected");
        var firm = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(firm, applicantEmail);
        await firm.GotoAsync($"/#/spaces/{space}");
        await Expect(firm.GetByTestId("space-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(firm.GetByTestId("space-members-only")).ToBeVisibleAsync();

        await firm.GetByTestId("apply-message").FillAsync("Impianti elettrici e termoidraulici a Modena: vorremmo collaborare con le imprese edili.");
        await firm.GetByTestId("apply-accept-policy").CheckAsync();
        await firm.GetByTestId("apply-submit").ClickAsync();
        await Expect(firm.GetByTestId("standing-status")).ToHaveAttributeAsync("data-status", "Applied");

        var application = admin.GetByTestId("application-item").And(admin.Locator($"[data-firm-id='{bianchi.Id}']"));
        await Expect(application).ToBeVisibleAsync(); // arrived live, without reloading the admin's page
        await application.GetByTestId("approve-submit").ClickAsync();

        await Expect(firm.GetByTestId("standing-status")).ToHaveAttributeAsync("data-status", "Member");
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
}
