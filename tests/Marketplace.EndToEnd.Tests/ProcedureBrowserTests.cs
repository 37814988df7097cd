using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The buyer completes the procedure after opening: it excludes a bid, whose firm is told live, awards the lot to the
/// next-ranked bid, and every bidder sees when the award becomes final (the standstill).
/// </summary>
public sealed class ProcedureBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Theory]
    [InlineData("it-IT", "it")]
    [InlineData("en-GB", "en")]
    public async Task The_buyer_excludes_the_cheapest_bid_with_a_reason_its_firm_reads_live_and_awards_the_next(string locale, string lang)
    {
        var arranged = await ArrangedSpace.Create(fixture, ["MO"], association: "Associazione Artigiani Modena", name: "Spazio Artigiani");
        var buyer = await arranged.Buyer("acquisti", "Comune di Carpi");
        var ferrari = await arranged.Member("ferrari", "Costruzioni Ferrari S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bassi = await arranged.Member("bassi", "Edilizia Bassi S.n.c.", p => p with { Capabilities = ["45210000"] });
        var neri = await arranged.Member("neri", "Neri Restauri S.r.l.", p => p with { Capabilities = ["45210000"] });

        // Price only: the lowest price ranks first: Bassi (265 000), Ferrari (280 000), Neri (295 000).
        var clock = fixture.ServerClock;
        var now = clock.GetUtcNow();
        var tender = await (await buyer.Api.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Rifacimento della palestra comunale", null,
            [new LotRequest(0, "Opere edili", null, ["45214200"], new MoneyDto(300_000m, "EUR"), null)], [],
            [new CriterionRequest(0, "Prezzo", Marketplace.Tenders.CriterionKind.Price, 100)], now.AddDays(2), now.AddDays(7), null, null, false, []), Json)).Read<TenderDto>();
        (await buyer.Api.PostAsJsonAsync($"/api/tenders/{tender.Id}/publish", new VersionRequest(tender.Version), Json)).EnsureSuccessStatusCode();
        clock.SetUtcNow(tender.EnquiryDeadline.AddMinutes(1));
        foreach (var (firm, price) in new[] { (ferrari, 280_000m), (bassi, 265_000m), (neri, 295_000m) })
            (await firm.Api.PutAsJsonAsync($"/api/tenders/{tender.Id}/bids/{firm.Firm.Id}", new SubmitBidRequest([new LotPriceRequest(1, new MoneyDto(price, "EUR"))], [], []), Json))
                .EnsureSuccessStatusCode();
        clock.SetUtcNow(tender.SubmissionDeadline.AddMinutes(1));

        var officer = await fixture.NewPerson(locale, TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(officer, buyer.Email);
        await officer.GotoAsync($"/#/tenders/{tender.Id}");
        var firmPage = await fixture.NewPerson(locale, TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(firmPage, bassi.Email);
        await firmPage.GotoAsync($"/#/tenders/{tender.Id}");
        await Expect(firmPage.GetByTestId("my-result-lot")).ToHaveAttributeAsync("data-rank", "1");
        await Expect(firmPage.GetByTestId("tender-live-status")).ToHaveAttributeAsync("data-state", "connected");

        var ranked = officer.GetByTestId("ranked-bid");
        await Expect(ranked).ToHaveCountAsync(3);
        await Expect(ranked.First).ToContainTextAsync("Edilizia Bassi");
        var bassiRow = ranked.And(officer.Locator($"[data-bidder-id='{bassi.Firm.Id}']"));
        await bassiRow.GetByTestId("exclude").ClickAsync();
        // Without a reason the form says what is missing and nothing is written.
        await officer.GetByTestId("exclusion-confirm").ClickAsync();
        await Expect(officer.GetByTestId("exclusion-form").Locator(".field-error")).ToBeVisibleAsync();
        var reason = lang == "it"
            ? "DURC irregolare alla data di scadenza delle offerte (verifica INPS del 12 marzo)."
            : "Social security contributions (DURC) not in order at the bid deadline (INPS check of 12 March).";
        await officer.GetByTestId("exclusion-reason").FillAsync(reason);
        await officer.ScreenshotAsync(new() { Path = Shot($"procedure-1-exclude-{lang}.png"), FullPage = true });
        await officer.GetByTestId("exclusion-confirm").ClickAsync();

        // The buyer's ranking now starts with Ferrari, and the award button names it.
        await Expect(officer.GetByTestId("excluded-bid")).ToContainTextAsync("Edilizia Bassi");
        await Expect(officer.GetByTestId("excluded-reason")).ToHaveTextAsync(reason);
        await Expect(ranked).ToHaveCountAsync(2);
        await Expect(ranked.First).ToContainTextAsync("Costruzioni Ferrari");
        await Expect(officer.GetByTestId("award-1")).ToContainTextAsync("Costruzioni Ferrari");
        await Expect(officer.GetByTestId("readmit")).ToBeVisibleAsync();
        await officer.ScreenshotAsync(new() { Path = Shot($"procedure-2-excluded-buyer-{lang}.png"), FullPage = true });

        // The excluded firm's open page shows the exclusion and the buyer's reason, without a reload.
        var told = firmPage.GetByTestId("my-result-excluded");
        await Expect(told).ToContainTextAsync(reason);
        await Expect(told).ToContainTextAsync(lang == "it" ? "Il committente ha escluso la vostra offerta" : "The buyer excluded your bid");
        await firmPage.ScreenshotAsync(new() { Path = Shot($"procedure-3-excluded-firm-{lang}.png"), FullPage = true });

        await officer.GetByTestId("award-1").ClickAsync();
        await Expect(officer.GetByTestId("confirm-dialog")).ToContainTextAsync("Costruzioni Ferrari");
        await officer.GetByTestId("confirm-yes").ClickAsync();
        await Expect(officer.GetByTestId("decision-1")).ToContainTextAsync("Costruzioni Ferrari");
        // Decided on the ranking without it, the exclusion stands: the page says so instead of offering to readmit.
        await Expect(officer.GetByTestId("readmit")).ToHaveCountAsync(0);
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Awarded");
        await Expect(officer.GetByTestId("audit-status")).ToHaveAttributeAsync("data-valid", "true");
        // Two bids stood: the award becomes final after the standstill, which every bidder reads on the tender.
        var final = TimeZoneInfo.ConvertTime(clock.GetUtcNow().AddDays(32), TimeZoneInfo.FindSystemTimeZoneById(TenderBrowserTests.Rome));
        var finalDay = final.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(locale));
        await Expect(officer.GetByTestId("standstill-1")).ToContainTextAsync(lang == "it" ? $"diventa definitiva il {finalDay}" : $"it becomes final on {finalDay}");
        await Expect(officer.GetByTestId("complete-tender")).ToHaveCountAsync(0);
        await officer.ScreenshotAsync(new() { Path = Shot($"procedure-4-awarded-next-{lang}.png"), FullPage = true });
        await Expect(told).ToContainTextAsync(reason);
        await Expect(firmPage.GetByTestId("standstill-1")).ToHaveAttributeAsync("data-running", "true");
        await firmPage.ScreenshotAsync(new() { Path = Shot($"procedure-5-standstill-firm-{lang}.png"), FullPage = true });
    }
}
