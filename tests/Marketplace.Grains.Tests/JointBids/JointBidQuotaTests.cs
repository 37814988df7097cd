using Marketplace.JointBids;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;
using static Marketplace.Grains.Tests.Businesses.Acting;

namespace Marketplace.Grains.Tests.JointBids;

/// <summary>The quotas in the joint bid: signed with the rest, versioned, sealed with the bid.</summary>
public sealed partial class JointBidStateTests
{
    static SaveJointQuotas QuotasOf(JointBidState bid, params BidQuota[] quotas) => new(FirmOwner, bid.QuotasVersion, quotas);

    static readonly BidQuota[] SixtyForty = [new(1, Lead.Id, 60m, 60m), new(1, Partner.Id, 40m, 40m), new(2, Lead.Id, 55m, 55m), new(2, Partner.Id, 45m, 45m)];

    [Fact]
    public void Quotas_are_part_of_what_the_firms_sign_a_change_voids_the_sign_offs()
    {
        var bid = Ready();
        var withoutQuotas = bid.Digest;
        bid.CheckQuotas(QuotasOf(bid, SixtyForty), Alliance, Tender).Should().BeNull();
        bid.SaveQuotas(QuotasOf(bid, SixtyForty), Now);
        bid.Digest.Should().NotBe(withoutQuotas);
        bid.SignedContent().Should().Contain("\"quotas\":[{\"lot\":1,");
        SignAll(bid);

        BidQuota[] changed = [new(1, Lead.Id, 61m, 61m), new(1, Partner.Id, 39m, 39m), .. SixtyForty[2..]];
        var signed = bid.Digest;
        bid.SaveQuotas(QuotasOf(bid, changed), Now.AddMinutes(1));

        bid.SignOffs.Should().BeEmpty();
        bid.Digest.Should().NotBe(signed);
        bid.History[^1].Kind.Should().Be("QuotasSaved");
        bid.QuotasVersion.Should().Be(2);
    }

    [Fact]
    public void A_bid_without_quotas_signs_the_very_content_it_signed_before_quotas_existed()
    {
        var bid = Ready();

        bid.SignedContent().Should().NotContain("quotas");
    }

    [Fact]
    public void A_save_from_an_older_version_is_refused_and_a_wrong_one_stores_nothing()
    {
        var bid = Ready();
        bid.SaveQuotas(QuotasOf(bid, SixtyForty), Now);
        var before = bid.Digest;

        bid.CheckQuotas(new SaveJointQuotas(FirmOwner, 0, SixtyForty), Alliance, Tender)!.Should()
            .Be(Problem.Conflict(QuotaRules.Changed, ("version", 1)));
        var wrong = bid.CheckQuotas(QuotasOf(bid, new BidQuota(1, Lead.Id, 40m, 40m), new BidQuota(1, Partner.Id, 60m, 60m)), Alliance, Tender)!;
        wrong.Errors!.Keys.Should().Equal("quotas[0].participation");
        bid.CheckQuotas(QuotasOf(bid, new BidQuota(1, Sub.Id, 100m, 100m)), Alliance, Tender)!.Errors!.Keys
            .Should().Contain("quotas[0].firmId", "a subcontractor does not bid, so it declares no quota");
        bid.Digest.Should().Be(before);
    }

    [Fact]
    public void The_quotas_go_sealed_into_the_bid_and_a_departed_firms_quota_blocks_the_submission()
    {
        var bid = Ready();
        bid.SaveQuotas(QuotasOf(bid, SixtyForty), Now);

        bid.ToBid(FirmOwner, Alliance, Tender, Now).Quotas.Should().Equal(SixtyForty);
        var sealedBid = BidState.Seal(bid.ToBid(FirmOwner, Alliance, Tender, Now), Tender, Alliance.Id, 1).Value!;
        sealedBid.Quotas.Should().Equal(SixtyForty);
        BidSeal.Digest(sealedBid with { Quotas = [new(1, Lead.Id, 59m, 59m), .. SixtyForty[1..]] }).Should().NotBe(BidSeal.Digest(sealedBid));
        System.Text.Json.JsonSerializer.Serialize(sealedBid with { Quotas = null }, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
            .Should().NotContain("quotas", "a bid without quotas hashes as before they existed");

        // A firm removed from the alliance after the quotas were saved: its quota must go first, as its work packages.
        bid.Quotas.Add(new BidQuota(2, Former.Id, 1m, 1m));
        bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Select(p => p.Code).Should().Contain("jointBid.departedFirm");
    }
}
