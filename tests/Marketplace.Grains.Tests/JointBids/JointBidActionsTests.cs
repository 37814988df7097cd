using Marketplace.Alliances;
using Marketplace.JointBids;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Alliances.AllianceSamples;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.JointBids;

// What the joint bid tells each viewer they may do, and why not: the workspace shows exactly this, so it must be what
// the commands then accept or refuse.
public sealed partial class JointBidStateTests
{
    static string[] Blockers<TAction>(ViewerActions<TAction> actions, TAction action) where TAction : struct, Enum =>
        [.. actions.Blocked.Where(b => b.Action.Equals(action)).Select(b => b.Code)];

    static ViewerActions<JointBidFirmAction> SignFor(JointBidViewerFirm[] firms, Guid firm) => firms.Single(f => f.FirmId == firm).Actions;

    [Fact]
    public void The_lead_s_editors_see_that_they_may_submit_once_everything_is_in_place_and_then_withdraw()
    {
        var bid = Ready();
        SignAll(bid);

        var (actions, firms, documents) = bid.ActionsFor(LeadPeople, Alliance, Tender, Open);

        actions.Allowed.Should().Equal(JointBidAction.Edit, JointBidAction.Submit);
        Blockers(actions, JointBidAction.Withdraw).Should().Equal(BidState.NothingToWithdraw.Code);
        firms.Select(f => f.FirmId).Should().Equal(Lead.Id);
        Blockers(SignFor(firms, Lead.Id), JointBidFirmAction.Sign).Should().Equal(JointBidState.AlreadySigned.Code);
        documents.Should().OnlyContain(d => d.Actions.Allows(JointDocumentAction.Detach), "the lead takes off any firm's file");

        bid.Submitted(ReceiptOf(bid), FirmOwner, Open);
        var (submitted, _, _) = bid.ActionsFor(LeadPeople, Alliance, Tender, Open);
        Blockers(submitted, JointBidAction.Submit).Should().Equal(JointBidState.AlreadySubmitted.Code);
        submitted.Allows(JointBidAction.Withdraw).Should().BeTrue();
        bid.CheckSubmit(LeadPeople, Alliance, Tender, Open)!.Code.Should().Be(JointBidState.AlreadySubmitted.Code, "the command refuses what the workspace said");
    }

    [Fact]
    public void Every_reason_the_lead_may_not_submit_is_listed_at_once_and_the_command_answers_with_the_first()
    {
        // Nothing signed, a quality criterion unanswered, work for a lot the amendment removed and for a firm that was
        // removed from the alliance; and the bidding period has not begun.
        var stillIn = WithPartners(Tender).Joined(Former, AllianceRole.Member).ToSnapshot();
        var bid = Empty();
        Save(bid, NewPackage(Lead.Id, 10_000m, lot: 2));
        bid.Save(bid.CheckSave(NewPackage(Former.Id, 1_000m), Everyone, stillIn, Tender).Value!, Now);
        Answer(bid, 2, "Interventi settimanali");
        var amended = Tender with { Status = TenderStatus.Enquiries, Details = Tender.Details with { Lots = [Tender.Details.Lots[0]] } };
        var tooEarly = EnquiryDeadline.AddDays(-1);

        var blockers = bid.SubmitBlockers(LeadPeople, Alliance, amended, tooEarly);
        var (actions, _, _) = bid.ActionsFor(LeadPeople, Alliance, amended, tooEarly);

        string[] expected = [JointBidState.Unsigned.Code, JointBidState.RemovedLot.Code, JointBidState.DepartedFirm.Code, JointBidState.Unanswered.Code, TenderState.TooEarly.Code];
        blockers.Select(b => b.Code).Should().Equal(expected);
        Blockers(actions, JointBidAction.Submit).Should().Equal(expected);
        actions.Blocked.Single(b => b.Code == JointBidState.Unsigned.Code).Args.Should().Contain("count", "2");
        actions.Blocked.Single(b => b.Code == JointBidState.Unanswered.Code).Args.Should().Contain("criteria", "Personale");
        bid.CheckSubmit(LeadPeople, Alliance, amended, tooEarly).Should().Be(blockers[0]);
    }

    [Fact]
    public void The_lead_of_a_ready_bid_is_told_before_trying_that_an_external_opportunity_takes_bids_on_the_buyer_s_platform()
    {
        var bid = Ready();
        SignAll(bid);
        var external = Tender with { External = new ExternalSource("ocds-x7k2p9-mo-1", "Comune di Modena", null, null, [], Guid.NewGuid()) };

        var (actions, _, _) = bid.ActionsFor(LeadPeople, Alliance, external, Open);

        Blockers(actions, JointBidAction.Submit).Should().Equal(TenderState.ExternalBids.Code);
        bid.CheckSubmit(LeadPeople, Alliance, external, Open)!.Code.Should().Be(TenderState.ExternalBids.Code, "the command refuses what the workspace said");
        bid.SubmitBlockers(LeadPeople, Alliance, Tender, Open).Should().BeEmpty("the same bid for a tender published here may be submitted");
    }

    [Fact]
    public void A_member_signs_for_its_own_firm_takes_off_only_its_own_files_and_does_not_see_the_lead_s_actions()
    {
        var bid = Ready();
        Attach(bid, LeadPeople, Lead.Id, [Document("capitolato.pdf")]);

        var (actions, firms, documents) = bid.ActionsFor(PartnerPeople, Alliance, Tender, Open);

        actions.Allowed.Should().Equal(JointBidAction.Edit);
        actions.Blocked.Should().BeEmpty("submitting and withdrawing are the lead's: a member is not told why not");
        SignFor(firms, Partner.Id).Allowed.Should().Equal(JointBidFirmAction.Sign, JointBidFirmAction.Attach);
        documents.Where(d => d.Actions.Allows(JointDocumentAction.Detach)).Select(d => d.DocumentId)
            .Should().Equal(bid.Documents.Where(d => d.FirmId == Partner.Id).Select(d => d.Document.Id));
    }

    [Fact]
    public void A_subcontractor_edits_but_signs_nothing()
    {
        var (actions, firms, _) = Ready().ActionsFor(SubPeople, Alliance, Tender, Open);

        actions.Allows(JointBidAction.Edit).Should().BeTrue();
        SignFor(firms, Sub.Id).Should().BeEquivalentTo(new ViewerActions<JointBidFirmAction>([JointBidFirmAction.Attach], []),
            "a subcontractor attaches its files, but does not bid, so it does not sign");
    }

    [Fact]
    public void A_firm_that_may_not_sign_yet_is_told_why_by_the_check_the_signature_would_fail()
    {
        var (_, empty, _) = Empty().ActionsFor(PartnerPeople, Alliance, Tender, Open);
        Blockers(SignFor(empty, Partner.Id), JointBidFirmAction.Sign).Should().Equal(JointBidState.NothingToSign.Code);

        var alliance = WithPartners(Tender);
        alliance.PublishAgreement(FirmOwner, "Accordo v2: quote riviste", Now);
        var (_, newTerms, _) = Ready().ActionsFor(PartnerPeople, alliance.ToSnapshot(), Tender, Open);
        Blockers(SignFor(newTerms, Partner.Id), JointBidFirmAction.Sign).Should().Equal(JointBidState.SignerAgreement.Code);
    }

    [Fact]
    public void A_viewer_of_the_alliance_s_firms_may_do_nothing_and_learns_no_reason()
    {
        var bid = Ready();
        var viewer = new JointActor(FirmViewer, [], false);

        var (actions, firms, documents) = bid.ActionsFor(viewer, Alliance, Tender, Open);

        actions.Should().BeEquivalentTo(ViewerActions<JointBidAction>.None);
        firms.Should().BeEmpty();
        documents.Should().OnlyContain(d => d.Actions.Allowed.Length == 0 && d.Actions.Blocked.Length == 0);
    }

    [Fact]
    public void Someone_outside_the_alliance_is_told_nothing()
    {
        var (actions, firms, documents) = Ready().ActionsFor(new JointActor(Stranger, [], false), null, Tender, Open);

        actions.Should().BeEquivalentTo(ViewerActions<JointBidAction>.None);
        (firms.Length, documents.Length).Should().Be((0, 0));
    }

    [Fact]
    public void Once_the_tender_no_longer_takes_bids_nobody_may_edit_sign_or_take_off_files()
    {
        var bid = Ready();
        var closed = Tender with { Status = TenderStatus.Opening };

        var (actions, firms, documents) = bid.ActionsFor(LeadPeople, Alliance, closed, SubmissionDeadline.AddDays(1));

        actions.Allowed.Should().BeEmpty();
        Blockers(actions, JointBidAction.Edit).Should().Equal(JointBidState.Closed.Code);
        Blockers(actions, JointBidAction.Submit).Should().StartWith(JointBidState.Closed.Code);
        Blockers(SignFor(firms, Lead.Id), JointBidFirmAction.Sign).Should().Equal(JointBidState.Closed.Code);
        documents.Should().OnlyContain(d => !d.Actions.Allows(JointDocumentAction.Detach));
    }

    [Fact]
    public void Once_the_tender_no_longer_takes_bids_only_those_who_could_act_are_told_why_they_may_not()
    {
        var bid = Ready();
        Attach(bid, LeadPeople, Lead.Id, [Document("capitolato.pdf")]);
        bid.Submitted(ReceiptOf(bid), FirmOwner, Open);
        var closed = Tender with { Status = TenderStatus.Opening };
        var after = SubmissionDeadline.AddDays(1);

        var (member, memberFirms, memberDocuments) = bid.ActionsFor(PartnerPeople, Alliance, closed, after);
        Blockers(member, JointBidAction.Edit).Should().Equal(JointBidState.Closed.Code);
        member.Blocked.Should().OnlyContain(b => b.Action == JointBidAction.Edit, "withdrawing and submitting are the lead's: a member is not told the bid is closed for them");
        Blockers(SignFor(memberFirms, Partner.Id), JointBidFirmAction.Sign).Should().Equal(new[] { JointBidState.Closed.Code }, "the member would sign for its firm");
        memberDocuments.Where(d => d.Actions.Blocked.Length > 0).Select(d => d.DocumentId)
            .Should().Equal(bid.Documents.Where(d => d.FirmId == Partner.Id).Select(d => d.Document.Id), "only its own files are its to take off");

        var (_, subFirms, _) = bid.ActionsFor(SubPeople, Alliance, closed, after);
        Blockers(SignFor(subFirms, Sub.Id), JointBidFirmAction.Sign).Should().BeEmpty("a subcontractor never signs, closed or not");

        var (lead, _, _) = bid.ActionsFor(LeadPeople, Alliance, closed, after);
        Blockers(lead, JointBidAction.Withdraw).Should().Equal(new[] { JointBidState.Closed.Code }, "the lead would withdraw it");
    }

    [Fact]
    public void A_full_bid_tells_each_firm_s_editors_that_it_takes_no_more_files_before_they_upload_one()
    {
        var bid = Ready();
        SignFor(bid.ActionsFor(PartnerPeople, Alliance, Tender, Open).Firms, Partner.Id).Allows(JointBidFirmAction.Attach).Should().BeTrue();
        Attach(bid, LeadPeople, Lead.Id, Documents(bid.DocumentsLeft));

        var (_, firms, _) = bid.ActionsFor(PartnerPeople, Alliance, Tender, Open);
        var (_, strangers, _) = bid.ActionsFor(new JointActor(FirmViewer, [], false), Alliance, Tender, Open);

        Blockers(SignFor(firms, Partner.Id), JointBidFirmAction.Attach).Should().Equal(JointBidState.TooManyFiles.Code);
        bid.CheckAttach(new AttachJointDocuments(RivalOwner, Partner.Id, [Document("altro.pdf")]), PartnerPeople)!.Code
            .Should().Be(JointBidState.TooManyFiles.Code, "the command refuses what the snapshot said");
        bid.ToSnapshot(PartnerPeople, Alliance, Tender, Open).DocumentsLeft.Should().Be(0);
        strangers.Should().BeEmpty("a reader attaches for no firm");
    }

    [Theory]
    [InlineData(TenderStatus.Enquiries, -1, BidWindow.NotYetOpen)]
    [InlineData(TenderStatus.Enquiries, 1, BidWindow.Open)]       // the enquiry period is over by the clock, before the tender's timer moves it on
    [InlineData(TenderStatus.Tendering, 1, BidWindow.Open)]
    [InlineData(TenderStatus.Opening, 1, BidWindow.Closed)]
    [InlineData(TenderStatus.Cancelled, 1, BidWindow.Closed)]
    public void Every_reader_is_told_where_the_tender_stands_for_bids_as_a_submission_would_be_judged(TenderStatus status, int daysAfterEnquiries, BidWindow window)
    {
        var tender = Tender with { Status = status };
        var at = EnquiryDeadline.AddDays(daysAfterEnquiries);

        Ready().ToSnapshot(new JointActor(FirmViewer, [], false), Alliance, tender, at).Window.Should().Be(window);
        JointBidState.WindowAt(Tender with { Status = TenderStatus.Tendering }, SubmissionDeadline.AddSeconds(1))
            .Should().Be(BidWindow.Closed, "past the deadline, even before the tender's timer closes it");
    }

    [Fact]
    public void Reading_a_joint_bid_whose_bidding_firms_changed_shows_them_and_leaves_the_stored_bid_as_it_was()
    {
        var bid = Ready();
        bid.SyncBidders(Alliance, Now);
        SignAll(bid);
        var stored = (bid.Version, bid.Digest, SignOffs: bid.SignOffs.Count, Events: bid.History.Count);
        var grown = WithPartners(Tender).Joined(Rival, AllianceRole.Member).ToSnapshot() with { Id = Alliance.Id };

        var shown = bid.Following(grown, Now);

        shown.Should().NotBeSameAs(bid);
        shown.SignOffs.Should().BeEmpty("who bids is part of what the firms signed");
        shown.Bidders.Select(b => b.FirmId).Should().Contain(Rival.Id);
        (bid.Version, bid.Digest, bid.SignOffs.Count, bid.History.Count).Should().Be(stored, "a read changes nothing");
        shown.Following(grown, Now).Should().BeSameAs(shown, "nothing more to take");
    }
}
