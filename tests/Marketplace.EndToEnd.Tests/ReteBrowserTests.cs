using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A rete d'impresa of three firms bids for a tender of its space: its lead forms the RTI in one click from the tender's
/// page, the two other firms accept it from their to-do lists, the RTI names the rete and the rete lists the RTI.
/// </summary>
public sealed class ReteBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_rete_of_three_firms_forms_an_RTI_for_a_tender_in_one_click_and_each_firm_joins_it_from_its_to_do_list()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var buyer = await arranged.Buyer("appalti", "Comune di Casalecchio di Reno");
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.");
        var verdi = await arranged.Member("verdi", "Verdi Serramenti S.r.l.");
        var now = fixture.ServerClock.GetUtcNow();
        var tender = await buyer.Publish("Adeguamento della scuola Rodari", now.AddDays(2), now.AddDays(7),
            new LotRequest(0, "Opere edili", null, ["45214200"], new MoneyDto(1_000_000m, "EUR"), null));
        var rete = await (await rossi.Api.PostAsJsonAsync("/api/alliances",
            new FormAllianceRequest(rossi.Firm.Id, arranged.Id, null, "Rete Emilia Costruisce", "Contratto di rete: programma comune per gli appalti pubblici."), Json))
            .Read<AllianceDto>();
        foreach (var partner in new[] { bianchi, verdi })
        {
            (await rossi.Api.PostAsJsonAsync($"/api/alliances/{rete.Id}/invitations", new AllianceInviteRequest(partner.Firm.Id, AllianceRole.Member), Json))
                .EnsureSuccessStatusCode();
            (await partner.Api.PostAsJsonAsync($"/api/alliances/{rete.Id}/firms/{partner.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json))
                .EnsureSuccessStatusCode();
        }

        // The lead's Owner, in Italian, on the tender's page: one click forms the rete's RTI and opens it.
        var lead = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(lead, rossi.Email);
        await lead.GotoAsync($"/#/tenders/{tender.Id}");
        var choice = lead.GetByTestId("rete-choice-bid");
        await Expect(choice).ToHaveTextAsync("Partecipa con la rete Rete Emilia Costruisce");
        await lead.GetByTestId("rete-choices").ScreenshotAsync(new() { Path = Shot("rete-1-tender-choice-it.png") });
        await choice.ClickAsync();
        await Expect(lead.GetByTestId("alliance-title")).ToHaveTextAsync("Rete Emilia Costruisce – Adeguamento della scuola Rodari");
        await Expect(lead.GetByTestId("alliance-formed-from")).ToHaveTextAsync("Formata dalla rete Rete Emilia Costruisce");
        var rtiId = await lead.GetByTestId("alliance").GetAttributeAsync("data-alliance-id");
        await Expect(lead.GetByTestId("alliance-member")).ToHaveCountAsync(3);
        await lead.ScreenshotAsync(new() { Path = Shot("rete-2-rti-formed-it.png"), FullPage = true });

        // Each member firm's Owner accepts from the to-do list: Bianchi in Italian, Verdi in English on a phone.
        foreach (var (firm, locale, width) in new[] { (bianchi, "it-IT", 1280), (verdi, "en-GB", 390) })
        {
            var page = await fixture.NewPerson(locale, TenderBrowserTests.Rome, width: width);
            await BusinessProfileBrowserTests.SignIn(page, firm.Email);
            await page.GotoAsync("/#/todo");
            var item = page.GetByTestId("todo-item").And(page.Locator("[data-kind='AllianceInvitation']"));
            await Expect(item).ToContainTextAsync("Rete Emilia Costruisce – Adeguamento della scuola Rodari");
            if (width == 390) await page.ScreenshotAsync(new() { Path = Shot("rete-3-todo-en-390.png"), FullPage = true });
            await item.Locator("a.button").ClickAsync();
            await Expect(page.GetByTestId("alliance-formed-from")).ToContainTextAsync(locale == "it-IT" ? "Formata dalla rete" : "Formed by the network");
            await page.GetByTestId("accept-invitation").ClickAsync();
            await Expect(page.GetByTestId("alliance-my-firm")).ToBeVisibleAsync();
            if (width == 390) await page.ScreenshotAsync(new() { Path = Shot("rete-4-rti-joined-en-390.png"), FullPage = true });
        }

        // The rete's page lists its RTI, forming; in English at 390 px for Verdi too.
        await lead.GotoAsync($"/#/alliances/{rete.Id}");
        var row = lead.GetByTestId("rete-rti");
        await Expect(row).ToHaveAttributeAsync("data-alliance-id", rtiId!);
        await Expect(row.GetByTestId("rete-rti-stage")).ToHaveTextAsync("In formazione");
        await Expect(lead.GetByTestId("rete-bid-submit")).ToHaveTextAsync("Partecipa con la rete");
        await lead.ScreenshotAsync(new() { Path = Shot("rete-5-rete-page-it.png"), FullPage = true });
        var phone = await fixture.NewPerson("en-GB", TenderBrowserTests.Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, verdi.Email);
        await phone.GotoAsync($"/#/alliances/{rete.Id}");
        await Expect(phone.GetByTestId("rete-rti").GetByTestId("rete-rti-stage")).ToHaveTextAsync("Forming");
        await Expect(phone.GetByTestId("rete-bid")).ToHaveCountAsync(0);
        await phone.ScreenshotAsync(new() { Path = Shot("rete-6-rete-page-en-390.png"), FullPage = true });

        // A second click is refused with the true reason: the rete's firms are in an alliance for this tender now.
        await lead.GotoAsync($"/#/tenders/{tender.Id}");
        await Expect(lead.GetByTestId("rete-choice-blocked")).ToContainTextAsync("partecipa già a un'alleanza per questa gara");
    }
}
