using System.Net;
using System.Net.Http.Json;
using Marketplace.Businesses;
using Marketplace.Server.Endpoints;
using Marketplace.Tenders;
using Marketplace.Testing;
using static Marketplace.Testing.ApiClientExtensions;

namespace Marketplace.Server.Tests.Tenders;

public sealed class BidExclusionTestsOnSqlite(ClockedSqliteHost fixture) : BidExclusionTests<ClockedSqliteHost>(fixture);

public sealed class BidExclusionTestsOnPostgres(ClockedPostgresHost fixture) : BidExclusionTests<ClockedPostgresHost>(fixture);

/// <summary>
/// The buyer excludes an opened bid with a reason: its firm reads the reason, the lot goes to the next admissible bid,
/// the public chain records the exclusion without its words, and nobody but the buyer excludes or readmits.
/// </summary>
public abstract class BidExclusionTests<THost>(THost fixture) : IClassFixture<THost> where THost : ClockedHost
{
    const string Reason = "DURC irregolare alla data di scadenza delle offerte";

    /// <summary>
    /// Opened and scored: the builder bids 700 000 (lot 1) and 180 000 (lot 2), the IT firm 650 000 for lot 1.
    /// Lot 1: builder 650/700 × 100 = 92.86 × 0.6 + 100 × 0.4 = 95.72; IT firm 100 × 0.6 + 50 × 0.4 = 80.
    /// </summary>
    async Task<(TenderWorld W, TenderDto Tender, Guid BuilderBid, Guid CoderBid)> Scored()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m, 180_000m)).EnsureSuccessStatusCode();
        (await w.Bid(w.Coder, tender.Id, w.CoderId, 650_000m)).EnsureSuccessStatusCode();
        w.PassOpening(tender);
        var ranking = (await Evaluation(w, tender.Id)).Lots.Single(l => l.Lot == 1).Ranking;
        var (builderBid, coderBid) = (ranking.Single(r => r.BidderId == w.BuilderId).BidId, ranking.Single(r => r.BidderId == w.CoderId).BidId);
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/scores", new ScoreRequest(builderBid, 2, 100m), Json)).EnsureSuccessStatusCode();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/scores", new ScoreRequest(coderBid, 2, 50m), Json)).EnsureSuccessStatusCode();
        return (w, tender, builderBid, coderBid);
    }

    static async Task<EvaluationDto> Evaluation(TenderWorld w, Guid tenderId) =>
        (await w.Buyer.GetFromJsonAsync<EvaluationDto>($"/api/tenders/{tenderId}/evaluation", Json))!;

    static Task<HttpResponseMessage> Exclude(HttpClient client, Guid tenderId, Guid bidId, string? reason = Reason) =>
        client.PostAsJsonAsync($"/api/tenders/{tenderId}/exclusions", new ExcludeRequest(bidId, reason), Json);

    [Fact]
    public async Task The_buyer_excludes_the_first_bid_and_awards_the_lot_to_the_next()
    {
        var (w, tender, builderBid, coderBid) = await Scored();

        var excluded = await Exclude(w.Buyer, tender.Id, builderBid);
        excluded.StatusCode.Should().Be(HttpStatusCode.OK);

        var evaluation = await Evaluation(w, tender.Id);
        evaluation.Exclusions.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            BidId = builderBid, BidderId = w.BuilderId, Reason, At = w.Now, StandsForLot = (int?)null,
            Lots = new[] { new { Lot = 1 }, new { Lot = 2 } },
        });
        // Alone on lot 1, the IT firm's bid has the lowest price: 100 × 0.6 + 50 × 0.4 = 80.
        evaluation.Lots.Single(l => l.Lot == 1).Ranking.Should().ContainSingle().Which.Should().BeEquivalentTo(new { BidId = coderBid, Rank = 1, Total = 80m });
        evaluation.Lots.Single(l => l.Lot == 2).Ranking.Should().BeEmpty();

        var result = $"/api/tenders/{tender.Id}/bids/{w.BuilderId}/result";
        (await (await w.Builder.GetAsync(result)).Refusal()).Should().BeEquivalentTo(new
        {
            Status = HttpStatusCode.Conflict, Code = "bid.excludedByBuyer",
            Args = new Dictionary<string, string> { ["reason"] = Reason, ["at"] = w.Now.ToString("O") },
        }, "the excluded firm's people read the buyer's reason");
        (await w.Coder.GetFromJsonAsync<BidResultDto[]>($"/api/tenders/{tender.Id}/bids/{w.CoderId}/result", Json))!
            .Single().Should().BeEquivalentTo(new { Rank = 1, Of = 1, Decided = false }, "the other bidder is ranked among the admissible bids");
        (await w.Coder.GetStringAsync($"/api/tenders/{tender.Id}")).Should().NotContain("DURC", "the other bidder does not read the reason");

        var refusedAward = await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(1, builderBid, null), Json);
        (await refusedAward.Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "tender.bidExcluded" }, "the true reason, not an unknown bid");
        (await (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/scores", new ScoreRequest(builderBid, 2, 90m), Json)).Refusal())
            .Code.Should().Be("tender.bidExcluded");
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(1, coderBid, null), Json)).EnsureSuccessStatusCode();

        var audit = (await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!;
        audit.Valid.Should().BeTrue();
        audit.Shown.Should().Contain(l => l.Kind == "BidExcluded" && l.Detail.StartsWith($"bid={builderBid:N};reason=", StringComparison.Ordinal));
        audit.Shown.Should().NotContain(l => l.Detail.Contains("DURC"));

        // Lot 1 is decided on the ranking without it: the exclusion can no longer be taken back.
        (await Evaluation(w, tender.Id)).Exclusions.Single().StandsForLot.Should().Be(1);
        var readmit = await w.Buyer.DeleteAsync($"/api/tenders/{tender.Id}/exclusions/{builderBid}");
        (await readmit.Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "tender.exclusionStands" });
    }

    [Fact]
    public async Task The_buyer_readmits_an_excluded_bid_before_any_decision()
    {
        var (w, tender, builderBid, _) = await Scored();
        (await Exclude(w.Buyer, tender.Id, builderBid)).EnsureSuccessStatusCode();

        (await w.Buyer.DeleteAsync($"/api/tenders/{tender.Id}/exclusions/{builderBid}")).EnsureSuccessStatusCode();

        var evaluation = await Evaluation(w, tender.Id);
        evaluation.Exclusions.Should().BeEmpty();
        evaluation.Lots.Single(l => l.Lot == 1).Ranking.Select(r => (r.BidId, r.Total)).First().Should().Be((builderBid, 95.72m));
        (await w.Builder.GetAsync($"/api/tenders/{tender.Id}/bids/{w.BuilderId}/result")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await w.Anonymous.GetFromJsonAsync<AuditDto>($"/api/tenders/{tender.Id}/audit", Json))!.Shown.Should().Contain(l => l.Kind == "BidReadmitted");
    }

    [Fact]
    public async Task Nobody_but_the_buyer_excludes_or_readmits()
    {
        var (w, tender, builderBid, coderBid) = await Scored();
        var otherBuyer = w.Host.Browser();
        await otherBuyer.SignUp("altrobuyer");
        var otherBuyerId = (await otherBuyer.CreateBusiness("Comune di Altrove", BusinessKind.Buyer)).Id;
        await w.Admin.ApproveBuyer(otherBuyer, w.SpaceId, otherBuyerId);
        var own = await (await otherBuyer.PostAsJsonAsync("/api/tenders", w.Request() with { BuyerId = otherBuyerId }, Json)).Read<TenderDto>();
        (await otherBuyer.PostAsJsonAsync($"/api/tenders/{own.Id}/publish", new VersionRequest(own.Version), Json)).EnsureSuccessStatusCode();

        // Another bidder, a firm outside the space, the space's admin (no mandate from this buyer) and another tender's buyer.
        foreach (var (who, client) in new[] { ("another bidder", w.Coder), ("an outsider", w.Outsider), ("the space's admin", w.Admin), ("another buyer", otherBuyer) })
        {
            (await Exclude(client, tender.Id, builderBid)).StatusCode.Should().Be(HttpStatusCode.Forbidden, who + " does not act for the buyer");
        }
        (await Exclude(w.Anonymous, tender.Id, builderBid)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Evaluation(w, tender.Id)).Exclusions.Should().BeEmpty("nothing refused was written");

        (await Exclude(w.Buyer, tender.Id, coderBid)).EnsureSuccessStatusCode();
        foreach (var client in new[] { w.Coder, w.Builder, w.Outsider, w.Admin, otherBuyer })
            (await client.DeleteAsync($"/api/tenders/{tender.Id}/exclusions/{coderBid}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await w.Coder.GetAsync($"/api/tenders/{tender.Id}/bids/{w.CoderId}/result")).StatusCode.Should().Be(HttpStatusCode.Conflict, "the exclusion stands");
    }

    [Fact]
    public async Task An_exclusion_without_a_reason_is_refused_and_writes_nothing()
    {
        var (w, tender, builderBid, _) = await Scored();

        var refused = await (await Exclude(w.Buyer, tender.Id, builderBid, "  ")).Refusal();
        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        refused.FieldCodes.Should().ContainKey("reason").WhoseValue.Should().Equal("tender.exclusionReason");
        (await Exclude(w.Buyer, tender.Id, Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Evaluation(w, tender.Id)).Exclusions.Should().BeEmpty();
    }

    [Fact]
    public async Task Bids_are_not_excluded_before_they_are_opened()
    {
        var w = await TenderWorld.Create(fixture.Host, fixture.Clock);
        var tender = await w.Publish();
        w.PassTo(tender.EnquiryDeadline);
        (await w.Bid(w.Builder, tender.Id, w.BuilderId, 700_000m)).EnsureSuccessStatusCode();

        (await (await Exclude(w.Buyer, tender.Id, Guid.NewGuid())).Refusal()).Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "tender.wrongStatus" });
    }

    [Fact]
    public async Task Every_bidder_sees_when_the_award_becomes_final_and_the_tender_is_completed_only_then()
    {
        var (w, tender, builderBid, _) = await Scored();
        (await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(1, builderBid, null), Json)).EnsureSuccessStatusCode();
        var decided = await w.Buyer.PostAsJsonAsync($"/api/tenders/{tender.Id}/decisions", new DecideRequest(2, builderBid, null), Json);
        decided.EnsureSuccessStatusCode();
        var awardedAt = w.Now;

        // Lot 1 had two admissible bids: 32 days (art. 18 c. 3); lot 2 only the builder's: none (art. 18 c. 4 lett. a).
        foreach (var client in new[] { w.Coder, w.Builder, w.Anonymous })
        {
            var decisions = (await w.Get(client, tender.Id)).Decisions;
            decisions.Single(d => d.Lot == 1).StandstillEnds.Should().Be(awardedAt.AddDays(32));
            decisions.Single(d => d.Lot == 2).StandstillEnds.Should().BeNull();
        }

        var refused = await (await w.Buyer.PostAsync($"/api/tenders/{tender.Id}/complete", null)).Refusal();
        refused.Should().BeEquivalentTo(new { Status = HttpStatusCode.Conflict, Code = "tender.standstill" });
        refused.Args["until"].Should().Be(awardedAt.AddDays(32).UtcDateTime.ToString("O"));
        w.PassTo(awardedAt.AddDays(32));
        (await w.Buyer.PostAsync($"/api/tenders/{tender.Id}/complete", null)).EnsureSuccessStatusCode();
    }
}
