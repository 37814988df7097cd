using Marketplace.JointBids;
using Marketplace.Qualifications;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Businesses.Acting;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.JointBids;

// A sign-off approves the firm's DGUE as it stood then: once the firm's DGUE changes, its sign-off no longer counts.
public sealed partial class JointBidStateTests
{
    static readonly FirmDgue PartnerDgue = new([.. DgueRules.Grounds.Select(g => new DgueAnswer(g.Code, false, null))], new DgueSelection([], false), Now, FirmOwner);

    static Dictionary<Guid, DgueNow> DguesOf(FirmDgue? lead, FirmDgue? partner) => new()
    {
        [Lead.Id] = new(JointBidDgues.Digest(Lead.Id, lead, FirmQualifications.None), "Lead S.r.l."),
        [Partner.Id] = new(JointBidDgues.Digest(Partner.Id, partner, FirmQualifications.None), "Partner S.r.l."),
    };

    [Fact]
    public void A_sign_off_records_the_firm_s_dgue_and_no_dgue_as_a_fixed_marker()
    {
        var bid = Ready();
        bid.DguesNow = DguesOf(null, PartnerDgue);

        SignAll(bid);

        bid.SignOffs.Select(s => s.Dgue).Should().Equal(JointBidDgues.None, JointBidDgues.Digest(Partner.Id, PartnerDgue, FirmQualifications.None));
        JointBidDgues.Digest(Partner.Id, PartnerDgue, FirmQualifications.None).Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void A_firm_whose_dgue_changed_after_signing_must_sign_again_and_is_named_to_the_lead()
    {
        var bid = Ready();
        bid.DguesNow = DguesOf(null, PartnerDgue);
        SignAll(bid);
        var confirmedAgain = PartnerDgue with { ConfirmedAt = Now.AddDays(1) };

        bid.DguesNow = DguesOf(null, confirmedAgain);

        bid.AwaitingSignature(Alliance).Should().Equal(Partner.Id);
        bid.CountingSignOffs().Select(s => s.FirmId).Should().Equal(Lead.Id);
        var blocker = bid.CheckSubmit(LeadPeople, Alliance, Tender, Open)!;
        blocker.Code.Should().Be(JointBidDgues.Changed.Code, "the firm is named before the count of firms yet to sign");
        blocker.Args.Should().Contain("firms", "Partner S.r.l.");
        CheckSign(bid, PartnerPeople, Partner.Id).Should().BeNull("its sign-off no longer counts, so it signs again");
        CheckSign(bid, LeadPeople, Lead.Id)!.Code.Should().Be(JointBidState.AlreadySigned.Code, "the lead's DGUE did not change");

        bid.Sign(new SignJointBid(PartnerPeople.UserId, Partner.Id, bid.Digest), Now.AddDays(1));

        bid.SignOffs.Should().HaveCount(2, "the new sign-off replaces the one the change voided");
        bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Should().BeEmpty();
    }

    [Fact]
    public void The_actor_is_refused_before_a_changed_dgue_is_told()
    {
        var bid = Ready();
        bid.DguesNow = DguesOf(null, PartnerDgue);
        SignAll(bid);
        bid.DguesNow = DguesOf(PartnerDgue, PartnerDgue);

        bid.CheckSubmit(PartnerPeople, Alliance, Tender, Open)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void Without_the_dgues_read_a_sign_off_counts_by_the_content_it_approved()
    {
        var bid = Ready();
        bid.DguesNow = DguesOf(null, PartnerDgue);
        SignAll(bid);

        bid.DguesNow = null;

        bid.AwaitingSignature(Alliance).Should().BeEmpty();
        bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Should().BeEmpty();
    }
}
