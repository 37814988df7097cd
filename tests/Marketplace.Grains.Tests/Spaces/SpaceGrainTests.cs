using Marketplace.Businesses;
using Marketplace.Spaces;
using Marketplace.Qualifications;

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

    async Task<(ISpaceMembershipGrain Membership, Guid Firm, IBusinessGrain Business)> MemberWithQualifications()
    {
        var (_, spaceId, firm) = await SpaceWithFirm();
        var membership = fixture.Grains.Membership(spaceId, firm);
        (await membership.Invite(secretary)).Problem.Should().BeNull();
        (await membership.Apply(new ApplyToSpace(firmOwner, null, 1))).Value!.Standing.Status.Should().Be(MembershipStatus.Member);
        var business = fixture.Grains.GetGrain<IBusinessGrain>(firm);
        var held = new FirmQualifications(
            [new SoaAttestation("OG1", SoaClass.III, new DateOnly(2028, 3, 31), "SOA Nord Alpi S.p.A.", null)],
            new FinancialFigures(2025, 3_200_000m, 1_150_000m));
        (await business.EditQualifications(new EditQualifications(firmOwner, (await business.Get())!.Version, held))).Problem.Should().BeNull();
        return (membership, firm, business);
    }

    [Fact]
    public async Task An_admin_checks_an_attestation_as_read_and_the_firm_s_edit_of_it_leaves_a_check_that_no_longer_holds()
    {
        var (membership, _, business) = await MemberWithQualifications();
        var version = (await business.Get())!.Version;

        var vouched = await membership.VouchQualification(new VouchQualification(secretary, version, "OG1"));

        vouched.Value!.Vouches.Should().ContainSingle().Which.Should().Match<QualificationVouch>(v => v.Category == "OG1" && v.ActorId == secretary);
        (await membership.VouchQualification(new VouchQualification(secretary, version, "OG1"))).Problem!.Code.Should().Be("space.alreadyChecked");
        var edited = (await business.Get())!.Qualifications! with
        {
            Attestations = [(await business.Get())!.Qualifications!.Attestations[0] with { Class = SoaClass.IV }],
        };
        (await business.EditQualifications(new EditQualifications(firmOwner, version, edited))).Problem.Should().BeNull();
        var read = (await membership.Qualifications(secretary)).Value!;
        QualificationDigests.Holds(read.Vouches.Single(), read.Qualifications).Should().BeFalse("the firm changed the class after the check");
        (await membership.VouchQualification(new VouchQualification(secretary, version, "OG1"))).Problem!.Code
            .Should().Be("space.qualificationsChanged", "the admin read the version before the edit");
        (await membership.VouchQualification(new VouchQualification(secretary, read.Version, "OG1"))).Problem.Should().BeNull("the new class may be checked in turn");
    }

    [Fact]
    public async Task Only_the_space_s_admins_read_and_check_a_member_s_qualifications_and_a_check_is_withdrawn()
    {
        var (membership, firm, business) = await MemberWithQualifications();
        var version = (await business.Get())!.Version;

        (await membership.Qualifications(firmOwner)).Problem!.Kind.Should().Be(ProblemKind.Forbidden, "the firm's Owner knows it is a member, and is told the check is the admins'");
        (await membership.VouchQualification(new VouchQualification(Guid.NewGuid(), version, null))).Problem!.Kind.Should().Be(ProblemKind.NotFound);
        (await membership.VouchQualification(new VouchQualification(secretary, version, "OS30"))).Problem!.Code.Should().Be("space.attestationNotRecorded");
        (await fixture.Grains.Membership(Guid.NewGuid(), firm).Qualifications(secretary)).Problem!.Kind.Should().Be(ProblemKind.NotFound);
        (await membership.WithdrawQualificationVouch(secretary, null)).Problem!.Code.Should().Be("space.noCheck");

        (await membership.VouchQualification(new VouchQualification(secretary, version, null))).Value!.Vouches.Should().ContainSingle(v => v.Category == null);
        (await membership.WithdrawQualificationVouch(firmOwner, null)).Problem!.Kind.Should().Be(ProblemKind.Forbidden);
        (await membership.WithdrawQualificationVouch(secretary, null)).Value!.Vouches.Should().BeEmpty();
    }
}
