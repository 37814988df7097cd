using System.Net;
using System.Net.Http.Json;
using Marketplace.Alliances;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Tests.Tenders;
using Marketplace.Spaces;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Spaces;

public sealed class SpaceOutcomeTestsOnSqlite(ClockedSqliteHost fixture) : SpaceOutcomeTests<ClockedSqliteHost>(fixture);

public sealed class SpaceOutcomeTestsOnPostgres(ClockedPostgresHost fixture) : SpaceOutcomeTests<ClockedPostgresHost>(fixture);

/// <summary>The association's outcomes per quarter, computed from a seeded history of members, alliances, bids and awards.</summary>
public abstract class SpaceOutcomeTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    /// <summary>The space's territory is the province of Bologna: the builder's seat is in it, the IT firm's (Modena) is not.</summary>
    async Task<TenderWorld> World()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var space = (await w.Admin.GetFromJsonAsync<SpaceDetailDto>($"/api/spaces/{w.SpaceId}", Json))!;
        (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/settings", new EditSpaceSettingsRequest(space.Version, space.Summary.Name, null, [], ["BO"],
            DirectoryVisibility.MembersOnly, 0), Json)).EnsureSuccessStatusCode();
        foreach (var (client, firm, comune) in new[] { (w.Builder, w.BuilderId, "037006"), (w.Coder, w.CoderId, "036023") })
        {
            var profile = (await client.GetFromJsonAsync<BusinessProfileDto>($"/api/businesses/{firm}", Json))!;
            (await client.EditProfile(firm, EditOf(profile) with { ComuneCode = comune })).EnsureSuccessStatusCode();
        }
        return w;
    }

    async Task<SpaceOutcomesDto> Outcomes(TenderWorld w) => (await w.Admin.GetFromJsonAsync<SpaceOutcomesDto>($"/api/spaces/{w.SpaceId}/outcomes", Json))!;

    /// <summary>A measure's value in the quarter that holds the given moment.</summary>
    static decimal? In(SpaceOutcomesDto outcomes, DateTimeOffset at, OutcomeMeasure measure) =>
        outcomes.Quarters.Single(q => q.Quarter == Quarter.Of(at).ToString()).Measures.Single(m => m.Measure == measure).Actual;

    async Task<Guid> SubmitJointBid(TenderWorld w, Guid tenderId, Guid allianceId)
    {
        var bid = $"/api/alliances/{allianceId}/bid";
        foreach (var (client, firm, price) in new[] { (w.Builder, w.BuilderId, 600_000m), (w.Coder, w.CoderId, 200_000m) })
            (await client.PostAsJsonAsync($"{bid}/work-packages", new SaveWorkPackageRequest(null, 0, "Opere", 1, null, firm, new MoneyDto(price, "EUR")), Json))
                .EnsureSuccessStatusCode();
        var answered = await w.Builder.PutAsJsonAsync($"{bid}/answers/2", new SaveAnswerRequest(0, "Cantiere nei mesi estivi"), Json);
        var digest = (await answered.Read<JointBidDto>()).Digest;
        foreach (var (client, firm) in new[] { (w.Builder, w.BuilderId), (w.Coder, w.CoderId) })
            (await client.PostAsJsonAsync($"{bid}/sign", new SignRequest(firm, digest), Json)).EnsureSuccessStatusCode();
        (await w.Builder.PostAsync($"{bid}/submit", null)).EnsureSuccessStatusCode();
        return allianceId;
    }

    [Fact]
    public async Task Alliances_bids_wins_and_the_value_kept_in_the_territory_are_counted_in_their_quarter()
    {
        var w = await World();
        var before = await Outcomes(w);
        In(before, w.Now, OutcomeMeasure.Members).Should().Be(2);
        In(before, w.Now, OutcomeMeasure.JointBids).Should().Be(0);
        before.HasTerritory.Should().BeTrue();

        var tender = await w.Publish(disclosesBidCount: true);
        var formedAt = w.Now;
        var allianceId = await w.FormRti(tender.Id);
        In(await Outcomes(w), formedAt, OutcomeMeasure.AlliancesFormed).Should().Be(1);

        w.PassTo(tender.EnquiryDeadline);
        var bidAt = w.Now;
        await SubmitJointBid(w, tender.Id, allianceId);
        // The IT firm bids alone for the other lot.
        (await w.Coder.PutAsJsonAsync($"/api/tenders/{tender.Id}/bids/{w.CoderId}", new SubmitBidRequest(
            [new LotPriceRequest(2, new MoneyDto(150_000m, "EUR"))], [new AnswerRequest(2, "Squadra certificata")], []), Json)).EnsureSuccessStatusCode();
        var bidding = await Outcomes(w);
        In(bidding, bidAt, OutcomeMeasure.JointBids).Should().Be(1, "the joint bid was submitted");
        In(bidding, bidAt, OutcomeMeasure.SingleBids).Should().Be(1);
        In(bidding, bidAt, OutcomeMeasure.ValueWon).Should().Be(0);
        In(bidding, bidAt, OutcomeMeasure.TerritoryShare).Should().BeNull("nothing is won yet");

        w.PassOpening(tender);
        var lots = (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!.Lots;
        foreach (var ranked in lots.SelectMany(l => l.Ranking).DistinctBy(r => r.BidId))
            (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/scores", new ScoreRequest(ranked.BidId, 2, 80m), Json)).EnsureSuccessStatusCode();
        var awardedAt = w.Now;
        foreach (var (lot, bidder) in new[] { (1, allianceId), (2, w.CoderId) })
        {
            var bidId = lots.Single(l => l.Lot == lot).Ranking.Single(r => r.BidderId == bidder).BidId;
            (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(lot, bidId, null), Json)).EnsureSuccessStatusCode();
        }

        var won = await Outcomes(w);
        In(won, awardedAt, OutcomeMeasure.LotsWon).Should().Be(2);
        In(won, awardedAt, OutcomeMeasure.TendersWon).Should().Be(1);
        // Lot 1 (800 000, the RTI's) counts in two equal parts, lot 2 (150 000) whole for the IT firm: 950 000 in all,
        // of which the builder's 400 000 is won by a firm seated in the territory: 42.1 %.
        In(won, awardedAt, OutcomeMeasure.ValueWon).Should().Be(950_000m);
        In(won, awardedAt, OutcomeMeasure.TerritoryShare).Should().Be(42.1m);
    }

    [Fact]
    public async Task A_bid_to_a_tender_that_hides_its_bid_count_counts_only_once_the_bids_are_opened()
    {
        var w = await World();
        var tender = await w.Publish(disclosesBidCount: false);
        var allianceId = await w.FormRti(tender.Id);
        w.PassTo(tender.EnquiryDeadline);
        var bidAt = w.Now;
        await SubmitJointBid(w, tender.Id, allianceId);

        var sealedNow = await Outcomes(w);
        In(sealedNow, bidAt, OutcomeMeasure.JointBids).Should().Be(0, "nobody outside the alliance may learn of its bid before opening");
        In(sealedNow, bidAt, OutcomeMeasure.AlliancesFormed).Should().Be(0, "an RTI for this tender would tell who is bidding");

        w.PassOpening(tender);
        (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tender.Id}/evaluation", Json))!.Lots.Should().NotBeEmpty();
        var opened = await Outcomes(w);
        In(opened, bidAt, OutcomeMeasure.JointBids).Should().Be(1);
        In(opened, bidAt, OutcomeMeasure.AlliancesFormed).Should().Be(1);
    }

    [Fact]
    public async Task Only_the_space_s_admins_see_its_outcomes()
    {
        var w = await World();
        foreach (var client in new[] { w.Builder, w.Buyer, w.Outsider })
            (await client.GetAsync($"/api/spaces/{w.SpaceId}/outcomes")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Anonymous.GetAsync($"/api/spaces/{w.SpaceId}/outcomes")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await w.Admin.GetAsync($"/api/spaces/{Guid.NewGuid()}/outcomes")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    static decimal? Target(SpaceOutcomesDto outcomes, string quarter, OutcomeMeasure measure) =>
        outcomes.Quarters.Single(q => q.Quarter == quarter).Measures.Single(m => m.Measure == measure).Target;

    [Fact]
    public async Task The_admins_set_a_quarter_s_targets_measure_by_measure_and_remove_one_with_an_empty_value()
    {
        var w = await World();
        var quarter = Quarter.Of(w.Now).ToString();
        var set = await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/targets", new SetTargetsRequest(quarter,
            [new(OutcomeMeasure.JointBids, 3), new(OutcomeMeasure.ValueWon, 250_000.50m), new(OutcomeMeasure.TerritoryShare, 60.5m)]), Json);
        set.StatusCode.Should().Be(HttpStatusCode.OK);
        Target(await set.Read<SpaceOutcomesDto>(), quarter, OutcomeMeasure.JointBids).Should().Be(3);

        // Another admin changes one measure: the others stay as they were.
        (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/targets", new SetTargetsRequest(quarter,
            [new(OutcomeMeasure.JointBids, 4), new(OutcomeMeasure.TerritoryShare, null)]), Json)).EnsureSuccessStatusCode();
        var read = await Outcomes(w);
        (Target(read, quarter, OutcomeMeasure.JointBids), Target(read, quarter, OutcomeMeasure.ValueWon), Target(read, quarter, OutcomeMeasure.TerritoryShare))
            .Should().Be((4m, 250_000.50m, (decimal?)null));

        // A quarter planned ahead is shown after the one under way.
        var next = Quarter.Of(w.Now).Next.ToString();
        (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/targets", new SetTargetsRequest(next, [new(OutcomeMeasure.Members, 10)]), Json)).EnsureSuccessStatusCode();
        (await Outcomes(w)).Quarters.Select(q => q.Quarter).Should().EndWith([quarter, next]);
    }

    [Theory]
    [InlineData("2026Q4", "quarter")]
    [InlineData("1999-Q1", "quarter")]
    [InlineData(null, "targets[1].value")]
    public async Task Bad_targets_are_refused_whole_naming_each_field(string? quarterText, string field)
    {
        var w = await World();
        var quarter = quarterText ?? Quarter.Of(w.Now).ToString();
        var response = await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/targets", new SetTargetsRequest(quarter,
            [new(OutcomeMeasure.JointBids, 2), new(OutcomeMeasure.LotsWon, 1.5m), new(OutcomeMeasure.TerritoryShare, 101), new(OutcomeMeasure.JointBids, 1)]), Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Read<ValidationProblemDetails>()).Errors;
        errors.Keys.Should().Contain([field, "targets[2].value", "targets[3].measure"]);
        (await Outcomes(w)).Quarters.SelectMany(q => q.Measures).Should().OnlyContain(m => m.Target == null, "nothing of a refused request is stored");
    }

    [Fact]
    public async Task Only_the_space_s_admins_set_targets_not_another_space_s_admins_its_firms_or_its_buyer()
    {
        var w = await World();
        var other = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var body = new SetTargetsRequest(Quarter.Of(w.Now).ToString(), [new(OutcomeMeasure.JointBids, 3)]);
        foreach (var client in new[] { other.Admin, w.Builder, w.Buyer, w.Outsider })
            (await client.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/targets", body, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Anonymous.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/targets", body, Json)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await other.Admin.GetAsync($"/api/spaces/{w.SpaceId}/outcomes")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Outcomes(w)).Quarters.SelectMany(q => q.Measures).Should().OnlyContain(m => m.Target == null);
    }

    [Fact]
    public async Task The_plan_against_actual_downloads_as_a_csv_that_italian_excel_opens_in_the_request_s_language()
    {
        var w = await World();
        var quarter = Quarter.Of(w.Now).ToString();
        (await w.Admin.PutAsJsonAsync($"/api/spaces/{w.SpaceId}/targets", new SetTargetsRequest(quarter,
            [new(OutcomeMeasure.Members, 5), new(OutcomeMeasure.ValueWon, 1250.5m)]), Json)).EnsureSuccessStatusCode();

        async Task<string[][]> Rows(string url, string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await w.Admin.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            bytes.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "Excel reads UTF-8 only after its byte-order mark");
            return [.. System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';'))];
        }

        var italian = await Rows($"/api/spaces/{w.SpaceId}/outcomes.csv", "it-IT,it;q=0.9");
        italian[0].Should().Equal("Trimestre", "Misura", "Obiettivo", "Risultato", "Scarto");
        italian.Should().HaveCount(1 + 8 * (await Outcomes(w)).Quarters.Length);
        italian.Should().ContainEquivalentOf(new[] { quarter, "Imprese associate a fine trimestre", "5", "2", "-3" });
        italian.Should().ContainEquivalentOf(new[] { quarter, "Valore vinto dalle imprese associate (EUR)", "1250,5", "0", "-1250,5" });
        italian.Should().ContainEquivalentOf(new[] { quarter, "Offerte congiunte presentate", "", "0", "" });

        var english = await Rows($"/api/spaces/{w.SpaceId}/outcomes.csv?lang=en", "it-IT");
        english[0].Should().Equal("Quarter", "Measure", "Target", "Actual", "Difference");
        english.Should().ContainEquivalentOf(new[] { quarter, "Value won by member firms (EUR)", "1250.5", "0", "-1250.5" });

        (await w.Builder.GetAsync($"/api/spaces/{w.SpaceId}/outcomes.csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
