using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.Grains.Tests.JointBids;

/// <summary>
/// The subcontracting rules as fact tables: a school lot (OG1 with OS30, which may be subcontracted, and OS28, which
/// may not; at most 30% of the lot subcontracted), a lot that allows none, and what a grouping declares.
/// </summary>
public sealed class SubcontractRulesTests
{
    static readonly Guid Installer = Guid.NewGuid(), Member = Guid.NewGuid(), Package1 = Guid.NewGuid(), Package2 = Guid.NewGuid();

    static readonly Lot[] Lots =
    [
        new(1, "Scuola", null, ["45214200"], null, null, new LotRequirements(new CategoryAmount("OG1", 850_000m),
            [new CategoryAmount("OS30", 200_000m), new CategoryAmount("OS28", 50_000m, MaySubcontract: false)], null, null, 30, false)),
        new(2, "Rete", null, ["45310000"], null, null),
    ];

    static readonly WorkPackage[] Packages =
    [
        new(Package1, "Impianti", 1, null, Member, new Money(300_000m, "EUR"), 1),
        new(Package2, "Cablaggio", 2, null, Member, new Money(50_000m, "EUR"), 1),
    ];

    static Dictionary<string, FieldProblem[]>? Check(params BidSubcontract[] declared) => SubcontractRules.Check(declared, Lots, Packages, [Installer]);

    static BidSubcontract Category(string category, decimal percent, int lot = 1, Guid? firm = null, string? name = null) => new(lot, null, null, category, percent, firm, name);

    static BidSubcontract Package(Guid package, decimal percent, int lot = 1) => new(lot, package, null, null, percent, null, null);

    [Theory]
    [InlineData(30)]
    [InlineData(0.01)]
    [InlineData(12.5)]
    public void A_share_within_the_buyers_limit_of_a_category_that_may_be_subcontracted_is_right(decimal percent)
    {
        Check(Category("OS30", percent, firm: Installer)).Should().BeNull();
        Check(Category("os 30", percent, name: "Gialli Impianti S.r.l.")).Should().BeNull("a category as typed, a subcontractor named in words");
        Check(Category("OG1", percent)).Should().BeNull("the prevailing category too, subcontractor to be named");
    }

    [Theory]
    [InlineData(30.01, "30.01")]
    [InlineData(40, "40")]
    public void A_lot_over_the_buyers_limit_is_refused_saying_the_limit(decimal percent, string sum)
    {
        Check(Category("OS30", percent))!["subcontracts[0].percent"].Single()
            .Should().Be(FieldProblem.Of(SubcontractRules.OverLimit, ("lot", 1), ("sum", decimal.Parse(sum, System.Globalization.CultureInfo.InvariantCulture)), ("max", 30)));
    }

    [Fact]
    public void The_shares_of_a_lot_add_up_and_the_sentence_goes_on_the_row_that_goes_over()
    {
        Check(Category("OS30", 20m), Package(Package1, 10m)).Should().BeNull("20 + 10 is the limit itself");
        var errors = Check(Category("OS30", 20m), Package(Package1, 15m))!;
        errors.Keys.Should().Equal("subcontracts[1].percent");
        errors["subcontracts[1].percent"].Single().Code.Should().Be("subcontract.overLimit");
    }

    [Fact]
    public void A_lot_that_allows_none_a_category_the_buyer_keeps_and_one_the_lot_does_not_ask_for_are_refused()
    {
        Check(Package(Package2, 5m, lot: 2))!["subcontracts[0].lot"].Single().Should().Be(FieldProblem.Of(SubcontractRules.NotAllowed, ("lot", 2)));
        Check(Category("OS28", 5m))!["subcontracts[0].category"].Single().Should().Be(FieldProblem.Of(SubcontractRules.CategoryForbidden, ("lot", 1), ("category", "OS28")));
        Check(Category("OS1", 5m))!["subcontracts[0].category"].Single().Code.Should().Be("subcontract.noSuchCategory");
        Check(Category("XX9", 5m))!["subcontracts[0].category"].Single().Code.Should().Be("subcontract.noSuchCategory");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    [InlineData(10.005)]
    public void A_share_outside_0_to_100_or_with_three_decimals_is_refused(decimal percent) =>
        Check(Category("OS30", percent))!["subcontracts[0].percent"].Single().Code.Should().Be("subcontract.percent");

    [Fact]
    public void Unknown_lots_packages_and_firms_the_same_work_twice_and_a_declaration_of_no_work_or_two_are_refused()
    {
        Check(Category("OS30", 5m, lot: 9))!.Keys.Should().Equal("subcontracts[0].lot");
        Check(Package(Guid.NewGuid(), 5m))!.Keys.Should().Equal("subcontracts[0].packageId");
        Check(Package(Package2, 5m))!.Keys.Should().Equal(["subcontracts[0].packageId"], "lot 2's package is no work of lot 1");
        Check(Category("OS30", 5m, firm: Member))!.Keys.Should().Equal(["subcontracts[0].firmId"], "a member bids: it is no subcontractor");
        Check(Category("OS30", 5m, firm: Installer, name: "Gialli"))!.Keys.Should().Equal("subcontracts[0].name");
        Check(Category("OS30", 5m), Category("OS30", 5m))!["subcontracts[1].category"].Single().Should().Be(FieldProblem.Of(SubcontractRules.Twice, ("lot", 1)));
        Check(Package(Package1, 5m), Package(Package1, 5m))!.Keys.Should().Equal("subcontracts[1].packageId");
        Check(new BidSubcontract(1, null, null, null, 5m, null, null))!.Keys.Should().Equal("subcontracts[0].work");
        Check(new BidSubcontract(1, Package1, null, "OS30", 5m, null, null))!.Keys.Should().Equal("subcontracts[0].work");
    }

    /// <summary>The qualification view's "Subcontract" and the declarations agree by one rule.</summary>
    [Fact]
    public void A_category_the_qualification_rules_leave_to_a_subcontractor_is_warned_until_a_declaration_names_it()
    {
        var expires = new DateOnly(2030, 1, 1);
        var lead = new GroupMember(Guid.NewGuid(), true, [new SoaAttestation("OG1", SoaClass.IV, expires, "SOA Nord", null), new SoaAttestation("OS28", SoaClass.I, expires, "SOA Nord", null)], null);
        var judged = QualificationRules.Check(Lots[0].Requirements!, [lead], new DateOnly(2026, 12, 6));
        judged.Requirements.Single(r => r.Category == "OS30").Status.Should().Be(RequirementStatus.Subcontract);

        SubcontractRules.Undeclared(1, judged, []).Should().Equal(FieldProblem.Of(SubcontractRules.NotDeclared, ("lot", 1), ("category", "OS30")));
        SubcontractRules.Undeclared(1, judged, [Package(Package1, 10m)]).Should().ContainSingle("a work package does not say its category");
        SubcontractRules.Undeclared(1, judged, [Category("OS30", 10m, lot: 2)]).Should().ContainSingle("a declaration of another lot covers nothing here");
        SubcontractRules.Undeclared(1, judged, [Category("OS30", 10m)]).Should().BeEmpty();
    }
}
