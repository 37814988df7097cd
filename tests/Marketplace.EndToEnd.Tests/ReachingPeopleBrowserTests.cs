using System.Text.RegularExpressions;
using Marketplace.Board;
using Marketplace.Server.Endpoints;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Issue #15's story in one run: a firm asks the space's board for a partner for a tender, a matching firm is told and
/// answers, accepting it forms the RTI and opens its conversation, the two talk live, and the association's secretary
/// sees this quarter's joint bids move against the target when the RTI submits.
/// </summary>
public sealed class ReachingPeopleBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task A_board_post_finds_a_partner_who_talks_with_the_poster_in_the_alliance_it_formed_and_its_joint_bid_moves_the_association_s_target()
    {
        // Arranged through the API: a space over Bologna, a builder and an electrician in it, and a school's tender.
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { ComuneCode = "037006", Capabilities = ["45210000"] });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { ComuneCode = "037006", Capabilities = ["45310000"] });
        var now = fixture.ServerClock.GetUtcNow();
        var tender = await (await arranged.Buyer(name: "Comune di Casalecchio di Reno")).Publish("Riqualificazione della scuola Rodari", now.AddDays(1), now.AddDays(14),
            new LotRequest(0, "Opere edili e impianti", null, ["45214200"], new MoneyDto(620_000m, "EUR"), "037011"));

        // The secretary plans the quarter: one joint bid from the space's firms. None yet.
        var secretary = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(secretary, arranged.SecretaryEmail);
        await secretary.GotoAsync($"/#/spaces/{arranged.Id}/dashboard");
        await Expect(secretary.GetByTestId("outcome-AlliancesFormed")).ToHaveAttributeAsync("data-actual", "0");
        await Expect(secretary.GetByTestId("outcome-JointBids")).ToHaveAttributeAsync("data-actual", "0");
        await secretary.GetByTestId("outcomes-set-targets").ClickAsync();
        await secretary.GetByTestId("outcomes-target-JointBids").FillAsync("1");
        await secretary.GetByTestId("outcomes-save").ClickAsync();
        await Expect(secretary.GetByTestId("outcomes-message")).ToContainTextAsync("salvati");
        await Expect(secretary.GetByTestId("outcome-JointBids-target")).ToHaveTextAsync("1");
        await Expect(secretary.GetByTestId("outcome-JointBids")).ToContainTextAsync("0% dell'obiettivo");

        // The electrician, in English on a phone, is somewhere else in the app: its firm's page.
        var electrician = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(electrician, bianchi.Email);
        await electrician.GotoAsync($"/#/businesses/{bianchi.Firm.Id}");
        await HubGroups.UntilJoined(electrician, "WatchBusinessTeam", bianchi.Firm.Id); // where the post's notice comes

        // The builder looks for a partner for the school's electrical work, naming the tender.
        var builder = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(builder, rossi.Email);
        await builder.GotoAsync($"/#/spaces/{arranged.Id}/board");
        await HubGroups.UntilJoined(builder, "WatchBusinessTeam", rossi.Firm.Id); // where the interest will be heard
        await BoardBrowserTests.Publish(builder, PostKind.Request, "Impianti elettrici per la scuola Rodari",
            "Per la gara della scuola Rodari cerchiamo un'impresa di impianti elettrici di Bologna.", "45310000", 10, value: "140000",
            tender: "Riqualificazione della scuola Rodari");
        await Expect(builder.GetByTestId("board-status")).ToHaveTextAsync("Annuncio pubblicato.");
        var builderPost = builder.GetByTestId("board-post");
        await Expect(builderPost).ToContainTextAsync("Impianti elettrici per la scuola Rodari");
        await builderPost.GetByTestId("board-post-open").ClickAsync();
        await Expect(builderPost.GetByTestId("board-no-interests")).ToHaveTextAsync("Ancora nessuna impresa ha manifestato interesse.");

        // The post matches the electrician's trade: it is told where it is, its link opens the post, and it answers with a message.
        var notice = electrician.GetByTestId("post-notice");
        await Expect(notice).ToContainTextAsync("New post on the board for your capabilities");
        await Expect(notice).ToContainTextAsync("Impianti elettrici per la scuola Rodari");
        await electrician.ScreenshotAsync(new() { Path = Shot("reaching-1-notice-en-390.png") });
        await notice.GetByRole(AriaRole.Link, new() { Name = "Impianti elettrici per la scuola Rodari" }).ClickAsync();
        var seen = electrician.GetByTestId("board-post");
        await Expect(seen).ToContainTextAsync("Looking for a partner");
        await Expect(seen.GetByTestId("board-post-open")).ToHaveAttributeAsync("aria-expanded", "true");
        await electrician.GetByTestId("board-interest-message").FillAsync("We wire schools in Bologna: happy to price the electrical work.");
        await electrician.GetByTestId("board-interest-submit").ClickAsync();
        await Expect(electrician.GetByTestId("board-post-status-line")).ToHaveTextAsync("Interest sent.");
        await Expect(seen.GetByTestId("board-my-interest")).ToHaveTextAsync("You expressed interest");

        // The builder reads the interest live and accepts it: the RTI for the tender is formed in that one step.
        var interest = builderPost.GetByTestId("board-interest");
        await Expect(interest).ToContainTextAsync("Impianti Bianchi S.n.c.");
        await Expect(interest).ToContainTextAsync("We wire schools in Bologna: happy to price the electrical work.");
        await interest.GetByTestId("board-accept").ClickAsync();
        await Expect(builder.GetByTestId("board-post-status-line")).ToHaveTextAsync("Interesse accettato: l'alleanza è formata e l'impresa è invitata.");
        await builder.ScreenshotAsync(new() { Path = Shot("reaching-2-accepted-it.png"), FullPage = true });
        await builder.GetByTestId("board-alliance-link").ClickAsync();
        await Expect(builder.GetByTestId("alliance-title")).ToHaveTextAsync("Impianti elettrici per la scuola Rodari");
        var allianceId = Guid.Parse(Regex.Match(builder.Url, "#/alliances/([0-9a-f-]{36})").Groups[1].Value);

        // The electrician is told on its answer, joins the alliance from it, and finds its message opening the conversation.
        await Expect(seen.GetByTestId("board-my-interest")).ToHaveTextAsync("Your interest was accepted");
        await seen.GetByTestId("board-alliance-link").ClickAsync();
        await electrician.GetByTestId("accept-invitation").ClickAsync();
        await Expect(builder.GetByTestId("alliance-member").And(builder.Locator($"[data-firm-id='{bianchi.Firm.Id}']")))
            .ToHaveAttributeAsync("data-standing", "Active");
        await electrician.GetByTestId("alliance-tab-conversation").ClickAsync();
        var electricianMessages = electrician.GetByTestId("conversation-message");
        await Expect(electricianMessages).ToHaveCountAsync(1);
        await Expect(electricianMessages.GetByTestId("conversation-author")).ToHaveTextAsync("Persona bianchi · Impianti Bianchi S.n.c.");
        await Expect(electricianMessages.GetByTestId("conversation-text-shown")).ToHaveTextAsync("We wire schools in Bologna: happy to price the electrical work.");
        await HubGroups.UntilJoined(electrician, "WatchAlliance", allianceId);

        // They talk: each reads the other's message without a reload.
        await builder.GetByTestId("alliance-tab-conversation").ClickAsync();
        await Expect(builder.GetByTestId("conversation-message")).ToHaveCountAsync(1);
        await HubGroups.UntilJoined(builder, "WatchAlliance", allianceId);
        await builder.GetByTestId("conversation-text").FillAsync("Benvenuti! Ci vediamo giovedì alla scuola per il sopralluogo?");
        await builder.GetByTestId("conversation-send").ClickAsync();
        await Expect(builder.GetByTestId("conversation-status")).ToHaveTextAsync("Messaggio inviato.");
        await Expect(electricianMessages).ToHaveCountAsync(2);
        await Expect(electricianMessages.First.GetByTestId("conversation-author")).ToHaveTextAsync("Persona rossi · Edilizia Rossi S.r.l.");
        await Expect(electricianMessages.First.GetByTestId("conversation-text-shown")).ToHaveTextAsync("Benvenuti! Ci vediamo giovedì alla scuola per il sopralluogo?");
        await electrician.GetByTestId("conversation-text").FillAsync("Thursday at 9 works for us.");
        await electrician.GetByTestId("conversation-send").ClickAsync();
        var builderMessages = builder.GetByTestId("conversation-message");
        await Expect(builderMessages).ToHaveCountAsync(3);
        await Expect(builderMessages.First.GetByTestId("conversation-text-shown")).ToHaveTextAsync("Thursday at 9 works for us.");
        await builder.ScreenshotAsync(new() { Path = Shot("reaching-3-conversation-it.png"), FullPage = true });
        await electrician.ScreenshotAsync(new() { Path = Shot("reaching-4-conversation-en-390.png"), FullPage = true });

        // The secretary's dashboard counts the alliance the acceptance formed; no joint bid yet.
        await secretary.ReloadAsync();
        await Expect(secretary.GetByTestId("outcome-AlliancesFormed")).ToHaveAttributeAsync("data-actual", "1");
        await Expect(secretary.GetByTestId("outcome-JointBids")).ToHaveAttributeAsync("data-actual", "0");

        // Once questions close, the two price their work, sign the same version and the builder submits (through the API).
        fixture.ServerClock.SetUtcNow(tender.EnquiryDeadline.AddMinutes(1));
        await ArrangedFirms.SubmitJointBid(allianceId, (rossi, 450_000m), (bianchi, 140_000m));

        // The secretary sees the quarter's target reached.
        await secretary.ReloadAsync();
        await Expect(secretary.GetByTestId("outcome-JointBids")).ToHaveAttributeAsync("data-actual", "1");
        await Expect(secretary.GetByTestId("outcome-JointBids-actual")).ToHaveTextAsync("1");
        await Expect(secretary.GetByTestId("outcome-JointBids")).ToHaveAttributeAsync("data-status", "met");
        await Expect(secretary.GetByTestId("outcome-JointBids")).ToContainTextAsync("Raggiunto");
        await secretary.GetByTestId("outcomes").ScrollIntoViewIfNeededAsync();
        await secretary.ScreenshotAsync(new() { Path = Shot("reaching-5-outcomes-it.png"), FullPage = true });

        // In English on a phone, the same plan against actual.
        var phone = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, arranged.SecretaryEmail);
        await phone.GotoAsync($"/#/spaces/{arranged.Id}/dashboard");
        var jointBids = phone.GetByTestId("outcome-JointBids");
        await Expect(jointBids).ToContainTextAsync("Joint bids submitted");
        await Expect(jointBids).ToContainTextAsync("Met");
        await Expect(phone.GetByTestId("outcome-AlliancesFormed")).ToHaveAttributeAsync("data-actual", "1");
        // The actual is on the phone's screen beside its heading, not behind a sideways scroll of the table.
        var actual = phone.GetByTestId("outcome-JointBids-actual");
        await Expect(actual.Locator("xpath=..")).ToHaveAttributeAsync("data-label", "Actual");
        var box = await actual.BoundingBoxAsync();
        (box!.X + box.Width).Should().BeLessThanOrEqualTo(390);
        await phone.GetByTestId("outcomes").ScreenshotAsync(new() { Path = Shot("reaching-6-outcomes-en-390.png") });
    }
}
