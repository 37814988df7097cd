using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.JointBids;

/// <summary>The reliances (avvalimento) in the joint bid beyond their declaration: sealed with the bid.</summary>
public sealed partial class JointBidStateTests
{
    static readonly Guid Auxiliary = Guid.NewGuid();

    static Lending Os24Lent() => new(1, Auxiliary, Partner.Id, RequirementKind.Separable, "OS24", SoaClass.I, null);

    [Fact]
    public void A_bid_without_reliances_seals_the_very_content_it_sealed_before_reliances_were_sealed()
    {
        var bid = Ready();
        var command = bid.ToBid(FirmOwner, Alliance, Tender, Open);

        command.Reliances.Should().BeNull();
        var seal = BidState.Seal(command, Tender, Alliance.Id, 1).Value!;
        System.Text.Json.JsonSerializer.Serialize(seal, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
            .Should().NotContain("reliances", "the receipts of bids sealed before keep matching");
    }

    [Fact]
    public void The_reliances_the_firms_signed_are_sealed_with_the_bid_and_its_receipt_digest_covers_them()
    {
        var bid = Ready();
        bid.Reliances = [Os24Lent()];

        var seal = BidState.Seal(bid.ToBid(FirmOwner, Alliance, Tender, Open), Tender, Alliance.Id, 1).Value!;

        seal.Reliances.Should().Equal(new BidReliance(1, Auxiliary, Partner.Id, RequirementKind.Separable, "OS24", SoaClass.I, null));
        BidSeal.Digest(seal).Should().NotBe(BidSeal.Digest(seal with { Reliances = null }));
    }

    [Fact]
    public void A_reliance_for_a_firm_that_does_not_bid_or_a_lot_the_tender_lacks_is_not_sealed()
    {
        var bid = Ready();
        bid.Reliances = [Os24Lent() with { RelyingFirmId = Sub.Id }, Os24Lent() with { Lot = 9 }];

        var refused = BidState.Seal(bid.ToBid(FirmOwner, Alliance, Tender, Open), Tender, Alliance.Id, 1);

        refused.Problem!.Errors!.Keys.Should().BeEquivalentTo("reliances[0].relyingFirmId", "reliances[1].lot");
    }
}
