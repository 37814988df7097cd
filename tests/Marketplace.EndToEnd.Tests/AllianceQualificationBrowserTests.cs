using System.Globalization;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The issue's school lot (OG1 class III with OS30 class I): the alliance lacks OS30 and reads so on its workspace; a
/// member firm's owner records OS30 class I on the firm's page, and the lead's open workspace shows the lot qualifies, live
/// (and reads the lead's DGUE confirmed, the member's missing);
/// or the partner suggestions name the firm of the space that completes OS30, and once it joins the lot qualifies.
/// </summary>
public sealed class AllianceQualificationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    static readonly DateOnly Today = QualificationRules.Today(DateTimeOffset.UtcNow);

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    /// <summary>
    /// The school lot's tender in a space of Bologna, and its RTI: Edilizia Rossi (the lead, OG1 class III, who covers the
    /// lot's CPV code) with Impianti Bianchi (its member, no attestation); the lot allows avvalimento when asked.
    /// </summary>
    internal async Task<(ArrangedSpace Space, ArrangedFirm Rossi, ArrangedFirm Bianchi, AllianceDto Alliance)> School(bool avvalimento = false)
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"] });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { Capabilities = ["45310000"] });
        var buyerApi = fixture.NewApiClient();
        await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Casalecchio di Reno", BusinessKind.Buyer);
        await arranged.Secretary.ApproveBuyer(buyerApi, arranged.Id, buyer.Id);
        var now = DateTimeOffset.UtcNow;
        var school = new LotRequirementsRequest(new CategoryAmountRequest("OG1", 850_000m), [new CategoryAmountRequest("OS30", 200_000m)], null, null, null, avvalimento);
        var draft = await (await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Adeguamento della scuola Rodari", null,
            [new LotRequest(0, "Opere edili e impianti", null, ["45214200"], new MoneyDto(1_050_000m, "EUR"), null, school)],
            [], [new CriterionRequest(0, "Prezzo", CriterionKind.Price, 100)], now.AddDays(7), now.AddDays(14), null, null, false, []), Json)).Read<TenderDto>();
        (await buyerApi.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        (await rossi.Api.PutAsJsonAsync($"/api/businesses/{rossi.Firm.Id}/qualifications", new EditQualificationsRequest(rossi.Firm.Version,
            [new("OG1", SoaClass.III, Today.AddYears(2), "SOA Nord S.p.A.")], null), Json)).EnsureSuccessStatusCode();
        var alliance = await (await rossi.Api.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(rossi.Firm.Id, arranged.Id, draft.Id, "RTI Rodari", "Accordo"), Json))
            .Read<AllianceDto>();
        (await rossi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(bianchi.Firm.Id, AllianceRole.Member), Json))
            .EnsureSuccessStatusCode();
        (await bianchi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{bianchi.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json))
            .EnsureSuccessStatusCode();
        return (arranged, rossi, bianchi, alliance);
    }

    /// <summary>Signs in, opens the alliance's partners tab once the page is live, and waits for the lot it does not qualify for.</summary>
    internal static async Task<ILocator> OpenPartners(IPage page, string email, Guid allianceId)
    {
        await BusinessProfileBrowserTests.SignIn(page, email);
        await page.GotoAsync($"/#/alliances/{allianceId}");
        await Expect(page.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await page.GetByTestId("alliance-tab-partners").ClickAsync();
        var lot = page.GetByTestId("qualification-lot");
        await Expect(lot).ToHaveAttributeAsync("data-qualifies", "false");
        return lot;
    }

    [Fact]
    public async Task The_lead_reads_the_missing_OS30_and_sees_the_lot_qualify_live_once_a_member_records_it()
    {
        var (_, rossi, bianchi, alliance) = await School();
        // The lead confirms its DGUE; the member keeps none.
        var confirmed = await rossi.Api.RecordDgue(rossi.Firm.Id);
        var confirmedOn = QualificationRules.Today(confirmed.Dgue.ConfirmedAt!.Value).ToDateTime(TimeOnly.MinValue);

        // The lead opens the workspace's partners tab: the lot does not qualify, OS30 class I is missing.
        var lead = await fixture.NewPerson();
        var lot = await OpenPartners(lead, rossi.Email, alliance.Id);
        var dgues = lead.GetByTestId("qualification-dgue");
        await Expect(dgues.Filter(new() { HasText = "Edilizia Rossi S.r.l." }).GetByTestId("qualification-dgue-standing"))
            .ToHaveTextAsync($"DGUE confermato il {confirmedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("it-IT"))}");
        await Expect(dgues.Filter(new() { HasText = "Impianti Bianchi S.n.c." }).GetByTestId("qualification-dgue-standing")).ToHaveTextAsync("DGUE mancante");
        await Expect(lot.GetByTestId("qualification-verdict")).ToHaveTextAsync("L'alleanza non si qualifica");
        await Expect(lot.GetByTestId("qualification-failure")).ToHaveTextAsync(
            "Manca la categoria OS30 classe I richiesta dal lotto: nessuna impresa ha un'attestazione SOA valida in questa categoria.");
        await Expect(lot.Locator("[data-testid='qualification-check'][data-category='OG1'] [data-testid='qualification-by']")).ToContainTextAsync("Edilizia Rossi S.r.l.");
        await lead.ScreenshotAsync(new() { Path = Shot("alliance-qualification-1-missing-it.png"), FullPage = true });

        // The member's owner records OS30 class I on the firm's page.
        var owner = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(owner, bianchi.Email);
        await owner.GotoAsync($"/#/businesses/{bianchi.Firm.Id}");
        var section = owner.GetByTestId("qualifications-section");
        await section.GetByTestId("qualifications-edit").ClickAsync();
        await section.GetByTestId("soa-add").ClickAsync();
        var added = section.GetByTestId("soa-row").Last;
        await added.GetByTestId("soa-category").SelectOptionAsync("OS30");
        await added.GetByTestId("soa-class").SelectOptionAsync("I");
        await added.GetByTestId("soa-expires").FillAsync(Today.AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await added.GetByTestId("soa-issuer").FillAsync("SOA Centro S.p.A.");
        await section.GetByTestId("qualifications-save").ClickAsync();
        await Expect(section.GetByTestId("qualifications-status")).ToHaveTextAsync("Qualificazioni salvate.");

        // The lead's open page shows the lot qualifies, without a reload.
        await Expect(lot).ToHaveAttributeAsync("data-qualifies", "true");
        await Expect(lot.GetByTestId("qualification-verdict")).ToHaveTextAsync("L'alleanza si qualifica");
        await Expect(lot.GetByTestId("qualification-failure")).ToHaveCountAsync(0);
        await Expect(lot.Locator("[data-testid='qualification-check'][data-category='OS30'] [data-testid='qualification-by']")).ToContainTextAsync("Impianti Bianchi S.n.c.");
        await lead.ScreenshotAsync(new() { Path = Shot("alliance-qualification-2-qualifies-it.png"), FullPage = true });

        var phone = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, bianchi.Email);
        await phone.GotoAsync($"/#/alliances/{alliance.Id}");
        await phone.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(phone.GetByTestId("qualification-verdict")).ToHaveTextAsync("The alliance qualifies");
        var phoneDgues = phone.GetByTestId("qualification-dgue");
        await Expect(phoneDgues.Filter(new() { HasText = "Edilizia Rossi S.r.l." }).GetByTestId("qualification-dgue-standing"))
            .ToHaveTextAsync($"DGUE confirmed on {confirmedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");
        await Expect(phoneDgues.Filter(new() { HasText = "Impianti Bianchi S.n.c." }).GetByTestId("qualification-dgue-standing")).ToHaveTextAsync("DGUE missing");
        await phone.GetByTestId("alliance-qualification").ScreenshotAsync(new() { Path = Shot("alliance-qualification-3-en-390.png") });
    }

    /// <summary>
    /// The alliance covers every CPV code yet lacks OS30: the partner suggestions name first the firm of the space whose
    /// OS30 class I completes the lot, saying so; the lead invites it, it joins, and the lead's open page reads that the
    /// alliance qualifies.
    /// </summary>
    [Fact]
    public async Task The_suggestion_names_the_firm_that_completes_OS30_the_lead_invites_it_and_once_it_joins_the_alliance_qualifies()
    {
        var (arranged, rossi, bianchi, alliance) = await School();
        var verdi = await arranged.Member("verdi", "Verdi Impianti Speciali S.r.l.", p => p with { Capabilities = ["45315000"] });
        (await verdi.Api.PutAsJsonAsync($"/api/businesses/{verdi.Firm.Id}/qualifications", new EditQualificationsRequest(verdi.Firm.Version,
            [new("OS30", SoaClass.I, Today.AddYears(1), "SOA Centro S.p.A.")], null), Json)).EnsureSuccessStatusCode();

        // The member's person reads it in English on a phone: OS30 class I is missing, and which firm completes it.
        var phone = await fixture.NewPerson("en-GB", width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, bianchi.Email);
        await phone.GotoAsync($"/#/alliances/{alliance.Id}");
        await phone.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(phone.GetByTestId("qualification-verdict")).ToHaveTextAsync("The alliance does not qualify");
        await Expect(phone.GetByTestId("qualification-scope")).ToHaveTextAsync("The joint bid has no work packages yet: every lot that states requirements is judged.");
        var english = phone.GetByTestId("suggestion").First;
        await Expect(english).ToHaveAttributeAsync("data-firm-id", verdi.Firm.Id.ToString());
        await Expect(english.GetByTestId("suggestion-completes")).ToContainTextAsync("Completes OS30 class I");
        await Expect(english.GetByTestId("suggestion-completes")).ToContainTextAsync("with this firm the alliance qualifies");
        await phone.GetByTestId("suggestions").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Shot("partner-requirement-1-en-390.png"), FullPage = true });

        // The lead reads the missing class and, first among the suggestions, the firm that completes it.
        var lead = await fixture.NewPerson();
        var lot = await OpenPartners(lead, rossi.Email, alliance.Id);
        await Expect(lot.GetByTestId("qualification-failure")).ToContainTextAsync("Manca la categoria OS30 classe I");
        var first = lead.GetByTestId("suggestion").First;
        await Expect(first).ToHaveAttributeAsync("data-firm-id", verdi.Firm.Id.ToString());
        await Expect(first.Locator(".suggestion-name")).ToHaveTextAsync("Verdi Impianti Speciali S.r.l.");
        await Expect(first.GetByTestId("suggestion-completes")).ToContainTextAsync("Completa OS30 classe I");
        await Expect(first.GetByTestId("suggestion-completes")).ToContainTextAsync("con questa impresa l'alleanza si qualifica");
        await lead.GetByTestId("suggestions").ScrollIntoViewIfNeededAsync();
        await lead.ScreenshotAsync(new() { Path = Shot("partner-requirement-2-suggested-it.png"), FullPage = true });

        // The lead invites it from the suggestion; its owner accepts; the lead's open page turns to "qualifies".
        await first.GetByTestId("invite-suggestion").ClickAsync();
        // Stored once the suggestions, read again after the invitation, no longer offer it (an invited firm is not suggested).
        await Expect(lead.GetByTestId("suggestion-completes")).ToHaveCountAsync(0);
        (await verdi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{verdi.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json))
            .EnsureSuccessStatusCode();
        await Expect(lot).ToHaveAttributeAsync("data-qualifies", "true");
        await Expect(lot.GetByTestId("qualification-verdict")).ToHaveTextAsync("L'alleanza si qualifica");
        await Expect(lot.Locator("[data-testid='qualification-check'][data-category='OS30'] [data-testid='qualification-by']"))
            .ToContainTextAsync("Verdi Impianti Speciali S.r.l.");
        await lead.ScreenshotAsync(new() { Path = Shot("partner-requirement-3-qualifies-it.png"), FullPage = true });
    }
}
