using Marketplace.Alliances;
using Marketplace.JointBids;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.JointBids;

// The joint bid a viewer was last shown is shown again only while nothing it was built from moved: every other read
// must say exactly what building it afresh says.
public sealed partial class JointBidStateTests
{
    /// <summary>What the bid says to the viewer when built afresh, as JSON so every field and every blocker's text counts.</summary>
    static string Fresh(JointBidState bid, JointActor actor, AllianceSnapshot alliance, TenderSnapshot tender, DateTimeOffset now) =>
        System.Text.Json.JsonSerializer.Serialize(bid.ToSnapshot(actor, alliance, tender, now));

    static string Json(JointBidSnapshot snapshot) => System.Text.Json.JsonSerializer.Serialize(snapshot);

    [Fact]
    public void A_viewer_is_shown_the_same_bid_again_until_the_bid_the_alliance_or_the_tender_moves()
    {
        var bid = Ready();
        var shown = new ShownJointBids();

        var first = shown.For(bid, LeadPeople, Alliance, Tender, Open);
        shown.For(bid, LeadPeople, Alliance, Tender, Open.AddMinutes(1)).Should().BeSameAs(first, "nothing it shows moved");
        Json(first).Should().Be(Fresh(bid, LeadPeople, Alliance, Tender, Open));

        Save(bid, NewPackage(Partner.Id, 1_000m, lot: 1, title: "Irrigazione"));
        var edited = shown.For(bid, LeadPeople, Alliance, Tender, Open);
        edited.Should().NotBeSameAs(first);
        edited.WorkPackages.Should().Contain(w => w.Title == "Irrigazione");

        var allianceMoved = Alliance with { Version = Alliance.Version + 1, Agreement = Alliance.Agreement with { Version = Alliance.Agreement.Version + 1 } };
        var afterAlliance = shown.For(bid, LeadPeople, allianceMoved, Tender, Open);
        afterAlliance.Should().NotBeSameAs(edited);
        Json(afterAlliance).Should().Be(Fresh(bid, LeadPeople, allianceMoved, Tender, Open));

        var amended = Tender with { Version = Tender.Version + 1, Details = Tender.Details with { Lots = [Tender.Details.Lots[0]] } };
        var afterTender = shown.For(bid, LeadPeople, allianceMoved, amended, Open);
        afterTender.Should().NotBeSameAs(afterAlliance);
        afterTender.Actions.Blocked.Should().Contain(b => b.Code == JointBidState.RemovedLot.Code, "the amendment took away the partner's lot");
    }

    [Fact]
    public void Each_viewer_is_shown_what_they_may_do_and_never_what_another_viewer_may()
    {
        var bid = Ready();
        var shown = new ShownJointBids();

        var lead = shown.For(bid, LeadPeople, Alliance, Tender, Open);
        var partner = shown.For(bid, PartnerPeople, Alliance, Tender, Open);

        partner.Should().NotBeSameAs(lead);
        Json(partner).Should().Be(Fresh(bid, PartnerPeople, Alliance, Tender, Open));
        partner.ViewerFirms.Select(f => f.FirmId).Should().Equal(Partner.Id);
        lead.ViewerFirms.Select(f => f.FirmId).Should().Equal(Lead.Id);
        var sameFirmsOtherPerson = LeadPeople with { UserId = Guid.NewGuid() };
        shown.For(bid, sameFirmsOtherPerson, Alliance, Tender, Open).Should().NotBeSameAs(lead, "each person is kept apart");
        shown.For(bid, LeadPeople with { Lead = false }, Alliance, Tender, Open).Actions.Allowed.Should().NotContain(JointBidAction.Submit);
    }

    [Fact]
    public void A_bid_kept_before_the_submission_deadline_is_not_shown_after_it()
    {
        var bid = Ready();
        SignAll(bid);
        var shown = new ShownJointBids();

        var before = shown.For(bid, LeadPeople, Alliance, Tender, SubmissionDeadline.AddSeconds(-1));
        var after = shown.For(bid, LeadPeople, Alliance, Tender, SubmissionDeadline);

        before.Window.Should().Be(BidWindow.Open);
        before.Actions.Allowed.Should().Contain(JointBidAction.Submit);
        after.Window.Should().Be(BidWindow.Closed);
        after.Actions.Blocked.Should().Contain(b => b.Action == JointBidAction.Submit && b.Code == BidNotStoredException.DeadlinePassed.Code);
    }

    [Fact]
    public void A_dgue_that_stops_being_current_at_midnight_in_Rome_is_named_on_the_first_read_after_it()
    {
        var bid = Ready();
        bid.SyncBidders(Alliance, Now); // the bidding firms, whose DGUEs the lead must have current to submit
        SignAll(bid);
        // Confirmed on 7 June (Rome): current for six months, that day included, so up to the end of 7 December in Rome,
        // which is 23:00 UTC in winter.
        var confirmed = new DateTimeOffset(2026, 6, 7, 10, 0, 0, TimeSpan.Zero);
        bid.DguesNow = new Dictionary<Guid, DgueNow>
        {
            [Lead.Id] = new("lead-dgue", "Lead S.r.l.", confirmed),
            [Partner.Id] = new("partner-dgue", "Partner S.r.l.", confirmed),
        };
        var shown = new ShownJointBids();
        var lastSecond = new DateTimeOffset(2026, 12, 7, 22, 59, 59, TimeSpan.Zero);

        var current = shown.For(bid, LeadPeople, Alliance, Tender, lastSecond);
        var stale = shown.For(bid, LeadPeople, Alliance, Tender, lastSecond.AddSeconds(1));

        current.Actions.Blocked.Should().NotContain(b => b.Code == JointBidDgues.Stale.Code);
        stale.Actions.Blocked.Should().Contain(b => b.Code == JointBidDgues.Stale.Code);
        Json(stale).Should().Be(Fresh(bid, LeadPeople, Alliance, Tender, lastSecond.AddSeconds(1)));
    }

    [Fact]
    public void A_dgue_read_differently_or_not_at_all_builds_the_bid_again()
    {
        var bid = Ready();
        bid.DguesNow = DguesOf(null, PartnerDgue);
        SignAll(bid);
        var shown = new ShownJointBids();
        var read = shown.For(bid, LeadPeople, Alliance, Tender, Open);

        bid.DguesNow = DguesOf(PartnerDgue, PartnerDgue);
        var changed = shown.For(bid, LeadPeople, Alliance, Tender, Open);
        var freshChanged = Fresh(bid, LeadPeople, Alliance, Tender, Open);
        bid.DguesNow = null;
        var unread = shown.For(bid, LeadPeople, Alliance, Tender, Open);

        changed.Should().NotBeSameAs(read);
        Json(changed).Should().Be(freshChanged);
        changed.Actions.Blocked.Should().Contain(b => b.Code == JointBidDgues.Changed.Code, "the lead's DGUE changed after it signed");
        unread.Should().NotBeSameAs(changed);
        Json(unread).Should().Be(Fresh(bid, LeadPeople, Alliance, Tender, Open));
    }

    [Fact]
    public void A_forgotten_bid_is_built_again()
    {
        var bid = Ready();
        var shown = new ShownJointBids();
        var first = shown.For(bid, LeadPeople, Alliance, Tender, Open);

        shown.Forget();

        shown.For(bid, LeadPeople, Alliance, Tender, Open).Should().NotBeSameAs(first);
    }
}
