using Marketplace.Businesses;
using Marketplace.Grains.Tests.Businesses;
using Marketplace.Spaces;

namespace Marketplace.Grains.Tests.Spaces;

public sealed class MembershipStateTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid Admin = Guid.NewGuid(), FirmOwner = Guid.NewGuid(), FirmViewer = Guid.NewGuid(), Stranger = Guid.NewGuid();
    static readonly BusinessSnapshot Firm = SpaceStateTests.Business(BusinessKind.Firm, FirmOwner, (FirmViewer, BusinessRole.Viewer));
    static readonly SpaceSnapshot Space = SpaceStateTests.Created().ToSnapshot();

    static MembershipContext As(Guid actor, SpaceSnapshot? space = null, BusinessSnapshot? firm = null) =>
        MembershipContext.Of(space ?? Space, actor == Admin, Acting.As(actor, firm ?? Firm), firm ?? Firm);

    static MembershipState New() => new() { SpaceId = Space.Id, FirmId = Firm.Id };

    static MembershipState With(MembershipStatus status)
    {
        var state = New();
        state.Apply(new ApplyToSpace(FirmOwner, "Vorremmo aderire", 1), Now);
        MembershipDecision? decision = status switch
        {
            MembershipStatus.Member => MembershipDecision.Approve,
            MembershipStatus.Rejected => MembershipDecision.Reject,
            _ => null,
        };
        if (decision is { } d) state.Decide(new DecideMembership(Admin, d, d == MembershipDecision.Reject ? "motivo" : null), Now);
        state.Status.Should().Be(status);
        return state;
    }

    [Fact]
    public void A_firm_applies_accepting_the_current_policy_and_waits()
    {
        var state = With(MembershipStatus.Applied);

        state.Standing.Should().BeEquivalentTo(new { Status = MembershipStatus.Applied, AcceptedPolicyVersion = 1, Message = "Vorremmo aderire" });
        state.History.Should().ContainSingle().Which.ActorId.Should().Be(FirmOwner);
    }

    [Fact]
    public void Applying_with_an_old_policy_version_is_a_conflict() =>
        New().CheckApply(new ApplyToSpace(FirmOwner, null, 1), As(FirmOwner, Space with { Policy = new SpacePolicy(2, "v2", Now) }))!
            .Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void A_firm_cannot_apply_twice_while_pending() =>
        With(MembershipStatus.Applied).CheckApply(new ApplyToSpace(FirmOwner, null, 1), As(FirmOwner))!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void A_rejected_firm_may_apply_again() =>
        With(MembershipStatus.Rejected).CheckApply(new ApplyToSpace(FirmOwner, null, 1), As(FirmOwner)).Should().BeNull();

    [Fact]
    public void Only_the_firm_s_owners_and_managers_apply_for_it()
    {
        New().CheckApply(new ApplyToSpace(FirmViewer, null, 1), As(FirmViewer))!.Kind.Should().Be(ProblemKind.Forbidden);
        New().CheckApply(new ApplyToSpace(Stranger, null, 1), As(Stranger))!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void Only_firms_can_be_members()
    {
        var buyer = SpaceStateTests.Business(BusinessKind.Buyer, FirmOwner);
        New().CheckApply(new ApplyToSpace(FirmOwner, null, 1), As(FirmOwner, firm: buyer))!.Errors!.Keys.Should().Equal("firmId");
    }

    [Fact]
    public void An_unknown_space_is_not_found() =>
        New().CheckApply(new ApplyToSpace(FirmOwner, null, 1), MembershipContext.Of(null, false, Acting.As(FirmOwner, Firm), Firm))!
            .Kind.Should().Be(ProblemKind.NotFound);

    [Fact]
    public void Only_admins_decide()
    {
        var state = With(MembershipStatus.Applied);

        state.CheckDecide(new DecideMembership(FirmOwner, MembershipDecision.Approve, null), As(FirmOwner))!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckDecide(new DecideMembership(Admin, MembershipDecision.Approve, null), As(Admin)).Should().BeNull();
    }

    [Theory]
    [InlineData(MembershipDecision.Reject)]
    [InlineData(MembershipDecision.Suspend)]
    [InlineData(MembershipDecision.Remove)]
    public void Refusing_decisions_need_a_reason(MembershipDecision decision) =>
        With(decision == MembershipDecision.Reject ? MembershipStatus.Applied : MembershipStatus.Member)
            .CheckDecide(new DecideMembership(Admin, decision, " "), As(Admin))!.Errors!.Keys.Should().Equal("reason");

    [Theory]
    [InlineData(MembershipStatus.Applied, MembershipDecision.Suspend)]
    [InlineData(MembershipStatus.Member, MembershipDecision.Approve)]
    [InlineData(MembershipStatus.Member, MembershipDecision.Reinstate)]
    [InlineData(MembershipStatus.Rejected, MembershipDecision.Remove)]
    public void Decisions_that_do_not_fit_the_standing_are_conflicts(MembershipStatus status, MembershipDecision decision) =>
        With(status).CheckDecide(new DecideMembership(Admin, decision, "motivo"), As(Admin))!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void Deciding_about_a_firm_that_never_applied_is_a_conflict() =>
        New().CheckDecide(new DecideMembership(Admin, MembershipDecision.Approve, null), As(Admin))!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void Every_change_of_standing_is_kept_with_who_when_and_why()
    {
        var state = With(MembershipStatus.Member);
        state.Decide(new DecideMembership(Admin, MembershipDecision.Suspend, "Quote non versate"), Now.AddDays(1));
        state.Decide(new DecideMembership(Admin, MembershipDecision.Remove, "Violazione del regolamento"), Now.AddDays(2));

        state.History.Select(h => (h.Status, h.ActorId, h.Reason)).Should().Equal(
            (MembershipStatus.Applied, FirmOwner, null),
            (MembershipStatus.Member, Admin, null),
            (MembershipStatus.Suspended, Admin, "Quote non versate"),
            (MembershipStatus.Removed, Admin, "Violazione del regolamento"));
    }

    [Fact]
    public void An_invited_firm_that_applies_joins_at_once()
    {
        var state = New();
        state.CheckInvite(As(Admin)).Should().BeNull();
        state.Invite(Admin, Now);

        state.CheckApply(new ApplyToSpace(FirmOwner, null, 1), As(FirmOwner)).Should().BeNull();
        state.Apply(new ApplyToSpace(FirmOwner, null, 1), Now);

        state.Status.Should().Be(MembershipStatus.Member);
    }

    [Fact]
    public void Only_admins_invite_and_not_a_firm_that_already_applied()
    {
        New().CheckInvite(As(FirmOwner))!.Kind.Should().Be(ProblemKind.Forbidden);
        With(MembershipStatus.Applied).CheckInvite(As(Admin))!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_member_accepts_only_the_current_policy_version()
    {
        var state = With(MembershipStatus.Member);
        var v2 = As(FirmOwner, Space with { Policy = new SpacePolicy(2, "v2", Now) });

        state.CheckAcceptPolicy(new AcceptPolicy(FirmOwner, 1), v2)!.Kind.Should().Be(ProblemKind.Conflict);
        state.CheckAcceptPolicy(new AcceptPolicy(FirmOwner, 2), v2).Should().BeNull();
        state.AcceptPolicy(new AcceptPolicy(FirmOwner, 2));
        state.Standing!.AcceptedPolicyVersion.Should().Be(2);
    }

    [Fact]
    public void A_member_cannot_accept_again_the_version_it_has_accepted()
    {
        var state = With(MembershipStatus.Member);

        var again = state.CheckAcceptPolicy(new AcceptPolicy(FirmOwner, 1), As(FirmOwner))!;

        again.Kind.Should().Be(ProblemKind.Conflict);
        again.Code.Should().Be("space.policyAlreadyAccepted");
    }

    [Fact]
    public void An_invited_firm_declines_by_withdrawing_and_is_then_free_to_apply()
    {
        var state = New();
        state.Invite(Admin, Now);

        state.CheckWithdraw(As(FirmOwner)).Should().BeNull();
        state.Withdraw(FirmOwner, Now);

        // It never applied: its standing says it declined, not that it withdrew an application.
        state.Status.Should().Be(MembershipStatus.Declined);
        state.CheckApply(new ApplyToSpace(FirmOwner, null, 1), As(FirmOwner)).Should().BeNull();
        state.CheckInvite(As(Admin)).Should().BeNull();
        state.FirmActions(FirmOwner, As(FirmOwner)).Allowed.Should().Equal(StandingAction.Apply);
    }

    [Fact]
    public void A_firm_that_applied_and_steps_back_has_withdrawn_its_application()
    {
        var state = With(MembershipStatus.Applied);

        state.Withdraw(FirmOwner, Now);

        state.Status.Should().Be(MembershipStatus.Withdrawn);
        state.CheckApply(new ApplyToSpace(FirmOwner, null, 1), As(FirmOwner)).Should().BeNull();
    }

    [Theory]
    [InlineData(null, new[] { StandingAction.Apply })]
    [InlineData(MembershipStatus.Invited, new[] { StandingAction.Apply, StandingAction.Withdraw })]
    [InlineData(MembershipStatus.Applied, new[] { StandingAction.Withdraw })]
    [InlineData(MembershipStatus.Member, new[] { StandingAction.Leave })]
    [InlineData(MembershipStatus.Suspended, new[] { StandingAction.Leave })]
    [InlineData(MembershipStatus.Rejected, new[] { StandingAction.Apply })]
    public void The_firm_s_owner_is_offered_its_steps_by_the_commands_rules(MembershipStatus? status, StandingAction[] allowed)
    {
        var state = New();
        switch (status)
        {
            case MembershipStatus.Invited: state.Invite(Admin, Now); break;
            case MembershipStatus.Suspended:
                state = With(MembershipStatus.Member);
                state.Decide(new DecideMembership(Admin, MembershipDecision.Suspend, "motivo"), Now);
                break;
            case { } other: state = With(other); break;
        }

        state.FirmActions(FirmOwner, As(FirmOwner)).Allowed.Should().Equal(allowed);
    }

    [Fact]
    public void A_member_is_offered_the_policy_while_its_acceptance_is_pending_and_told_why_not_after()
    {
        var state = With(MembershipStatus.Member);
        var v2 = As(FirmOwner, Space with { Policy = new SpacePolicy(2, "v2", Now) });

        state.FirmActions(FirmOwner, v2).Allowed.Should().Equal(StandingAction.Leave, StandingAction.AcceptPolicy);
        state.AcceptPolicy(new AcceptPolicy(FirmOwner, 2));

        var after = state.FirmActions(FirmOwner, v2);
        after.Allowed.Should().Equal(StandingAction.Leave);
        after.Blocked.Should().ContainSingle(b => b.Action == StandingAction.AcceptPolicy).Which.Code.Should().Be("space.policyAlreadyAccepted");
    }

    [Fact]
    public void Nobody_but_the_firm_s_owners_and_managers_is_offered_its_steps()
    {
        foreach (var who in new[] { FirmViewer, Stranger, Admin })
        {
            var offered = With(MembershipStatus.Applied).FirmActions(who, As(who));
            offered.Allowed.Should().BeEmpty();
            offered.Blocked.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData(MembershipStatus.Applied, new[] { MembershipAction.Approve, MembershipAction.Reject }, new[] { MembershipDecision.Reject })]
    [InlineData(MembershipStatus.Member, new[] { MembershipAction.Suspend, MembershipAction.Remove, MembershipAction.Vouch }, new[] { MembershipDecision.Suspend, MembershipDecision.Remove })]
    [InlineData(MembershipStatus.Rejected, new[] { MembershipAction.Invite }, new MembershipDecision[0])]
    public void The_admins_are_offered_the_decisions_that_fit_the_standing_and_told_which_need_a_reason(
        MembershipStatus status, MembershipAction[] allowed, MembershipDecision[] reasonRequired)
    {
        var vouchable = Firm with { Profile = Firm.Profile with { Size = FirmSize.Small, VatNumber = "IT01234567890" } };

        var (actions, reasons) = With(status).AdminActions(As(Admin, firm: vouchable));

        actions.Allowed.Should().Equal(allowed);
        reasons.Should().Equal(reasonRequired);
    }

    [Fact]
    public void The_admins_are_told_why_a_member_without_size_or_VAT_number_cannot_be_vouched_for()
    {
        var (actions, _) = With(MembershipStatus.Member).AdminActions(As(Admin));

        actions.Blocked.Should().ContainSingle(b => b.Action == MembershipAction.Vouch).Which.Code.Should().Be("space.nothingToVouch");
        With(MembershipStatus.Member).CheckVouch(As(Admin))!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void An_association_or_a_buyer_stored_with_a_size_and_a_vat_number_has_nothing_to_vouch_for()
    {
        // Profiles stored before each kind had its own form could carry both; a business that is not a firm reads them
        // as its tax code and no size, so vouching stays a firm's.
        var notAFirm = new BusinessState
        {
            Id = Firm.Id, Kind = BusinessKind.Association, Version = 2, Members = [.. Firm.Members],
            Profile = Firm.Profile with { Size = FirmSize.Small, VatNumber = "00743110157" },
        }.ToSnapshot();

        With(MembershipStatus.Member).CheckVouch(As(Admin, firm: notAFirm))!.Code.Should().Be("space.nothingToVouch");
    }

    [Fact]
    public void Nobody_but_the_admins_is_offered_their_actions()
    {
        var (actions, reasons) = With(MembershipStatus.Applied).AdminActions(As(FirmOwner));

        actions.Allowed.Should().BeEmpty();
        actions.Blocked.Should().BeEmpty();
        reasons.Should().BeEmpty();
    }

    [Fact]
    public void A_member_can_leave_and_a_pending_applicant_can_withdraw()
    {
        With(MembershipStatus.Member).CheckLeave(As(FirmOwner)).Should().BeNull();
        With(MembershipStatus.Applied).CheckWithdraw(As(FirmOwner)).Should().BeNull();
        With(MembershipStatus.Applied).CheckLeave(As(FirmOwner))!.Kind.Should().Be(ProblemKind.Conflict);
        With(MembershipStatus.Member).CheckWithdraw(As(FirmOwner))!.Kind.Should().Be(ProblemKind.Conflict);
    }
}
