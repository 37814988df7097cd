using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.Grains.Tests.JointBids;

/// <summary>
/// Which reliances (avvalimento) a joint bid may declare: an auxiliary of the space, outside the bidding firms, lends
/// what it holds valid today, for a lot that allows it; the lead declares for any bidding firm, a member for itself.
/// </summary>
public sealed class RelianceRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 6);
    static readonly Guid Lead = Guid.NewGuid(), Member = Guid.NewGuid(), Auxiliary = Guid.NewGuid();

    static Lot School(bool avvalimento) => new(1, "Scuola", null, ["45214200"], null, null, LotRequirements.None with
    {
        Prevailing = new("OG1", 1_000_000m), Separable = [new CategoryAmount("OS30", 200_000m)], AvvalimentoAllowed = avvalimento,
    });

    static AuxiliaryFirm Electrician(int validDays = 365, bool spaceFirm = true) =>
        new(Auxiliary, spaceFirm, new FirmQualifications([new SoaAttestation("OS30", SoaClass.II, Today.AddDays(validDays), "SOA Centro", null)],
            new FinancialFigures(2025, 500_000m, 100_000m)));

    static Lending Os30(SoaClass lent = SoaClass.I, Guid? to = null) => new(1, Auxiliary, to ?? Member, RequirementKind.Separable, "os30", lent, null);

    static Dictionary<string, string[]>? Codes(Lending r, bool avvalimento = true, AuxiliaryFirm? auxiliary = null, Guid[]? editsFor = null, bool lead = true) =>
        RelianceRules.Check([r], [School(avvalimento)], [Lead, Member], editsFor ?? [Lead], lead,
            new Dictionary<Guid, AuxiliaryFirm> { [Auxiliary] = auxiliary ?? Electrician() }, Today)
        ?.ToDictionary(e => e.Key, e => e.Value.Select(p => p.Code).ToArray());

    [Fact]
    public void An_auxiliary_of_the_space_lends_a_class_up_to_its_own_valid_one_on_a_lot_that_allows_it() =>
        Codes(Os30(SoaClass.II)).Should().BeNull();

    [Theory]
    [InlineData(false, 365, true, SoaClass.I, "reliances[0].lot", "avvalimento.notAllowed")]
    [InlineData(true, 365, true, SoaClass.III, "reliances[0].class", "avvalimento.categoryNotHeld")]
    [InlineData(true, -1, true, SoaClass.I, "reliances[0].class", "avvalimento.categoryNotHeld")]
    [InlineData(true, 365, false, SoaClass.I, "reliances[0].auxiliaryId", "avvalimento.auxiliaryNotInSpace")]
    public void A_reliance_is_refused_on_the_field_that_is_wrong(bool allowed, int validDays, bool spaceFirm, SoaClass lent, string field, string code) =>
        Codes(Os30(lent), allowed, Electrician(validDays, spaceFirm)).Should().BeEquivalentTo(new Dictionary<string, string[]> { [field] = [code] });

    [Fact]
    public void A_member_declares_what_is_lent_to_itself_and_not_to_the_lead()
    {
        Codes(Os30(to: Member), editsFor: [Member], lead: false).Should().BeNull();
        Codes(Os30(to: Lead), editsFor: [Member], lead: false).Should().BeEquivalentTo(
            new Dictionary<string, string[]> { ["reliances[0].relyingFirmId"] = ["avvalimento.ownFirmsOnly"] });
    }

    [Fact]
    public void A_bidding_firm_is_no_auxiliary_of_its_own_bid()
    {
        var errors = RelianceRules.Check([Os30() with { AuxiliaryId = Lead }], [School(true)], [Lead, Member], [Lead], true, new Dictionary<Guid, AuxiliaryFirm>(), Today);

        errors!.Keys.Should().Contain("reliances[0].auxiliaryId");
        errors["reliances[0].auxiliaryId"].Single().Code.Should().Be("avvalimento.auxiliaryBids");
    }

    [Fact]
    public void Turnover_is_lent_up_to_what_the_auxiliary_has()
    {
        var turnover = new Lending(1, Auxiliary, Member, RequirementKind.Turnover, null, null, 500_000m);

        Codes(turnover).Should().BeNull();
        Codes(turnover with { Amount = 500_000.01m }).Should().BeEquivalentTo(new Dictionary<string, string[]> { ["reliances[0].amount"] = ["avvalimento.figureNotHeld"] });
    }
}
