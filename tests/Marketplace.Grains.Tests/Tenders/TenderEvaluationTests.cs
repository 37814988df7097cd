using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

public sealed class TenderEvaluationTests
{
    static readonly AwardCriterion PriceOnly = new(1, "Prezzo", CriterionKind.Price, 100);

    static TenderDetails Terms(params AwardCriterion[] criteria) => new("Manutenzione del verde", null,
        [new Lot(1, "Parchi nord", null, ["77313000-7"], null, null), new Lot(2, "Parchi sud", null, ["77313000-7"], null, null)],
        [], criteria.Length > 0 ? criteria : [new(1, "Prezzo", CriterionKind.Price, 30), new(2, "Qualità tecnica", CriterionKind.Quality, 70)],
        EnquiryDeadline, SubmissionDeadline, null, null, false, []);

    static OpenedBid Offer(decimal amount, int day = 11) => Bid(Now.AddDays(day), (1, amount));

    static BidScore Quality(OpenedBid bid, decimal points, int criterion = 2) => new(bid.BidId, criterion, points);

    [Fact]
    public void Price_points_are_the_lowest_price_over_the_bid_s_price_times_100_to_two_decimals()
    {
        var lowest = Offer(80_000m);
        var middle = Offer(90_000m);
        var highest = Offer(150_000m);

        var ranking = TenderEvaluation.Rank(Terms(PriceOnly), [highest, lowest, middle], [], [], 1);

        // 80 000 ÷ 80 000 × 100 = 100; 80 000 ÷ 90 000 × 100 = 88.888… → 88.89; 80 000 ÷ 150 000 × 100 = 53.333… → 53.33
        ranking.Select(r => (r.BidId, r.PricePoints)).Should().Equal((lowest.BidId, 100m), (middle.BidId, 88.89m), (highest.BidId, 53.33m));
    }

    [Fact]
    public void A_total_at_a_midpoint_rounds_half_away_from_zero()
    {
        var only = Offer(80_000m);

        var ranking = TenderEvaluation.Rank(Terms(), [only], [Quality(only, 12.35m)], [], 1);

        // price 100 × 30 / 100 = 30; quality 12.35 × 70 / 100 = 8.645; total 38.645 → 38.65 (half to even would give 38.64)
        ranking.Single().Total.Should().Be(38.65m);
    }

    [Fact]
    public void The_total_weighs_each_criterion_s_points()
    {
        var cheap = Offer(80_000m);
        var good = Offer(100_000m);
        var dear = Offer(120_000m);

        var ranking = TenderEvaluation.Rank(Terms(), [cheap, good, dear], [Quality(cheap, 60m), Quality(good, 90m), Quality(dear, 50m)], [], 1);

        // cheap: 100 × 0.3 + 60 × 0.7 = 30 + 42 = 72
        // good:  80 × 0.3 + 90 × 0.7 = 24 + 63 = 87
        // dear:  66.67 × 0.3 + 50 × 0.7 = 20.001 + 35 = 55.001 → 55.00
        ranking.Select(r => (r.BidId, r.Total)).Should().Equal((good.BidId, 87m), (cheap.BidId, 72m), (dear.BidId, 55m));
    }

    [Fact]
    public void The_points_hold_the_price_points_under_the_price_criterion()
    {
        var bid = Offer(100_000m);

        var ranked = TenderEvaluation.Rank(Terms(), [Offer(80_000m), bid], [Quality(bid, 90m)], [], 1).Single(r => r.BidId == bid.BidId);

        // 80 000 ÷ 100 000 × 100 = 80
        ranked.Points.Should().Equal(new Dictionary<int, decimal> { [1] = 80m, [2] = 90m });
        ranked.Price.Should().Be(100_000m);
    }

    [Fact]
    public void Equal_bids_are_ranked_by_receipt_time()
    {
        var later = Offer(80_000m, day: 12);
        var earlier = Offer(80_000m, day: 11);

        var ranking = TenderEvaluation.Rank(Terms(), [later, earlier], [Quality(later, 70m), Quality(earlier, 70m)], [], 1);

        ranking.Select(r => r.BidId).Should().Equal(earlier.BidId, later.BidId);
    }

    [Fact]
    public void Equal_totals_from_different_points_are_ranked_by_receipt_time()
    {
        AwardCriterion[] halves = [new(1, "Prezzo", CriterionKind.Price, 50), new(2, "Qualità", CriterionKind.Quality, 50)];
        var cheaper = Offer(80_000m, day: 13);
        var better = Offer(100_000m, day: 12);

        var ranking = TenderEvaluation.Rank(Terms(halves), [cheaper, better], [Quality(cheaper, 60m), Quality(better, 80m)], [], 1);

        // cheaper: 100 × 0.5 + 60 × 0.5 = 80; better: 80 × 0.5 + 80 × 0.5 = 80; better came first
        ranking.Select(r => (r.BidId, r.Total)).Should().Equal((better.BidId, 80m), (cheaper.BidId, 80m));
    }

    [Fact]
    public void A_bid_is_complete_only_once_every_quality_criterion_is_scored()
    {
        AwardCriterion[] criteria = [new(1, "Prezzo", CriterionKind.Price, 40), new(2, "Tempi", CriterionKind.Quality, 30), new(3, "Personale", CriterionKind.Quality, 30)];
        var bid = Offer(80_000m);

        var half = TenderEvaluation.Rank(Terms(criteria), [bid], [Quality(bid, 80m, 2)], [], 1).Single();
        var whole = TenderEvaluation.Rank(Terms(criteria), [bid], [Quality(bid, 80m, 2), Quality(bid, 50m, 3)], [], 1).Single();

        // missing points count as 0: 100 × 0.4 + 80 × 0.3 = 64; then + 50 × 0.3 = 79
        (half.Complete, half.Total).Should().Be((false, 64m));
        (whole.Complete, whole.Total).Should().Be((true, 79m));
    }

    [Fact]
    public void A_price_only_bid_is_complete_without_any_score() =>
        TenderEvaluation.Rank(Terms(PriceOnly), [Offer(80_000m)], [], [], 1).Single().Complete.Should().BeTrue();

    [Fact]
    public void A_bid_not_offering_the_lot_is_not_ranked_for_it()
    {
        var lot1Only = Bid(Now.AddDays(11), (1, 80_000m));
        var both = Bid(Now.AddDays(12), (1, 100_000m), (2, 200_000m));

        var ranking = TenderEvaluation.Rank(Terms(PriceOnly), [lot1Only, both], [], [], 2);

        // the lowest price for lot 2 is both's own 200 000, so it earns 100 points
        ranking.Should().ContainSingle().Which.Should().BeEquivalentTo(new { both.BidId, Price = 200_000m, PricePoints = 100m, Total = 100m });
    }

    [Fact]
    public void The_lowest_price_is_taken_within_the_lot()
    {
        var both = Bid(Now.AddDays(12), (1, 100_000m), (2, 50_000m));

        var ranking = TenderEvaluation.Rank(Terms(PriceOnly), [Bid(Now.AddDays(11), (1, 80_000m)), both], [], [], 1);

        // lot 2's 50 000 does not count: 80 000 ÷ 100 000 × 100 = 80
        ranking.Single(r => r.BidId == both.BidId).PricePoints.Should().Be(80m);
    }

    [Fact]
    public void A_lot_without_offers_ranks_nobody() =>
        TenderEvaluation.Rank(Terms(PriceOnly), [Offer(80_000m)], [], [], 2).Should().BeEmpty();
}
