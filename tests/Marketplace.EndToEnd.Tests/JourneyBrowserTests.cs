using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Marketplace.EndToEnd.Tests.TenderBrowserTests;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// The first hour of four new users, through the pages only (issue #17): an association opens its space, two small
/// firms find their trades in their own words and join it, a comune publishes a two-lot tender, the firms bid together
/// as an RTI and win. The plumber, the electrician (on a phone) and the association read Italian, the comune English.
/// At each decisive moment the test reads the sentence the person reads, and saves a screenshot (journey-*.png).
/// </summary>
public sealed class JourneyBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    const string SpaceName = "Spazio Artigiani Appennino";
    const string Plumbers = "Idraulica Ferri S.n.c.";
    const string Electricians = "Elettrica Gatti S.r.l.";
    const string Comune = "Comune di Vergato";
    const string TenderTitle = "Manutenzione degli impianti delle scuole";
    const string Rti = "RTI Scuole Vergato";

    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, $"journey-{name}.png");

    static Task Screenshot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Shot(name), FullPage = true });

    /// <summary>The id at the end of the page's address (#/spaces/{id}, #/businesses/{id}/edit, ...), after <paramref name="segment"/>.</summary>
    static Guid IdAfter(IPage page, string segment) =>
        Guid.Parse(Regex.Match(page.Url, $"#/{segment}/([0-9a-fA-F-]{{36}})").Groups[1].Value);

    [Fact]
    public async Task An_association_two_small_firms_and_a_comune_go_from_registering_to_an_rti_winning_both_lots()
    {
        var clock = fixture.ServerClock;

        // The association's secretary registers and opens a space that gives firms at least 10 days to bid.
        var secretary = await Registers("Anna Serra");
        await CreatesOrganisation(secretary, "Association", "Associazione Artigiani Appennino");
        var space = await OpensSpace(secretary);

        // The plumbers register and find their trade by the word they use for it.
        var plumber = await Registers("Marco Ferri");
        var plumbers = await CreatesOrganisation(plumber, "Firm", Plumbers);
        await FindsTrade(plumber, "idraulico", "45330000-9", "plumber-trade");
        // Each firm answers its DGUE once on its page: every firm of an RTI presents its own with the joint bid.
        await AnswersDgue(plumber, plumbers);

        // The electricians, on a phone, find theirs by "impianti elettrici" (the official label says "installazione").
        var electrician = await Registers("Sara Gatti", width: 390);
        var electricians = await CreatesOrganisation(electrician, "Firm", Electricians);
        await FindsTrade(electrician, "impianti elettrici", "45310000-3", "electrician-trade-390");
        await AnswersDgue(electrician, electricians);

        // The plumbers ask to join the space; the secretary approves them and their page says they are in, live.
        await AsksToJoin(plumber, space);
        await Approves(secretary, space, plumbers);
        await Expect(plumber.GetByTestId("standing-firm")).ToContainTextAsync($"{Plumbers} è membro dello spazio.");

        // The secretary invites the electricians; on the phone the invitation is a thing to do, and accepting it lets them in.
        await Invites(secretary, space, Electricians);
        await AcceptsSpaceInvitationFromToDo(electrician, space);

        // The comune registers in English with its codice fiscale and asks to publish in the space, which the secretary allows.
        var officer = await Registers("Luca Neri", "en-GB");
        var comune = await CreatesOrganisation(officer, "Buyer", Comune);
        await GivesTaxCode(officer);
        // The secretary has the space's administration open; the request reaches it there.
        await secretary.GotoAsync($"/#/spaces/{space}/admin");
        await HubGroups.UntilJoined(secretary, "WatchSpaceAdmin", space);
        await AsksToPublish(officer, comune, space);
        await ApprovesBuyer(secretary, comune);

        // The plumbers wait on their inbox for tenders matching their trade.
        await plumber.GotoAsync("/#/inbox");
        await HubGroups.UntilJoined(plumber, "WatchBusinessTeam", plumbers);

        // The comune drafts two lots; closing in 6 days is too soon for this space, and the page says so before publishing.
        var enquiryDeadline = clock.GetUtcNow().AddDays(2);
        var submissionDeadline = clock.GetUtcNow().AddDays(12);
        var tender = await DraftsTender(officer, comune, space, enquiryDeadline, clock.GetUtcNow().AddDays(6));
        await Expect(officer.GetByTestId("publish-blocked")).ToContainTextAsync($"“{SpaceName}” gives firms at least 10 days to bid");
        await Expect(officer.GetByTestId("publish-tender")).ToHaveCountAsync(0);
        await Screenshot(officer, "05-publish-too-soon-en");
        await MovesSubmissionDeadline(officer, tender, submissionDeadline);
        await Publishes(officer);

        // The plumbers are told at once, and their inbox names the lot that matches their trade.
        await Expect(plumber.GetByTestId("inbox-notice")).ToContainTextAsync(TenderTitle);
        var notice = plumber.GetByTestId("inbox-item").And(plumber.Locator($"[data-tender-id='{tender}' i]"));
        await Expect(notice.GetByTestId("inbox-lots")).ToContainTextAsync("Impianti idraulici");
        await Expect(notice.GetByTestId("inbox-lots")).Not.ToContainTextAsync("Impianti elettrici");
        await Screenshot(plumber, "07-inbox-names-the-lot");

        // Bids open; the plumbers form an RTI from the tender's page and invite the electricians the page suggests.
        clock.SetUtcNow(enquiryDeadline.AddMinutes(1));
        var alliance = await FormsRti(plumber, tender);
        await InvitesSuggestedPartner(plumber, electricians);

        // On the phone, the invitation waits on the to-do page; the electricians accept it there.
        await AcceptsRtiInvitationFromToDo(electrician, alliance);

        // Each firm adds its own work package and may edit only its own.
        await plumber.GetByTestId("alliance-tab-bid").ClickAsync();
        await AddsPackage(plumber, "Impianti idraulici e sanitari", 1, plumbers, "84000");
        await AddsPackage(electrician, "Quadri e impianto elettrico", 2, electricians, "66000,50");
        foreach (var page in new[] { plumber, electrician })
            await Expect(page.GetByTestId("work-package")).ToHaveCountAsync(2);
        var plumbersPackage = electrician.GetByTestId("work-package").Filter(new() { HasText = "Impianti idraulici e sanitari" });
        await Expect(plumbersPackage.GetByTestId("package-owner-only")).ToHaveTextAsync($"Lo modifica {Plumbers}");
        await Expect(plumbersPackage.GetByTestId("edit-package")).ToHaveCountAsync(0);
        await Screenshot(electrician, "10-packages-390");

        // The electricians' to-do count asks them to approve the bid; approving it takes it away.
        var electricianCount = electrician.GetByTestId("nav-todo").GetByTestId("todo-count");
        await Expect(electricianCount).ToHaveTextAsync("1");
        await electrician.GetByTestId("sign-bid").And(electrician.Locator($"[data-firm-id='{electricians}' i]")).ClickAsync();
        await Expect(electricianCount).ToHaveCountAsync(0);

        // A day before bids close, the lead's to-do page says to approve and to submit; it does both, after a confirmation.
        clock.SetUtcNow(submissionDeadline.AddDays(-1));
        await LeadSignsAndSubmitsFromToDo(plumber, alliance);
        await Expect(electrician.GetByTestId("joint-receipt-digest")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(electrician.GetByTestId("joint-submission")).ToContainTextAsync(
            $"Presentata da {Plumbers}, capofila, a nome di tutte le imprese del raggruppamento.");
        await Screenshot(electrician, "13-receipt-390");

        // With the bid submitted the lead is offered no invitation, hand-over or removal, and told once why, truly:
        // before the deadline it could still withdraw the bid.
        await plumber.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(plumber.GetByTestId("invite-blocked")).ToHaveTextAsync("L'offerta congiunta è presentata: un'impresa aderisce quando la capofila la ritira.");
        await Expect(plumber.GetByTestId("invite-firm")).ToHaveCountAsync(0);
        await Expect(plumber.GetByTestId("suggestions-closed")).ToHaveCountAsync(0);
        await Screenshot(plumber, "13b-partners-after-submit");
        await plumber.GetByTestId("alliance-tab-overview").ClickAsync();
        await Expect(plumber.GetByTestId("members-blocked").Locator("li")).ToHaveTextAsync([
            "L'offerta congiunta è presentata a nome dell'attuale capofila: il ruolo passa solo dopo che la capofila l'ha ritirata.",
            "L'offerta congiunta è presentata con tutte le imprese attive: un'impresa si esclude solo dopo che la capofila l'ha ritirata.",
        ]);
        await Expect(plumber.GetByTestId($"handover-{electricians}")).ToHaveCountAsync(0);
        // The electricians keep the RTI's overview open on the phone: what became of the bid will reach it there.
        await electrician.GetByTestId("alliance-tab-overview").ClickAsync();
        var liveOutcome = electrician.GetByTestId("alliance-bid-outcome");
        await Expect(liveOutcome.GetByTestId("rti-bid-state")).ToContainTextAsync($"Presentata da {Plumbers}, capofila, il ");
        await Expect(liveOutcome.GetByTestId("award-badge")).ToHaveCountAsync(0);
        await HubGroups.UntilJoined(electrician, "WatchTender", tender);
        await HubGroups.UntilJoined(plumber, "WatchTender", tender);

        // Bids close; the comune's page opens them and it awards both lots to the RTI, each after a confirmation.
        await officer.GotoAsync($"/#/tenders/{tender}");
        await Expect(officer.GetByTestId("tender-live-status")).ToHaveAttributeAsync("data-state", "connected");
        clock.SetUtcNow(submissionDeadline.AddMinutes(1));
        await Expect(officer.GetByTestId("evaluation")).ToBeVisibleAsync();
        await Awards(officer, 1, "Impianti idraulici");
        await Awards(officer, 2, "Impianti elettrici");
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Awarded");
        // What the page said on publishing ("firms may ask questions until…") is not said ten days later.
        await Expect(officer.GetByTestId("manage-status")).ToBeEmptyAsync();
        await Screenshot(officer, "15-awarded-en");

        // The RTI's page open on the phone shows the result as soon as the comune decides, without a reload.
        await Expect(liveOutcome.GetByTestId("award-badge")).ToHaveTextAsync(["Aggiudicato", "Aggiudicato"]);
        await Screenshot(electrician, "15b-alliance-awarded-live-390");
        // The lead's open page now says the true reason nothing moves: bids are closed, the bid can no longer be withdrawn.
        await Expect(plumber.GetByTestId("members-blocked").Locator("li")).ToHaveTextAsync([
            "Le offerte sono chiuse e l'offerta congiunta è stata presentata a nome dell'attuale capofila: il ruolo non può più passare a un'altra impresa.",
            "Le offerte sono chiuse e l'offerta congiunta è stata presentata con tutte le imprese attive: nessuna può più essere esclusa dall'RTI.",
        ]);

        // Both firms' tender pages say they bid in the RTI (not that they did not bid) and that it won both lots.
        foreach (var (page, firm, name) in new[] { (plumber, Plumbers, "16-outcome-plumbers"), (electrician, Electricians, "16-outcome-electricians-390") })
        {
            await page.GotoAsync($"/#/tenders/{tender}");
            await Expect(page.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Awarded");
            await Expect(page.GetByTestId("bid-in-rti")).ToHaveTextAsync($"{firm} partecipa a questa gara nell'RTI «{Rti}», con l'offerta presentata dalla capofila.");
            await Expect(page.GetByTestId("bid-none")).ToHaveCountAsync(0);
            // The bid panel and the card of the firm's RTIs say the same: submitted by the lead, both lots won.
            var rtiCard = page.GetByTestId("tender-alliance-outcome");
            await Expect(rtiCard.GetByTestId("rti-bid-state")).ToContainTextAsync($"Presentata da {Plumbers}, capofila, il ");
            foreach (var shown in new[] { page.GetByTestId("bid-panel"), rtiCard })
            {
                var won = shown.GetByTestId("my-result-lot");
                await Expect(won).ToHaveCountAsync(2);
                foreach (var lot in new[] { 1, 2 })
                    await Expect(won.And(page.Locator($"[data-lot='{lot}']")).GetByTestId("award-badge")).ToHaveTextAsync("Aggiudicato");
            }
            // The outcome names the RTI its firms know, then its firms.
            foreach (var lot in new[] { 1, 2 })
                await Expect(page.GetByTestId($"lot-outcome-{lot}")).ToContainTextAsync($"Aggiudicato a {Rti} ({Plumbers}, {Electricians})");
            await Screenshot(page, name);
        }

        // The RTI's own page says what became of its bid, and tells the lead the true reason it stays: the bid was
        // submitted and bids are closed (not "hand the lead over first", which the sealed bid refuses too).
        await plumber.GotoAsync($"/#/alliances/{alliance}");
        await Expect(plumber.GetByTestId("alliance-title")).ToHaveTextAsync(Rti);
        var outcome = plumber.GetByTestId("alliance-bid-outcome");
        await Expect(outcome.GetByTestId("rti-bid-state")).ToContainTextAsync($"Presentata da {Plumbers}, capofila, il ");
        await Expect(outcome.GetByTestId("award-badge")).ToHaveTextAsync(["Aggiudicato", "Aggiudicato"]);
        await Expect(plumber.Locator("[data-testid='firm-blocker'][data-action='Leave']")).ToHaveTextAsync(
            "Le offerte sono chiuse e l'offerta congiunta è stata presentata con questa impresa: l'impresa resta nell'RTI.");
        await Expect(plumber.GetByTestId("alliance")).Not.ToContainTextAsync("passa prima il ruolo");
        await Expect(plumber.GetByTestId("members-blocked")).ToContainTextAsync("nessuna può più essere esclusa dall'RTI");
        await Screenshot(plumber, "17-alliance-after-award");
        await plumber.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(plumber.GetByTestId("invite-blocked")).ToHaveTextAsync("Le offerte sono chiuse: nessuna impresa può più unirsi all'offerta congiunta.");
        await Screenshot(plumber, "18-partners-after-award");
    }

    // ---- the steps, each as a person does it ----

    async Task<IPage> Registers(string name, string locale = "it-IT", int width = 1280)
    {
        var page = await fixture.NewPerson(locale, Rome, width);
        await page.GotoAsync("/#/register");
        await page.GetByTestId("register-name").FillAsync(name);
        await page.GetByTestId("register-email").FillAsync($"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.it");
        await page.GetByTestId("register-password").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.GetByTestId("nav-account")).ToHaveTextAsync(name);
        return page;
    }

    /// <summary>Registers the organisation of the kind and is left on its profile form; returns its id.</summary>
    static async Task<Guid> CreatesOrganisation(IPage page, string kind, string name)
    {
        await page.GotoAsync("/#/businesses/new");
        await page.GetByTestId("new-business-kind").SelectOptionAsync(kind);
        await page.GetByTestId("new-business-name").FillAsync(name);
        await page.GetByTestId("new-business-submit").ClickAsync();
        await Expect(page.GetByTestId("edit-name")).ToHaveValueAsync(name);
        return IdAfter(page, "businesses");
    }

    static async Task<Guid> OpensSpace(IPage secretary)
    {
        await secretary.GotoAsync("/#/spaces/new");
        await secretary.GetByTestId("space-name").FillAsync(SpaceName);
        await secretary.GetByTestId("space-description").FillAsync("Le imprese artigiane dell'Appennino bolognese: competenze, gare e offerte congiunte.");
        await secretary.GetByTestId("space-province-search").FillAsync("Bologna");
        await secretary.GetByTestId("space-province-option").First.ClickAsync();
        await Expect(secretary.GetByTestId("space-provinces")).ToContainTextAsync("Bologna");
        await secretary.GetByTestId("space-minimum-tendering").FillAsync("10");
        await secretary.GetByTestId("space-policyText").FillAsync("1. Possono aderire le imprese artigiane dell'Appennino.\n2. Le offerte congiunte sono approvate da tutte le imprese.");
        await Screenshot(secretary, "01-space-form");
        await secretary.GetByTestId("space-save").ClickAsync();
        await Expect(secretary.GetByTestId("space-name")).ToHaveTextAsync(SpaceName);
        await Expect(secretary.GetByTestId("space-admin-badge")).ToBeVisibleAsync();
        return IdAfter(secretary, "spaces");
    }

    /// <summary>On its profile form, the firm types its trade in its own words and takes the first code offered, which must be <paramref name="code"/>.</summary>
    static async Task FindsTrade(IPage page, string words, string code, string shot)
    {
        await page.GetByTestId("cpv-search").FillAsync(words);
        var first = page.GetByTestId("cpv-option").First;
        await Expect(first).ToContainTextAsync(code);
        await Screenshot(page, $"02-{shot}");
        await first.ClickAsync();
        await Expect(page.GetByTestId("edit-capabilities")).ToContainTextAsync(code);
        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByTestId("edit-status")).ToHaveAttributeAsync("data-state", "saved");
    }

    /// <summary>On the firm's page its Owner answers the DGUE, no exclusion ground applying, and confirms it (<paramref name="saved"/> in the page's language).</summary>
    internal static async Task AnswersDgue(IPage page, Guid firm, string saved = "DGUE confermato.")
    {
        await page.GotoAsync($"/#/businesses/{firm}");
        var section = page.GetByTestId("dgue-section");
        await section.GetByTestId("dgue-edit").ClickAsync();
        await Expect(section.GetByTestId("dgue-question").First).ToBeVisibleAsync();
        foreach (var question in await section.GetByTestId("dgue-question").AllAsync()) await question.GetByTestId("dgue-no").CheckAsync();
        await section.GetByTestId("dgue-save").ClickAsync();
        await Expect(section.GetByTestId("dgue-status")).ToHaveTextAsync(saved);
    }

    static async Task AsksToJoin(IPage firm, Guid space)
    {
        await firm.GotoAsync($"/#/spaces/{space}");
        await Expect(firm.GetByTestId("space-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await firm.GetByTestId("apply-message").FillAsync("Impianti idraulici e termici nelle scuole e negli edifici pubblici.");
        await firm.GetByTestId("apply-accept-policy").CheckAsync();
        await firm.GetByTestId("apply-submit").ClickAsync();
        await Expect(firm.GetByTestId("standing-status")).ToHaveAttributeAsync("data-status", "Applied");
        await Expect(firm.GetByTestId("standing-firm")).ToContainTextAsync("Domanda inviata: gli amministratori la stanno valutando.");
    }

    static async Task Approves(IPage secretary, Guid space, Guid firm)
    {
        await secretary.GotoAsync($"/#/spaces/{space}/admin");
        var application = secretary.GetByTestId("application-item").And(secretary.Locator($"[data-firm-id='{firm}' i]"));
        await Expect(application).ToContainTextAsync(Plumbers);
        await application.GetByTestId("approve-submit").ClickAsync();
        await Expect(secretary.GetByTestId("admin-member-item").And(secretary.Locator($"[data-firm-id='{firm}' i]"))).ToBeVisibleAsync();
    }

    static async Task Invites(IPage secretary, Guid space, string firm)
    {
        await secretary.GotoAsync($"/#/spaces/{space}/admin");
        await secretary.GetByTestId("invite-search").FillAsync("Elettrica Gatti");
        await secretary.GetByTestId("invite-option").Filter(new() { HasText = firm }).ClickAsync();
        await secretary.GetByTestId("invite-submit").ClickAsync();
        await Expect(secretary.GetByTestId("invitation-item")).ToContainTextAsync(firm);
        await Screenshot(secretary, "03-space-admin");
    }

    static async Task AcceptsSpaceInvitationFromToDo(IPage firm, Guid space)
    {
        await firm.GotoAsync("/#/todo");
        var count = firm.GetByTestId("nav-todo").GetByTestId("todo-count");
        await Expect(count).ToHaveTextAsync("1");
        var row = firm.GetByTestId("todo-item").And(firm.Locator("[data-kind='SpaceInvitation']"));
        await Expect(row).ToContainTextAsync($"Rispondi per «{Electricians}» all'invito a unirsi allo spazio «{SpaceName}»");
        await Screenshot(firm, "04-todo-space-invitation-390");
        await row.GetByRole(AriaRole.Link, new() { Name = "Apri lo spazio" }).ClickAsync();
        await Expect(firm).ToHaveURLAsync(new Regex($"#/spaces/{space}", RegexOptions.IgnoreCase));
        await Expect(firm.GetByTestId("standing-firm")).ToContainTextAsync($"L'associazione ha invitato {Electricians}");
        await firm.GetByTestId("apply-accept-policy").CheckAsync();
        await firm.GetByTestId("apply-submit").ClickAsync();
        await Expect(firm.GetByTestId("standing-firm")).ToContainTextAsync($"{Electricians} è membro dello spazio.");
        await Expect(count).ToHaveCountAsync(0);
    }

    static async Task GivesTaxCode(IPage officer)
    {
        await Expect(officer.GetByTestId("edit-vat")).ToHaveCountAsync(0);
        await officer.GetByTestId("edit-tax-code").FillAsync("00743110157");
        await officer.GetByTestId("edit-save").ClickAsync();
        await Expect(officer.GetByTestId("edit-status")).ToHaveAttributeAsync("data-state", "saved");
    }

    static async Task AsksToPublish(IPage officer, Guid comune, Guid space)
    {
        await officer.GotoAsync($"/#/businesses/{comune}");
        var section = officer.GetByTestId("buyer-spaces");
        await section.GetByTestId("buyer-space-choice").SelectOptionAsync(space.ToString());
        await section.GetByTestId("buyer-ask").ClickAsync();
        await Expect(section.GetByTestId("buyer-standing")).ToHaveAttributeAsync("data-approval", "Requested");
    }

    /// <summary>The secretary approves the buyer's request on the administration page already open, where it arrived live.</summary>
    static async Task ApprovesBuyer(IPage secretary, Guid comune)
    {
        var buyers = secretary.GetByTestId("admin-buyers");
        var request = buyers.Locator($"[data-testid='buyer-standing'][data-buyer-id='{comune}' i]");
        await Expect(request).ToContainTextAsync(Comune);
        await request.GetByTestId("buyer-approve").ClickAsync();
        await Expect(request).ToHaveAttributeAsync("data-approval", "Approved");
        await Expect(buyers.GetByTestId("admin-buyers-status")).ToContainTextAsync("può ora pubblicare");
    }

    /// <summary>The officer fills the tender's form with two lots and saves the draft; returns the tender's id.</summary>
    static async Task<Guid> DraftsTender(IPage officer, Guid comune, Guid space, DateTimeOffset enquiryDeadline, DateTimeOffset submissionDeadline)
    {
        await officer.GotoAsync($"/#/tenders/new?buyer={comune}");
        await officer.GetByTestId($"tender-space-{space}").CheckAsync();
        await officer.GetByTestId("tender-title").FillAsync(TenderTitle);
        await officer.GetByTestId("tender-description").FillAsync("Manutenzione ordinaria e straordinaria degli impianti delle scuole comunali per due anni.");
        await Lot(0, "Impianti idraulici", "45330000", "90000");
        await officer.GetByTestId("add-lot").ClickAsync();
        await Lot(1, "Impianti elettrici", "45310000", "70000");
        await officer.GetByTestId("enquiry-deadline").FillAsync(Local(enquiryDeadline));
        await officer.GetByTestId("submission-deadline").FillAsync(Local(submissionDeadline));
        await officer.GetByTestId("save-draft").ClickAsync();
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Draft");
        return IdAfter(officer, "tenders");

        async Task Lot(int index, string title, string cpv, string value)
        {
            await officer.GetByTestId($"lot-title-{index}").FillAsync(title);
            await officer.GetByTestId($"lot-cpv-{index}").FillAsync(cpv);
            await officer.GetByTestId("lot-cpv-option").First.ClickAsync();
            await Expect(officer.GetByTestId($"lot-cpv-chips-{index}")).ToContainTextAsync(cpv);
            await officer.GetByTestId($"lot-value-{index}").FillAsync(value);
        }
    }

    static async Task MovesSubmissionDeadline(IPage officer, Guid tender, DateTimeOffset submissionDeadline)
    {
        await officer.GetByTestId("edit-tender").ClickAsync();
        await officer.GetByTestId("submission-deadline").FillAsync(Local(submissionDeadline));
        await officer.GetByTestId("save-draft").ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex($"#/tenders/{tender}$", RegexOptions.IgnoreCase));
        await Expect(officer.GetByTestId("publish-blocked")).ToHaveCountAsync(0);
    }

    static async Task Publishes(IPage officer)
    {
        await officer.GetByTestId("publish-tender").ClickAsync();
        var dialog = officer.GetByTestId("confirm-dialog");
        await Expect(dialog).ToContainTextAsync($"Publish “{TenderTitle}”?");
        await Expect(dialog).ToContainTextAsync($"The firms of {SpaceName} will see it at once.");
        await officer.ScreenshotAsync(new() { Path = Shot("06-confirm-publish-en") });
        await officer.GetByTestId("confirm-yes").ClickAsync();
        await Expect(officer.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Enquiries");
    }

    /// <summary>The firm's person forms an RTI from the tender's page and lands on its page; returns the alliance's id.</summary>
    static async Task<Guid> FormsRti(IPage page, Guid tender)
    {
        await page.GotoAsync($"/#/tenders/{tender}");
        await Expect(page.GetByTestId("tender-status")).ToHaveAttributeAsync("data-status", "Tendering");
        await page.GetByTestId("form-alliance").ClickAsync();
        await page.GetByTestId("alliance-name").FillAsync(Rti);
        await page.GetByTestId("form-alliance-submit").ClickAsync();
        await Expect(page.GetByTestId("alliance-title")).ToHaveTextAsync(Rti);
        await Expect(page.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        return IdAfter(page, "alliances");
    }

    static async Task InvitesSuggestedPartner(IPage lead, Guid partner)
    {
        await lead.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(lead.GetByTestId("coverage-gap")).ToHaveCountAsync(1);
        var suggestion = lead.GetByTestId("suggestion").And(lead.Locator($"[data-firm-id='{partner}' i]"));
        await Expect(suggestion).ToContainTextAsync(Electricians);
        await Screenshot(lead, "08-rti-suggests-partner");
        await suggestion.GetByTestId("invite-suggestion").ClickAsync();
        await Expect(lead.GetByTestId("alliance-member").And(lead.Locator($"[data-firm-id='{partner}' i]"))).ToHaveAttributeAsync("data-standing", "Invited");
    }

    static async Task AcceptsRtiInvitationFromToDo(IPage firm, Guid alliance)
    {
        await firm.GotoAsync("/#/todo");
        var row = firm.GetByTestId("todo-item").And(firm.Locator("[data-kind='AllianceInvitation']"));
        await Expect(row).ToContainTextAsync($"Rispondi per «{Electricians}» all'invito a unirsi all'alleanza «{Rti}»");
        await Screenshot(firm, "09-todo-rti-invitation-390");
        await row.GetByRole(AriaRole.Link, new() { Name = "Apri l'alleanza" }).ClickAsync();
        await Expect(firm).ToHaveURLAsync(new Regex($"#/alliances/{alliance}", RegexOptions.IgnoreCase));
        await firm.GetByTestId("accept-invitation").ClickAsync();
        await Expect(firm.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(firm.GetByTestId("alliance-invitation")).ToHaveCountAsync(0);
        await firm.GetByTestId("alliance-tab-bid").ClickAsync();
    }

    /// <summary>The firm's person adds a work package of the joint bid, on its tab already open.</summary>
    internal static async Task AddsPackage(IPage page, string title, int lot, Guid firm, string price)
    {
        await page.GetByTestId("add-package").ClickAsync();
        var form = page.GetByTestId("package-form");
        await form.GetByTestId("package-title").FillAsync(title);
        await form.GetByTestId("package-lot").SelectOptionAsync(lot.ToString(CultureInfo.InvariantCulture));
        await form.GetByTestId("package-firm").SelectOptionAsync(firm.ToString());
        await form.GetByTestId("package-price").FillAsync(price);
        await form.GetByTestId("save-package").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
    }

    static async Task LeadSignsAndSubmitsFromToDo(IPage lead, Guid alliance)
    {
        await lead.GotoAsync("/#/todo");
        var sign = lead.GetByTestId("todo-item").And(lead.Locator("[data-kind='SignJointBid']"));
        await Expect(sign).ToContainTextAsync($"Approva per «{Plumbers}» l'offerta congiunta di «{Rti}»");
        await Expect(lead.GetByTestId("todo-item").And(lead.Locator("[data-kind='SubmitJointBid']")))
            .ToContainTextAsync($"Invia l'offerta congiunta di «{Rti}»: le offerte si chiudono a breve");
        await Screenshot(lead, "11-todo-lead");
        await sign.GetByRole(AriaRole.Link, new() { Name = "Apri l'offerta congiunta" }).ClickAsync();
        await Expect(lead).ToHaveURLAsync(new Regex($"#/alliances/{alliance}/bid$", RegexOptions.IgnoreCase));
        await lead.GetByTestId("sign-bid").ClickAsync();
        await Expect(lead.GetByTestId("submit-ready")).ToBeVisibleAsync();
        await lead.GetByTestId("submit-joint-bid").ClickAsync();
        var dialog = lead.GetByTestId("confirm-dialog");
        await Expect(dialog).ToContainTextAsync($"Presentare l'offerta congiunta per «{TenderTitle}»?");
        foreach (var firm in new[] { Plumbers, Electricians }) await Expect(dialog).ToContainTextAsync(firm);
        await lead.ScreenshotAsync(new() { Path = Shot("12-confirm-submit") });
        await lead.GetByTestId("confirm-yes").ClickAsync();
        await Expect(lead.GetByTestId("joint-receipt-digest")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
    }

    static async Task Awards(IPage officer, int lot, string title)
    {
        await Expect(officer.GetByTestId("ranked-bid").First).ToBeVisibleAsync();
        await officer.GetByTestId($"award-{lot}").ClickAsync();
        var dialog = officer.GetByTestId("confirm-dialog");
        await Expect(dialog).ToContainTextAsync($"Award lot “{title}” to");
        await Expect(dialog).ToContainTextAsync("The decision is final");
        if (lot == 1) await officer.ScreenshotAsync(new() { Path = Shot("14-confirm-award-en") });
        await officer.GetByTestId("confirm-yes").ClickAsync();
        await Expect(officer.GetByTestId($"decision-{lot}")).ToContainTextAsync("Awarded to");
    }
}
