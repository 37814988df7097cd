using Marketplace.Businesses;
using Marketplace.Spaces;

namespace Marketplace.Grains.Tests.Spaces;

public sealed class SpaceStateTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    static readonly Guid HostOwner = Guid.NewGuid(), FirmOwner = Guid.NewGuid(), Stranger = Guid.NewGuid();

    internal static BusinessSnapshot Business(BusinessKind kind, Guid owner, params (Guid User, BusinessRole Role)[] others) => new(
        Guid.NewGuid(), kind, BusinessProfile.Named("Impresa"),
        [new BusinessMember(owner, BusinessRole.Owner), .. others.Select(o => new BusinessMember(o.User, o.Role))], 1, Now, Now, []);

    static readonly BusinessSnapshot Host = Business(BusinessKind.Association, HostOwner);
    static readonly BusinessSnapshot Firm = Business(BusinessKind.Firm, FirmOwner);
    static readonly SpaceSettings Settings = new("Spazio Emilia", "Imprese emiliane", ["037006"], ["bo", "MO"], DirectoryVisibility.MembersOnly);

    internal static SpaceState Created()
    {
        var state = new SpaceState();
        var create = new CreateSpace(HostOwner, Host.Id, Settings, "Regolamento v1");
        state.Create(Guid.NewGuid(), create, state.CheckCreate(create, Host, new SpaceActor(HostOwner, true)).Value!, Now);
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
        new SpaceState().CheckCreate(new CreateSpace(FirmOwner, Firm.Id, Settings, "x"), Firm, new SpaceActor(FirmOwner, true)).Problem!.Errors!.Keys.Should().Equal("hostId");

    [Fact]
    public void Only_the_association_s_owners_and_managers_create_its_spaces() =>
        new SpaceState().CheckCreate(new CreateSpace(Stranger, Host.Id, Settings, "x"), Host, new SpaceActor(Stranger, false)).Problem!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void Invalid_settings_name_each_field() =>
        SpaceRules.Normalize(new SpaceSettings("X", null, ["000000"], ["ZZ"], (DirectoryVisibility)7)).Problem!.Errors!.Keys
            .Should().BeEquivalentTo("name", "territoryComuni[0]", "territoryProvinces[0]", "visibility");

    [Fact]
    public void A_policy_needs_text() =>
        Created().CheckPublishPolicy(new PublishPolicy(HostOwner, "  "), new SpaceActor(HostOwner, true))!.Errors!.Keys.Should().Equal("text");

    [Fact]
    public void Publishing_a_policy_adds_a_version()
    {
        var state = Created();
        state.PublishPolicy(new PublishPolicy(HostOwner, "Regolamento v2"), Now.AddDays(1));

        state.Policy.Should().Be(new SpacePolicy(2, "Regolamento v2", Now.AddDays(1)));
        state.Policies.Should().HaveCount(2);
    }

    [Fact]
    public void Only_admins_publish_policies_and_edit_settings()
    {
        var state = Created();
        var outsider = new SpaceActor(FirmOwner, false);

        state.CheckPublishPolicy(new PublishPolicy(FirmOwner, "x"), outsider)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckEditSettings(new EditSpaceSettings(FirmOwner, state.Version, Settings), outsider).Problem!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void A_stale_settings_edit_is_a_conflict()
    {
        var state = Created();
        state.CheckEditSettings(new EditSpaceSettings(HostOwner, state.Version - 1, Settings), new SpaceActor(HostOwner, true))
            .Problem!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_moderator_appointed_by_the_association_is_an_admin_but_cannot_appoint_others()
    {
        var state = Created();
        var moderator = Guid.NewGuid();
        state.SetModerator(new SetModerator(HostOwner, moderator, true), Now);

        state.IsAdmin(new SpaceActor(moderator, false)).Should().BeTrue();
        state.CheckSetModerator(new SetModerator(moderator, Guid.NewGuid(), true), new SpaceActor(moderator, false))!
            .Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void The_host_s_editors_are_offered_every_action_a_moderator_all_but_appointing_and_an_outsider_none()
    {
        var state = Created();
        var moderator = Guid.NewGuid();
        state.SetModerator(new SetModerator(HostOwner, moderator, true), Now);

        state.ActionsFor(new SpaceActor(HostOwner, true)).Allowed
            .Should().Equal(SpaceAction.EditSettings, SpaceAction.PublishPolicy, SpaceAction.SetModerator);
        state.ActionsFor(new SpaceActor(moderator, false)).Allowed.Should().Equal(SpaceAction.EditSettings, SpaceAction.PublishPolicy);
        state.ActionsFor(new SpaceActor(Stranger, false)).Should().BeEquivalentTo(ViewerActions<SpaceAction>.None);
        new SpaceState().ActionsFor(new SpaceActor(HostOwner, true)).Should().BeEquivalentTo(ViewerActions<SpaceAction>.None, "no space, nothing to do");
    }

    [Fact]
    public void A_host_is_an_association_the_actor_edits_for_as_creating_a_space_judges_it()
    {
        SpaceState.CheckHost(BusinessKind.Association, new SpaceActor(HostOwner, true)).Should().BeNull();
        SpaceState.CheckHost(BusinessKind.Association, new SpaceActor(Stranger, false))!.Kind.Should().Be(ProblemKind.Forbidden);
        SpaceState.CheckHost(BusinessKind.Firm, new SpaceActor(FirmOwner, true))!.Errors!.Keys.Should().Equal("hostId");
        SpaceState.CheckHost(null, new SpaceActor(HostOwner, true))!.Errors!.Keys.Should().Equal("hostId");
    }

    [Fact]
    public void The_members_only_directory_is_for_admins_and_current_members()
    {
        var space = Created().ToSnapshot();

        SpaceAccess.CanSeeDirectory(space, viewerIsAdmin: false, viewerHasMemberFirm: true).Should().BeTrue();
        SpaceAccess.CanSeeDirectory(space, viewerIsAdmin: true, viewerHasMemberFirm: false).Should().BeTrue();
        SpaceAccess.CanSeeDirectory(space, viewerIsAdmin: false, viewerHasMemberFirm: false).Should().BeFalse();
        SpaceAccess.CanSeeDirectory(space with { Settings = space.Settings with { Visibility = DirectoryVisibility.Public } }, false, false)
            .Should().BeTrue();
    }
}
