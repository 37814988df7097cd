using Marketplace.Businesses;
using Marketplace.Qualifications;

namespace Marketplace.Grains.Tests.Businesses;

[Collection(ClusterCollection.Name)]
public sealed class BusinessGrainTests(ClusterFixture fixture)
{
    readonly Guid owner = Guid.NewGuid();

    async Task<(IBusinessGrain Grain, BusinessSnapshot Business)> Create(string name = "Verdi Informatica S.r.l.")
    {
        var id = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IBusinessGrain>(id);
        var outcome = await grain.Create(new CreateBusiness(owner, BusinessKind.Firm, name));
        return (grain, outcome.Value!);
    }

    [Fact]
    public async Task A_new_business_is_stored_with_its_creator_as_owner_and_announced()
    {
        var (grain, created) = await Create();

        var read = await grain.Get();
        read!.Profile.Name.Should().Be("Verdi Informatica S.r.l.");
        read.RoleOf(owner).Should().Be(BusinessRole.Owner);
        read.CreatedAt.Should().Be(fixture.Clock.GetUtcNow());
        fixture.Live.For(created.Id).Should().ContainSingle().Which.Version.Should().Be(1);
    }

    [Fact]
    public async Task An_unknown_id_has_no_business() =>
        (await fixture.Grains.GetGrain<IBusinessGrain>(Guid.NewGuid()).Get()).Should().BeNull();

    [Fact]
    public async Task An_accepted_edit_is_stored_and_announced_with_the_new_version()
    {
        var (grain, created) = await Create();
        var profile = BusinessProfile.Named("Verdi Informatica") with { Capabilities = ["72000000"], ComuneCode = "034027" };

        var edited = await grain.EditProfile(new EditProfile(owner, created.Version, profile));

        edited.Value!.Version.Should().Be(created.Version + 1);
        (await grain.Get())!.Profile.Capabilities.Should().Equal("72000000-5");
        fixture.Live.For(created.Id).Select(b => b.Version).Should().Equal(1, 2);
    }

    [Fact]
    public async Task A_refused_edit_changes_nothing_and_announces_nothing()
    {
        var (grain, created) = await Create();

        var refused = await grain.EditProfile(new EditProfile(owner, created.Version, BusinessProfile.Named("Verdi") with { VatNumber = "123" }));

        refused.Problem!.Errors!.Keys.Should().Equal("vatNumber");
        (await grain.Get()).Should().BeEquivalentTo(created);
        fixture.Live.For(created.Id).Should().ContainSingle();
    }

    [Fact]
    public async Task Of_two_edits_from_the_same_version_only_the_first_wins()
    {
        var (grain, created) = await Create();

        var first = await grain.EditProfile(new EditProfile(owner, created.Version, BusinessProfile.Named("First")));
        var second = await grain.EditProfile(new EditProfile(owner, created.Version, BusinessProfile.Named("Second")));

        first.Problem.Should().BeNull();
        second.Problem!.Kind.Should().Be(ProblemKind.Conflict);
        (await grain.Get())!.Profile.Name.Should().Be("First");
    }

    [Fact]
    public async Task An_invited_manager_can_then_edit()
    {
        var (grain, created) = await Create();
        var manager = Guid.NewGuid();

        var invitation = Guid.NewGuid();
        await grain.Invite(new InviteToBusiness(owner, invitation, "manager@example.it", "MANAGER@EXAMPLE.IT", BusinessRole.Manager));
        var refusedBeforeAccepting = await grain.EditProfile(new EditProfile(manager, created.Version + 1, BusinessProfile.Named("Too early")));
        var joined = await grain.AnswerInvitation(new AnswerBusinessInvitation(manager, "MANAGER@EXAMPLE.IT", invitation, true));
        var edited = await grain.EditProfile(new EditProfile(manager, joined.Value!.Version, BusinessProfile.Named("Renamed by manager")));

        refusedBeforeAccepting.Problem!.Kind.Should().Be(ProblemKind.Forbidden);

        edited.Problem.Should().BeNull();
        (await grain.Get())!.Profile.Name.Should().Be("Renamed by manager");
    }

    static DgueAnswer?[] AllNo() => [.. DgueRules.Grounds.Select(g => new DgueAnswer(g.Code, false, null))];

    [Fact]
    public async Task A_firm_s_dgue_is_kept_confirmed_by_its_editor_and_announced_while_an_outsider_is_told_no_such_firm()
    {
        var (grain, created) = await Create();

        var outsider = await grain.EditDgue(new EditDgue(Guid.NewGuid(), created.Version, AllNo(), null));
        var kept = await grain.EditDgue(new EditDgue(owner, created.Version, AllNo(), null));

        outsider.Problem!.Code.Should().Be("dgue.notFound");
        kept.Value!.Version.Should().Be(created.Version + 1);
        var read = (await grain.Get())!.Dgue!;
        (read.ConfirmedBy, read.ConfirmedAt).Should().Be((owner, fixture.Clock.GetUtcNow()));
        read.Answers.Should().OnlyContain(a => !a.Applies);
        fixture.Live.For(created.Id).Select(b => b.Version).Should().Equal(1, 2);
    }
}
