using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

/// <summary>The buyer excludes an opened bid: it leaves the ranking, the next admissible bid can win, and it is taken back only before a decision.</summary>
public sealed class TenderExclusionTests
{
    /// <summary>
    /// Two bids for lot 1 (price 30, quality 70). With both: cheap 40 000 → 100 × 0.3 + 50 × 0.7 = 65; good 50 000 →
    /// 80 × 0.3 + 90 × 0.7 = 87, so good ranks first. A third bids for lot 2 alone, so deciding lot 1 leaves the tender
    /// in evaluation.
    /// </summary>
    static (TenderState State, OpenedBid Cheap, OpenedBid Good) Scored()
    {
        var cheap = Bid(Now.AddDays(11), (1, 40_000m));
        var good = Bid(Now.AddDays(12), (1, 50_000m));
        var state = Evaluating(cheap, good, Bid(Now.AddDays(13), (2, 20_000m)));
        state.Score(new ScoreBid(BuyerOwner, cheap.BidId, 2, 50m), OpenedAt);
        state.Score(new ScoreBid(BuyerOwner, good.BidId, 2, 90m), OpenedAt);
        return (state, cheap, good);
    }

    static ExcludeBid Exclusion(OpenedBid bid, string reason = "DURC irregolare alla data di scadenza") => new(BuyerOwner, bid.BidId, reason);

    [Fact]
    public void An_excluded_bid_leaves_the_ranking_and_the_next_admissible_bid_is_awarded()
    {
        var (state, cheap, good) = Scored();
        state.CheckExclude(Exclusion(good), BuyerEditor).Should().BeNull();
        state.Exclude(Exclusion(good), OpenedAt);

        // Alone, the cheap bid has the lowest price: 100 × 0.3 + 50 × 0.7 = 65.
        state.Ranking(1).Should().ContainSingle().Which.Should().BeEquivalentTo(new { cheap.BidId, Total = 65m });
        state.CheckDecide(new DecideLot(BuyerOwner, 1, cheap.BidId, null), BuyerEditor).Should().BeNull();
        state.History.Last().Should().BeEquivalentTo(new { Kind = "BidExcluded" });
        state.History.Last().Detail.Should().Contain(good.BidId.ToString("N")).And.NotContain("DURC", "the public chain records the reason's digest, not its words");
    }

    [Fact]
    public void An_excluded_bid_is_refused_scoring_and_award_with_the_reason()
    {
        var (state, _, good) = Scored();
        state.Exclude(Exclusion(good), OpenedAt);

        var scored = state.CheckScore(new ScoreBid(BuyerOwner, good.BidId, 2, 95m), BuyerEditor)!;
        scored.Should().BeEquivalentTo(new { Kind = ProblemKind.Conflict, Code = "tender.bidExcluded" });
        scored.Args.Should().Contain("reason", "DURC irregolare alla data di scadenza");
        state.CheckDecide(new DecideLot(BuyerOwner, 1, good.BidId, null), BuyerEditor)!.Code.Should().Be("tender.bidExcluded");
        state.CheckExclude(Exclusion(good, "di nuovo"), BuyerEditor)!.Code.Should().Be("tender.bidExcluded");
    }

    [Fact]
    public void Only_the_buyer_excludes_and_readmits()
    {
        var (state, _, good) = Scored();

        state.CheckExclude(Exclusion(good), Outsider)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckExclude(Exclusion(good), UnmandatedAdmin)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckExclude(Exclusion(good), Admin).Should().BeNull("the admins the buyer mandated act for it");
        state.Exclude(Exclusion(good), OpenedAt);
        state.CheckReadmit(new ReadmitBid(Stranger, good.BidId), Outsider)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_exclusion_says_why(string reason)
    {
        var (state, _, good) = Scored();

        var refused = state.CheckExclude(Exclusion(good, reason), BuyerEditor)!;
        refused.Kind.Should().Be(ProblemKind.Invalid);
        refused.Errors!["reason"].Should().ContainSingle().Which.Code.Should().Be("tender.exclusionReason");
        state.CheckExclude(Exclusion(good, new string('x', TenderState.MaxExclusionReason + 1)), BuyerEditor)!.Kind.Should().Be(ProblemKind.Invalid);
    }

    [Fact]
    public void Only_opened_bids_are_excluded_and_only_during_evaluation()
    {
        var (state, _, _) = Scored();
        state.CheckExclude(new ExcludeBid(BuyerOwner, Guid.NewGuid(), "Motivo"), BuyerEditor)!.Kind.Should().Be(ProblemKind.NotFound);
        var failed = Bid(Now.AddDays(11), (1, 10m)) with { Failure = BidIntegrityFailure.DoesNotMatchReceipt, Lots = [] };
        var withFailure = Evaluating(failed, Bid(Now.AddDays(12), (1, 20_000m)));
        withFailure.CheckExclude(Exclusion(failed), BuyerEditor)!.Code.Should().Be("tender.bidFailedIntegrity");
        InStatus(TenderStatus.Tendering).CheckExclude(new ExcludeBid(BuyerOwner, Guid.NewGuid(), "Motivo"), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_bid_that_won_a_lot_is_not_excluded_afterwards()
    {
        var first = Bid(Now.AddDays(11), (1, 40_000m), (2, 30_000m));
        var state = Evaluating(first);
        state.Score(new ScoreBid(BuyerOwner, first.BidId, 2, 60m), OpenedAt);
        state.Decide(new DecideLot(BuyerOwner, 1, first.BidId, null), OpenedAt);

        var refused = state.CheckExclude(Exclusion(first), BuyerEditor)!;
        refused.Code.Should().Be("tender.awardedBid");
        refused.Args.Should().Contain("lot", "1");
    }

    [Fact]
    public void An_exclusion_is_taken_back_until_a_lot_the_bid_was_for_is_decided()
    {
        var (state, cheap, good) = Scored();
        state.Exclude(Exclusion(good), OpenedAt);
        state.CheckReadmit(new ReadmitBid(BuyerOwner, cheap.BidId), BuyerEditor)!.Code.Should().Be("tender.notExcluded");
        state.CheckReadmit(new ReadmitBid(BuyerOwner, good.BidId), BuyerEditor).Should().BeNull();

        state.Readmit(new ReadmitBid(BuyerOwner, good.BidId), OpenedAt);
        state.Ranking(1).Select(r => r.BidId).Should().Equal(good.BidId, cheap.BidId);
        state.History.Last().Kind.Should().Be("BidReadmitted");

        state.Exclude(Exclusion(good), OpenedAt);
        state.Decide(new DecideLot(BuyerOwner, 1, cheap.BidId, null), OpenedAt);
        var stands = state.CheckReadmit(new ReadmitBid(BuyerOwner, good.BidId), BuyerEditor)!;
        stands.Code.Should().Be("tender.exclusionStands");
        TenderState.ExclusionStandsFor(good, state.Decisions).Should().Be(1);
    }

    [Fact]
    public void Every_bid_excluded_leaves_only_an_unsuccessful_lot()
    {
        var (state, cheap, good) = Scored();
        state.Exclude(Exclusion(good), OpenedAt);
        state.Exclude(Exclusion(cheap, "Offerta anormalmente bassa non giustificata"), OpenedAt);

        state.Ranking(1).Should().BeEmpty();
        state.CheckDecide(new DecideLot(BuyerOwner, 1, null, "Nessuna offerta ammessa"), BuyerEditor).Should().BeNull();
    }
}

/// <summary>The standstill after an award (art. 18 c. 3-4 D.Lgs. 36/2023): 32 days with other admissible bids, none with one alone; no completion while it runs.</summary>
public sealed class StandstillTests
{
    static (TenderState State, OpenedBid Cheap, OpenedBid Good) TwoBids()
    {
        var cheap = Bid(Now.AddDays(11), (1, 40_000m));
        var good = Bid(Now.AddDays(12), (1, 50_000m));
        var state = Evaluating(cheap, good);
        state.Score(new ScoreBid(BuyerOwner, cheap.BidId, 2, 50m), OpenedAt);
        state.Score(new ScoreBid(BuyerOwner, good.BidId, 2, 90m), OpenedAt);
        return (state, cheap, good);
    }

    [Fact]
    public void An_award_among_several_admissible_bids_is_final_32_days_after_it_is_made()
    {
        var (state, _, good) = TwoBids();
        state.Decide(new DecideLot(BuyerOwner, 1, good.BidId, null), OpenedAt);

        var decision = state.Decisions.Single(d => d.Lot == 1);
        decision.StandstillEnds.Should().Be(OpenedAt.AddDays(32));
        Standstill.IsFinal(decision, OpenedAt.AddDays(32).AddTicks(-1)).Should().BeFalse();
        Standstill.IsFinal(decision, OpenedAt.AddDays(32)).Should().BeTrue();
        state.History.Single(e => e.Kind == "LotAwarded").Detail.Should().EndWith($";standstillEnds={OpenedAt.AddDays(32).UtcDateTime:O}");
    }

    [Fact]
    public void An_award_to_the_only_admissible_bid_has_no_standstill()
    {
        var (state, cheap, good) = TwoBids();
        state.Exclude(new ExcludeBid(BuyerOwner, good.BidId, "Garanzia provvisoria mancante"), OpenedAt);
        state.Decide(new DecideLot(BuyerOwner, 1, cheap.BidId, null), OpenedAt);

        var decision = state.Decisions.Single(d => d.Lot == 1);
        decision.StandstillEnds.Should().BeNull("art. 18 c. 4 lett. a: one bid admitted");
        Standstill.IsFinal(decision, OpenedAt).Should().BeTrue();
    }

    [Fact]
    public void The_tender_is_completed_only_once_every_standstill_has_run()
    {
        var (state, _, good) = TwoBids();
        state.Decide(new DecideLot(BuyerOwner, 1, good.BidId, null), OpenedAt);
        state.Status.Should().Be(TenderStatus.Awarded, "lot 2 had no bids and was decided at opening");

        var refused = state.CheckComplete(BuyerEditor, OpenedAt.AddDays(31))!;
        refused.Code.Should().Be("tender.standstill");
        refused.Args.Should().Contain("until", OpenedAt.AddDays(32).UtcDateTime.ToString("O"));
        state.CheckComplete(BuyerEditor, OpenedAt.AddDays(32)).Should().BeNull();
    }
}
