using Marketplace.Qualifications;

namespace Marketplace.Grains.Tests.Qualifications;

/// <summary>
/// The qualification rules as fact tables: real shapes of Italian works and services lots, and who in a group brings
/// what. Amounts in euros; "today" is a fixed day so expiry is exact.
/// </summary>
public sealed class QualificationRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 6);
    static readonly Guid LeadFirm = Guid.NewGuid(), Second = Guid.NewGuid(), Third = Guid.NewGuid(), Fourth = Guid.NewGuid(), Fifth = Guid.NewGuid();

    static SoaAttestation Soa(string category, SoaClass soaClass, int validDays = 365) =>
        new(category, soaClass, Today.AddDays(validDays), "SOA Esempio S.p.A.", null);

    static GroupMember Lead(params SoaAttestation[] held) => new(LeadFirm, true, held, null);

    static GroupMember Member(Guid firm, params SoaAttestation[] held) => new(firm, false, held, null);

    /// <summary>A works lot: a prevailing category and its separable ones; subcontracting up to a share, or not at all.</summary>
    static LotRequirements Works(CategoryAmount prevailing, int? subcontractPercent = null, params CategoryAmount[] separable) =>
        LotRequirements.None with { Prevailing = prevailing, Separable = separable, SubcontractingMaxPercent = subcontractPercent };

    /// <summary>The case: a school's works, prevailing OG1 class III with separable electrical work OS30 class I.</summary>
    static LotRequirements School(int? subcontractPercent = null) =>
        Works(new("OG1", 1_000_000m), subcontractPercent, new CategoryAmount("OS30", 200_000m));

    static string[] Codes(LotQualification q) => [.. q.Failures.Select(f => f.Code)];

    [Theory]
    [InlineData(SoaClass.I, 258_000, "I")]
    [InlineData(SoaClass.II, 516_000, "II")]
    [InlineData(SoaClass.III, 1_033_000, "III")]
    [InlineData(SoaClass.IIIBis, 1_500_000, "III-bis")]
    [InlineData(SoaClass.IV, 2_582_000, "IV")]
    [InlineData(SoaClass.IVBis, 3_500_000, "IV-bis")]
    [InlineData(SoaClass.V, 5_165_000, "V")]
    [InlineData(SoaClass.VI, 10_329_000, "VI")]
    [InlineData(SoaClass.VII, 15_494_000, "VII")]
    [InlineData(SoaClass.VIII, 20_658_000, "VIII")] // unlimited; its conventional amount when requirements are summed
    public void Each_class_allows_its_amount_and_is_written_as_an_attestation_writes_it(SoaClass soaClass, int amount, string label)
    {
        SoaClasses.Amount(soaClass).Should().Be(amount);
        SoaClasses.Label(soaClass).Should().Be(label);
    }

    [Theory]
    [InlineData(258_000, SoaClass.I)]
    [InlineData(258_001, SoaClass.II)]
    [InlineData(1_000_000, SoaClass.III)]
    [InlineData(1_200_000, SoaClass.IIIBis)]
    [InlineData(16_000_000, SoaClass.VIII)]
    public void The_class_a_lot_needs_is_the_smallest_whose_amount_reaches_it(int amount, SoaClass needed) =>
        SoaClasses.For(amount).Should().Be(needed);

    [Theory]
    [InlineData(619_200, true)]  // 516.000 increased by one fifth
    [InlineData(619_201, false)]
    public void A_single_firm_takes_on_its_class_increased_by_one_fifth(int lotAmount, bool qualifies)
    {
        var q = QualificationRules.Check(Works(new("OG1", lotAmount)), [Lead(Soa("OG1", SoaClass.II))], Today);

        q.Qualifies.Should().Be(qualifies);
        q.Requirements.Single().By.Single().Should().Be(new Contribution(LeadFirm, SoaClass.II, 619_200m, true, true, false));
        if (!qualifies)
            q.Failures.Single().Should().Be(FieldProblem.Of(QualificationRules.CategoryShort,
                ("category", "OG1"), ("held", new Money(619_200m, "EUR")), ("required", new Money(lotAmount, "EUR")), ("class", "III")));
    }

    [Fact]
    public void Two_firms_with_OG1_class_II_cover_the_school_s_OG1_together_but_the_lead_holds_no_larger_share_and_nobody_holds_OS30()
    {
        var q = QualificationRules.Check(School(), [Lead(Soa("OG1", SoaClass.II)), Member(Second, Soa("OG1", SoaClass.II))], Today);

        var og1 = q.Requirements[0];
        og1.Should().BeEquivalentTo(new { Kind = RequirementKind.Prevailing, Category = "OG1", Class = SoaClass.III, Required = 1_000_000m, Held = 1_238_400m, Status = RequirementStatus.Met });
        og1.By.Should().OnlyContain(c => c.Increased && c.Counts && c.Amount == 619_200m, "each class II reaches a fifth of the lot's 1.200.000");
        q.Requirements[1].Should().BeEquivalentTo(new { Kind = RequirementKind.Separable, Category = "OS30", Class = SoaClass.I, Required = 200_000m, Held = 0m, Status = RequirementStatus.Short });
        q.Failures.Should().Equal(
            FieldProblem.Of(QualificationRules.LeadNotLargest, ("category", "OG1")),
            FieldProblem.Of(QualificationRules.CategoryMissing, ("category", "OS30"), ("class", "I")));
        q.Qualifies.Should().BeFalse();
    }

    [Fact]
    public void A_vertical_grouping_qualifies_for_the_school_the_lead_with_OG1_class_III_and_a_member_with_OS30_class_I()
    {
        var q = QualificationRules.Check(School(), [Lead(Soa("OG1", SoaClass.III)), Member(Second, Soa("OS30", SoaClass.I))], Today);

        q.Qualifies.Should().BeTrue();
        q.Notes.Should().BeEmpty();
        q.Requirements.Select(r => (r.Category, r.Held, r.Status)).Should().Equal(
            ("OG1", 1_239_600m, RequirementStatus.Met), ("OS30", 309_600m, RequirementStatus.Met));
    }

    [Fact]
    public void Separable_work_nobody_holds_goes_to_a_subcontractor_when_the_lot_allows_it_and_the_prevailing_category_covers_its_amount_too()
    {
        var q = QualificationRules.Check(School(subcontractPercent: 30), [Lead(Soa("OG1", SoaClass.III))], Today);

        q.Qualifies.Should().BeTrue();
        q.Requirements[0].Required.Should().Be(1_200_000m, "the OS30 work is counted on OG1");
        q.Requirements[1].Status.Should().Be(RequirementStatus.Subcontract);
        q.Notes.Should().Equal(FieldProblem.Of(QualificationRules.SubcontractRequired, ("category", "OS30"), ("class", "I"), ("amount", new Money(200_000m, "EUR"))));
    }

    [Fact]
    public void Subcontracting_the_separable_work_fails_when_the_prevailing_category_cannot_carry_it()
    {
        var q = QualificationRules.Check(School(subcontractPercent: 30), [Lead(Soa("OG1", SoaClass.II)), Member(Second, Soa("OG1", SoaClass.I))], Today);

        // 619.200 + 309.600 reach the OG1 work alone, not the 1.200.000 it carries with OS30's; the lot's OG1 is still class III.
        q.Failures.Select(f => f.Code).Should().Equal(QualificationRules.CategoryShort.Code);
        q.Failures[0].Args.Should().Equal(new Dictionary<string, string> { ["category"] = "OG1", ["held"] = "928800 EUR", ["required"] = "1200000 EUR", ["class"] = "III" });
    }

    [Fact]
    public void A_separable_category_the_buyer_keeps_from_subcontracting_must_be_held_by_the_firms_even_when_the_lot_allows_subcontracting()
    {
        var lot = Works(new("OG1", 1_000_000m), 30, new CategoryAmount("OS30", 200_000m, MaySubcontract: false));

        var q = QualificationRules.Check(lot, [Lead(Soa("OG1", SoaClass.III))], Today);

        q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.CategoryMissing, ("category", "OS30"), ("class", "I")));
        q.Requirements[0].Required.Should().Be(1_000_000m, "nothing of OS30 is left to a subcontractor, so OG1 carries its own work only");
        q.Requirements[1].Status.Should().Be(RequirementStatus.Short);
        q.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Separable_work_beyond_the_share_the_buyer_allows_to_subcontract_fails()
    {
        var q = QualificationRules.Check(School(subcontractPercent: 10), [Lead(Soa("OG1", SoaClass.III))], Today);

        q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.SubcontractOverLimit, ("amount", new Money(200_000m, "EUR")), ("percent", 10)));
    }

    [Fact]
    public void The_lead_of_a_grouping_must_hold_the_prevailing_category()
    {
        var q = QualificationRules.Check(School(), [Lead(Soa("OS30", SoaClass.I)), Member(Second, Soa("OG1", SoaClass.III))], Today);

        q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.LeadLacksPrevailing, ("category", "OG1")));
    }

    [Fact]
    public void The_lead_s_class_without_the_one_fifth_increase_must_reach_40_percent_of_the_prevailing_category()
    {
        // OG1 3.000.000: the lead's class III (1.033.000, 1.239.600 increased) is under 40% (1.200.000) without the
        // increase; four members with class II (516.000, under a fifth of the lot, so not increased) bring the rest.
        var q = QualificationRules.Check(Works(new("OG1", 3_000_000m)),
            [Lead(Soa("OG1", SoaClass.III)), .. new[] { Second, Third, Fourth, Fifth }.Select(f => Member(f, Soa("OG1", SoaClass.II)))], Today);

        q.Requirements[0].Held.Should().Be(1_239_600m + 4 * 516_000m);
        q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.LeadBelowMinimum, ("category", "OG1"), ("percent", 40), ("required", new Money(3_000_000m, "EUR"))));
    }

    [Fact]
    public void A_member_below_10_percent_of_a_category_takes_no_part_in_it_and_is_not_summed()
    {
        var q = QualificationRules.Check(Works(new("OG1", 3_000_000m)), [Lead(Soa("OG1", SoaClass.IV)), Member(Second, Soa("OG1", SoaClass.I))], Today);

        q.Qualifies.Should().BeTrue();
        q.Requirements[0].By.Should().Equal(
            new Contribution(LeadFirm, SoaClass.IV, 3_098_400m, true, true, false),
            new Contribution(Second, SoaClass.I, 258_000m, false, false, false));
        q.Requirements[0].Held.Should().Be(3_098_400m);
    }

    [Fact]
    public void A_separable_category_held_only_below_10_percent_is_short_not_missing()
    {
        var lot = Works(new("OG1", 1_000_000m), null, new CategoryAmount("OS28", 3_000_000m));

        var q = QualificationRules.Check(lot, [Lead(Soa("OG1", SoaClass.III)), Member(Second, Soa("OS28", SoaClass.I))], Today);

        q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.CategoryShort,
            ("category", "OS28"), ("held", new Money(0m, "EUR")), ("required", new Money(3_000_000m, "EUR")), ("class", "IV-bis")));
    }

    [Theory]
    [InlineData(0, true)]   // valid through its last day
    [InlineData(-1, false)]
    public void An_attestation_counts_until_the_day_it_expires(int validDays, bool counts)
    {
        var q = QualificationRules.Check(Works(new("OG1", 500_000m)), [Lead(Soa("OG1", SoaClass.II, validDays))], Today);

        q.Qualifies.Should().Be(counts);
        q.Requirements[0].By.Single().Expired.Should().Be(!counts);
        if (!counts) q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.CategoryMissing, ("category", "OG1"), ("class", "II")));
    }

    [Fact]
    public void A_firm_s_best_valid_class_counts_an_expired_higher_one_does_not()
    {
        var q = QualificationRules.Check(Works(new("OG1", 500_000m)), [Lead(Soa("OG1", SoaClass.V, -10), Soa("OG1", SoaClass.II))], Today);

        q.Requirements[0].By.Single().Class.Should().Be(SoaClass.II);
    }

    [Theory]
    [InlineData(24_789_600, true)] // class VIII counts as 20.658.000, increased by one fifth
    [InlineData(24_789_601, false)]
    public void Class_VIII_counts_as_its_conventional_amount(int lotAmount, bool qualifies) =>
        QualificationRules.Check(Works(new("OG1", lotAmount)), [Lead(Soa("OG1", SoaClass.VIII))], Today).Qualifies.Should().Be(qualifies);

    [Fact]
    public void A_category_is_matched_however_a_person_typed_it() =>
        QualificationRules.Check(Works(new("OS2-A", 200_000m)), [Lead(Soa("os 2-a", SoaClass.I))], Today).Qualifies.Should().BeTrue();

    static GroupMember Figures(Guid firm, bool lead, decimal turnover, decimal similar) => new(firm, lead, [], new FinancialFigures(2025, turnover, similar));

    static LotRequirements Services(decimal? turnover, decimal? similar) => LotRequirements.None with { MinTurnover = turnover, MinSimilarWork = similar };

    [Theory]
    [InlineData(1_200_000, 1_000_000, new string[0])]
    [InlineData(900_000, 1_100_000, new[] { "qualification.leadNotLargestTurnover" })]
    [InlineData(1_000_000, 1_000_000, new[] { "qualification.leadNotLargestTurnover" })]
    [InlineData(1_000_000, 500_000, new[] { "qualification.turnoverShort" })]
    public void A_grouping_s_turnover_is_summed_with_the_lead_holding_the_largest_part(int lead, int member, string[] failures)
    {
        var q = QualificationRules.Check(Services(2_000_000m, null), [Figures(LeadFirm, true, lead, 0), Figures(Second, false, member, 0)], Today);

        Codes(q).Should().Equal(failures);
        q.Requirements.Single().Should().BeEquivalentTo(new { Kind = RequirementKind.Turnover, Required = 2_000_000m, Held = (decimal)(lead + member) });
    }

    [Fact]
    public void Similar_work_is_summed_like_turnover_and_firms_without_figures_bring_nothing()
    {
        var q = QualificationRules.Check(Services(1_000_000m, 400_000m),
            [Figures(LeadFirm, true, 800_000, 300_000), Figures(Second, false, 300_000, 50_000), Member(Third)], Today);

        q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.SimilarWorkShort, ("held", new Money(350_000m, "EUR")), ("required", new Money(400_000m, "EUR"))));
        q.Requirements.Select(r => r.By.Length).Should().Equal(2, 2);
    }

    [Fact]
    public void A_lot_without_requirements_asks_nothing() =>
        QualificationRules.Check(LotRequirements.None, [Lead()], Today).Should().BeEquivalentTo(new { Requirements = Array.Empty<RequirementCheck>(), Qualifies = true });
}
