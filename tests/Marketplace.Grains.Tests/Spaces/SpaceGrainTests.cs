using Marketplace.Businesses;
using Marketplace.Spaces;

namespace Marketplace.Grains.Tests.Spaces;

[Collection(ClusterCollection.Name)]
public sealed class SpaceGrainTests(ClusterFixture fixture)
{
    readonly Guid secretary = Guid.NewGuid(), firmOwner = Guid.NewGuid();

    async Task<Guid> Business(Guid owner, BusinessKind kind, string name)
    {
        var id = Guid.NewGuid();
        // Memory storage has no read models: the membership row the business would write is set here.
        fixture.Memberships.Rows[(owner, id)] = BusinessRole.Owner;
        (await fixture.Grains.GetGrain<IBusinessGrain>(id).Create(new CreateBusiness(owner, kind, name))).Problem.Should().BeNull();
        return id;
    }

    async Task<(ISpaceGrain Space, Guid SpaceId, Guid Firm)> SpaceWithFirm()
    {
        var host = await Business(secretary, BusinessKind.Association, "Associazione Imprese");
        var firm = await Business(firmOwner, BusinessKind.Firm, "Impianti Bianchi");
        var id = Guid.NewGuid();
        var space = fixture.Grains.GetGrain<ISpaceGrain>(id);
        (await space.Create(new CreateSpace(secretary, host,
            new SpaceSettings("Spazio Emilia", null, [], ["BO"], DirectoryVisibility.MembersOnly), "Regolamento"))).Problem.Should().BeNull();
        return (space, id, firm);
    }

    [Fact]
    public async Task The_association_s_owner_is_an_admin_and_a_firm_owner_is_not()
    {
        var (space, _, _) = await SpaceWithFirm();

        (await space.IsAdmin(secretary)).Should().BeTrue();
        (await space.IsAdmin(firmOwner)).Should().BeFalse();
        (await fixture.Grains.GetGrain<ISpaceGrain>(Guid.NewGuid()).IsAdmin(secretary)).Should().BeFalse();
    }

    [Fact]
    public async Task An_approved_application_is_stored_and_each_step_is_announced()
    {
        var (_, spaceId, firm) = await SpaceWithFirm();
        var membership = fixture.Grains.Membership(spaceId, firm);

        (await membership.Apply(new ApplyToSpace(firmOwner, "Ciao", 1))).Problem.Should().BeNull();
        var approved = await membership.Decide(new DecideMembership(secretary, MembershipDecision.Approve, null));

        approved.Value!.Standing.Status.Should().Be(MembershipStatus.Member);
        (await membership.Get())!.History.Select(h => h.Status).Should().Equal(MembershipStatus.Applied, MembershipStatus.Member);
        fixture.Live.Memberships.Where(m => m.SpaceId == spaceId && m.FirmId == firm).Select(m => m.Standing.Status)
            .Should().Equal(MembershipStatus.Applied, MembershipStatus.Member);
    }

    [Fact]
    public async Task A_firm_owner_cannot_approve_its_own_application()
    {
        var (_, spaceId, firm) = await SpaceWithFirm();
        var membership = fixture.Grains.Membership(spaceId, firm);
        await membership.Apply(new ApplyToSpace(firmOwner, null, 1));

        var selfApproval = await membership.Decide(new DecideMembership(firmOwner, MembershipDecision.Approve, null));

        selfApproval.Problem!.Kind.Should().Be(ProblemKind.Forbidden);
        (await membership.Get())!.Standing.Status.Should().Be(MembershipStatus.Applied);
    }

    [Fact]
    public async Task A_membership_follows_the_space_s_current_policy()
    {
        var (space, spaceId, firm) = await SpaceWithFirm();
        var membership = fixture.Grains.Membership(spaceId, firm);
        await membership.Apply(new ApplyToSpace(firmOwner, null, 1));
        await membership.Decide(new DecideMembership(secretary, MembershipDecision.Approve, null));

        var published = await space.PublishPolicy(new PublishPolicy(secretary, "Regolamento v2"));

        fixture.Live.Spaces.Last(s => s.Space.Id == spaceId).PolicyPublished.Should().BeTrue();
        (await membership.AcceptPolicy(new AcceptPolicy(firmOwner, 1))).Problem!.Kind.Should().Be(ProblemKind.Conflict);
        (await membership.AcceptPolicy(new AcceptPolicy(firmOwner, published.Value!.Policy.Version))).Value!.Standing.AcceptedPolicyVersion.Should().Be(2);
    }
}
