using System.Net.Http.Json;
using Marketplace.Server.Endpoints;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Each firm of an RTI presents its own current DGUE: the lead's page says which firm has none before anyone tries to
/// submit; that firm answers it after signing, so its sign-off no longer counts and the page awaits it again, saying
/// why; it signs again and the lead submits.
/// </summary>
public sealed class JointBidDgueBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task The_lead_is_told_a_member_has_no_dgue_the_member_answers_it_signs_again_and_the_lead_submits()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var buyer = await arranged.Buyer("appalti", "Comune di Casalecchio di Reno");
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { Capabilities = ["45310000"] });
        var clock = fixture.ServerClock;
        var tender = await buyer.Publish("Adeguamento della scuola Rodari", clock.GetUtcNow().AddDays(2), clock.GetUtcNow().AddDays(7),
            new LotRequest(0, "Opere edili e impianti", null, ["45214200"], new MoneyDto(1_050_000m, "EUR"), null));
        // Arranged through the API: Rossi has answered its DGUE, Bianchi not yet; both sign the bid as it stands
        // (QuotasBrowserTests clicks the sign-offs).
        await rossi.Api.RecordDgue(rossi.Firm.Id);
        var alliance = await RodariRti.Form(fixture, tender, rossi, bianchi);
        var bid = $"/api/alliances/{alliance.Id}/bid";
        var digest = (await rossi.Api.GetFromJsonAsync<JointBidDto>(bid, Json))!.Digest;
        foreach (var firm in new[] { rossi, bianchi })
            (await firm.Api.PostAsJsonAsync($"{bid}/sign", new SignRequest(firm.Firm.Id, digest), Json)).EnsureSuccessStatusCode();

        // The lead's page says, before it tries, that Bianchi's DGUE is missing: the bid does not go in without it.
        var lead = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(lead, rossi.Email);
        await lead.GotoAsync($"/#/alliances/{alliance.Id}");
        await Expect(lead.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        await Expect(lead.GetByTestId("submit-missing")).ToHaveTextAsync(
            "Impianti Bianchi S.n.c.: DGUE mancante. I titolari o i gestori dell'impresa lo compilano nella sua pagina prima che l'offerta sia presentata.");
        await Expect(lead.GetByTestId("submit-joint-bid")).ToBeDisabledAsync();
        await lead.GetByTestId("joint-submission").ScrollIntoViewIfNeededAsync();
        await lead.ScreenshotAsync(new() { Path = Shot("joint-bid-dgue-1-missing-it.png"), FullPage = true });

        // Bianchi's owner, in English on a phone, answers the DGUE on the firm's page.
        var member = await fixture.NewPerson("en-GB", TenderBrowserTests.Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(member, bianchi.Email);
        await JourneyBrowserTests.AnswersDgue(member, bianchi.Firm.Id, "DGUE confirmed.");

        // Its sign-off approved the bid without that DGUE: the joint bid's page awaits Bianchi again, and the lead's says why.
        await member.GotoAsync($"/#/alliances/{alliance.Id}");
        await member.GetByTestId("alliance-tab-bid").ClickAsync();
        var again = member.GetByTestId($"awaiting-{bianchi.Firm.Id}");
        await Expect(again.GetByTestId("sign-bid")).ToBeEnabledAsync();
        await again.ScrollIntoViewIfNeededAsync();
        await member.ScreenshotAsync(new() { Path = Shot("joint-bid-dgue-2-sign-again-en-390.png"), FullPage = true });
        await lead.ReloadAsync();
        await lead.GetByTestId("alliance-tab-bid").ClickAsync();
        await Expect(lead.GetByTestId("submit-missing")).ToContainTextAsync(
            "Impianti Bianchi S.n.c. ha cambiato il DGUE dopo aver approvato l'offerta: l'approvazione non vale più e l'impresa approva di nuovo.");
        await Expect(lead.GetByTestId("submit-missing")).Not.ToContainTextAsync("DGUE mancante");
        await Expect(lead.GetByTestId($"awaiting-{bianchi.Firm.Id}")).ToBeVisibleAsync();

        // Bianchi signs again; the lead submits.
        await again.GetByTestId("sign-bid").ClickAsync();
        await Expect(member.GetByTestId($"signed-{bianchi.Firm.Id}")).ToBeVisibleAsync();
        await Expect(lead.GetByTestId("submit-ready")).ToBeVisibleAsync();
        await lead.GetByTestId("submit-joint-bid").ClickAsync();
        await lead.GetByTestId("confirm-yes").ClickAsync();
        await Expect(lead.GetByTestId("joint-receipt-digest")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await lead.ScreenshotAsync(new() { Path = Shot("joint-bid-dgue-3-submitted-it.png"), FullPage = true });
    }
}
