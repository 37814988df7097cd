using Marketplace.Businesses;

namespace Marketplace.Grains.Tests.Businesses;

public sealed class BusinessStateTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid Owner = Guid.NewGuid(), Manager = Guid.NewGuid(), Viewer = Guid.NewGuid(), Stranger = Guid.NewGuid();

    static BusinessState Created()
    {
        var state = new BusinessState();
        var create = new CreateBusiness(Owner, BusinessKind.Firm, "Impianti Bianchi");
        state.Create(Guid.NewGuid(), create, state.CheckCreate(create).Value!, Now);
        Joined(state, Manager, "manager@example.it", BusinessRole.Manager);
        Joined(state, Viewer, "viewer@example.it", BusinessRole.Viewer);
        return state;
    }

    static InviteToBusiness Invitation(Guid actor, string email, BusinessRole role) => new(actor, Guid.NewGuid(), email, email.ToUpperInvariant(), role);

    /// <summary>Invites the address and has its person accept.</summary>
    static void Joined(BusinessState state, Guid person, string email, BusinessRole role)
    {
        var invite = Invitation(Owner, email, role);
        state.CheckInvite(invite, Now).Should().BeNull();
        state.Invite(invite, Now);
        var accept = new AnswerBusinessInvitation(person, email.ToUpperInvariant(), invite.InvitationId, true);
        state.CheckAnswer(accept).Should().BeNull();
        state.Answer(accept, Now);
    }

    static EditProfile Edit(Guid actor, int version) => new(actor, version, BusinessProfile.Named("Impianti Bianchi S.n.c."));

    [Fact]
    public void The_creator_becomes_the_only_owner_at_version_one()
    {
        var state = new BusinessState();
        var create = new CreateBusiness(Owner, BusinessKind.Buyer, "Comune di Prova");
        state.Create(Guid.NewGuid(), create, state.CheckCreate(create).Value!, Now);

        state.Version.Should().Be(1);
        state.Members.Should().Equal(new BusinessMember(Owner, BusinessRole.Owner));
    }

    [Fact]
    public void Creating_twice_is_a_conflict() =>
        Created().CheckCreate(new CreateBusiness(Owner, BusinessKind.Firm, "Again")).Problem!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void Creating_with_an_unknown_kind_names_the_kind() =>
        new BusinessState().CheckCreate(new CreateBusiness(Owner, (BusinessKind)9, "X S.r.l.")).Problem!.Errors!.Keys.Should().Equal("kind");

    [Theory]
    [MemberData(nameof(Editors))]
    public void Owners_and_managers_may_edit(Guid actor)
    {
        var state = Created();
        state.CheckEdit(Edit(actor, state.Version)).Problem.Should().BeNull();
    }

    public static TheoryData<Guid> Editors => [Owner, Manager];

    [Theory]
    [MemberData(nameof(NonEditors))]
    public void Viewers_and_strangers_may_not_edit(Guid actor)
    {
        var state = Created();
        state.CheckEdit(Edit(actor, state.Version)).Problem!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    public static TheoryData<Guid> NonEditors => [Viewer, Stranger];

    [Fact]
    public void An_edit_from_an_older_version_is_a_conflict()
    {
        var state = Created();
        state.CheckEdit(Edit(Owner, state.Version - 1)).Problem!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void Editing_a_business_that_does_not_exist_is_not_found() =>
        new BusinessState().CheckEdit(Edit(Owner, 0)).Problem!.Kind.Should().Be(ProblemKind.NotFound);

    [Fact]
    public void Every_change_moves_the_version_and_the_time()
    {
        var state = Created();
        var before = state.Version;
        state.Edit(state.CheckEdit(Edit(Owner, before)).Value!, Now.AddHours(1));

        state.Version.Should().Be(before + 1);
        state.UpdatedAt.Should().Be(Now.AddHours(1));
    }

    [Fact]
    public void A_viewer_cannot_invite() =>
        Created().CheckInvite(Invitation(Viewer, "new@example.it", BusinessRole.Viewer), Now)!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void A_stranger_cannot_invite() =>
        Created().CheckInvite(Invitation(Stranger, "new@example.it", BusinessRole.Viewer), Now)!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void Nobody_can_be_invited_as_a_second_owner() =>
        Created().CheckInvite(Invitation(Owner, "new@example.it", BusinessRole.Owner), Now)!.Errors!.Keys.Should().Equal("role");

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("two@at@example.it")]
    public void An_invitation_names_an_e_mail_address(string email) =>
        Created().CheckInvite(Invitation(Manager, email, BusinessRole.Viewer), Now)!.Errors!.Keys.Should().Equal("email");

    [Fact]
    public void Inviting_an_invited_address_again_sends_its_e_mail_again_at_most_once_per_ten_minutes_with_the_role_now_chosen()
    {
        var state = Created();
        var first = Invitation(Owner, "new@example.it", BusinessRole.Viewer);
        state.Invite(first, Now);
        var again = Invitation(Manager, "NEW@example.it", BusinessRole.Manager) with { Mail = new OutgoingMail("business.invitation", "NEW@example.it", "s", "t", "h") };

        var tooSoon = state.CheckInvite(again, Now + BusinessState.SendAgainEvery - TimeSpan.FromSeconds(1))!;
        state.CheckInvite(again, Now + BusinessState.SendAgainEvery).Should().BeNull();
        state.Invite(again, Now + BusinessState.SendAgainEvery);

        tooSoon.Should().BeEquivalentTo(new { Kind = ProblemKind.TooSoon, Code = "business.invitationSentRecently" });
        tooSoon.Args.Should().Equal(new Dictionary<string, string> { ["minutes"] = "10" });
        state.Invitations.Where(i => i.NormalizedEmail == "NEW@EXAMPLE.IT").Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Id = first.InvitationId, Role = BusinessRole.Manager, SentAgainAt = Now + BusinessState.SendAgainEvery });
        state.Outgoing.Should().ContainSingle().Which.Should().Be(again.Mail);
        state.CheckInvite(again, Now + BusinessState.SendAgainEvery + TimeSpan.FromMinutes(9))!.Kind.Should().Be(ProblemKind.TooSoon, "the wait starts again from the last sending");
    }

    [Fact]
    public void An_invited_person_has_no_role_until_they_accept()
    {
        var state = Created();
        var invite = Invitation(Owner, "new@example.it", BusinessRole.Manager);
        state.Invite(invite, Now);
        var person = Guid.NewGuid();

        state.RoleOf(person).Should().BeNull();
        state.Answer(new AnswerBusinessInvitation(person, "NEW@EXAMPLE.IT", invite.InvitationId, true), Now);

        state.RoleOf(person).Should().Be(BusinessRole.Manager);
        state.Invitations.Should().BeEmpty();
    }

    [Fact]
    public void Only_the_invited_address_can_answer_and_to_anyone_else_the_invitation_does_not_exist()
    {
        var state = Created();
        var invite = Invitation(Owner, "new@example.it", BusinessRole.Manager);
        state.Invite(invite, Now);

        var someoneElse = state.CheckAnswer(new AnswerBusinessInvitation(Stranger, "OTHER@EXAMPLE.IT", invite.InvitationId, true))!;
        var noSuch = state.CheckAnswer(new AnswerBusinessInvitation(Stranger, "OTHER@EXAMPLE.IT", Guid.NewGuid(), true))!;

        someoneElse.Should().Be(noSuch);
        someoneElse.Kind.Should().Be(ProblemKind.NotFound);
    }

    [Fact]
    public void A_declined_invitation_gives_no_role()
    {
        var state = Created();
        var invite = Invitation(Owner, "new@example.it", BusinessRole.Manager);
        state.Invite(invite, Now);
        var person = Guid.NewGuid();

        state.Answer(new AnswerBusinessInvitation(person, "NEW@EXAMPLE.IT", invite.InvitationId, false), Now);

        state.RoleOf(person).Should().BeNull();
        state.Invitations.Should().BeEmpty();
    }

    [Fact]
    public void Owners_and_managers_take_an_invitation_back_and_viewers_cannot()
    {
        var state = Created();
        var invite = Invitation(Owner, "new@example.it", BusinessRole.Viewer);
        state.Invite(invite, Now);

        state.CheckRevoke(Viewer, invite.InvitationId)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckRevoke(Manager, invite.InvitationId).Should().BeNull();
        state.Revoke(invite.InvitationId, Now);
        state.CheckAnswer(new AnswerBusinessInvitation(Stranger, "NEW@EXAMPLE.IT", invite.InvitationId, true))!.Kind.Should().Be(ProblemKind.NotFound);
    }

    static ViewerActions<BusinessAction> ActionsOf(BusinessState state, Guid viewer) =>
        ViewerActions<BusinessAction>.Of([.. BusinessState.ActionChecks(state.RoleOf(viewer), state.Invitations.Count)]);

    [Fact]
    public void Owners_and_managers_are_offered_what_their_commands_accept_viewers_only_the_team_and_strangers_nothing()
    {
        var state = Created();
        BusinessAction[] editing = [BusinessAction.Edit, BusinessAction.Invite, BusinessAction.SeeMembers, BusinessAction.SeeInvitations];

        ActionsOf(state, Owner).Allowed.Should().Equal(editing);
        ActionsOf(state, Manager).Allowed.Should().Equal(editing);
        ActionsOf(state, Viewer).Should().BeEquivalentTo(new { Allowed = new[] { BusinessAction.SeeMembers }, Blocked = Array.Empty<object>() });
        ActionsOf(state, Stranger).Should().BeEquivalentTo(ViewerActions<BusinessAction>.None);
        state.CheckEdit(Edit(Viewer, state.Version)).Problem!.Kind.Should().Be(ProblemKind.Forbidden, "what is not offered is refused");
    }

    [Fact]
    public void At_the_limit_of_pending_invitations_invite_is_blocked_with_the_refusal_an_invitation_gets()
    {
        var state = Created();
        for (var i = state.Invitations.Count; i < BusinessState.MaxInvitations; i++)
            state.Invite(Invitation(Owner, $"person{i}@example.it", BusinessRole.Viewer), Now);

        var refused = state.CheckInvite(Invitation(Manager, "one-more@example.it", BusinessRole.Viewer), Now)!;

        var actions = ActionsOf(state, Manager);
        actions.Allowed.Should().NotContain(BusinessAction.Invite).And.Contain(BusinessAction.Edit);
        actions.Blocked.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Action = BusinessAction.Invite, refused.Code, refused.Args });
        refused.Code.Should().Be("business.tooManyInvitations");
        ActionsOf(state, Viewer).Blocked.Should().BeEmpty("a viewer is not told about invitations they may not make");
    }

    [Fact]
    public void An_owner_is_never_removable_and_only_owners_and_managers_remove_the_others()
    {
        var state = Created();

        BusinessState.CheckRemoval(BusinessRole.Manager, BusinessRole.Owner)!.Code.Should().Be("business.ownerStays");
        BusinessState.CheckRemoval(BusinessRole.Manager, BusinessRole.Owner).Should().Be(state.CheckRemoveMember(Manager, Owner));
        BusinessState.CheckRemoval(BusinessRole.Owner, BusinessRole.Viewer).Should().BeNull();
        state.CheckRemoveMember(Owner, Viewer).Should().BeNull();
        BusinessState.CheckRemoval(BusinessRole.Viewer, BusinessRole.Manager)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckRemoveMember(Viewer, Manager)!.Kind.Should().Be(ProblemKind.Forbidden);
    }
}
