using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

public sealed class JointBidBrowserTests(ClockedBrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    /// <summary>
    /// A buyer of the space publishes a two-lot tender (price only, or also <paramref name="quality"/>: the quality of
    /// the wiring design) and the server's clock is moved past its enquiry period: the tender takes bids.
    /// </summary>
    async Task<TenderDto> TakingBids(ArrangedSpace arranged, bool quality = false)
    {
        CriterionRequest[] criteria = quality
            ? [new(0, "Prezzo", CriterionKind.Price, 70), new(0, "Qualità del progetto impiantistico", CriterionKind.Quality, 30)]
            : [new(0, "Prezzo", CriterionKind.Price, 100)];
        var buyerApi = fixture.NewApiClient();
        await buyerApi.SignUp("appalti");
        var buyer = await buyerApi.CreateBusiness("Comune di Casalecchio di Reno", BusinessKind.Buyer);
        await arranged.Secretary.ApproveBuyer(buyerApi, arranged.Id, buyer.Id);
        var now = fixture.ServerClock.GetUtcNow();
        var draft = await (await buyerApi.PostAsJsonAsync("/api/tenders", new DraftTenderRequest(buyer.Id, [arranged.Id], "Riqualificazione della scuola Rodari", null,
            [new LotRequest(0, "Opere edili", null, ["45214200"], new MoneyDto(620_000m, "EUR"), "037011"),
             new LotRequest(0, "Impianti", null, ["45310000"], new MoneyDto(280_000m, "EUR"), "037011")],
            [], criteria, now.AddDays(1), now.AddDays(14), null, null, false, []), Json)).Read<TenderDto>();
        (await buyerApi.PostAsJsonAsync($"/api/tenders/{draft.Id}/publish", new VersionRequest(draft.Version), Json)).EnsureSuccessStatusCode();
        fixture.ServerClock.SetUtcNow(draft.EnquiryDeadline.AddMinutes(1));
        return draft;
    }

    /// <summary>The builder (lead) and the electricians (member) in an RTI for a tender taking bids.</summary>
    async Task<(ArrangedFirm Rossi, ArrangedFirm Bianchi, AllianceDto Alliance)> RtiOfTwo(bool quality = false)
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.", p => p with { Capabilities = ["45210000"], ComuneCode = "037006" });
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.", p => p with { Capabilities = ["45310000"], ComuneCode = "037011" });
        var tender = await TakingBids(arranged, quality);
        var alliance = await (await rossi.Api.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(rossi.Firm.Id, arranged.Id, tender.Id, "RTI Rodari", "Accordo"), Json)).Read<AllianceDto>();
        (await rossi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(bianchi.Firm.Id, AllianceRole.Member), Json)).EnsureSuccessStatusCode();
        (await bianchi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{bianchi.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json)).EnsureSuccessStatusCode();
        return (rossi, bianchi, alliance);
    }

    [Fact]
    public async Task On_a_phone_the_alliance_page_shows_its_parts_as_tabs_that_the_address_keeps_and_a_hidden_tab_stays_current()
    {
        // Arranged through the API: an RTI of two firms with a work package each, preparing a joint bid.
        var (rossi, bianchi, alliance) = await RtiOfTwo();
        var packages = $"/api/alliances/{alliance.Id}/bid/work-packages";
        (await rossi.Api.PostAsJsonAsync(packages, new SaveWorkPackageRequest(null, 0, "Cappotto e serramenti", 1, null, rossi.Firm.Id, new MoneyDto(590_000m, "EUR")), Json)).EnsureSuccessStatusCode();

        var phone = await fixture.NewPerson(width: 390);
        await BusinessProfileBrowserTests.SignIn(phone, rossi.Email);
        await phone.GotoAsync($"/#/alliances/{alliance.Id}");
        await Expect(phone.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
        var tabs = phone.GetByTestId("alliance-tabs").GetByRole(AriaRole.Tab);
        await Expect(tabs).ToHaveTextAsync(["Panoramica", "Offerta congiunta", "Risposte e documenti", "Conversazione", "Partner", "Accordo di raggruppamento", "Cronologia"]);
        await Expect(phone.GetByTestId("alliance-members")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("work-package")).Not.ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Shot("alliance-tabs-390-overview.png"), FullPage = true });

        // A tab shows its part and the address names it; the arrow keys move along the tabs.
        await phone.GetByTestId("alliance-tab-bid").ClickAsync();
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/alliances/{alliance.Id}/bid$"));
        await Expect(phone.GetByTestId("work-package")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("alliance-members")).Not.ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Shot("alliance-tabs-390-bid.png"), FullPage = true });
        await phone.GetByTestId("alliance-tab-bid").PressAsync("ArrowRight");
        await Expect(phone.GetByTestId("alliance-tab-documents")).ToBeFocusedAsync();
        await Expect(phone.GetByTestId("alliance-tab-documents")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/alliances/{alliance.Id}/documents$"));

        // A reload (or the link shared) opens the same tab.
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("alliance-tab-documents")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(phone.GetByTestId("joint-documents")).ToBeVisibleAsync();
        // Its file picker speaks the app's language, not the browser's ("Choose Files").
        await Expect(phone.GetByTestId("joint-document-input-button")).ToHaveTextAsync("Scegli i file");
        await Expect(phone.GetByTestId("joint-document-input-chosen")).ToHaveTextAsync("Nessun file scelto");
        await Expect(phone.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");

        // While the bid's tab is hidden, the partner adds a package: the tab shows it when opened, without a reload.
        await phone.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        (await bianchi.Api.PostAsJsonAsync(packages, new SaveWorkPackageRequest(null, 0, "Quadri elettrici", 2, null, bianchi.Firm.Id, new MoneyDto(180_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        await phone.GetByTestId("alliance-tab-bid").ClickAsync();
        await Expect(phone.GetByTestId("work-package").Filter(new() { HasText = "Quadri elettrici" })).ToBeVisibleAsync();
        (await phone.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue("the page was not reloaded");

        // How tall the page is, tab by tab, against all its parts shown at once (as it was before the tabs).
        foreach (var (width, locale) in new[] { (390, "it-IT"), (1280, "it-IT"), (390, "en-GB"), (1280, "en-GB") })
        {
            var page = await fixture.NewPerson(locale, width: width);
            await BusinessProfileBrowserTests.SignIn(page, rossi.Email);
            await page.GotoAsync($"/#/alliances/{alliance.Id}");
            await Expect(page.GetByTestId("work-package")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("alliance-history")).ToBeAttachedAsync();
            var heights = new List<string>();
            foreach (var tab in new[] { "overview", "bid", "documents", "partners", "agreement", "history" })
            {
                await page.GetByTestId($"alliance-tab-{tab}").ClickAsync();
                await Expect(page.GetByTestId($"alliance-panel-{tab}")).ToBeVisibleAsync();
                heights.Add($"{tab} {await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight")}");
                if (tab is "overview" or "bid")
                    await page.ScreenshotAsync(new() { Path = Shot($"alliance-tabs-{locale}-{width}-{tab}.png"), FullPage = true });
            }
            var all = await page.EvaluateAsync<int>("() => { document.querySelectorAll('[role=tabpanel]').forEach(p => p.hidden = false); return document.documentElement.scrollHeight; }");
            output.WriteLine($"alliance page at {width} px ({locale}): {string.Join(", ", heights)}; every part at once {all}");
        }
    }

    [Fact]
    public async Task Partners_discuss_an_answer_in_its_own_thread_opened_from_beside_it_and_each_reads_the_other_live()
    {
        var (rossi, bianchi, alliance) = await RtiOfTwo(quality: true);
        var tender = await rossi.Api.GetFromJsonAsync<TenderDto>($"/api/tenders/{alliance.Tender!.Id}", Json);
        var criterion = tender!.Criteria.Single(c => c.Kind == CriterionKind.Quality).Number;
        async Task<IPage> Papers(string email, string locale, int width)
        {
            var page = await fixture.NewPerson(locale, width: width);
            await BusinessProfileBrowserTests.SignIn(page, email);
            await page.GotoAsync($"/#/alliances/{alliance.Id}/documents");
            await HubGroups.UntilJoined(page, "WatchAlliance", alliance.Id);
            await Expect(page.GetByTestId($"answer-discussion-count-{criterion}")).ToHaveTextAsync("0");
            return page;
        }
        var lead = await Papers(rossi.Email, "it-IT", 1280);
        var phone = await Papers(bianchi.Email, "en-GB", 390);
        await Expect(lead.GetByTestId($"answer-discussion-{criterion}")).ToContainTextAsync("Discussione");

        // The builder opens the answer's thread from beside it and writes there.
        await lead.GetByTestId($"answer-discussion-{criterion}").ClickAsync();
        await Expect(lead.GetByTestId("alliance-tab-conversation")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(lead.GetByTestId("conversation-thread-title")).ToHaveTextAsync("Risposta: Qualità del progetto impiantistico");
        await lead.GetByTestId("conversation-text").FillAsync("Per la relazione sul progetto impiantistico scrivete voi la parte sui quadri?");
        await lead.GetByTestId("conversation-send").ClickAsync();
        await Expect(lead.GetByTestId("conversation-status")).ToHaveTextAsync("Messaggio inviato.");
        await Expect(lead.Locator($"[data-testid=conversation-thread][data-thread='answer:{criterion}'] .badge")).ToHaveTextAsync("1");

        // The electricians, on a phone in English, see the count move beside the answer, open the thread and reply.
        await Expect(phone.GetByTestId($"answer-discussion-count-{criterion}")).ToHaveTextAsync("1");
        await phone.ScreenshotAsync(new() { Path = Shot("answer-thread-1-count-en-390.png"), FullPage = true });
        await phone.GetByTestId($"answer-discussion-{criterion}").ClickAsync();
        await Expect(phone.GetByTestId("conversation-thread-title")).ToHaveTextAsync("Answer: Qualità del progetto impiantistico");
        await Expect(phone.GetByTestId("conversation-message").GetByTestId("conversation-text-shown"))
            .ToHaveTextAsync("Per la relazione sul progetto impiantistico scrivete voi la parte sui quadri?");
        await phone.GetByTestId("conversation-text").FillAsync("Sì, entro venerdì.");
        await phone.GetByTestId("conversation-send").ClickAsync();
        await Expect(phone.GetByTestId("conversation-status")).ToHaveTextAsync("Message sent.");
        await phone.ScreenshotAsync(new() { Path = Shot("answer-thread-2-thread-en-390.png"), FullPage = true });

        // The builder reads the reply live in the same thread, newest first; the general thread holds neither message.
        await Expect(lead.GetByTestId("conversation-message")).ToHaveCountAsync(2);
        await Expect(lead.GetByTestId("conversation-message").First.GetByTestId("conversation-author")).ToHaveTextAsync("Persona bianchi · Impianti Bianchi S.n.c.");
        await lead.ScreenshotAsync(new() { Path = Shot("answer-thread-3-lead-it.png"), FullPage = true });
        await lead.Locator("[data-testid=conversation-thread][data-thread=general]").ClickAsync();
        await Expect(lead.GetByTestId("conversation-empty")).ToBeVisibleAsync();
        await lead.GetByTestId("alliance-tab-documents").ClickAsync();
        await Expect(lead.GetByTestId($"answer-discussion-count-{criterion}")).ToHaveTextAsync("2");
        await lead.ScreenshotAsync(new() { Path = Shot("answer-thread-4-papers-it.png"), FullPage = true });
    }

    [Fact]
    public async Task A_firm_edits_only_its_own_packages_and_a_concurrent_edit_is_kept_to_re_apply()
    {
        // Arranged through the API: the builder leads an RTI with the electricians; each has its own work package.
        var (rossi, bianchi, alliance) = await RtiOfTwo();
        var bid = $"/api/alliances/{alliance.Id}/bid/work-packages";
        (await rossi.Api.PostAsJsonAsync(bid, new SaveWorkPackageRequest(null, 0, "Cappotto e serramenti", 1, null, rossi.Firm.Id, new MoneyDto(590_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        (await bianchi.Api.PostAsJsonAsync(bid, new SaveWorkPackageRequest(null, 0, "Quadri elettrici", 2, null, bianchi.Firm.Id, new MoneyDto(180_000m, "EUR")), Json)).EnsureSuccessStatusCode();
        async Task<IPage> Workspace(string email)
        {
            var page = await fixture.NewPerson();
            await BusinessProfileBrowserTests.SignIn(page, email);
            await page.GotoAsync($"/#/alliances/{alliance.Id}/bid");
            await Expect(page.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
            await Expect(page.GetByTestId("alliance-tab-bid")).ToHaveAttributeAsync("aria-selected", "true");
            return page;
        }
        ILocator Row(IPage page, string title) => page.GetByTestId("work-package").Filter(new() { HasText = title });

        // The electricians' page offers them their own package only; the builder's says who edits it.
        var member = await Workspace(bianchi.Email);
        await Expect(Row(member, "Quadri elettrici").GetByTestId("edit-package")).ToBeVisibleAsync();
        await Expect(Row(member, "Cappotto e serramenti").GetByTestId("edit-package")).ToHaveCountAsync(0);
        await Expect(Row(member, "Cappotto e serramenti").GetByTestId("delete-package")).ToHaveCountAsync(0);
        await Expect(Row(member, "Cappotto e serramenti").GetByTestId("package-owner-only")).ToHaveTextAsync("Lo modifica Edilizia Rossi S.r.l.");
        await member.ScreenshotAsync(new() { Path = Shot("joint-bid-3-member-sees-owners.png"), FullPage = true });

        // The lead may give the electricians' package to another firm, not rewrite it.
        var first = await Workspace(rossi.Email);
        await Expect(Row(first, "Quadri elettrici").GetByTestId("edit-package")).ToHaveCountAsync(0);
        await Expect(Row(first, "Quadri elettrici").GetByTestId("reassign-package")).ToBeVisibleAsync();

        // Two of the builder's tabs edit the same package: the second types a price, the first saves a new title.
        var second = await Workspace(rossi.Email);
        foreach (var page in new[] { first, second }) await Row(page, "Cappotto e serramenti").GetByTestId("edit-package").ClickAsync();
        var secondForm = second.GetByTestId("package-form");
        await secondForm.GetByTestId("package-price").FillAsync("600000");
        var firstForm = first.GetByTestId("package-form");
        await firstForm.GetByTestId("package-title").FillAsync("Cappotto, serramenti e tetto");
        await firstForm.GetByTestId("save-package").ClickAsync();
        await Expect(firstForm).ToHaveCountAsync(0);

        // The second tab's form now shows the saved version, keeps the typed price aside and offers to re-apply it.
        await Expect(secondForm.GetByTestId("stale-notice")).ToBeVisibleAsync();
        await Expect(secondForm.GetByTestId("package-title")).ToHaveValueAsync("Cappotto, serramenti e tetto");
        await Expect(secondForm.GetByTestId("mine-price")).ToContainTextAsync("600.000");
        await second.ScreenshotAsync(new() { Path = Shot("joint-bid-4-stale-edit-kept.png"), FullPage = true });
        await secondForm.GetByTestId("reapply-mine").ClickAsync();
        await Expect(secondForm.GetByTestId("package-price")).ToHaveValueAsync("600000");
        await secondForm.GetByTestId("package-title").FillAsync("Cappotto, serramenti e tetto");
        // The other pages show the save as it comes, without a reload and without reading the joint bid again.
        var reads = new List<string>();
        foreach (var page in new[] { first, member })
        {
            await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
            page.Request += (_, request) => { if (request.Method == "GET" && request.Url.EndsWith($"/api/alliances/{alliance.Id}/bid", StringComparison.OrdinalIgnoreCase)) reads.Add(request.Url); };
        }
        await secondForm.GetByTestId("save-package").ClickAsync();
        await Expect(secondForm).ToHaveCountAsync(0);
        foreach (var page in new[] { first, member })
        {
            await Expect(Row(page, "Cappotto, serramenti e tetto").GetByTestId("package-price-text")).ToContainTextAsync("600.000");
            (await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).Should().BeTrue("the page was not reloaded");
        }
        await Expect(Row(member, "Quadri elettrici").GetByTestId("edit-package")).ToBeVisibleAsync();
        await member.ScreenshotAsync(new() { Path = Shot("joint-bid-5-member-sees-edit-live.png"), FullPage = true });
        reads.Should().BeEmpty("the change came with its content");
    }

    [Fact]
    public async Task Three_firms_co_edit_sign_off_and_the_lead_submits_with_everyone_getting_the_receipt_live()
    {
        // Arranged through the API: a space with three member firms and a two-lot tender.
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        async Task<(HttpClient Api, string Email, Guid Id)> Member(string who, string name, string cpv, string comune)
        {
            var (api, email, firm) = await arranged.Member(who, name, p => p with { Capabilities = [cpv], ComuneCode = comune });
            await api.RecordDgue(firm.Id); // each firm of the RTI presents its own DGUE (DgueBrowserTests answers one on the page)
            return (api, email, firm.Id);
        }
        var rossi = await Member("rossi", "Edilizia Rossi S.r.l.", "45210000", "037006");
        var bianchi = await Member("bianchi", "Impianti Bianchi S.n.c.", "45310000", "037011");
        var verdi = await Member("verdi", "Verdi Domotica S.r.l.", "45312000", "036023");
        var draft = await TakingBids(arranged);

        // The builder forms the alliance from the tender's page; in its workspace lot 2 is a gap, and the suggestions
        // offer the two firms that cover it. The lead invites both with one click each.
        var lead = await fixture.NewPerson();
        await BusinessProfileBrowserTests.SignIn(lead, rossi.Email);
        await lead.GotoAsync($"/#/tenders/{draft.Id}");
        await lead.GetByTestId("form-alliance").ClickAsync();
        await lead.GetByTestId("alliance-name").FillAsync("RTI Rodari");
        await lead.GetByTestId("form-alliance-submit").ClickAsync();
        await Expect(lead.GetByTestId("alliance-title")).ToHaveTextAsync("RTI Rodari");
        var allianceId = Guid.Parse(new Uri(lead.Url).Fragment.Split('/').Last());
        await lead.GetByTestId("alliance-tab-partners").ClickAsync();
        await Expect(lead.GetByTestId("coverage-gap")).ToHaveCountAsync(1);
        Func<Guid, ILocator> suggestion = firm => lead.GetByTestId("suggestion").And(lead.Locator($"[data-firm-id='{firm}']"));
        await Expect(suggestion(bianchi.Id)).ToBeVisibleAsync();
        await Expect(suggestion(verdi.Id)).ToBeVisibleAsync();
        await lead.ScreenshotAsync(new() { Path = Shot("joint-bid-0-suggestions.png"), FullPage = true });
        foreach (var firm in new[] { bianchi.Id, verdi.Id })
        {
            await suggestion(firm).GetByTestId("invite-suggestion").ClickAsync();
            await Expect(lead.GetByTestId("alliance-member").And(lead.Locator($"[data-firm-id='{firm}']"))).ToHaveAttributeAsync("data-standing", "Invited");
        }

        // Each partner opens the invitation and accepts the agreement; then all three see each other in the workspace.
        var pages = new List<IPage> { lead };
        foreach (var partner in new[] { bianchi, verdi })
        {
            var page = await fixture.NewPerson();
            await BusinessProfileBrowserTests.SignIn(page, partner.Email);
            await page.GotoAsync($"/#/alliances/{allianceId}");
            await page.GetByTestId("accept-invitation").ClickAsync();
            await Expect(page.GetByTestId("alliance-live-status")).ToHaveAttributeAsync("data-state", "connected");
            pages.Add(page);
        }
        foreach (var page in pages)
        {
            await page.GetByTestId("alliance-tab-bid").ClickAsync();
            await Expect(page.GetByTestId("viewer")).ToHaveCountAsync(3);
        }
        // Other firms' people are named as they chose, with their initials, never by their e-mail address.
        var bianchiSeen = lead.GetByTestId("viewer").Filter(new() { HasText = DisplayNameOf("bianchi") });
        await Expect(bianchiSeen.Locator(".avatar")).ToHaveTextAsync("PB");
        await Expect(lead.GetByTestId("presence")).Not.ToContainTextAsync("@");

        // Each firm adds its work package; every workspace shows all three live, with the lot totals.
        async Task Add(IPage page, string title, int lot, Guid firm, string price)
        {
            await page.GetByTestId("add-package").ClickAsync();
            var form = page.GetByTestId("package-form");
            await form.GetByTestId("package-title").FillAsync(title);
            await form.GetByTestId("package-lot").SelectOptionAsync(lot.ToString());
            await form.GetByTestId("package-firm").SelectOptionAsync(firm.ToString());
            await form.GetByTestId("package-price").FillAsync(price);
            await form.GetByTestId("save-package").ClickAsync();
            await Expect(form).ToHaveCountAsync(0);
        }
        await Expect(lead.GetByTestId("coverage-gap")).ToHaveCountAsync(0);
        await Add(lead, "Cappotto e serramenti", 1, rossi.Id, "590000");
        await Add(pages[1], "Quadri e impianto elettrico", 2, bianchi.Id, "180000");
        await Add(pages[2], "Domotica e building automation", 2, verdi.Id, "85000,50");
        foreach (var page in pages)
        {
            await Expect(page.GetByTestId("work-package")).ToHaveCountAsync(3);
            await Expect(page.GetByTestId("lot-total-2")).ToContainTextAsync("265.000,50");
        }

        // A member attaches its technical report; every workspace lists it, with the firm that attached it.
        foreach (var page in pages) await page.GetByTestId("alliance-tab-documents").ClickAsync();
        await pages[2].GetByTestId("joint-document-input").SetInputFilesAsync(new FilePayload
        {
            Name = "Relazione domotica.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n%relazione tecnica\n"u8.ToArray()],
        });
        foreach (var page in pages)
            await Expect(page.GetByTestId("joint-document").And(page.Locator($"[data-firm-id='{verdi.Id}']"))).ToContainTextAsync("Relazione domotica.pdf");

        // Every firm signs the same digest; the lead submits; all three get the receipt live.
        foreach (var page in pages) await page.GetByTestId("alliance-tab-bid").ClickAsync();
        foreach (var (page, firm) in pages.Zip(new[] { rossi.Id, bianchi.Id, verdi.Id }))
            await page.GetByTestId("sign-bid").And(page.Locator($"[data-firm-id='{firm}']")).ClickAsync();
        await Expect(lead.GetByTestId("submit-ready")).ToBeVisibleAsync(); // every signature has reached the lead's page
        await lead.ScreenshotAsync(new() { Path = Shot("joint-bid-1-signed.png"), FullPage = true });

        // The signed bid as one file for the buyer's own platform: its content hashes to the digest every firm signed.
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.GetByTestId("joint-package").ClickAsync());
        var zip = Path.Combine(BrowserFixture.ScreenshotDirectory, "joint-bid-package.zip");
        await download.SaveAsAsync(zip);
        using (var archive = System.IO.Compression.ZipFile.OpenRead(zip))
        {
            using var content = new MemoryStream();
            await using (var entry = archive.GetEntry("offerta-congiunta.json")!.Open()) await entry.CopyToAsync(content);
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.ToArray()))
                .Should().Be(await lead.GetByTestId("joint-digest").TextContentAsync());
            archive.Entries.Select(e => e.FullName).Should().Contain(["riepilogo.txt", "summary.txt"])
                .And.Contain(n => n.EndsWith("Relazione-domotica.pdf"), "the member's file travels with the bid");
        }
        await lead.GetByTestId("submit-joint-bid").ClickAsync();
        // The lead is told, before it goes, for whom the sealed bid is submitted and until when it can be replaced.
        foreach (var name in new[] { "Edilizia Rossi", "Impianti Bianchi", "Verdi" })
            await Expect(lead.GetByTestId("confirm-dialog")).ToContainTextAsync(name);
        await lead.ScreenshotAsync(new() { Path = Shot("joint-bid-1b-confirm-submit.png") });
        await lead.GetByTestId("confirm-yes").ClickAsync();
        foreach (var page in pages) await Expect(page.GetByTestId("joint-receipt-digest")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await pages[2].ScreenshotAsync(new() { Path = Shot("joint-bid-2-receipt-member.png"), FullPage = true });

        // What the alliance's firms may do follows the bid: with it submitted, a member no longer leaves, and each
        // member's page says why at once, without being reloaded.
        foreach (var (page, firm) in pages.Skip(1).Zip(new[] { bianchi.Id, verdi.Id }))
        {
            await page.GetByTestId("alliance-tab-overview").ClickAsync();
            var mine = page.GetByTestId("alliance-my-firm").And(page.Locator($"[data-firm-id='{firm}']"));
            await Expect(mine.GetByTestId("firm-blocker")).ToHaveAttributeAsync("data-code", "alliance.bidSubmitted");
            await Expect(mine.GetByTestId("leave-alliance")).ToHaveCountAsync(0);
        }
    }
}
