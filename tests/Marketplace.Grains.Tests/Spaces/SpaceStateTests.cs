using Marketplace.Businesses;
using Marketplace.Spaces;

namespace Marketplace.Grains.Tests.Spaces;

public sealed class SpaceStateTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid HostOwner = Guid.NewGuid(), FirmOwner = Guid.NewGuid(), FirmViewer = Guid.NewGuid(), Stranger = Guid.NewGuid();

    static readonly BusinessSnapshot Host = Business(BusinessKind.Association, HostOwner);
    static readonly BusinessSnapshot Firm = Business(BusinessKind.Firm, FirmOwner, (FirmViewer, BusinessRole.Viewer));

    static BusinessSnapshot Business(BusinessKind kind, Guid owner, params (Guid User, BusinessRole Role)[] others) => new(
        Guid.NewGuid(), kind, BusinessProfile.Named("Impresa"),
        [new BusinessMember(owner, BusinessRole.Owner), .. others.Select(o => new BusinessMember(o.User, o.Role))], 1, Now, Now);

    static readonly SpaceSettings Settings = new("Spazio Emilia", "Imprese emiliane", ["037006"], ["bo", "MO"], DirectoryVisibility.MembersOnly);

    static SpaceActor Admin => new(HostOwner, HostEditor: true, null);
    static SpaceActor FirmActor(Guid user) => new(user, HostEditor: false, Firm);

    static SpaceState Created()
    {
        var state = new SpaceState();
        var create = new CreateSpace(HostOwner, Host.Id, Settings, "Regolamento v1");
        state.Create(Guid.NewGuid(), create, state.CheckCreate(create, Host).Value!, Now);
        return state;
    }

    static SpaceState WithFirm(MembershipStatus status)
    {
        var state = Created();
        var apply = new ApplyToSpace(FirmOwner, Firm.Id, "Vorremmo aderire", 1);
        state.Apply(apply, FirmOwner, Now);
        MembershipDecision? decision = status switch
        {
            MembershipStatus.Member => MembershipDecision.Approve,
            MembershipStatus.Rejected => MembershipDecision.Reject,
            _ => null,
        };
        if (decision is { } d) state.Decide(new DecideMembership(HostOwner, Firm.Id, d, d == MembershipDecision.Reject ? "motivo" : null), Now);
        state.StatusOf(Firm.Id).Should().Be(status);
        return state;
    }

    [Fact]
    public void An_association_creates_a_space_with_policy_version_one_and_normalised_territory()
    {
        var state = Created();

        state.Policy.Should().Be(new SpacePolicy(1, "Regolamento v1", Now));
        state.Settings.TerritoryProvinces.Should().Equal("BO", "MO");
    }

    [Fact]
    public void Only_an_association_can_host_a_space() =>
        new SpaceState().CheckCreate(new CreateSpace(FirmOwner, Firm.Id, Settings, "x"), Firm).Problem!.Errors!.Keys.Should().Equal("hostId");

    [Fact]
    public void Only_the_association_s_owners_and_managers_create_its_spaces() =>
        new SpaceState().CheckCreate(new CreateSpace(Stranger, Host.Id, Settings, "x"), Host).Problem!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void Invalid_settings_name_each_field()
    {
        var bad = new SpaceSettings("X", null, ["000000"], ["ZZ"], (DirectoryVisibility)7);

        SpaceRules.Normalize(bad).Problem!.Errors!.Keys.Should().BeEquivalentTo("name", "territoryComuni[0]", "territoryProvinces[0]", "visibility");
    }

    [Fact]
    public void A_firm_applies_accepting_the_current_policy_and_waits()
    {
        var state = WithFirm(MembershipStatus.Applied);

        state.Members.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Status = MembershipStatus.Applied, AcceptedPolicyVersion = 1, Message = "Vorremmo aderire" });
        state.History.Should().ContainSingle().Which.ActorId.Should().Be(FirmOwner);
    }

    [Fact]
    public void Applying_with_an_old_policy_version_is_a_conflict()
    {
        var state = Created();
        state.PublishPolicy(new PublishPolicy(HostOwner, "Regolamento v2"), Now);

        state.CheckApply(new ApplyToSpace(FirmOwner, Firm.Id, null, 1), FirmActor(FirmOwner))!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_firm_cannot_apply_twice_while_pending() =>
        WithFirm(MembershipStatus.Applied).CheckApply(new ApplyToSpace(FirmOwner, Firm.Id, null, 1), FirmActor(FirmOwner))!
            .Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void A_rejected_firm_may_apply_again() =>
        WithFirm(MembershipStatus.Rejected).CheckApply(new ApplyToSpace(FirmOwner, Firm.Id, null, 1), FirmActor(FirmOwner)).Should().BeNull();

    [Fact]
    public void Only_the_firm_s_owners_and_managers_apply_for_it()
    {
        var state = Created();

        state.CheckApply(new ApplyToSpace(FirmViewer, Firm.Id, null, 1), FirmActor(FirmViewer))!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckApply(new ApplyToSpace(Stranger, Firm.Id, null, 1), FirmActor(Stranger))!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void Only_admins_decide()
    {
        var state = WithFirm(MembershipStatus.Applied);

        state.CheckDecide(new DecideMembership(FirmOwner, Firm.Id, MembershipDecision.Approve, null), FirmActor(FirmOwner))!
            .Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckDecide(new DecideMembership(HostOwner, Firm.Id, MembershipDecision.Approve, null), Admin).Should().BeNull();
    }

    [Fact]
    public void A_moderator_appointed_by_the_association_is_an_admin()
    {
        var state = Created();
        var moderator = Guid.NewGuid();
        state.SetModerator(new SetModerator(HostOwner, moderator, true), Now);

        state.IsAdmin(new SpaceActor(moderator, false, null)).Should().BeTrue();
        state.CheckSetModerator(new SetModerator(moderator, Guid.NewGuid(), true), new SpaceActor(moderator, false, null))!
            .Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Theory]
    [InlineData(MembershipDecision.Reject)]
    [InlineData(MembershipDecision.Suspend)]
    [InlineData(MembershipDecision.Remove)]
    public void Refusing_decisions_need_a_reason(MembershipDecision decision)
    {
        var state = WithFirm(decision == MembershipDecision.Reject ? MembershipStatus.Applied : MembershipStatus.Member);

        state.CheckDecide(new DecideMembership(HostOwner, Firm.Id, decision, " "), Admin)!.Errors!.Keys.Should().Equal("reason");
    }

    [Theory]
    [InlineData(MembershipStatus.Applied, MembershipDecision.Suspend)]
    [InlineData(MembershipStatus.Member, MembershipDecision.Approve)]
    [InlineData(MembershipStatus.Member, MembershipDecision.Reinstate)]
    [InlineData(MembershipStatus.Rejected, MembershipDecision.Remove)]
    public void Decisions_that_do_not_fit_the_standing_are_conflicts(MembershipStatus status, MembershipDecision decision) =>
        WithFirm(status).CheckDecide(new DecideMembership(HostOwner, Firm.Id, decision, "motivo"), Admin)!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void Every_change_of_standing_is_kept_with_who_when_and_why()
    {
        var state = WithFirm(MembershipStatus.Member);
        state.Decide(new DecideMembership(HostOwner, Firm.Id, MembershipDecision.Suspend, "Quote non versate"), Now.AddDays(1));
        state.Decide(new DecideMembership(HostOwner, Firm.Id, MembershipDecision.Remove, "Violazione del regolamento"), Now.AddDays(2));

        state.History.Select(h => (h.Status, h.ActorId, h.Reason)).Should().Equal(
            (MembershipStatus.Applied, FirmOwner, null),
            (MembershipStatus.Member, HostOwner, null),
            (MembershipStatus.Suspended, HostOwner, "Quote non versate"),
            (MembershipStatus.Removed, HostOwner, "Violazione del regolamento"));
    }

    [Fact]
    public void An_invited_firm_that_applies_joins_at_once()
    {
        var state = Created();
        state.CheckInvite(new InviteFirm(HostOwner, Firm.Id), Admin, Firm).Should().BeNull();
        state.Invite(new InviteFirm(HostOwner, Firm.Id), Now);

        state.CheckApply(new ApplyToSpace(FirmOwner, Firm.Id, null, 1), FirmActor(FirmOwner)).Should().BeNull();
        state.Apply(new ApplyToSpace(FirmOwner, Firm.Id, null, 1), FirmOwner, Now);

        state.StatusOf(Firm.Id).Should().Be(MembershipStatus.Member);
    }

    [Fact]
    public void A_new_policy_version_waits_for_each_member_s_acceptance()
    {
        var state = WithFirm(MembershipStatus.Member);
        state.PendingPolicyAcceptance().Should().BeEmpty();

        state.PublishPolicy(new PublishPolicy(HostOwner, "Regolamento v2"), Now);
        state.PendingPolicyAcceptance().Select(m => m.BusinessId).Should().Equal(Firm.Id);

        state.CheckAcceptPolicy(new AcceptPolicy(FirmOwner, Firm.Id, 2), FirmActor(FirmOwner)).Should().BeNull();
        state.AcceptPolicy(new AcceptPolicy(FirmOwner, Firm.Id, 2), Now);
        state.PendingPolicyAcceptance().Should().BeEmpty();
    }

    [Fact]
    public void A_member_can_leave_and_a_pending_applicant_can_withdraw()
    {
        var member = WithFirm(MembershipStatus.Member);
        var applicant = WithFirm(MembershipStatus.Applied);

        member.CheckLeave(new FirmStep(FirmOwner, Firm.Id), FirmActor(FirmOwner)).Should().BeNull();
        applicant.CheckWithdraw(new FirmStep(FirmOwner, Firm.Id), FirmActor(FirmOwner)).Should().BeNull();
        applicant.CheckLeave(new FirmStep(FirmOwner, Firm.Id), FirmActor(FirmOwner))!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void The_members_only_directory_is_for_admins_and_current_members()
    {
        var member = WithFirm(MembershipStatus.Member).ToSnapshot();
        var applicant = WithFirm(MembershipStatus.Applied).ToSnapshot();

        SpaceAccess.CanSeeDirectory(member, false, [Firm.Id]).Should().BeTrue();
        SpaceAccess.CanSeeDirectory(applicant, false, [Firm.Id]).Should().BeFalse();
        SpaceAccess.CanSeeDirectory(applicant, true, []).Should().BeTrue();
        SpaceAccess.CanSeeDirectory(applicant with { Settings = applicant.Settings with { Visibility = DirectoryVisibility.Public } }, false, [])
            .Should().BeTrue();
    }
}
