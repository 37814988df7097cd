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

        var news = bid.News(JointBidEdit.PackageSaved, saved.Id, Alliance, Tender, Open, bid.ToDo(Alliance, Tender));

        news.Readers.Should().BeEquivalentTo(bid.ToSnapshot(new JointActor(Stranger, [], false), Alliance, Tender, Open));
        news.Firms.Select(f => f.FirmId).Should().BeEquivalentTo(Alliance.Active.Select(m => m.FirmId));
        foreach (var people in new[] { LeadPeople, PartnerPeople, SubPeople })
        {
            var read = bid.ToSnapshot(people, Alliance, Tender, Open);
            var part = news.Firms.Single(f => f.FirmId == people.Firms.Single());
            part.Actions.Should().BeEquivalentTo(read.Actions);
            part.ViewerFirm.Should().BeEquivalentTo(read.ViewerFirms.Single());
            part.PackageActions.Should().BeEquivalentTo([read.PackageActions.Single(a => a.WorkPackageId == saved.Id)]);
        }
        news.Firms.Single(f => f.FirmId == Partner.Id).PackageActions.Single().Actions.Allowed.Should().Contain(WorkPackageAction.Edit, "it is the partner's own package");
        news.Firms.Single(f => f.FirmId == Lead.Id).PackageActions.Single().Actions.Allowed.Should().Equal(WorkPackageAction.Reassign);
        (news.Since, news.Readers.Version).Should().Be((bid.Version - 1, bid.Version));
        (news.Saved, news.Deleted).Should().BeEquivalentTo((new[] { saved.Id }, Array.Empty<Guid>()));
    }

    [Fact]
    public void A_change_the_message_does_not_carry_has_no_firm_parts_and_a_deleted_package_no_package_actions()
    {
        var bid = Ready();
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);
        bid.Delete(partners.Id, Now);

        bid.News(JointBidEdit.Other, null, Alliance, Tender, Open, null).Firms.Should().BeEmpty();
        var deleted = bid.News(JointBidEdit.PackageDeleted, partners.Id, Alliance, Tender, Open, bid.ToDo(Alliance, Tender));
        deleted.Firms.Should().OnlyContain(f => f.PackageActions.Length == 0);
        (deleted.Saved, deleted.Deleted).Should().BeEquivalentTo((Array.Empty<Guid>(), new[] { partners.Id }));
    }

    // ---- Changes told as one (watchers who could not be told each before the next was stored) ----

    [Fact]
    public void Changes_told_as_one_take_the_bid_from_the_first_s_version_to_the_last_with_each_package_s_last_change()
    {
        var bid = Ready();
        var leads = bid.WorkPackages.Single(w => w.FirmId == Lead.Id);
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);
        var first = bid.Version;
        var repriced = Save(bid, EditOf(partners) with { Price = new Money(22_000m, "EUR") });
        var one = bid.News(JointBidEdit.PackageSaved, repriced.Id, Alliance, Tender, Open, bid.ToDo(Alliance, Tender));
        var renamed = Save(bid, EditOf(leads) with { Title = "Opere edili e finiture" });
        var two = bid.News(JointBidEdit.PackageSaved, renamed.Id, Alliance, Tender, Open, bid.ToDo(Alliance, Tender));
        bid.Delete(partners.Id, Now);
        var three = bid.News(JointBidEdit.PackageDeleted, partners.Id, Alliance, Tender, Open, bid.ToDo(Alliance, Tender));

        var told = one.Then(two).Then(three);

        told.Since.Should().Be(first, "a watcher that shows the version before the first change can apply them all");
        told.Readers.Should().BeSameAs(three.Readers, "the bid as the last change left it");
        told.Saved.Should().Equal([renamed.Id], "the partner's package was deleted after it was saved");
        told.Deleted.Should().Equal([partners.Id]);
        foreach (var people in new[] { LeadPeople, PartnerPeople, SubPeople })
        {
            var part = told.Firms.Single(f => f.FirmId == people.Firms.Single());
            var read = bid.ToSnapshot(people, Alliance, Tender, Open);
            part.Actions.Should().BeEquivalentTo(read.Actions, "what each firm may do is the last change's");
            part.PackageActions.Should().BeEquivalentTo([read.PackageActions.Single(a => a.WorkPackageId == renamed.Id)],
                "what the firm may do with each saved package, and nothing of a deleted one");
        }
        one.Then(bid.News(JointBidEdit.Other, null, Alliance, Tender, Open, null)).Should().Match<JointBidNews>(n =>
            n.Edit == JointBidEdit.Other && n.Firms.Length == 0 && n.Saved.Length == 0 && n.Since == first,
            "a change watchers read again makes them read the whole of it again");
    }

    // ---- Whose to-do lists a change alters (each told list is read again by every connected person of the firm) ----

    /// <summary>The firms the change is told to as to-do news: <paramref name="change"/> applied between the two readings.</summary>
    static Guid[] ToDoFirmsOf(JointBidState bid, JointBidEdit edit, Action change)
    {
        var before = bid.ToDo(Alliance, Tender);
        change();
        return bid.News(edit, null, Alliance, Tender, Open, before).ToDoFirms;
    }

    [Fact]
    public void An_edit_that_leaves_every_firm_with_a_sign_off_to_give_tells_no_to_do_list()
    {
        var bid = Ready();
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);

        ToDoFirmsOf(bid, JointBidEdit.PackageSaved, () => Save(bid, EditOf(partners) with { Price = new Money(21_000m, "EUR") }))
            .Should().BeEmpty("both firms had the bid to sign before the edit and have it after");
    }

    [Fact]
    public void An_edit_that_voids_a_sign_off_tells_the_firm_that_must_sign_again_and_only_it()
    {
        var bid = Ready();
        Sign(bid, PartnerPeople, Partner.Id);
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);

        ToDoFirmsOf(bid, JointBidEdit.PackageSaved, () => Save(bid, EditOf(partners) with { Price = new Money(21_000m, "EUR") }))
            .Should().Equal([Partner.Id], "the lead had not signed: its list is as it was");
    }

    [Fact]
    public void A_sign_off_takes_the_bid_off_the_signing_firm_s_list_alone()
    {
        var bid = Ready();

        ToDoFirmsOf(bid, JointBidEdit.SignedOff, () => Sign(bid, LeadPeople, Lead.Id)).Should().Equal([Lead.Id]);
    }

    [Fact]
    public void The_first_package_puts_the_bid_on_every_bidding_firm_s_list_and_never_on_a_subcontractor_s()
    {
        var bid = Empty();

        ToDoFirmsOf(bid, JointBidEdit.PackageSaved, () => Save(bid, NewPackage(Sub.Id, 5_000m)))
            .Should().BeEquivalentTo([Lead.Id, Partner.Id], "there was nothing to sign before");
    }

    [Fact]
    public void An_edit_after_submission_tells_the_lead_it_has_the_bid_to_submit_again()
    {
        var bid = Ready();
        SignAll(bid);
        bid.Submitted(ReceiptOf(bid), FirmOwner, Open);
        var partners = bid.WorkPackages.Single(w => w.FirmId == Partner.Id);

        ToDoFirmsOf(bid, JointBidEdit.PackageSaved, () => Save(bid, EditOf(partners) with { Price = new Money(21_000m, "EUR") }))
            .Should().BeEquivalentTo([Lead.Id, Partner.Id], "both sign-offs are void and the submitted bid is no longer the bid");
    }

    [Fact]
    public void A_change_every_watcher_reads_again_tells_every_bidding_firm_s_list()
    {
        var bid = Ready();

        bid.News(JointBidEdit.Other, null, Alliance, Tender, Open, null).ToDoFirms.Should().BeEquivalentTo([Lead.Id, Partner.Id]);
    }
}
