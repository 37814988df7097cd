using Marketplace.Qualifications;

namespace Marketplace.Grains.Tests.Qualifications;

/// <summary>
/// Which firm completes what an alliance lacks, judged by the qualification rules with the firm in the group: the
/// school lot (prevailing OG1 850.000 €, class III; separable OS30 200.000 €, class I, not to be subcontracted) and a
/// lead holding OG1 class III.
/// </summary>
public sealed class RequirementCompletionsTests
{
    static readonly DateOnly Today = new(2026, 12, 6);
    static readonly Guid LeadFirm = Guid.NewGuid(), Candidate = Guid.NewGuid();
    static readonly LotRequirements School = LotRequirements.None with
    {
        Prevailing = new("OG1", 850_000m), Separable = [new CategoryAmount("OS30", 200_000m)],
    };
    static readonly GroupMember[] Alliance = [new(LeadFirm, true, [Soa("OG1", SoaClass.III, 365)], null)];

    static SoaAttestation Soa(string category, SoaClass soaClass, int validDays) => new(category, soaClass, Today.AddDays(validDays), "SOA Esempio S.p.A.", null);

    static RequirementCompletion[] Of(params SoaAttestation[] held) =>
        RequirementCompletions.Of(1, School, QualificationRules.Check(School, Alliance, Today), Alliance, new GroupMember(Candidate, false, held, null), Today);

    [Fact]
    public void A_valid_OS30_class_I_completes_the_separable_category_and_the_lot_qualifies() =>
        Of(Soa("OS30", SoaClass.I, 0)).Should().Equal(new RequirementCompletion(1, RequirementKind.Separable, "OS30", SoaClass.I, LotQualifies: true));

    [Fact]
    public void An_attestation_whose_last_day_was_yesterday_completes_nothing() =>
        Of(Soa("OS30", SoaClass.II, -1)).Should().BeEmpty();

    [Fact]
    public void A_firm_whose_OG1_would_outrank_the_lead_s_is_not_offered_though_it_holds_OS30() =>
        // With it OS30 is met, but the lead no longer holds the prevailing category in the largest measure (DPR 207/2010, art. 92).
        Of(Soa("OS30", SoaClass.I, 365), Soa("OG1", SoaClass.IV, 365)).Should().BeEmpty();

    [Fact]
    public void Nothing_is_completed_in_a_lot_the_group_qualifies_for()
    {
        GroupMember[] qualified = [.. Alliance, new(Guid.NewGuid(), false, [Soa("OS30", SoaClass.I, 365)], null)];
        RequirementCompletions.Of(1, School, QualificationRules.Check(School, qualified, Today), qualified, new GroupMember(Candidate, false, [Soa("OS30", SoaClass.II, 365)], null), Today)
            .Should().BeEmpty();
    }

    [Fact]
    public void With_OS30_lent_by_an_auxiliary_a_firm_holding_the_missing_OS28_completes_the_lot()
    {
        // The lot also asks OS28; the lead relies on an auxiliary for OS30 (avvalimento) and lacks only OS28.
        var lot = School with { Separable = [.. School.Separable, new CategoryAmount("OS28", 200_000m)] };
        LentRequirement[] lent = [new(new Lending(1, Guid.NewGuid(), LeadFirm, RequirementKind.Separable, "OS30", SoaClass.I, null), new FirmQualifications([Soa("OS30", SoaClass.II, 365)], null))];
        var now = QualificationRules.Check(lot, Alliance, Today, lent);

        // Judged without the lent OS30 the group would fail it again with the firm, and the firm would not be offered.
        RequirementCompletions.Of(1, lot, now, Alliance, new GroupMember(Candidate, false, [Soa("OS28", SoaClass.I, 365)], null), Today, lent)
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = RequirementKind.Separable, Category = "OS28", Class = SoaClass.I });
    }
}
