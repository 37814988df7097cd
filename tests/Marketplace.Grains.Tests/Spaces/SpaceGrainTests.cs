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
        (await fixture.Grains.GetGrain<IBusinessGrain>(id).Create(new CreateBusiness(owner, kind, name))).Problem.Should().BeNull();
        return id;
    }

    async Task<(ISpaceGrain Space, Guid Firm)> SpaceWithFirm()
    {
        var host = await Business(secretary, BusinessKind.Association, "Associazione Imprese");
        var firm = await Business(firmOwner, BusinessKind.Firm, "Impianti Bianchi");
        var space = fixture.Grains.GetGrain<ISpaceGrain>(Guid.NewGuid());
        var created = await space.Create(new CreateSpace(secretary, host,
            new SpaceSettings("Spazio Emilia", null, [], ["BO"], DirectoryVisibility.MembersOnly), "Regolamento"));
        created.Problem.Should().BeNull();
        return (space, firm);
    }

    [Fact]
    public async Task The_association_s_owner_is_an_admin_and_a_firm_owner_is_not()
    {
        var (space, _) = await SpaceWithFirm();

        (await space.IsAdmin(secretary)).Should().BeTrue();
        (await space.IsAdmin(firmOwner)).Should().BeFalse();
    }

    [Fact]
    public async Task An_approved_application_is_stored_and_the_firm_is_told()
    {
        var (space, firm) = await SpaceWithFirm();

        (await space.Apply(new ApplyToSpace(firmOwner, firm, "Ciao", 1))).Problem.Should().BeNull();
        var approved = await space.Decide(new DecideMembership(secretary, firm, MembershipDecision.Approve, null));

        approved.Value!.IsMember(firm).Should().BeTrue();
        (await space.Get())!.History.Select(h => h.Status).Should().Equal(MembershipStatus.Applied, MembershipStatus.Member);
        fixture.Live.Spaces.Where(s => s.Space.Id == approved.Value.Id).Select(s => s.FirmsToTell)
            .Should().BeEquivalentTo([Array.Empty<Guid>(), [firm], [firm]], o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_firm_owner_cannot_approve_its_own_application()
    {
        var (space, firm) = await SpaceWithFirm();
        await space.Apply(new ApplyToSpace(firmOwner, firm, null, 1));

        var selfApproval = await space.Decide(new DecideMembership(firmOwner, firm, MembershipDecision.Approve, null));

        selfApproval.Problem!.Kind.Should().Be(ProblemKind.Forbidden);
        (await space.Get())!.MemberOf(firm)!.Status.Should().Be(MembershipStatus.Applied);
    }

    [Fact]
    public async Task Publishing_a_policy_tells_every_member_who_must_accept_it()
    {
        var (space, firm) = await SpaceWithFirm();
        await space.Apply(new ApplyToSpace(firmOwner, firm, null, 1));
        await space.Decide(new DecideMembership(secretary, firm, MembershipDecision.Approve, null));

        var published = await space.PublishPolicy(new PublishPolicy(secretary, "Regolamento v2"));

        published.Value!.Policy.Version.Should().Be(2);
        fixture.Live.Spaces.Last(s => s.Space.Id == published.Value.Id).FirmsToTell.Should().Equal(firm);
    }
}
