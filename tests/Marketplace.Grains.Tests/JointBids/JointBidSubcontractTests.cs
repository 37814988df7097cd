using Marketplace.JointBids;
using Marketplace.Qualifications;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;
using static Marketplace.Grains.Tests.Businesses.Acting;

namespace Marketplace.Grains.Tests.JointBids;

/// <summary>The subcontracting declarations in the joint bid: signed with the rest, versioned, audited by digest, sealed with the bid.</summary>
public sealed partial class JointBidStateTests
{
    /// <summary>The tender with lot 1 (OG1 with the separable OS24) letting 30% of it be subcontracted.</summary>
    static readonly TenderSnapshot Subcontractable = Tender with
    {
        Details = Tender.Details with
        {
            Lots = [Tender.Details.Lots[0] with { Requirements = new LotRequirements(new CategoryAmount("OG1", 100_000m), [new CategoryAmount("OS24", 20_000m)], null, null, 30, false) }, .. Tender.Details.Lots[1..]],
        },
    };

    static SaveJointSubcontracts SubcontractsOf(JointBidState bid, params BidSubcontract[] declared) => new(FirmOwner, bid.SubcontractsVersion, declared);

    static BidSubcontract Pruning(JointBidState bid, decimal percent) =>
        new(1, bid.WorkPackages.Single(w => w.Title == "Potature").Id, null, null, percent, Sub.Id, null);

    [Fact]
    public void Subcontracting_is_part_of_what_the_firms_sign_a_change_voids_the_sign_offs_and_the_history_keeps_a_digest_not_names()
    {
        var bid = Ready();
        var without = bid.Digest;
        var declared = SubcontractsOf(bid, Pruning(bid, 10m), new BidSubcontract(1, null, null, "OS 24", 5m, null, "Gialli Verde S.r.l."));
        bid.CheckSubcontracts(declared, Alliance, Subcontractable).Should().BeNull();
        bid.SaveSubcontracts(declared, Now);

        bid.Digest.Should().NotBe(without);
        bid.SignedContent().Should().EndWith("\"subcontracts\":[{\"lot\":1,\"packageId\":\"" + Pruning(bid, 0).PackageId + "\",\"category\":null,\"percent\":10,\"firmId\":\""
            + Sub.Id + "\",\"name\":null},{\"lot\":1,\"packageId\":null,\"category\":\"OS24\",\"percent\":5,\"firmId\":null,\"name\":\"Gialli Verde S.r.l.\"}]}");
        bid.History[^1].Kind.Should().Be("SubcontractsSaved");
        bid.History[^1].Detail.Should().StartWith("subcontracts=1;digest=").And.NotContain("Gialli");
        SignAll(bid);

        var signed = bid.Digest;
        bid.SaveSubcontracts(SubcontractsOf(bid, Pruning(bid, 12m)), Now.AddMinutes(1));

        bid.SignOffs.Should().BeEmpty();
        bid.Digest.Should().NotBe(signed);
        bid.SubcontractsVersion.Should().Be(2);
    }

    [Fact]
    public void A_bid_without_subcontracting_signs_the_very_content_it_signed_before_declarations_existed()
    {
        var bid = Ready();

        bid.SignedContent().Should().NotContain("subcontracts");
        bid.ToBid(FirmOwner, Alliance, Tender, Open).Subcontracts.Should().BeNull("the sealed bid keeps its old canonical JSON");
    }

    [Fact]
    public void A_stale_save_is_refused_a_wrong_one_stores_nothing_and_the_sealed_bid_names_each_package()
    {
        var bid = Ready();
        bid.SaveSubcontracts(SubcontractsOf(bid, Pruning(bid, 10m)), Now);
        var before = bid.Digest;

        bid.CheckSubcontracts(new SaveJointSubcontracts(FirmOwner, 0, [Pruning(bid, 10m)]), Alliance, Subcontractable)!
            .Should().Be(Problem.Conflict(SubcontractRules.Changed, ("version", 1)));
        bid.CheckSubcontracts(SubcontractsOf(bid, Pruning(bid, 40m)), Alliance, Subcontractable)!.Errors!.Keys.Should().Equal("subcontracts[0].percent");
        bid.CheckSubcontracts(SubcontractsOf(bid, Pruning(bid, 10m) with { FirmId = Partner.Id }), Alliance, Subcontractable)!.Errors!.Keys
            .Should().Equal(["subcontracts[0].firmId"], "the partner bids: it is no subcontractor");
        bid.CheckSubcontracts(SubcontractsOf(bid, Pruning(bid, 10m)), Alliance, Tender)!.Errors!.Keys
            .Should().Equal(["subcontracts[0].lot"], "a lot without a share that may be subcontracted takes none");
        bid.Digest.Should().Be(before);

        bid.ToBid(FirmOwner, Alliance, Subcontractable, Open).Subcontracts.Should().ContainSingle().Which.PackageTitle.Should().Be("Potature");
    }

    [Fact]
    public void Declarations_the_tender_no_longer_allows_block_the_submission()
    {
        var bid = Ready();
        bid.SaveSubcontracts(SubcontractsOf(bid, Pruning(bid, 10m)), Now);
        SignAll(bid);

        bid.SubmitBlockers(LeadPeople, Alliance, Subcontractable, Open).Select(p => p.Code).Should().NotContain("subcontract.stale");
        bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Select(p => p.Code)
            .Should().Contain("subcontract.stale", "an amendment took away the share that may be subcontracted");
    }
}
