using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Alliances;

public sealed class CoverageTests
{
    const int Class = 4;

    static readonly Guid Gardener = Guid.NewGuid(), Landscaper = Guid.NewGuid(), Builder = Guid.NewGuid();

    /// <summary>The sample tender with one lot per list of codes, numbered from 1.</summary>
    static TenderDetails Tender(params string[][] lots) =>
        Details() with { Lots = [.. lots.Select((codes, i) => new Lot(i + 1, $"Lotto {i + 1}", null, codes, null, null))] };

    static LotCoverage[] Of(TenderDetails tender, params (Guid Firm, string[] Capabilities)[] firms) =>
        Coverage.Of(tender, firms.ToDictionary(f => f.Firm, f => f.Capabilities), Class);

    [Theory]
    [InlineData("77313000", "77313000-7", Class, true)]  // the same code, the lot's written with its check digit
    [InlineData("77311000", "77313000-7", Class, true)]  // another code of the same class, 7731
    [InlineData("77313100", "77313000-7", Class, true)]  // a finer code of the same class
    [InlineData("77311000", "77313000-7", 5, false)]     // matched on five digits, 77311 is not 77313
    [InlineData("77310000", "77313000-7", 5, true)]      // ... but the class 77310000 is above 77313000
    [InlineData("77300000", "77313000-7", Class, true)]  // the group above
    [InlineData("77000000", "77313000-7", Class, true)]  // the division above
    [InlineData("77320000", "77313000-7", Class, false)] // a sibling class
    [InlineData("45000000", "77313000-7", Class, false)] // another division
    [InlineData("77313000", "77000000-0", Class, false)] // a narrow capability does not cover a lot asking for the whole division
    [InlineData("77313100", "77313000-7", 8, false)]     // on all eight digits only the code itself and those above it cover it
    public void A_capability_covers_a_lot_code_of_its_class_or_below_it(string capability, string code, int digits, bool covered)
    {
        var lots = Coverage.Of(Tender([code]), new Dictionary<Guid, string[]> { [Gardener] = [capability] }, digits);

        lots.Single().Codes.Single().CoveredBy.Should().Equal(covered ? [Gardener] : []);
    }

    [Fact]
    public void The_matrix_follows_the_tender_s_lots_and_codes_in_order_naming_every_firm_that_covers_a_code()
    {
        var tender = Tender(["77313000-7", "45112710-5"], ["77211400-6"]);

        var lots = Of(tender, (Gardener, ["77310000"]), (Builder, ["45112000"]), (Landscaper, ["77000000", "45000000"]));

        lots.Select(l => (l.Lot, l.Title)).Should().Equal((1, "Lotto 1"), (2, "Lotto 2"));
        lots[0].Codes.Should().BeEquivalentTo(
            [new CodeCoverage("77313000-7", [Gardener, Landscaper]), new CodeCoverage("45112710-5", [Builder, Landscaper])],
            o => o.WithStrictOrdering());
        lots[1].Codes.Should().BeEquivalentTo([new CodeCoverage("77211400-6", [Landscaper])], o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_lot_is_covered_only_when_every_one_of_its_codes_is()
    {
        var tender = Tender(["77313000-7", "45112710-5"], ["77313000-7"]);

        var lots = Of(tender, (Gardener, ["77313000"]));

        lots.Select(l => l.Covered).Should().Equal(false, true);
        lots[0].Codes.Select(c => c.CoveredBy.Length).Should().Equal(1, 0);
    }

    [Fact]
    public void The_codes_nobody_covers_are_the_gaps_each_listed_once_in_the_order_of_the_lots()
    {
        var tender = Tender(["45112710-5", "77313000-7"], ["77211400-6", "45112710-5"], ["77313000-7"]);

        var gaps = Coverage.Gaps(Of(tender, (Gardener, ["77313000"])));

        gaps.Should().Equal("45112710-5", "77211400-6");
    }

    [Fact]
    public void With_every_code_covered_there_are_no_gaps() =>
        Coverage.Gaps(Of(Tender(["77313000-7"], ["77211400-6"]), (Landscaper, ["77000000"]))).Should().BeEmpty();

    [Fact]
    public void Firms_without_capabilities_leave_every_code_a_gap()
    {
        var tender = Tender(["77313000-7"], ["45112710-5"]);

        var lots = Of(tender, (Gardener, []));

        lots.Should().OnlyContain(l => !l.Covered);
        Coverage.Gaps(lots).Should().Equal("77313000-7", "45112710-5");
        Coverage.Gaps(Of(tender)).Should().Equal("77313000-7", "45112710-5");
    }

    [Fact]
    public void Only_the_capabilities_of_the_alliance_s_active_firms_count_subcontractors_included()
    {
        var invited = Business(BusinessKind.Firm, Guid.NewGuid());
        var removed = Business(BusinessKind.Firm, Guid.NewGuid());
        var state = WithPartners().Invited(invited).Joined(removed, AllianceRole.Member);
        state.Remove(new RemoveFromAlliance(FirmOwner, removed.Id, "Non partecipa"), Now);
        var alliance = state.ToSnapshot();
        var directory = new[] { Lead, Partner, Sub, invited, removed }.ToDictionary(f => f.Id, _ => new[] { "77313000" });

        // As the alliance's workspace asks: the capabilities of its active firms.
        var capabilities = alliance.Active.ToDictionary(m => m.FirmId, m => directory[m.FirmId]);
        var lots = Coverage.Of(Tender(["77313000-7"]), capabilities, Class);

        lots.Single().Codes.Single().CoveredBy.Should().BeEquivalentTo([Lead.Id, Partner.Id, Sub.Id]);
    }
}
