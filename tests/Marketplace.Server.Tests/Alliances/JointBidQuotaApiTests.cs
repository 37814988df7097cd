using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Alliances;

public sealed class JointBidQuotaApiTestsOnSqlite(ClockedSqliteHost fixture) : JointBidQuotaApiTests<ClockedSqliteHost>(fixture);

public sealed class JointBidQuotaApiTestsOnPostgres(ClockedPostgresHost fixture) : JointBidQuotaApiTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The RTI's participation and execution quotas per lot (PUT /api/alliances/{id}/bid/quotas): set by the firms' editors,
/// signed with the rest of the bid, sealed with it and read by the buyer only after opening.
/// </summary>
public abstract class JointBidQuotaApiTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    sealed record Team(TenderWorld World, TenderDto Tender, Guid AllianceId)
    {
        public string Bid => $"/api/alliances/{AllianceId}/bid";
    }

    /// <summary>The builder leads, the IT firm is its member; lot 1: builder 600 000, IT firm 400 000; lot 2: the IT firm alone.</summary>
    async Task<(Team Team, JointBidDto Bid)> Drafted()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        var t = new Team(w, tender, await w.FormRti(tender.Id));
        w.PassTo(tender.EnquiryDeadline);
        foreach (var (client, firm, title, lot, price) in new[]
        {
            (w.Builder, w.BuilderId, "Opere murarie", 1, 600_000m), (w.Coder, w.CoderId, "Impianti elettrici", 1, 400_000m),
            (w.Coder, w.CoderId, "Cablaggio e rete", 2, 150_000m),
        })
            (await client.PostAsJsonAsync($"{t.Bid}/work-packages", new SaveWorkPackageRequest(null, 0, title, lot, null, firm, new MoneyDto(price, "EUR")), Json))
                .EnsureSuccessStatusCode();
        var answered = await w.Builder.PutAsJsonAsync($"{t.Bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json);
        answered.EnsureSuccessStatusCode();
        return (t, await answered.Read<JointBidDto>());
    }

    static decimal Number(string arg) => decimal.Parse(arg, System.Globalization.CultureInfo.InvariantCulture);

    static SaveQuotasRequest Quotas(Team t, int version, params (int Lot, Guid Firm, decimal? Participation, decimal? Execution)[] rows) =>
        new(version, [.. rows.Select(r => new QuotaRequest(r.Lot, r.Firm, r.Participation, r.Execution))]);

    /// <summary>Lot 1 at 60/40 as the packages are priced; lot 2 with the lead at 55 and the IT firm at 45.</summary>
    static SaveQuotasRequest SixtyForty(Team t, int version) => Quotas(t, version,
        (1, t.World.BuilderId, 60m, 60m), (1, t.World.CoderId, 40m, 40m), (2, t.World.BuilderId, 55m, 55m), (2, t.World.CoderId, 45m, 45m));

    [Fact]
    public async Task The_lead_sets_the_quotas_a_member_reads_them_with_the_warnings_and_a_change_voids_the_signatures()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;
        drafted.QuotaWarnings.Select(x => (x.Lot, x.Code)).Should().Equal((1, "quota.missing"), (2, "quota.missing"));

        var saved = await w.Builder.PutAsJsonAsync($"{t.Bid}/quotas", SixtyForty(t, drafted.QuotasVersion), Json);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var bid = (await w.Coder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;

        bid.Quotas.Select(q => (q.Lot, q.Firm.Name, q.Participation, q.Execution)).Should().Equal(
            (1, "Rossi Costruzioni", 60m, 60m), (1, "Verdi Informatica", 40m, 40m), (2, "Rossi Costruzioni", 55m, 55m), (2, "Verdi Informatica", 45m, 45m));
        // Lot 2's work is all the IT firm's: its packages are 100% of the lot, against 45% declared; the lead's 0% against 55%.
        bid.QuotaWarnings.Select(x => (x.Lot, x.Firm!.Name, x.Code, Number(x.Args["share"]), Number(x.Args["execution"]), x.Args["firm"])).Should().BeEquivalentTo(new[]
        {
            (2, "Rossi Costruzioni", "quota.packagesDiffer", 0m, 55m, "Rossi Costruzioni"),
            (2, "Verdi Informatica", "quota.packagesDiffer", 100m, 45m, "Verdi Informatica"),
        });

        (await w.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.BuilderId, bid.Digest), Json)).EnsureSuccessStatusCode();
        var signed = await (await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, bid.Digest), Json)).Read<JointBidDto>();
        signed.SignOffs.Should().HaveCount(2);

        // The IT firm's Owner moves a point of lot 2 to the lead: nobody has approved that.
        var changed = await (await w.Coder.PutAsJsonAsync($"{t.Bid}/quotas", Quotas(t, signed.QuotasVersion,
            (1, w.BuilderId, 60m, 60m), (1, w.CoderId, 40m, 40m), (2, w.BuilderId, 56m, 56m), (2, w.CoderId, 44m, 44m)), Json)).Read<JointBidDto>();
        changed.SignOffs.Should().BeEmpty();
        changed.Digest.Should().NotBe(signed.Digest);
        changed.AwaitingSignature.Select(f => f.Id).Should().BeEquivalentTo([w.BuilderId, w.CoderId]);
    }

    [Fact]
    public async Task Wrong_quotas_are_refused_field_by_field_a_stale_save_gets_409_and_nothing_is_stored()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;

        async Task<ValidationProblemDetails> Refused(SaveQuotasRequest request)
        {
            var response = await w.Builder.PutAsJsonAsync($"{t.Bid}/quotas", request, Json);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            return await response.Read<ValidationProblemDetails>();
        }
        (await Refused(Quotas(t, 0, (1, w.BuilderId, 40m, 40m), (1, w.CoderId, 60m, 60m)))).Errors.Keys.Should().Equal("quotas[0].participation");
        (await Refused(Quotas(t, 0, (1, w.BuilderId, 60m, 60m), (1, w.CoderId, 30m, 40m)))).Errors.Keys.Should().Equal("quotas[1].participation");
        (await Refused(Quotas(t, 0, (1, w.BuilderId, 60m, null), (3, w.CoderId, 40m, 40m)))).Errors.Keys.Should().Equal("quotas[0].execution");
        (await Refused(Quotas(t, 0, (1, w.BuilderId, 60m, 60m), (3, w.OutsiderId, 40.005m, 40m)))).Errors.Keys
            .Should().BeEquivalentTo("quotas[1].lot", "quotas[1].firmId", "quotas[1].participation");
        (await w.Builder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Should().BeEquivalentTo(new { drafted.Digest, drafted.Version, Quotas = Array.Empty<QuotaDto>(), QuotasVersion = 0 });

        var first = await (await w.Builder.PutAsJsonAsync($"{t.Bid}/quotas", SixtyForty(t, 0), Json)).Read<JointBidDto>();
        var stale = await w.Coder.PutAsJsonAsync($"{t.Bid}/quotas", Quotas(t, 0, (1, w.BuilderId, 51m, 51m), (1, w.CoderId, 49m, 49m)), Json);

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict, "the IT firm read the quotas before the lead saved them");
        (await stale.Refusal()).Code.Should().Be("quota.changed");
        (await w.Coder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Should().BeEquivalentTo(new { first.Digest, first.Quotas, QuotasVersion = 1 });
    }

    [Fact]
    public async Task Only_the_alliances_owners_and_managers_set_quotas_outsiders_the_buyer_and_a_viewer_are_refused()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;
        var viewer = w.Host.Browser();
        await viewer.JoinAsViewer(w.Coder, w.CoderId);
        var request = SixtyForty(t, drafted.QuotasVersion);

        (await w.Outsider.PutAsJsonAsync($"{t.Bid}/quotas", request, Json)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Buyer.PutAsJsonAsync($"{t.Bid}/quotas", request, Json)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await w.Outsider.PutAsJsonAsync($"/api/alliances/{Guid.NewGuid()}/bid/quotas", request, Json)).StatusCode.Should().Be(HttpStatusCode.NotFound, "as for no alliance at all");
        (await w.Anonymous.PutAsJsonAsync($"{t.Bid}/quotas", request, Json)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var byViewer = await viewer.PutAsJsonAsync($"{t.Bid}/quotas", request, Json);
        byViewer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await byViewer.Refusal()).Code.Should().Be("jointBid.notAnEditor");
        (await viewer.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!.Quotas.Should().BeEmpty("nothing was stored");
    }

    [Fact]
    public async Task The_quotas_are_sealed_with_the_bid_listed_in_its_package_and_the_buyer_reads_them_only_after_opening()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;
        var bid = await (await w.Builder.PutAsJsonAsync($"{t.Bid}/quotas", SixtyForty(t, drafted.QuotasVersion), Json)).Read<JointBidDto>();
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.BuilderId, bid.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, bid.Digest), Json)).EnsureSuccessStatusCode();

        var package = await w.Coder.GetAsync($"{t.Bid}/package");
        using (var archive = new ZipArchive(await package.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            string Text(string name) { using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8); return reader.ReadToEnd(); }
            Text("riepilogo.txt").Should().Contain("Quote di partecipazione e di esecuzione").And.Contain("Verdi Informatica: partecipazione 40 %, esecuzione 40 %");
            Text("summary.txt").Should().Contain("Rossi Costruzioni: participation 55 %, execution 55 %");
            Text(JointBidPackage.ContentFile).Should().Contain("\"quotas\":[");
        }
        var submitted = await w.Builder.PostAsync($"{t.Bid}/submit", null);
        submitted.StatusCode.Should().Be(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var sealedPath = $"/api/tenders/{t.Tender.Id}/bids/{t.AllianceId}";

        var ours = (await w.Coder.GetFromJsonAsync<BidDto>(sealedPath, Json))!;
        ours.Quotas.Select(q => (q.Lot, q.Firm.Name, q.Participation)).Should().Equal(
            (1, "Rossi Costruzioni", 60m), (1, "Verdi Informatica", 40m), (2, "Rossi Costruzioni", 55m), (2, "Verdi Informatica", 45m));
        ours.MatchesReceipt.Should().BeTrue("the receipt's digest covers the quotas");
        (await w.Buyer.GetAsync(sealedPath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "sealed until opening");
        (await w.Buyer.GetStringAsync($"/api/tenders/{t.Tender.Id}/ocds")).Should().NotContain("participation").And.NotContain("execution");

        w.PassOpening(t.Tender);
        var opened = (await w.Buyer.GetFromJsonAsync<BidDto>(sealedPath, Json))!;

        opened.Quotas.Should().BeEquivalentTo(ours.Quotas);
        opened.MatchesReceipt.Should().BeTrue();
        (await w.Anonymous.GetStringAsync($"/api/tenders/{t.Tender.Id}/ocds")).Should().NotContain("participation", "the open data carry no quotas");
    }

    /// <summary>The bids open, the buyer scores the RTI's bid and awards it <paramref name="lots"/>.</summary>
    static async Task OpenAndAward(Team t, params int[] lots)
    {
        var w = t.World;
        w.PassOpening(t.Tender);
        var bidId = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{t.Tender.Id}/evaluation", Json))!.Lots.First().Ranking.Single().BidId;
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{t.Tender.Id}/scores", new ScoreRequest(bidId, 2, 80m), Json)).EnsureSuccessStatusCode();
        foreach (var lot in lots)
            (await w.Buyer.PostAsJsonAsync($"/api/tenders/{t.Tender.Id}/decisions", new DecideRequest(lot, bidId, null), Json)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Each_partner_is_credited_in_the_ledger_with_its_execution_quota_of_the_won_lots_as_submitted()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;
        var bid = await (await w.Builder.PutAsJsonAsync($"{t.Bid}/quotas", SixtyForty(t, drafted.QuotasVersion), Json)).Read<JointBidDto>();
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.BuilderId, bid.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, bid.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).EnsureSuccessStatusCode();
        // After submitting, the IT firm changes the quotas in the workspace without anyone signing or resubmitting: the
        // buyer opens and awards what was submitted, and so the ledger credits that.
        var after = (await w.Coder.GetFromJsonAsync<JointBidDto>(t.Bid, Json))!;
        (await w.Coder.PutAsJsonAsync($"{t.Bid}/quotas", Quotas(t, after.QuotasVersion,
            (1, w.BuilderId, 51m, 51m), (1, w.CoderId, 49m, 49m), (2, w.BuilderId, 51m, 51m), (2, w.CoderId, 49m, 49m)), Json)).EnsureSuccessStatusCode();
        var beforeAward = (await w.Builder.GetFromJsonAsync<PartnerLedgerDto[]>($"/api/businesses/{w.BuilderId}/relationships", Json))!;

        await OpenAndAward(t, 1, 2);
        var builders = (await w.Builder.GetFromJsonAsync<PartnerLedgerDto[]>($"/api/businesses/{w.BuilderId}/relationships", Json))!;
        var coders = (await w.Coder.GetFromJsonAsync<PartnerLedgerDto[]>($"/api/businesses/{w.CoderId}/relationships", Json))!;

        beforeAward.Should().ContainSingle().Which.Should().BeEquivalentTo(new { LotsWon = 0, ValueWon = Array.Empty<MoneyDto>(), ShareWon = Array.Empty<MoneyDto>(), LotsWithoutShare = 0 },
            "nothing is credited before an award");
        // Lot 1 at 1 000 000, lot 2 at 150 000. The IT firm executes 40 % of lot 1 and 45 % of lot 2: 400 000 + 67 500;
        // the lead 60 % and 55 %: 600 000 + 82 500. Not the 49 % each the workspace says now.
        builders.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Partner = new { Id = w.CoderId }, LotsWon = 2, ValueWon = new[] { new MoneyDto(1_150_000m, "EUR") },
            ShareWon = new[] { new MoneyDto(467_500m, "EUR") }, LotsWithoutShare = 0,
        });
        coders.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Partner = new { Id = w.BuilderId }, LotsWon = 2, ValueWon = new[] { new MoneyDto(1_150_000m, "EUR") },
            ShareWon = new[] { new MoneyDto(682_500m, "EUR") }, LotsWithoutShare = 0,
        });
        (await w.Outsider.GetAsync($"/api/businesses/{w.BuilderId}/relationships")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Buyer.GetAsync($"/api/businesses/{w.CoderId}/relationships")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_won_bid_submitted_before_shares_were_recorded_says_its_share_is_not_known_instead_of_guessing()
    {
        var (t, drafted) = await Drafted();
        var w = t.World;
        (await w.Builder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.BuilderId, drafted.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Coder.PostAsJsonAsync($"{t.Bid}/sign", new SignRequest(w.CoderId, drafted.Digest), Json)).EnsureSuccessStatusCode();
        (await w.Builder.PostAsync($"{t.Bid}/submit", null)).EnsureSuccessStatusCode();
        // A bid submitted by an earlier version of the product has no share rows: so is this one made.
        await using (var scope = w.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            (await db.BidShares.Where(s => s.TenderId == t.Tender.Id).ExecuteDeleteAsync()).Should().Be(3, "both firms in lot 1, the IT firm in lot 2");
        }
        await OpenAndAward(t, 1);

        var ledger = (await w.Builder.GetFromJsonAsync<PartnerLedgerDto[]>($"/api/businesses/{w.BuilderId}/relationships", Json))!;

        ledger.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            LotsWon = 1, ValueWon = new[] { new MoneyDto(1_000_000m, "EUR") }, ShareWon = Array.Empty<MoneyDto>(), LotsWithoutShare = 1,
        });
    }
}
