using Marketplace.JointBids;
using Marketplace.Tenders;

namespace Marketplace.Grains.Tests.JointBids;

/// <summary>
/// The quota rules as fact tables: a grouping's participation and execution quotas per lot, as firm owners fill them
/// in, and what is refused (stops the save) or only warned (shown before signing).
/// </summary>
public sealed class QuotaRulesTests
{
    static readonly Guid Lead = Guid.NewGuid(), Member = Guid.NewGuid(), Third = Guid.NewGuid(), Stranger = Guid.NewGuid();
    static readonly int[] Lots = [1, 2];
    static readonly Guid[] Bidders = [Lead, Member, Third];

    static Dictionary<string, FieldProblem[]>? Check(params BidQuota[] quotas) => QuotaRules.Check(quotas, Lots, Bidders, Lead);

    static decimal Number(string arg) => decimal.Parse(arg, System.Globalization.CultureInfo.InvariantCulture);

    static BidQuota Q(Guid firm, decimal participation, decimal? execution = null, int lot = 1) => new(lot, firm, participation, execution ?? participation);

    [Theory]
    [InlineData(60, 40)]
    [InlineData(50.01, 49.99)]
    [InlineData(40, 30)] // with a third firm at 30 below
    public void A_lead_with_the_largest_share_and_sums_of_100_is_right(decimal lead, decimal member)
    {
        BidQuota[] quotas = lead + member == 100m ? [Q(Lead, lead), Q(Member, member)] : [Q(Lead, lead), Q(Member, member), Q(Third, 100m - lead - member)];
        Check(quotas).Should().BeNull();
    }

    [Theory]
    [InlineData(40, 60, "60")]
    [InlineData(50, 50, "50")] // "misura maggioritaria": an equal share is not the largest
    public void A_lead_without_the_largest_participation_is_refused_on_its_own_row(decimal lead, decimal member, string other)
    {
        var errors = Check(Q(Lead, lead), Q(Member, member))!;

        errors.Keys.Should().Equal("quotas[0].participation");
        errors["quotas[0].participation"].Single().Should().Be(FieldProblem.Of(QuotaRules.LeadNotLargest, ("lot", 1), ("lead", lead), ("other", decimal.Parse(other))));
    }

    [Fact]
    public void A_lot_where_only_a_member_declares_a_quota_is_refused_the_lead_holds_the_largest_share_in_every_lot()
    {
        Check(Q(Member, 100m))!["quotas[0].participation"].Single().Code.Should().Be("quota.leadNotLargest");
        Check(Q(Lead, 100m)).Should().BeNull("a lot the lead carries out alone");
    }

    [Fact]
    public void Sums_other_than_100_are_refused_on_the_lots_last_row_with_the_sum()
    {
        var errors = Check(Q(Lead, 60m, 55m), Q(Member, 30m, 45m), Q(Lead, 70m, lot: 2), Q(Member, 30m, lot: 2))!;

        errors.Keys.Should().Equal("quotas[1].participation");
        errors["quotas[1].participation"].Single().Should().Be(FieldProblem.Of(QuotaRules.ParticipationSum, ("lot", 1), ("sum", 90m)));
        Check(Q(Lead, 60m, 70m), Q(Member, 40m, 40m))!["quotas[1].execution"].Single().Code.Should().Be("quota.executionSum");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    [InlineData(33.333)]
    public void A_quota_is_above_0_up_to_100_in_hundredths(decimal bad)
    {
        var errors = Check(Q(Lead, 60m, bad), Q(Member, bad, 40m))!;

        errors.Keys.Should().BeEquivalentTo("quotas[0].execution", "quotas[1].participation");
        errors.Values.SelectMany(e => e).Should().OnlyContain(p => p.Code == "quota.percent");
    }

    [Fact]
    public void Each_wrong_field_is_named_an_unknown_lot_a_firm_that_does_not_bid_a_firm_twice_in_a_lot()
    {
        var errors = Check(Q(Lead, 60m), Q(Member, 40m, lot: 3), Q(Stranger, 40m), Q(Lead, 10m))!;

        errors.Keys.Should().BeEquivalentTo("quotas[1].lot", "quotas[2].firmId", "quotas[3].firmId");
        errors["quotas[1].lot"].Single().Code.Should().Be("quota.noSuchLot");
        errors["quotas[2].firmId"].Single().Code.Should().Be("quota.notABidder");
        errors["quotas[3].firmId"].Single().Should().Be(FieldProblem.Of(QuotaRules.Twice, ("lot", 1)));
    }

    [Fact]
    public void No_quotas_at_all_is_right_and_more_than_the_limit_is_refused()
    {
        Check().Should().BeNull();
        QuotaRules.Check([.. Enumerable.Range(0, QuotaRules.MaxQuotas + 1).Select(_ => Q(Lead, 100m))], Lots, Bidders, Lead)!
            .Keys.Should().Equal("quotas");
    }

    [Fact]
    public void An_execution_quota_other_than_the_participation_is_warned_not_refused()
    {
        Check(Q(Lead, 60m, 70m), Q(Member, 40m, 30m)).Should().BeNull("the duty of correspondence was repealed");

        QuotaRules.Warnings([Q(Lead, 60m, 70m), Q(Member, 40m, 30m)], [(1, Lead, 70m), (1, Member, 30m)]).Should().Equal(
            new QuotaWarning(1, Lead, FieldProblem.Of(QuotaRules.ExecutionDiffers, ("lot", 1), ("firm", ""), ("execution", 70m), ("participation", 60m))),
            new QuotaWarning(1, Member, FieldProblem.Of(QuotaRules.ExecutionDiffers, ("lot", 1), ("firm", ""), ("execution", 30m), ("participation", 40m))));
    }

    [Fact]
    public void Work_packages_whose_share_of_the_lot_differs_from_the_execution_quota_are_warned_with_both_figures()
    {
        // Lot 1 costs 1 000 000: the lead's packages 650 000 (65%), the member's 350 000 (35%), against 60/40 declared.
        var warnings = QuotaRules.Warnings([Q(Lead, 60m), Q(Member, 40m)], [(1, Lead, 400_000m), (1, Lead, 250_000m), (1, Member, 350_000m)]);

        warnings.Select(w => (w.FirmId, w.Problem.Code, Number(w.Problem.Args["share"]), Number(w.Problem.Args["execution"]))).Should().Equal(
            (Lead, "quota.packagesDiffer", 65m, 60m), (Member, "quota.packagesDiffer", 35m, 40m));
        QuotaRules.Warnings([Q(Lead, 65m), Q(Member, 35m)], [(1, Lead, 650_000m), (1, Member, 350_000m)]).Should().BeEmpty("they match");
    }

    [Fact]
    public void A_firm_with_packages_in_a_lot_but_no_quota_and_a_lot_with_packages_and_no_quotas_are_warned()
    {
        var warnings = QuotaRules.Warnings([Q(Lead, 100m)], [(1, Lead, 80m), (1, Third, 20m), (2, Member, 10m)]);

        warnings.Select(w => (w.Lot, w.FirmId, w.Problem.Code)).Should().Equal(
            (1, (Guid?)Lead, "quota.packagesDiffer"), (1, Third, "quota.packagesDiffer"), (2, null, "quota.missing"));
    }

    [Theory]
    // A works lot of 1 050 000: 60% is 630 000. OG1 class II increased by a fifth covers 619 200; class III 1 033 000.
    [InlineData(60, 619_200, true)]
    [InlineData(60, 1_033_000, false)]
    [InlineData(60, 630_000, false)]
    public void An_execution_quota_beyond_what_the_firms_classes_cover_in_the_lot_is_warned(decimal execution, decimal covered, bool warned)
    {
        var warning = QuotaRules.CheckCovered(1, Q(Member, execution), 1_050_000m, covered);

        (warning is not null).Should().Be(warned);
        if (warned) warning!.Args.Should().Contain(new KeyValuePair<string, string>("amount", "630000 EUR"));
    }
}
