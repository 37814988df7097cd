using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Alliances;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Marketplace.Testing.ApiClientExtensions;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Three firms win two lots together; each firm's page credits every partner with its own share of the work, not the
/// whole: by the execution quotas declared in lot 1, by the work packages in lot 2, as the bid was submitted.
/// </summary>
public sealed class LedgerSharesBrowserTests(ClockedBrowserFixture fixture) : IClassFixture<ClockedBrowserFixture>
{
    static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    [Fact]
    public async Task After_the_award_each_firm_reads_each_partners_share_of_the_joint_work_against_the_whole()
    {
        var arranged = await ArrangedSpace.Create(fixture, ["BO"]);
        var buyer = await arranged.Buyer("appalti", "Comune di Casalecchio di Reno");
        var rossi = await arranged.Member("rossi", "Edilizia Rossi S.r.l.");
        var bianchi = await arranged.Member("bianchi", "Impianti Bianchi S.n.c.");
        var verdi = await arranged.Member("verdi", "Verdi Serramenti S.r.l.");
        foreach (var firm in new[] { rossi, bianchi, verdi }) await firm.Api.RecordDgue(firm.Firm.Id); // the DGUEs the submission needs
        var clock = fixture.ServerClock;
        var now = clock.GetUtcNow();
        var tender = await buyer.Publish("Adeguamento della scuola Rodari", now.AddDays(2), now.AddDays(7),
            new LotRequest(0, "Opere edili", null, ["45214200"], new MoneyDto(1_000_000m, "EUR"), null),
            new LotRequest(0, "Serramenti e impianti", null, ["45421000"], new MoneyDto(150_000m, "EUR"), null));
        var alliance = await (await rossi.Api.PostAsJsonAsync("/api/alliances", new FormAllianceRequest(rossi.Firm.Id, arranged.Id, tender.Id, "RTI Rodari", "Accordo"), Json))
            .Read<AllianceDto>();
        foreach (var partner in new[] { bianchi, verdi })
        {
            (await rossi.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/invitations", new AllianceInviteRequest(partner.Firm.Id, AllianceRole.Member), Json))
                .EnsureSuccessStatusCode();
            (await partner.Api.PostAsJsonAsync($"/api/alliances/{alliance.Id}/firms/{partner.Firm.Id}/answer", new AllianceAnswerRequest(true, 1), Json))
                .EnsureSuccessStatusCode();
        }
        clock.SetUtcNow(tender.EnquiryDeadline.AddMinutes(1));
        var bid = $"/api/alliances/{alliance.Id}/bid";
        foreach (var (firm, title, lot, price) in new[]
        {
            (rossi, "Opere murarie", 1, 500_000m), (bianchi, "Impianti elettrici", 1, 300_000m), (verdi, "Infissi", 1, 200_000m),
            (bianchi, "Impianto termico", 2, 100_000m), (verdi, "Serramenti", 2, 50_000m),
        })
            (await firm.Api.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, title, lot, null, firm.Firm.Id, new MoneyDto(price, "EUR")), Json))
                .EnsureSuccessStatusCode();
        // Lot 1 declares who carries out what (the lead 50 %, Bianchi 30 %, Verdi 20 %); lot 2 declares no quotas.
        var drafted = (await rossi.Api.GetFromJsonAsync<JointBidDto>(bid, Json))!;
        var quoted = await (await rossi.Api.PutAsJsonAsync($"{bid}/quotas", new SaveQuotasRequest(drafted.QuotasVersion,
            [new QuotaRequest(1, rossi.Firm.Id, 50m, 50m), new QuotaRequest(1, bianchi.Firm.Id, 30m, 30m), new QuotaRequest(1, verdi.Firm.Id, 20m, 20m)]), Json))
            .Read<JointBidDto>();
        foreach (var firm in new[] { rossi, bianchi, verdi })
            (await firm.Api.PostAsJsonAsync($"{bid}/sign", new SignRequest(firm.Firm.Id, quoted.Digest), Json)).EnsureSuccessStatusCode();
        (await rossi.Api.PostAsync($"{bid}/submit", null)).EnsureSuccessStatusCode();

        // The bids open; the buyer awards both lots to the RTI.
        clock.SetUtcNow(tender.SubmissionDeadline + new TenderOptions().OpeningGrace + TimeSpan.FromMinutes(1));
        var evaluation = (await buyer.Api.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!;
        var bidId = evaluation.Lots.First().Ranking.Single().BidId;
        foreach (var lot in new[] { 1, 2 })
            (await buyer.Api.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(lot, bidId, null), Json)).EnsureSuccessStatusCode();

        // The lead reads, in Italian: Bianchi 300 000 of lot 1 and 100 000 of lot 2; Verdi 200 000 and 50 000.
        var lead = await fixture.NewPerson("it-IT", TenderBrowserTests.Rome);
        await BusinessProfileBrowserTests.SignIn(lead, rossi.Email);
        await lead.GotoAsync($"/#/businesses/{rossi.Firm.Id}");
        var ledger = lead.GetByTestId("relationship-ledger");
        ILocator Row(IPage page, Guid partner) => page.GetByTestId("ledger-row").And(page.Locator($"[data-partner-id='{partner}']"));
        await Expect(ledger).ToHaveAttributeAsync("data-state", "ok");
        await Expect(ledger.Locator("thead")).ToContainTextAsync("Quota del partner / lavoro comune");
        await Expect(Row(lead, bianchi.Firm.Id).GetByTestId("ledger-value")).ToHaveTextAsync(new Regex(@"^\s*400\.000\s€ / 1\.150\.000\s€\s*$"));
        await Expect(Row(lead, verdi.Firm.Id).GetByTestId("ledger-value")).ToHaveTextAsync(new Regex(@"^\s*250\.000\s€ / 1\.150\.000\s€\s*$"));
        await Expect(Row(lead, verdi.Firm.Id).GetByTestId("ledger-won")).ToHaveTextAsync("2");
        await Expect(ledger.GetByTestId("ledger-share-unknown")).ToHaveCountAsync(0);
        await ledger.ScrollIntoViewIfNeededAsync();
        await ledger.ScreenshotAsync(new() { Path = Shot("ledger-shares-1-lead-it.png") });

        // Bianchi reads, in English on a phone: the lead executes half of lot 1 and has no package in lot 2.
        var member = await fixture.NewPerson("en-GB", TenderBrowserTests.Rome, width: 390);
        await BusinessProfileBrowserTests.SignIn(member, bianchi.Email);
        await member.GotoAsync($"/#/businesses/{bianchi.Firm.Id}");
        var theirs = member.GetByTestId("relationship-ledger");
        await Expect(theirs).ToHaveAttributeAsync("data-state", "ok");
        await Expect(Row(member, rossi.Firm.Id).GetByTestId("ledger-value")).ToHaveTextAsync(new Regex(@"^\s*€500,000 / €1,150,000\s*$"));
        await Expect(Row(member, verdi.Firm.Id).GetByTestId("ledger-value")).ToHaveTextAsync(new Regex(@"^\s*€250,000 / €1,150,000\s*$"));
        await theirs.ScrollIntoViewIfNeededAsync();
        await theirs.ScreenshotAsync(new() { Path = Shot("ledger-shares-2-member-en-390.png") });

        // A won bid submitted before shares were recorded (an earlier version of the product) has no share rows: so is
        // this one made. The ledger says the share is not known, with the whole, instead of guessing one.
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().BidShares.Where(s => s.TenderId == tender.Id).ExecuteDeleteAsync();
        await member.ReloadAsync();
        await Expect(Row(member, rossi.Firm.Id).GetByTestId("ledger-value")).ToContainTextAsync("€1,150,000");
        await Expect(Row(member, rossi.Firm.Id).GetByTestId("ledger-share-unknown")).ToHaveTextAsync(
            "Share not available for the 2 lots won: they were bid for before shares were recorded.");
        await theirs.ScrollIntoViewIfNeededAsync();
        await theirs.ScreenshotAsync(new() { Path = Shot("ledger-shares-3-unknown-en-390.png") });
        await lead.ReloadAsync();
        await Expect(Row(lead, verdi.Firm.Id).GetByTestId("ledger-share-unknown")).ToHaveTextAsync(
            "Quota non disponibile per i 2 lotti vinti, offerti prima che le quote venissero registrate.");
        await ledger.ScreenshotAsync(new() { Path = Shot("ledger-shares-4-unknown-it.png") });
    }
}
