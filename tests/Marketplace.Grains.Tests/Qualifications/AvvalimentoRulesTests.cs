using Marketplace.Qualifications;

namespace Marketplace.Grains.Tests.Qualifications;

/// <summary>
/// Avvalimento in the qualification rules, as fact tables: an auxiliary firm outside the group lends a member a
/// category up to a class, or an amount of its turnover, for one lot. Amounts in euros; "today" is a fixed day.
/// </summary>
public sealed class AvvalimentoRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 6);
    static readonly Guid LeadFirm = Guid.NewGuid(), Member = Guid.NewGuid(), Auxiliary = Guid.NewGuid();

    static SoaAttestation Soa(string category, SoaClass soaClass, int validDays = 365) =>
        new(category, soaClass, Today.AddDays(validDays), "SOA Esempio S.p.A.", null);

    /// <summary>The school: prevailing OG1 class III, separable OS30 class I that may not be subcontracted.</summary>
    static LotRequirements School(bool avvalimento) => LotRequirements.None with
    {
        Prevailing = new("OG1", 1_000_000m),
        Separable = [new CategoryAmount("OS30", 200_000m, MaySubcontract: false)],
        AvvalimentoAllowed = avvalimento,
    };

    static readonly GroupMember[] Group =
        [new(LeadFirm, true, [Soa("OG1", SoaClass.III)], null), new(Member, false, [Soa("OG2", SoaClass.I)], null)];

    static LentRequirement Lends(string category, SoaClass lent, params SoaAttestation[] auxiliaryHolds) =>
        new(new Lending(1, Auxiliary, Member, RequirementKind.Separable, category, lent, null), new FirmQualifications(auxiliaryHolds, null));

    [Fact]
    public void An_auxiliary_lending_OS30_class_I_to_a_member_completes_the_school_s_separable_category()
    {
        var q = QualificationRules.Check(School(avvalimento: true), Group, Today, [Lends("OS30", SoaClass.I, Soa("OS30", SoaClass.II))]);

        q.Qualifies.Should().BeTrue();
        q.Notes.Should().BeEmpty();
        q.Requirements[1].Status.Should().Be(RequirementStatus.Met);
        // Class I lent out of the auxiliary's class II: it counts as class I, increased since it reaches a fifth of 1.200.000.
        q.Requirements[1].By.Should().Equal(new Contribution(Member, SoaClass.I, 309_600m, true, true, false, Auxiliary));
    }

    [Fact]
    public void Without_the_lending_the_same_group_misses_OS30()
    {
        var q = QualificationRules.Check(School(avvalimento: true), Group, Today);

        q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.CategoryMissing, ("category", "OS30"), ("class", "I")));
    }

    [Fact]
    public void A_lending_on_a_lot_that_forbids_avvalimento_does_not_count_and_the_firms_are_told_why()
    {
        var q = QualificationRules.Check(School(avvalimento: false), Group, Today, [Lends("OS30", SoaClass.I, Soa("OS30", SoaClass.I))]);

        q.Qualifies.Should().BeFalse();
        q.Requirements[1].By.Should().BeEmpty();
        q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.CategoryMissing, ("category", "OS30"), ("class", "I")));
        q.Notes.Should().Equal(FieldProblem.Of(QualificationRules.AvvalimentoNotAllowed));
    }

    [Fact]
    public void A_lent_attestation_that_has_expired_does_not_count_and_is_listed_as_expired()
    {
        var q = QualificationRules.Check(School(avvalimento: true), Group, Today, [Lends("OS30", SoaClass.I, Soa("OS30", SoaClass.I, validDays: -1))]);

        q.Qualifies.Should().BeFalse();
        q.Requirements[1].By.Should().Equal(new Contribution(Member, SoaClass.I, 0, false, false, true, Auxiliary));
        q.Failures.Should().Equal(FieldProblem.Of(QualificationRules.CategoryMissing, ("category", "OS30"), ("class", "I")));
    }

    [Fact]
    public void A_lending_counts_no_higher_than_the_class_the_auxiliary_holds_now()
    {
        // Class III declared; the auxiliary's page now says class I: it counts as class I.
        var q = QualificationRules.Check(School(avvalimento: true), Group, Today, [Lends("OS30", SoaClass.III, Soa("OS30", SoaClass.I))]);

        q.Requirements[1].By.Single().Class.Should().Be(SoaClass.I);
    }

    [Fact]
    public void A_lending_in_another_category_than_the_auxiliary_holds_counts_for_nothing()
    {
        var q = QualificationRules.Check(School(avvalimento: true), Group, Today, [Lends("OS30", SoaClass.I, Soa("OS28", SoaClass.IV))]);

        q.Requirements[1].By.Should().BeEmpty();
        q.Qualifies.Should().BeFalse();
    }

    [Fact]
    public void The_member_brings_its_own_class_when_it_is_higher_than_the_one_lent()
    {
        GroupMember[] group = [Group[0], new(Member, false, [Soa("OS30", SoaClass.II)], null)];

        var q = QualificationRules.Check(School(avvalimento: true), group, Today, [Lends("OS30", SoaClass.I, Soa("OS30", SoaClass.I))]);

        q.Requirements[1].By.Should().Equal(new Contribution(Member, SoaClass.II, 619_200m, true, true, false));
    }

    [Fact]
    public void Turnover_lent_to_a_member_is_summed_for_it_up_to_what_the_auxiliary_has()
    {
        var lot = LotRequirements.None with { MinTurnover = 2_000_000m, AvvalimentoAllowed = true };
        GroupMember[] group = [new(LeadFirm, true, [], new(2025, 1_200_000m, 0)), new(Member, false, [], new(2025, 300_000m, 0))];
        var lent = new LentRequirement(new Lending(1, Auxiliary, Member, RequirementKind.Turnover, null, null, 900_000m),
            new FirmQualifications([], new FinancialFigures(2025, 600_000m, 0)));

        var q = QualificationRules.Check(lot, group, Today, [lent]);

        // 900.000 declared but the auxiliary's turnover is 600.000: 1.200.000 + 300.000 + 600.000 = 2.100.000.
        q.Requirements.Single().Held.Should().Be(2_100_000m);
        q.Requirements.Single().By.Should().Contain(new Contribution(Member, null, 600_000m, false, true, false, Auxiliary));
        q.Qualifies.Should().BeTrue("the member's 900.000 with the lent turnover stays below the lead's 1.200.000");
    }
}
