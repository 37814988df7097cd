using System.Net.Http.Json;
using Marketplace.Data.Notifications;
using Marketplace.Server.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// A person chooses on their account page how each kind of notice (new tenders, invitations to an alliance, the results of their bids, joint bids to approve, answers to their firms' questions, joint bids closing soon that lack approvals) reaches
/// them by e-mail, in the page's language, and a digest's unsubscribe link opens a page that turns its kinds off and
/// says so (a changed link is refused and says why).
/// </summary>
public sealed class NotificationSettingsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("it-IT", 1280, "Nuovi bandi per le tue imprese", "Inviti in un'alleanza", "Esiti delle gare in cui le tue imprese hanno presentato offerta", "Offerte congiunte da approvare", "Risposte ai quesiti delle tue imprese", "Offerte congiunte in scadenza a cui mancano approvazioni", "Impostazioni degli avvisi salvate.",
        "Fatto: non riceverai più e-mail sui nuovi bandi.", "Fatto: non riceverai più e-mail sugli inviti in un'alleanza.",
        "Questo link per non ricevere più e-mail non è valido")]
    [InlineData("en-GB", 390, "New tenders for your firms", "Invitations to an alliance", "Results of tenders your firms bid for", "Joint bids to approve", "Answers to your firms' questions", "Joint bids closing soon that still lack approvals", "Notification settings saved.",
        "Done: you will no longer get e-mails about new tenders.", "Done: you will no longer get e-mails about invitations to an alliance.",
        "This unsubscribe link is not valid")]
    public async Task A_person_chooses_a_daily_summary_on_the_account_page_and_the_digest_s_link_turns_its_kinds_off(
        string locale, int width, string kind, string invitations, string awards, string approvals, string answers, string deadlines, string saved, string unsubscribed, string unsubscribedInvitations, string refused)
    {
        var api = fixture.NewApiClient();
        var email = await api.SignUp("avvisi");
        var page = await fixture.NewPerson(locale, width: width);
        await BusinessProfileBrowserTests.SignIn(page, email);

        await AccountBrowserTests.OpenAccount(page);
        var settings = page.GetByTestId("notification-NewTender");
        await Expect(settings.Locator("legend")).ToHaveTextAsync(kind);
        await Expect(page.GetByTestId("notification-AllianceInvitation").Locator("legend")).ToHaveTextAsync(invitations);
        await Expect(page.GetByTestId("notification-Award").Locator("legend")).ToHaveTextAsync(awards);
        await Expect(page.GetByTestId("notification-SignOff").Locator("legend")).ToHaveTextAsync(approvals);
        await Expect(page.GetByTestId("notification-QuestionAnswered").Locator("legend")).ToHaveTextAsync(answers);
        await Expect(page.GetByTestId("notification-SoccorsoIstruttorio").Locator("legend")).ToHaveTextAsync(
            locale == "it-IT" ? "Richieste di integrazione (soccorso istruttorio)" : "Requests to complete a bid (soccorso istruttorio)");
        await Expect(page.GetByTestId("notification-DeadlineNear").Locator("legend")).ToHaveTextAsync(deadlines);
        // The three choices are explained once, above the kinds, each of which offers them in one row.
        await Expect(page.GetByTestId("notification-modes")).ToContainTextAsync(
            locale == "it-IT" ? "Una volta al giorno, con quello che non hai ancora visto." : "Once a day, with what you have not seen yet.");
        await Expect(page.GetByTestId("notification-NewTender-Immediately")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("notification-AllianceInvitation-Immediately")).ToBeCheckedAsync();
        await page.GetByTestId("notification-NewTender-DailyDigest").CheckAsync();
        await page.GetByTestId("save-notifications").ClickAsync();
        await Expect(page.GetByTestId("notifications-saved")).ToHaveTextAsync(saved);
        await settings.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"notification-settings-{locale}-{width}.png"), FullPage = true });
        await page.ReloadAsync();
        await Expect(page.GetByTestId("notification-NewTender-DailyDigest")).ToBeCheckedAsync();

        // The link a digest of both kinds to this person carries (the e-mail tests read it from a real message).
        var me = (await api.GetFromJsonAsync<Marketplace.Server.Auth.MeDto>("/api/auth/me", Json))!;
        var token = fixture.Host.Services.GetRequiredService<UnsubscribeLinks>().Token(me.Id, NotificationKind.NewTender, NotificationKind.AllianceInvitation);
        var visitor = await fixture.NewPerson(locale, width: width);
        await visitor.GotoAsync($"/#/unsubscribe?token={Uri.EscapeDataString(token[..^2] + (token[^2] == 'x' ? "y" : "x") + token[^1])}");
        await Expect(visitor.GetByTestId("unsubscribe-failed")).ToContainTextAsync(refused);
        await visitor.ScreenshotAsync(new() { Path = Shot($"unsubscribe-refused-{locale}-{width}.png"), FullPage = true });
        await visitor.GotoAsync($"/#/unsubscribe?token={Uri.EscapeDataString(token)}");
        await Expect(visitor.GetByTestId("unsubscribe-done")).ToContainTextAsync(unsubscribed);
        await Expect(visitor.GetByTestId("unsubscribe-done")).ToContainTextAsync(unsubscribedInvitations);
        await visitor.ScreenshotAsync(new() { Path = Shot($"unsubscribe-done-{locale}-{width}.png"), FullPage = true });

        await page.ReloadAsync();
        await Expect(page.GetByTestId("notification-NewTender-Off")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("notification-AllianceInvitation-Off")).ToBeCheckedAsync();
    }

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);
}
