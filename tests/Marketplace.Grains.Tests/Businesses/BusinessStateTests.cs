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
        state.AddMember(new AddBusinessMember(Owner, Manager, BusinessRole.Manager), Now);
        state.AddMember(new AddBusinessMember(Owner, Viewer, BusinessRole.Viewer), Now);
        return state;
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
        Created().CheckAddMember(new AddBusinessMember(Viewer, Guid.NewGuid(), BusinessRole.Viewer))!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void A_stranger_cannot_invite() =>
        Created().CheckAddMember(new AddBusinessMember(Stranger, Guid.NewGuid(), BusinessRole.Viewer))!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void Nobody_can_be_invited_as_a_second_owner() =>
        Created().CheckAddMember(new AddBusinessMember(Owner, Guid.NewGuid(), BusinessRole.Owner))!.Errors!.Keys.Should().Equal("role");

    [Fact]
    public void Inviting_an_unknown_email_names_the_email() =>
        Created().CheckAddMember(new AddBusinessMember(Manager, null, BusinessRole.Viewer))!.Errors!.Keys.Should().Equal("email");

    [Fact]
    public void Inviting_an_existing_member_is_a_conflict() =>
        Created().CheckAddMember(new AddBusinessMember(Owner, Viewer, BusinessRole.Manager))!.Kind.Should().Be(ProblemKind.Conflict);
}
