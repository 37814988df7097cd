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

    [Fact]
    public async Task A_person_mentions_a_partner_who_is_told_live_wherever_they_are_and_reads_the_mention_highlighted()
    {
        var (lead, partner, allianceId) = await Alliance();
        var rossi = await Open(lead, allianceId);
        // The partner is elsewhere in the app, on a phone, in English: the notice reaches them there.
        var phone = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, partner.Email);
        await phone.GotoAsync($"/#/businesses/{partner.Firm.Id}");
        await HubGroups.UntilJoined(phone, "WatchBusinessTeam", partner.Firm.Id);

        var box = rossi.GetByTestId("conversation-text");
        await box.PressSequentiallyAsync("Ciao @bia");
        var offered = rossi.GetByTestId("mention-option");
        await Expect(offered).ToHaveCountAsync(1);
        await Expect(offered).ToContainTextAsync("Persona bianchi");
        await Expect(offered).ToContainTextAsync("Impianti Bianchi S.n.c.");
        await rossi.ScreenshotAsync(new() { Path = Shot("mention-1-picker.png") });
        await offered.ClickAsync();
        await Expect(box).ToHaveValueAsync("Ciao @Persona bianchi ");
        await Expect(rossi.GetByTestId("mention-list")).ToHaveCountAsync(0);
        await box.PressSequentiallyAsync("porti tu lo schema dell'impianto lunedì?");
        await rossi.GetByTestId("conversation-send").ClickAsync();
        await Expect(rossi.GetByTestId("conversation-status")).ToHaveTextAsync("Messaggio inviato.");
        await Expect(rossi.GetByTestId("conversation-message").GetByTestId("conversation-mention")).ToHaveTextAsync("@Persona bianchi");
        // The author is not the one mentioned: no "mentions you" on their page.
        await Expect(rossi.GetByTestId("conversation-mentions-me")).ToHaveCountAsync(0);

        var notice = phone.GetByTestId("mention-notice");
        await Expect(notice.GetByTestId("mention-notice-text"))
            .ToHaveTextAsync("Persona rossi (Edilizia Rossi S.r.l.) mentioned you in the conversation of «Rete Emilia Impianti».");
        await phone.ScreenshotAsync(new() { Path = Shot("mention-2-notice-en-390.png") });

        // In Italian on a desktop the partner reads the message with their name highlighted.
        var desk = await Open(partner, allianceId);
        var message = desk.GetByTestId("conversation-message");
        await Expect(message.GetByTestId("conversation-mentions-me")).ToHaveTextAsync("Ti menziona");
        await Expect(message.GetByTestId("conversation-mention")).ToHaveTextAsync("@Persona bianchi");
        await Expect(message.GetByTestId("conversation-mention")).ToHaveClassAsync("mention me");
        await Expect(message.GetByTestId("conversation-text-shown")).ToHaveTextAsync("Ciao @Persona bianchi porti tu lo schema dell'impianto lunedì?");
        await desk.ScreenshotAsync(new() { Path = Shot("mention-3-highlighted-it.png"), FullPage = true });

        // The phone's notice opens the conversation.
        await notice.GetByTestId("mention-notice-open").ClickAsync();
        await Expect(phone.GetByTestId("conversation-mentions-me")).ToHaveTextAsync("Mentions you");
        await Expect(phone.GetByTestId("mention-notice")).ToHaveCountAsync(0);
    }
}
