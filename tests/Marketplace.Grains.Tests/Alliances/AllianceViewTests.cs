using Marketplace.Alliances;
using Marketplace.Businesses;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;
using static Marketplace.Grains.Tests.Businesses.Acting;

namespace Marketplace.Grains.Tests.Alliances;

/// <summary>What the alliance's snapshot tells each viewer they may do: the answers of the commands' own rules.</summary>
public sealed class AllianceViewTests
{
    static readonly BusinessSnapshot Newcomer = Business(BusinessKind.Firm, FirmManager, (FirmViewer, BusinessRole.Viewer));

    /// <summary>The view of <paramref name="viewer"/>, who acts for <paramref name="firms"/> (all members of the space) in the roles they have there.</summary>
    static AllianceView ViewOf(AllianceState state, Guid viewer, bool bidSubmitted = false, params BusinessSnapshot[] firms) =>
        state.ViewFor(viewer, As(viewer, firms), firms.Select(f => f.Id).ToHashSet(), bidSubmitted);

    /// <summary>The view of <paramref name="viewer"/>, who acts for <paramref name="firm"/> alone, a firm that is not a member of the space.</summary>
    static AllianceView OutsideTheSpace(AllianceState state, Guid viewer, BusinessSnapshot firm) => state.ViewFor(viewer, As(viewer, firm), new HashSet<Guid>(), false);

    static Dictionary<Guid, AllianceMemberAction[]> Rows(AllianceView view) => view.Members.ToDictionary(m => m.FirmId, m => m.Actions.Allowed);

    static AllianceViewerFirm Firm(AllianceView view, BusinessSnapshot firm) => view.Firms.Single(f => f.FirmId == firm.Id);

    [Fact]
    public void The_lead_s_editor_may_invite_publish_terms_hand_over_to_a_member_and_remove_anyone_but_the_lead()
    {
        var view = ViewOf(WithPartners().Invited(Newcomer), FirmOwner, false, Lead);

        view.Actions.Allowed.Should().BeEquivalentTo([AllianceAction.Invite, AllianceAction.PublishAgreement, AllianceAction.Watch, AllianceAction.FormRti],
            "a standing alliance (rete) also bids for a tender through an RTI its lead forms");
        Rows(view).Should().BeEquivalentTo(new Dictionary<Guid, AllianceMemberAction[]>
        {
            [Lead.Id] = [],
            [Partner.Id] = [AllianceMemberAction.HandOver, AllianceMemberAction.Remove],
            [Sub.Id] = [AllianceMemberAction.Remove],
            [Newcomer.Id] = [AllianceMemberAction.Remove],
        }, "a subcontractor does not lead, and an invitation is withdrawn, not handed the lead");
        view.Members.Single(m => m.FirmId == Lead.Id).Actions.Blocked.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Action = AllianceMemberAction.Remove, AllianceState.LeadRemoving.Code });
    }

    [Fact]
    public void The_lead_never_leaves_it_hands_over_first_and_the_snapshot_says_so()
    {
        var lead = Firm(ViewOf(WithPartners(), FirmOwner, false, Lead), Lead);

        lead.ActsFor.Should().BeTrue();
        lead.Actions.Allowed.Should().BeEmpty();
        lead.Actions.Blocked.Should().BeEquivalentTo([
            new ActionBlocker<AllianceFirmAction>(AllianceFirmAction.AcceptAgreement, AllianceState.AlreadyAccepted.Code, []),
            new ActionBlocker<AllianceFirmAction>(AllianceFirmAction.Leave, AllianceState.LeadLeaving.Code, []),
        ]);
    }

    [Fact]
    public void A_member_s_editor_may_leave_and_accept_new_terms_but_does_nothing_for_the_lead_and_hears_no_reason_why()
    {
        var state = WithPartners();
        state.PublishAgreement(FirmOwner, "Accordo v2", Now);
        var view = ViewOf(state, RivalOwner, false, Partner);

        Firm(view, Partner).Actions.Allowed.Should().Equal(AllianceFirmAction.AcceptAgreement, AllianceFirmAction.Leave);
        view.Actions.Should().BeEquivalentTo(new { Allowed = new[] { AllianceAction.Watch }, Blocked = Array.Empty<object>() });
        view.Members.Should().OnlyContain(m => m.Actions.Allowed.Length == 0 && m.Actions.Blocked.Length == 0,
            "only the lead removes or hands over, and the others are not told why not");
    }

    [Fact]
    public void An_invited_firm_s_editor_may_accept_or_decline_but_not_watch()
    {
        var view = ViewOf(WithPartners().Invited(Newcomer), FirmManager, false, Newcomer);

        Firm(view, Newcomer).Should().BeEquivalentTo(new { ActsFor = true });
        Firm(view, Newcomer).Actions.Allowed.Should().Equal(AllianceFirmAction.AcceptInvitation, AllianceFirmAction.DeclineInvitation);
        view.Actions.Allowed.Should().BeEmpty();
        view.Members.Should().OnlyContain(m => m.Actions.Allowed.Length == 0);
    }

    [Fact]
    public void An_invited_firm_no_longer_in_the_space_is_told_why_it_cannot_accept_and_may_still_decline()
    {
        var view = OutsideTheSpace(WithPartners().Invited(Newcomer), FirmManager, Newcomer);

        var firm = Firm(view, Newcomer);
        firm.Actions.Allowed.Should().Equal(AllianceFirmAction.DeclineInvitation);
        firm.Actions.Blocked.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Action = AllianceFirmAction.AcceptInvitation,
            AllianceState.JoinerNotInSpace.Code,
        }, "its own standing in the space is what stops it, which its people know, not their role");
    }

    [Fact]
    public void A_firm_s_viewer_sees_where_it_stands_with_nothing_to_do_for_it()
    {
        var invited = Firm(ViewOf(WithPartners().Invited(Newcomer), FirmViewer, false, Newcomer), Newcomer);
        var joined = Firm(ViewOf(WithPartners().Joined(Newcomer, AllianceRole.Member), FirmViewer, false, Newcomer), Newcomer);

        foreach (var firm in new[] { invited, joined })
        {
            firm.ActsFor.Should().BeFalse();
            firm.Actions.Should().BeEquivalentTo(ViewerActions<AllianceFirmAction>.None);
        }
    }

    [Fact]
    public void Someone_who_does_not_edit_for_the_lead_is_offered_none_of_its_actions_even_as_one_of_its_people()
    {
        var outsider = Guid.NewGuid();

        var naming = WithPartners().ViewFor(outsider, new ActingFor(new Dictionary<Guid, BusinessRole> { [Lead.Id] = BusinessRole.Viewer }), new HashSet<Guid> { Lead.Id }, false);
        naming.Actions.Blocked.Should().BeEmpty();
        naming.Actions.Allowed.Should().NotContain([AllianceAction.Invite, AllianceAction.PublishAgreement]);
        Firm(naming, Lead).Should().BeEquivalentTo(new { ActsFor = false, Actions = ViewerActions<AllianceFirmAction>.None });
        naming.Members.Should().OnlyContain(m => m.Actions.Allowed.Length == 0 && m.Actions.Blocked.Length == 0);

        var none = ViewOf(WithPartners(), outsider);
        none.Actions.Should().BeEquivalentTo(ViewerActions<AllianceAction>.None, "with no firm in it there is nothing to watch either");
        none.Firms.Should().BeEmpty();
    }

    [Fact]
    public void After_bids_close_on_a_submitted_bid_the_lead_is_told_the_firms_and_the_lead_stay_and_no_firm_can_be_invited_or_join()
    {
        var state = WithPartners().Invited(Newcomer);

        var lead = state.ViewFor(FirmOwner, As(FirmOwner, Lead), new HashSet<Guid> { Lead.Id }, bidSubmitted: true, bidsClosed: true);
        lead.Members.Single(m => m.FirmId == Partner.Id).Actions.Blocked.Select(b => (b.Action, b.Code)).Should().BeEquivalentTo([
            (AllianceMemberAction.HandOver, AllianceState.HandOverClosed.Code), (AllianceMemberAction.Remove, AllianceState.RemoveClosed.Code)],
            "the bid can no longer be withdrawn, so \"withdraw it first\" would be false");
        lead.Members.Single(m => m.FirmId == Lead.Id).Actions.Blocked.Should().ContainSingle().Which.Code.Should().Be(AllianceState.RemoveClosed.Code,
            "not \"hand the lead over first\", which is refused too");
        lead.Actions.Blocked.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Action = AllianceAction.Invite, AllianceState.PartnersClosed.Code });

        var invited = Firm(state.ViewFor(FirmManager, As(FirmManager, Newcomer), new HashSet<Guid> { Newcomer.Id }, bidSubmitted: false, bidsClosed: true), Newcomer);
        invited.Actions.Allowed.Should().Equal(AllianceFirmAction.DeclineInvitation);
        invited.Actions.Blocked.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Action = AllianceFirmAction.AcceptInvitation, AllianceState.PartnersClosed.Code },
            "the tender's deadline is public: saying so tells the invited firm nothing of the bid");
    }

    [Fact]
    public void While_the_joint_bid_is_submitted_the_snapshot_tells_its_firms_why_leaving_removing_and_handing_over_wait_and_an_invited_firm_nothing()
    {
        var state = WithPartners().Invited(Newcomer);

        var lead = ViewOf(state, FirmOwner, true, Lead);
        lead.Members.Single(m => m.FirmId == Partner.Id).Actions.Blocked.Select(b => (b.Action, b.Code)).Should().BeEquivalentTo([
            (AllianceMemberAction.HandOver, AllianceState.HandOverWhileSubmitted.Code), (AllianceMemberAction.Remove, AllianceState.RemoveWhileSubmitted.Code)]);
        Rows(lead)[Newcomer.Id].Should().Equal([AllianceMemberAction.Remove], "an invitation can still be withdrawn");
        lead.Actions.Blocked.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Action = AllianceAction.Invite, AllianceState.JoinWhileSubmitted.Code },
            "a firm invited now could not join the sealed bid");

        var partner = Firm(ViewOf(state, RivalOwner, true, Partner), Partner);
        partner.Actions.Blocked.Should().ContainSingle(b => b.Action == AllianceFirmAction.Leave).Which.Code.Should().Be(AllianceState.BidSubmitted.Code);

        var invited = Firm(ViewOf(state, FirmManager, true, Newcomer), Newcomer);
        invited.Actions.Should().BeEquivalentTo(Firm(ViewOf(WithPartners().Invited(Newcomer), FirmManager, false, Newcomer), Newcomer).Actions,
            "a firm outside the alliance learns nothing of its sealed bid from what it is offered");
        invited.Actions.Allowed.Should().Equal(AllianceFirmAction.AcceptInvitation, AllianceFirmAction.DeclineInvitation);
    }

    [Fact]
    public void A_full_alliance_tells_the_lead_why_it_cannot_invite_with_the_limit()
    {
        var state = Formed();
        for (var i = 1; i < AllianceState.MaxFirms; i++) state.Invited(Business(BusinessKind.Firm, Guid.NewGuid()));

        var view = ViewOf(state, FirmOwner, false, Lead);

        view.Actions.Allowed.Should().NotContain(AllianceAction.Invite);
        view.Actions.Blocked.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Action = AllianceAction.Invite,
            AllianceState.TooManyFirms.Code,
            Args = new Dictionary<string, string> { ["max"] = AllianceState.MaxFirms.ToString() },
        });
    }
}
