using System.Globalization;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class TenderBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    const string Rome = "Europe/Rome";

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    /// <summary>A time as a datetime-local field in Rome wants it.</summary>
    static string Local(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, TimeZoneInfo.FindSystemTimeZoneById(Rome)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_buyer_publishes_a_matching_firm_bids_under_seal_and_sees_the_award_live()
    {
        // Arranged through the API: a space, a buyer, and a builder that is a member of the space.
        var secretary = fixture.NewApiClient();
        await secretary.SignUp("segreteria");
        var association = await secretary.CreateBusiness("Associazione Imprese Emilia", BusinessKind.Association);
        var space = (await (await secretary.PostAsJsonAsync("/api/spaces", new CreateSpaceRequest(association.Id, "Spazio Imprese Emilia",
            null, [], ["BO"], DirectoryVisibility.MembersOnly, "Regolamento dello spazio."), Json)).Read<SpaceDetailDto>()).Summary.Id;
        var buyerApi = fixture.NewApiClient();
        var buyerEmail = await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Casalecchio di Reno", BusinessKind.Buyer);
        await secretary.ApproveBuyer(buyerApi, space, buyer.Id);
        var firmApi = fixture.NewApiClient();
        var firmEmail = await firmApi.SignUp("rossi");
        var rossi = await firmApi.CreateBusiness("Edilizia Rossi S.r.l.");
        await firmApi.EditProfile(rossi.Id, EditOf(rossi) with { Capabilities = ["45210000"], ComuneCode = "037006" });
        (await firmApi.PostAsJsonAsync($"/api/spaces/{space}/applications", new ApplyRequest(rossi.Id, null, 1), Json)).EnsureSuccessStatusCode();
        (await secretary.PostAsJsonAsync($"/api/spaces/{space}/firms/{rossi.Id}/decision", new DecisionRequest(MembershipDecision.Approve, null), Json))
            .EnsureSuccessStatusCode();

        var clock = fixture.ServerClock;
        var enquiryDeadline = clock.GetUtcNow().AddDays(7);
        var submissionDeadline = clock.GetUtcNow().AddDays(14);

        var firm = await fixture.NewPerson(timezone: Rome);
        await BusinessProfileBrowserTests.SignIn(firm, firmEmail);
        await firm.GotoAsync("/#/inbox");
        await Expect(firm.GetByTestId("nav-inbox")).ToBeVisibleAsync();

        // The buyer drafts the tender in the form and publishes it.
        var officer = await fixture.NewPerson(timezone: Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyerEmail);
        await officer.GotoAsync($"/#/tenders/new?buyer={buyer.Id}");
        await officer.GetByTestId($"tender-space-{space}").CheckAsync();
        await officer.GetByTestId("tender-title").FillAsync("Riqualificazione della scuola Rodari");
        await officer.GetByTestId("tender-description").FillAsync("Cappotto termico, serramenti e coperture dell'edificio di via Garibaldi.");
        await officer.GetByTestId("lot-title-0").FillAsync("Opere edili");
        await officer.GetByTestId("lot-cpv-0").FillAsync("45214200");
        await officer.GetByTestId("lot-cpv-option").First.ClickAsync();
        await officer.GetByTestId("lot-value-0").FillAsync("620000");
        await officer.GetByTestId("criteria-mode-weighted").CheckAsync();
        await officer.GetByTestId("criterion-name-1").FillAsync("Qualità tecnica");
        await officer.GetByTestId("enquiry-deadline").FillAsync(Local(enquiryDeadline));
        await officer.GetByTestId("submission-deadline").FillAsync(Local(submissionDeadline));
        await officer.GetByTestId("save-draft").ClickAsync();
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Draft");
        await officer.ScreenshotAsync(new() { Path = Shot("tender-1-draft.png"), FullPage = true });
        await officer.GetByTestId("publish-tender").ClickAsync();
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Enquiries");
        var tenderUrl = officer.Url;

        // The matching firm is told live, and opens the tender from the notice.
        await Expect(firm.GetByTestId("inbox-notice")).ToContainTextAsync("Riqualificazione della scuola Rodari");
        await Expect(firm.GetByTestId("inbox-item")).ToHaveCountAsync(1);
        await firm.ScreenshotAsync(new() { Path = Shot("tender-2-inbox-notice.png") });

        // Bids open once the enquiry period ends; the firm bids and gets its receipt.
        clock.SetUtcNow(enquiryDeadline.AddMinutes(1));
        await firm.GotoAsync(tenderUrl);
        await Expect(firm.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Tendering");
        await firm.GetByTestId("bid-price-1").FillAsync("598500");
        await firm.GetByTestId("bid-answer-2").FillAsync("Squadra con 20 anni di esperienza in edilizia scolastica; cantiere nei mesi estivi.");
        await firm.GetByTestId("submit-bid").ClickAsync();
        await Expect(firm.GetByTestId("receipt-digest")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        var digest = await firm.GetByTestId("receipt-digest").TextContentAsync();
        await firm.ScreenshotAsync(new() { Path = Shot("tender-3-receipt.png"), FullPage = true });

        // The buyer sees the tender sealed: no price, no firm.
        await officer.ReloadAsync();
        await Expect(officer.GetByTestId("bid-sealed-notice")).ToBeVisibleAsync();
        var buyerPage = await officer.ContentAsync();
        buyerPage.Should().NotContain("598").And.NotContain("Edilizia Rossi");
        await officer.ScreenshotAsync(new() { Path = Shot("tender-4-sealed-for-buyer.png"), FullPage = true });

        // After the deadline the bids open by themselves; the buyer scores and awards.
        clock.SetUtcNow(submissionDeadline.AddMinutes(1));
        await Expect(officer.GetByTestId("evaluation")).ToBeVisibleAsync();
        var row = officer.GetByTestId("ranked-bid").And(officer.Locator($"[data-bidder-id='{rossi.Id}']"));
        await Expect(row).ToContainTextAsync("Edilizia Rossi");
        await row.GetByTestId("score-2").FillAsync("85");
        await row.GetByTestId("save-scores").ClickAsync();
        await Expect(row.GetByTestId("bid-complete")).ToBeVisibleAsync();
        await officer.ScreenshotAsync(new() { Path = Shot("tender-5-evaluation.png"), FullPage = true });
        await officer.GetByTestId("award-1").ClickAsync();
        await Expect(officer.GetByTestId("decision-1")).ToContainTextAsync("Edilizia Rossi");
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Awarded");
        await Expect(officer.GetByTestId("audit-status")).ToHaveAttributeAsync("data-valid", "true");
        await officer.ScreenshotAsync(new() { Path = Shot("tender-6-awarded-buyer.png"), FullPage = true });
        // The buyer reads the opened bids' links of the sealed chain, apart from the tender's public chain.
        await Expect(officer.GetByTestId("audit-sealed-status")).ToHaveAttributeAsync("data-valid", "true");
        await officer.GetByTestId("audit-sealed-links").Locator("summary").ClickAsync();
        await Expect(officer.GetByTestId("audit-sealed-links").GetByTestId("audit-link").First).ToHaveAttributeAsync("data-kind", "BidSubmitted");
        await officer.Locator("section.audit").ScreenshotAsync(new() { Path = Shot("tender-6-audit-buyer.png") });

        // The firm sees the award live, and that the opened bid is exactly the one it sealed.
        await Expect(firm.GetByTestId("award-badge")).ToBeVisibleAsync();
        await Expect(firm.GetByTestId("receipt-digest")).ToHaveTextAsync(digest!);
        await firm.ScreenshotAsync(new() { Path = Shot("tender-7-awarded-firm.png"), FullPage = true });

        // The same, in English on a phone.
        var phone = await fixture.NewPerson("en-GB", Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, firmEmail);
        await phone.GotoAsync(tenderUrl);
        await Expect(phone.GetByTestId("award-badge")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Shot("tender-8-awarded-firm-en-390.png"), FullPage = true });
    }
}
