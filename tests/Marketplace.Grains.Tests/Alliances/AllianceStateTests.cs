using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;
using static Marketplace.Grains.Tests.Businesses.Acting;

namespace Marketplace.Grains.Tests.Alliances;

public sealed class AllianceStateTests
{
    [Fact]
    public void The_creator_s_firm_leads_and_has_accepted_the_first_agreement()
    {
        var snapshot = Formed().ToSnapshot();

        snapshot.LeadId.Should().Be(Lead.Id);
        snapshot.Members.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Role = AllianceRole.Lead, Standing = AllianceStanding.Active, AcceptedAgreement = 1 });
    }

    [Fact]
    public void Forming_needs_the_lead_s_editor_a_member_of_the_space_and_a_tender_taking_bids_the_lead_bids_for_in_no_other_alliance()
    {
        new AllianceState().CheckForm(Form() with { ActorId = RivalOwner }, As(RivalOwner, Lead), In(Lead), null, false)!.Kind.Should().Be(ProblemKind.Forbidden);
        new AllianceState().CheckForm(Form(), As(FirmOwner, Lead), Outside(Lead), null, false).Should()
            .BeEquivalentTo(new { Kind = ProblemKind.Conflict, AllianceState.LeadNotInSpace.Code }, "the firm's own standing, which its people see");
        new AllianceState().CheckForm(Form(Guid.NewGuid()), As(FirmOwner, Lead), In(Lead), null, false)!.Errors!.Keys.Should().Equal("tenderId");
        var closed = InStatus(TenderStatus.Evaluation).ToSnapshot() with { Spaces = [Space] };
        new AllianceState().CheckForm(Form(closed.Id), As(FirmOwner, Lead), In(Lead), closed, false)!.Code.Should().Be(AllianceState.TenderClosed.Code);
        var open = InStatus(TenderStatus.Tendering).ToSnapshot() with { Spaces = [Space] };
        new AllianceState().CheckForm(Form(open.Id), As(FirmOwner, Lead), In(Lead), open, false).Should().BeNull();
        new AllianceState().CheckForm(Form(open.Id), As(FirmOwner, Lead), In(Lead), open, leadInOneForTender: true).Should()
            .BeEquivalentTo(new { Kind = ProblemKind.Conflict, AllianceState.LeadInOneForTender.Code });
        new AllianceState().CheckForm(Form(open.Id) with { ActorId = RivalOwner }, As(RivalOwner, Lead), In(Lead), open, leadInOneForTender: true)!.Kind
            .Should().Be(ProblemKind.Forbidden, "who is not the lead's learns nothing of its alliances");
    }

    [Fact]
    public void Only_the_lead_invites_and_only_member_firms_of_the_space_as_member_or_subcontractor()
    {
        var state = Formed();
        state.CheckInvite(new InviteToAlliance(RivalOwner, Partner.Id, AllianceRole.Member), As(RivalOwner, Lead), In(Partner))!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckInvite(new InviteToAlliance(FirmOwner, Partner.Id, AllianceRole.Lead), As(FirmOwner, Lead), In(Partner))!.Errors!.Keys.Should().Equal("role");
        state.CheckInvite(new InviteToAlliance(FirmOwner, Partner.Id, AllianceRole.Member), As(FirmOwner, Lead), Outside(Partner))!
            .Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckInvite(new InviteToAlliance(FirmOwner, Partner.Id, AllianceRole.Member), As(FirmOwner, Lead), In(Partner)).Should().BeNull();
        state.Invite(new InviteToAlliance(FirmOwner, Partner.Id, AllianceRole.Member), Now);
        state.CheckInvite(new InviteToAlliance(FirmOwner, Partner.Id, AllianceRole.Member), As(FirmOwner, Lead), In(Partner))!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void The_lead_is_offered_the_firms_inviting_would_accept_and_no_one_else_is_told_them()
    {
        var state = Formed();
        var buyer = Business(BusinessKind.Buyer, Stranger);
        AllianceFirm[] candidates = [In(Lead), In(Partner), Outside(Sub), In(buyer)];

        state.Invitable(As(FirmOwner, Lead), candidates).Value.Should().Equal([Partner.Id], "the lead is in it, the sub left the space, a buyer is no firm");
        state.Invited(Partner);
        state.Invitable(As(FirmOwner, Lead), candidates).Value.Should().BeEmpty("an invited firm is not offered twice");
        state.Answer(new AnswerAllianceInvitation(RivalOwner, Partner.Id, false, 1), Now);
        state.Invitable(As(FirmOwner, Lead), candidates).Value.Should().Equal([Partner.Id], "a firm that declined may be invited again");

        state.Invitable(As(RivalOwner, Partner), candidates).Problem.Should().BeEquivalentTo(new { Kind = ProblemKind.Forbidden, AllianceState.NotTheLead.Code });
    }

    [Fact]
    public void Joining_accepts_the_current_agreement_version()
    {
        var state = Formed();
        state.Invite(new InviteToAlliance(FirmOwner, Partner.Id, AllianceRole.Member), Now);
        state.PublishAgreement(FirmOwner, "Accordo v2", Now);

        state.CheckAnswer(new AnswerAllianceInvitation(RivalOwner, Partner.Id, true, 1), As(RivalOwner, Partner), inSpace: true)!.Kind.Should().Be(ProblemKind.Conflict);
        state.CheckAnswer(new AnswerAllianceInvitation(FirmOwner, Partner.Id, true, 2), As(FirmOwner, Partner), inSpace: true)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckAnswer(new AnswerAllianceInvitation(RivalOwner, Partner.Id, false, 1), As(RivalOwner, Partner), inSpace: true).Should().BeNull("declining needs no version");
        state.Answer(new AnswerAllianceInvitation(RivalOwner, Partner.Id, true, 2), Now);
        state.ToSnapshot().IsActive(Partner.Id).Should().BeTrue();
    }

    [Fact]
    public void New_terms_leave_every_other_firm_to_accept_again()
    {
        var state = WithPartners();
        state.PublishAgreement(FirmOwner, "Accordo v2", Now);
        var members = state.ToSnapshot().Members;

        members.Single(m => m.FirmId == Lead.Id).AcceptedAgreement.Should().Be(2);
        members.Where(m => m.FirmId != Lead.Id).Should().OnlyContain(m => m.AcceptedAgreement == 1);
        state.CheckAcceptAgreement(new AcceptAllianceAgreement(RivalOwner, Partner.Id, 1), As(RivalOwner, Partner))!.Kind.Should().Be(ProblemKind.Conflict);
        state.CheckAcceptAgreement(new AcceptAllianceAgreement(RivalOwner, Partner.Id, 2), As(RivalOwner, Partner)).Should().BeNull();
    }

    [Fact]
    public void The_lead_goes_only_to_an_active_member_and_leaves_only_after_handing_over()
    {
        var state = WithPartners();
        state.CheckLeave(As(FirmOwner, Lead), Lead.Id)!.Kind.Should().Be(ProblemKind.Conflict);
        state.CheckHandOver(As(FirmOwner, Lead), Sub.Id)!.Errors!.Keys.Should().Equal(["firmId"], "a subcontractor does not lead");
        state.CheckHandOver(As(RivalOwner, Lead), Partner.Id)!.Kind.Should().Be(ProblemKind.Forbidden);

        state.HandOver(FirmOwner, Partner.Id, Now);

        state.LeadId.Should().Be(Partner.Id);
        state.ToSnapshot().Members.Single(m => m.FirmId == Lead.Id).Role.Should().Be(AllianceRole.Member);
        state.CheckLeave(As(FirmOwner, Lead), Lead.Id).Should().BeNull();
    }

    [Fact]
    public void A_removal_says_why_and_never_removes_the_lead()
    {
        var state = WithPartners();
        state.CheckRemove(new RemoveFromAlliance(FirmOwner, Partner.Id, " "), As(FirmOwner, Lead))!.Errors!.Keys.Should().Equal("reason");
        state.CheckRemove(new RemoveFromAlliance(FirmOwner, Lead.Id, "No"), As(FirmOwner, Lead))!.Kind.Should().Be(ProblemKind.Conflict);
        state.CheckRemove(new RemoveFromAlliance(RivalOwner, Sub.Id, "No"), As(RivalOwner, Lead))!.Kind.Should().Be(ProblemKind.Forbidden);

        state.Remove(new RemoveFromAlliance(FirmOwner, Partner.Id, "Non copre il lotto"), Now);

        var snapshot = state.ToSnapshot();
        snapshot.IsActive(Partner.Id).Should().BeFalse();
        snapshot.History[^1].Should().BeEquivalentTo(new { Kind = "Removed", FirmId = Partner.Id, Reason = "Non copre il lotto" });
        AllianceAccess.CanWatch(snapshot, [Partner.Id]).Should().BeFalse();
        AllianceAccess.CanWatch(snapshot, [Sub.Id]).Should().BeTrue();
    }

    [Fact]
    public void While_the_joint_bid_is_submitted_nobody_joins_leaves_or_takes_the_lead_but_an_invitation_can_still_be_withdrawn()
    {
        var state = WithPartners();
        state.Invite(new InviteToAlliance(FirmOwner, Rival.Id, AllianceRole.Member), Now);
        var accept = new AnswerAllianceInvitation(Rival.Members[0].UserId, Rival.Id, true, 1);

        state.CheckRemove(new RemoveFromAlliance(FirmOwner, Partner.Id, "Fuori"), As(FirmOwner, Lead), bidSubmitted: true)!.Kind.Should().Be(ProblemKind.Conflict);
        state.CheckLeave(As(RivalOwner, Partner), Partner.Id, bidSubmitted: true)!.Kind.Should().Be(ProblemKind.Conflict);
        state.CheckAnswer(accept, As(RivalOwner, Rival), inSpace: true, bidSubmitted: true)!.Kind.Should().Be(ProblemKind.Conflict, "a firm outside the sealed bid would escape the one-bid-per-lot rule");
        state.CheckAnswer(accept with { Accept = false }, As(RivalOwner, Rival), inSpace: true, bidSubmitted: true).Should().BeNull("declining changes nothing in the bid");
        state.CheckHandOver(As(FirmOwner, Lead), Partner.Id, bidSubmitted: true)!.Kind.Should().Be(ProblemKind.Conflict, "the sealed bid names its lead");
        state.CheckRemove(new RemoveFromAlliance(FirmOwner, Rival.Id, "Ritirato"), As(FirmOwner, Lead), bidSubmitted: true).Should().BeNull();

        state.CheckLeave(As(RivalOwner, Partner), Partner.Id, bidSubmitted: false).Should().BeNull();
        state.CheckAnswer(accept, As(RivalOwner, Rival), inSpace: true, bidSubmitted: false).Should().BeNull();
        state.CheckHandOver(As(FirmOwner, Lead), Partner.Id, bidSubmitted: false).Should().BeNull();
    }

    [Fact]
    public void The_lead_of_a_submitted_bid_is_told_the_bid_holds_it_not_to_hand_over_and_after_the_deadline_that_the_firms_stay()
    {
        var state = WithPartners();

        state.CheckLeave(As(FirmOwner, Lead), Lead.Id)!.Code.Should().Be(AllianceState.LeadLeaving.Code);
        state.CheckLeave(As(FirmOwner, Lead), Lead.Id, bidSubmitted: true)!.Code.Should().Be(AllianceState.BidSubmitted.Code,
            "handing over is refused too while the bid stands: the lead withdraws it first");
        state.CheckLeave(As(FirmOwner, Lead), Lead.Id, bidSubmitted: true, bidsClosed: true)!.Code.Should().Be(AllianceState.BidClosed.Code,
            "after the deadline the bid can no longer be withdrawn either");
        state.CheckLeave(As(RivalOwner, Partner), Partner.Id, bidSubmitted: true, bidsClosed: true)!.Code.Should().Be(AllianceState.BidClosed.Code);
        state.CheckLeave(As(RivalOwner, Partner), Partner.Id, bidSubmitted: false, bidsClosed: true).Should().BeNull("closed bids hold only the firms of a submitted one");
        state.CheckLeave(As(RivalOwner, Lead), Lead.Id, bidSubmitted: true, bidsClosed: true)!.Kind.Should().Be(ProblemKind.Forbidden, "another firm's people are refused first");
    }

    [Fact]
    public void Handing_over_and_removing_after_bids_close_on_a_submitted_bid_say_the_firms_stay_not_to_withdraw_first_and_the_wrong_user_is_refused_first()
    {
        var state = WithPartners();
        var remove = new RemoveFromAlliance(FirmOwner, Partner.Id, "Fuori");

        state.CheckHandOver(As(FirmOwner, Lead), Partner.Id, bidSubmitted: true)!.Code.Should().Be(AllianceState.HandOverWhileSubmitted.Code, "before the deadline the lead may withdraw");
        state.CheckHandOver(As(FirmOwner, Lead), Partner.Id, bidSubmitted: true, bidsClosed: true)!.Should().BeEquivalentTo(
            new { Kind = ProblemKind.Conflict, AllianceState.HandOverClosed.Code }, "after the deadline the bid can no longer be withdrawn");
        state.CheckRemove(remove, As(FirmOwner, Lead), bidSubmitted: true)!.Code.Should().Be(AllianceState.RemoveWhileSubmitted.Code);
        state.CheckRemove(remove, As(FirmOwner, Lead), bidSubmitted: true, bidsClosed: true)!.Should().BeEquivalentTo(
            new { Kind = ProblemKind.Conflict, AllianceState.RemoveClosed.Code });
        state.CheckRemove(remove with { FirmId = Lead.Id }, As(FirmOwner, Lead), bidSubmitted: true)!.Code.Should().Be(AllianceState.RemoveWhileSubmitted.Code,
            "\"hand the lead over first\" is refused too while the bid stands");
        state.CheckHandOver(As(FirmOwner, Lead), Partner.Id, bidSubmitted: false, bidsClosed: true).Should().BeNull("without a submitted bid nothing holds the firms");
        state.CheckRemove(remove, As(FirmOwner, Lead), bidSubmitted: false, bidsClosed: true).Should().BeNull();

        state.CheckHandOver(As(RivalOwner, Partner), Partner.Id, bidSubmitted: true, bidsClosed: true)!.Kind.Should().Be(ProblemKind.Forbidden, "a member's people are refused first");
        state.CheckRemove(remove with { ActorId = RivalOwner }, As(RivalOwner, Partner), bidSubmitted: true, bidsClosed: true)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void No_firm_is_invited_or_joins_once_it_could_not_join_the_bid_and_the_wrong_user_is_refused_first()
    {
        var state = WithPartners();
        var invite = new InviteToAlliance(FirmOwner, Rival.Id, AllianceRole.Member);
        var rival = In(Rival);

        state.CheckInvite(invite, As(FirmOwner, Lead), rival, bidsClosed: false, bidSubmitted: true)!.Code.Should().Be(AllianceState.JoinWhileSubmitted.Code);
        state.CheckInvite(invite, As(FirmOwner, Lead), rival, bidsClosed: true)!.Should().BeEquivalentTo(new { Kind = ProblemKind.Conflict, AllianceState.PartnersClosed.Code });
        state.CheckInvite(invite with { ActorId = RivalOwner }, As(RivalOwner, Partner), rival, bidsClosed: true)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckInvite(invite, As(FirmOwner, Lead), rival).Should().BeNull();

        state.Invite(invite, Now);
        var accept = new AnswerAllianceInvitation(RivalOwner, Rival.Id, true, 1);
        state.CheckAnswer(accept, As(RivalOwner, Rival), inSpace: true, bidSubmitted: true, bidsClosed: true)!.Code.Should().Be(AllianceState.PartnersClosed.Code,
            "after the deadline the lead can no longer withdraw the bid to let it in");
        state.CheckAnswer(accept, As(RivalOwner, Rival), inSpace: true, bidsClosed: true)!.Code.Should().Be(AllianceState.PartnersClosed.Code);
        state.CheckAnswer(accept with { Accept = false }, As(RivalOwner, Rival), inSpace: true, bidsClosed: true).Should().BeNull("declining is still an answer");
        state.CheckAnswer(accept, As(FirmOwner, Lead), inSpace: true, bidsClosed: true)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(false, true, "alliance.joinWhileSubmitted")]
    [InlineData(true, true, "alliance.partnersClosed")]
    [InlineData(true, false, "alliance.partnersClosed")]
    public void Partners_are_wanted_only_while_a_firm_could_still_join_the_joint_bid(bool bidsClosed, bool submitted, string? reason) =>
        AllianceState.CheckPartnersWanted(bidsClosed, submitted)?.Code.Should().Be(reason);

    [Fact]
    public void A_firm_no_longer_in_the_space_cannot_accept_its_invitation_but_may_decline_it()
    {
        var state = Formed().Invited(Partner);
        var accept = new AnswerAllianceInvitation(RivalOwner, Partner.Id, true, 1);

        state.CheckAnswer(accept, As(RivalOwner, Partner), inSpace: false).Should().BeEquivalentTo(new { Kind = ProblemKind.Conflict, AllianceState.JoinerNotInSpace.Code },
            "the firm's standing, not its people's role, stops it: its page says why");
        state.CheckAnswer(accept with { Accept = false }, As(RivalOwner, Partner), inSpace: false).Should().BeNull();
    }

    [Fact]
    public void Invited_firms_may_read_the_alliance_but_not_watch_its_workspace()
    {
        var state = Formed();
        state.Invite(new InviteToAlliance(FirmOwner, Partner.Id, AllianceRole.Member), Now);
        var snapshot = state.ToSnapshot();

        AllianceAccess.CanRead(snapshot, [Partner.Id]).Should().BeTrue();
        AllianceAccess.CanWatch(snapshot, [Partner.Id]).Should().BeFalse();
        AllianceAccess.CanRead(snapshot, [Sub.Id]).Should().BeFalse();
    }
}
