using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class ConversationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    /// <summary>Two firms of a standing alliance (rete d'impresa), arranged through the API: the lead formed it and the partner joined.</summary>
    async Task<(ArrangedFirm Lead, ArrangedFirm Partner, Guid AllianceId)> Alliance()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var lead = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");
        var partner = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.");
        var alliance = await (await lead.Api.PostAsJsonAsync("/api/alliances",
            new FormAllianceRequest(lead.Firm.Id, arranged.Id, null, "Rete Emilia Impianti", "Accordo di rete"), Json)).Read<AllianceDto>();
        (await lead.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(partner.Firm.Id, AllianceRole.Member), Json))
            .EnsureSuccessStatusCode();
        (await partner.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partner.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json))
            .EnsureSuccessStatusCode();
        return (lead, partner, alliance.Id);
    }

    async Task<IPage> Open(ArrangedFirm firm, Guid allianceId, string locale = "it-IT", int width = 1280)
    {
        var page = await fixture.NewPerson(locale, width: width);
        await BusinessProfileBrowserTests.SignIn(page, firm.Email);
        await page.GotoAsync($"/#/alliances/{allianceId}/conversation");
        await Expect(page.GetByTestId("conversation")).ToBeVisibleAsync();
        // Messages written before the page is in the alliance's group would reach it only by a reload.
        await HubGroups.UntilJoined(page, "WatchAlliance", allianceId);
        return page;
    }

    [Fact]
    public async Task Two_firms_of_an_alliance_talk_in_its_general_thread_and_each_reads_the_other_live()
    {
        var (lead, partner, allianceId) = await Alliance();
        var rossi = await Open(lead, allianceId);
        var bianchi = await Open(partner, allianceId, width: 390);
        await Expect(bianchi.GetByTestId("conversation-empty")).ToHaveTextAsync("Nessun messaggio in questo filo: scrivi il primo.");

        await rossi.GetByTestId("conversation-text").FillAsync("Buongiorno! Lunedì alle 9 sopralluogo in via Emilia 12?\nPorto le planimetrie.");
        await rossi.GetByTestId("conversation-send").ClickAsync();
        await Expect(rossi.GetByTestId("conversation-status")).ToHaveTextAsync("Messaggio inviato.");

        var heard = bianchi.GetByTestId("conversation-message");
        await Expect(heard).ToHaveCountAsync(1);
        await Expect(heard.GetByTestId("conversation-author")).ToHaveTextAsync("Persona rossi · Edilizia Rossi S.r.l.");
        await Expect(heard.GetByTestId("conversation-text-shown")).ToHaveTextAsync("Buongiorno! Lunedì alle 9 sopralluogo in via Emilia 12?\nPorto le planimetrie.");

        await bianchi.GetByTestId("conversation-text").FillAsync("Va bene, ci saremo con il nostro elettricista.");
        await bianchi.GetByTestId("conversation-send").ClickAsync();
        await Expect(rossi.GetByTestId("conversation-message")).ToHaveCountAsync(2);
        // Newest first, on both pages.
        await Expect(rossi.GetByTestId("conversation-message").First.GetByTestId("conversation-author"))
            .ToHaveTextAsync("Persona bianchi · Impianti Bianchi S.n.c.");
        await Expect(bianchi.GetByTestId("conversation-message").First.GetByTestId("conversation-text-shown"))
            .ToHaveTextAsync("Va bene, ci saremo con il nostro elettricista.");
        await rossi.ScreenshotAsync(new() { Path = Shot("conversation-1-lead.png"), FullPage = true });
        await bianchi.ScreenshotAsync(new() { Path = Shot("conversation-2-partner-phone.png"), FullPage = true });

        // In English, after a reload: the conversation was kept.
        var english = await Open(partner, allianceId, "en-GB");
        await Expect(english.GetByTestId("conversation-message")).ToHaveCountAsync(2);
        await Expect(english.GetByTestId("conversation-thread-title")).ToHaveTextAsync("General");
        await Expect(english.GetByTestId("alliance-tab-conversation")).ToHaveTextAsync("Conversation");
        await english.ScreenshotAsync(new() { Path = Shot("conversation-3-english.png"), FullPage = true });
    }
}
