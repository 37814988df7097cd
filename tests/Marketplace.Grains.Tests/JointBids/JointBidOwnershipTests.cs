using Marketplace.JointBids;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.JointBids;

// A work package is owned by the firm it is assigned to: only that firm's people change or delete it, a firm keeps its
// work for itself, and the lead gives a package, as it is, to another firm (so the work of a firm that left is never stuck).
public sealed partial class JointBidStateTests
{
    static Outcome<WorkPackage> SaveAs(JointBidState bid, JointActor actor, SaveWorkPackage command) =>
        bid.CheckSave(command with { ActorId = actor.UserId }, actor, Alliance, Tender);

    [Fact]
    public void Another_firm_s_people_may_neither_change_nor_delete_a_package_and_nothing_changes()
    {
        var bid = Ready();
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);
        var before = bid.Version;

        var edit = SaveAs(bid, SubPeople, EditOf(partners) with { Price = new Money(1m, "EUR") });
        var delete = bid.CheckDelete(partners.Id, partners.Version, SubPeople);

        edit.Problem.Should().BeEquivalentTo(new { Kind = ProblemKind.Forbidden, Code = "jointBid.notThePackageOwner" });
        delete.Should().BeEquivalentTo(new { Kind = ProblemKind.Forbidden, Code = "jointBid.notThePackageOwner" });
        bid.WorkPackages.Single(w => w.Id == partners.Id).Should().Be(partners);
        bid.Version.Should().Be(before);
    }

    [Fact]
    public void The_owner_s_people_change_and_delete_their_own_package()
    {
        var bid = Ready();
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);

        SaveAs(bid, PartnerPeople, EditOf(partners) with { Price = new Money(21_000m, "EUR") }).Problem.Should().BeNull();
        bid.CheckDelete(partners.Id, partners.Version, PartnerPeople).Should().BeNull();
    }

    [Fact]
    public void A_member_adds_work_for_its_own_firm_only_and_cannot_hand_its_package_to_another()
    {
        var bid = Ready();
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);

        SaveAs(bid, PartnerPeople, NewPackage(Partner.Id, 1_000m)).Problem.Should().BeNull();
        SaveAs(bid, PartnerPeople, NewPackage(Lead.Id, 1_000m)).Problem.Should().BeEquivalentTo(new { Kind = ProblemKind.Forbidden, Code = "jointBid.notTheLeadToReassign" });
        SaveAs(bid, PartnerPeople, EditOf(partners) with { FirmId = Sub.Id }).Problem.Should().BeEquivalentTo(new { Code = "jointBid.notTheLeadToReassign" });
        SaveAs(bid, PartnerPeople, NewPackage(Rival.Id, 1_000m)).Problem!.Errors!.Keys.Should().Equal(["firmId"], "a firm outside the alliance is bad input, whoever sends it");
    }

    [Fact]
    public void The_lead_gives_another_firm_s_package_as_it_is_to_any_active_firm_but_does_not_rewrite_it()
    {
        var bid = Ready();
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);

        SaveAs(bid, LeadPeople, EditOf(partners) with { Price = new Money(1m, "EUR") }).Problem.Should().BeEquivalentTo(new { Code = "jointBid.notThePackageOwner" });
        bid.CheckDelete(partners.Id, partners.Version, LeadPeople).Should().BeEquivalentTo(new { Code = "jointBid.notThePackageOwner" });
        var given = SaveAs(bid, LeadPeople, EditOf(partners) with { FirmId = Sub.Id });

        given.Problem.Should().BeNull();
        given.Value.Should().Be(partners with { FirmId = Sub.Id, Version = partners.Version + 1 });
        SaveAs(bid, LeadPeople, NewPackage(Partner.Id, 2_000m)).Problem.Should().BeNull("the lead plans work for its members");
    }

    [Fact]
    public void Each_viewer_is_told_which_packages_they_may_edit_delete_or_give_away()
    {
        var bid = Ready();
        ViewerActions<WorkPackageAction> For(JointActor actor, Guid firm) =>
            bid.PackageActionsFor(actor, Alliance, Tender).Single(a => a.WorkPackageId == bid.WorkPackages.Single(w => w.FirmId == firm).Id).Actions;

        For(PartnerPeople, Partner.Id).Allowed.Should().Equal(WorkPackageAction.Edit, WorkPackageAction.Delete);
        For(PartnerPeople, Lead.Id).Allowed.Should().BeEmpty();
        For(PartnerPeople, Lead.Id).Blocked.Should().BeEmpty("another firm's package is not the viewer's: nothing to explain");
        For(LeadPeople, Lead.Id).Allowed.Should().Equal(WorkPackageAction.Edit, WorkPackageAction.Delete, WorkPackageAction.Reassign);
        For(LeadPeople, Partner.Id).Allowed.Should().Equal(WorkPackageAction.Reassign);
        JointBidState.PackageFirmsFor(PartnerPeople, Alliance).Should().Equal(Partner.Id);
        JointBidState.PackageFirmsFor(LeadPeople, Alliance).Should().BeEquivalentTo(Alliance.Active.Select(m => m.FirmId));
    }
}
