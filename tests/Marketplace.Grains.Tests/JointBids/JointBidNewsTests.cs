using Marketplace.JointBids;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.JointBids;

// A change is told once for every watcher: what a reader sees, and each firm's part for the people who edit for it
// alone. Each part must be exactly what such a person reads of the bid.
public sealed partial class JointBidStateTests
{
    [Fact]
    public void A_change_tells_each_firm_s_editors_what_they_would_read_and_everyone_else_what_a_reader_reads()
    {
        var bid = Ready();
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);
        var saved = Save(bid, EditOf(partners) with { Price = new Money(22_000m, "EUR") });

        var news = bid.News(JointBidEdit.PackageSaved, saved.Id, Alliance, Tender, Open);

        news.Readers.Should().BeEquivalentTo(bid.ToSnapshot(new JointActor(Stranger, [], false), Alliance, Tender, Open));
        news.Firms.Select(f => f.FirmId).Should().BeEquivalentTo(Alliance.Active.Select(m => m.FirmId));
        foreach (var people in new[] { LeadPeople, PartnerPeople, SubPeople })
        {
            var read = bid.ToSnapshot(people, Alliance, Tender, Open);
            var part = news.Firms.Single(f => f.FirmId == people.Firms.Single());
            part.Actions.Should().BeEquivalentTo(read.Actions);
            part.ViewerFirm.Should().BeEquivalentTo(read.ViewerFirms.Single());
            part.PackageActions.Should().BeEquivalentTo(read.PackageActions.Single(a => a.WorkPackageId == saved.Id).Actions);
        }
        news.Firms.Single(f => f.FirmId == Partner.Id).PackageActions!.Allowed.Should().Contain(WorkPackageAction.Edit, "it is the partner's own package");
        news.Firms.Single(f => f.FirmId == Lead.Id).PackageActions!.Allowed.Should().Equal(WorkPackageAction.Reassign);
    }

    [Fact]
    public void A_change_the_message_does_not_carry_has_no_firm_parts_and_a_deleted_package_no_package_actions()
    {
        var bid = Ready();
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);
        bid.Delete(partners.Id, Now);

        bid.News(JointBidEdit.Other, null, Alliance, Tender, Open).Firms.Should().BeEmpty();
        bid.News(JointBidEdit.PackageDeleted, partners.Id, Alliance, Tender, Open).Firms.Should().OnlyContain(f => f.PackageActions == null);
    }
}
