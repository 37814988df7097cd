using Marketplace.Businesses;
using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Businesses.Acting;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

public sealed class TenderStateTests
{
    static AmendTender Amendment(TenderState state, TenderDetails details, string summary = "Rettifica", bool material = false) =>
        new(BuyerOwner, state.Version, details, summary, material);

    static AskQuestion Question(Guid actor, BusinessSnapshot firm) => new(actor, firm.Id, "Quali parchi comprende il lotto 1?");

    static (Guid Actor, Tenderer[] Tenderers, TenderParticipant[] Firms) Solo(Guid actor, TenderParticipant? firm = null) =>
        (actor, [new Tenderer(Firm.Id, TendererRole.Lead)], [firm ?? Member(Firm)]);

    static Problem? Admit(TenderState state, DateTimeOffset receivedAt, (Guid Actor, Tenderer[] Tenderers, TenderParticipant[] Firms) bid) =>
        state.CheckAdmit(As(bid.Actor, [.. bid.Firms.Select(Sample)]), bid.Tenderers, bid.Firms, receivedAt);

    /// <summary>The question judged with the roles the "acts for" port gives its asker in the firm.</summary>
    static Problem? Ask(TenderState state, AskQuestion question, TenderParticipant firm) =>
        state.CheckAsk(question, As(question.ActorId, Sample(firm)), firm);

    /// <summary>The sample business a participant is (its team gives the actor's roles).</summary>
    static BusinessSnapshot Sample(TenderParticipant firm) => new[] { Firm, Rival, Buyer }.Single(b => b.Id == firm.FirmId);

    // Drafting

    [Fact]
    public void A_buyer_editor_drafts_a_tender_with_numbered_lots_and_criteria()
    {
        var state = Drafted();

        state.Status.Should().Be(TenderStatus.Draft);
        state.Version.Should().Be(1);
        state.Details!.Lots.Select(l => l.Number).Should().Equal(1, 2);
        state.Details.Criteria.Select(c => c.Number).Should().Equal(1, 2);
        state.History.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Sequence = 1, Kind = "Drafted", At = Now });
    }

    [Fact]
    public void A_space_admin_of_every_space_named_may_draft_for_a_buyer() =>
        new TenderState().CheckDraft(new DraftTender(AdminUser, Buyer.Id, [Space], Details()), Buyer, ExistingSpaces, Admin).Problem.Should().BeNull();

    [Fact]
    public void Someone_who_neither_edits_for_the_buyer_nor_administers_the_spaces_may_not_draft() =>
        new TenderState().CheckDraft(new DraftTender(Stranger, Buyer.Id, [Space], Details()), Buyer, ExistingSpaces, Outsider)
            .Problem!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void Drafting_a_tender_that_exists_is_a_conflict() =>
        Drafted().CheckDraft(new DraftTender(BuyerOwner, Buyer.Id, [Space], Details()), Buyer, ExistingSpaces, BuyerEditor)
            .Problem!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void Only_a_buyer_business_buys()
    {
        var command = new DraftTender(FirmOwner, Firm.Id, [Space], Details());

        new TenderState().CheckDraft(command, Firm, ExistingSpaces, BuyerEditor).Problem!.Errors!.Keys.Should().Equal("buyerId");
        new TenderState().CheckDraft(command, null, ExistingSpaces, BuyerEditor).Problem!.Errors!.Keys.Should().Equal("buyerId");
    }

    [Fact]
    public void An_unknown_space_is_named_by_its_index() =>
        new TenderState().CheckDraft(new DraftTender(BuyerOwner, Buyer.Id, [Space, Guid.NewGuid()], Details()), Buyer, ExistingSpaces, BuyerEditor)
            .Problem!.Errors!.Keys.Should().Equal("spaces[1]");

    [Fact]
    public void A_tender_names_at_least_one_space() =>
        new TenderState().CheckDraft(new DraftTender(BuyerOwner, Buyer.Id, [], Details()), Buyer, ExistingSpaces, BuyerEditor)
            .Problem!.Errors!.Keys.Should().Equal("spaces");

    [Fact]
    public void Editing_a_draft_replaces_its_details()
    {
        var state = Drafted();
        var edit = new EditTenderDraft(BuyerOwner, 1, [OtherSpace], state.Details! with { Title = "Manutenzione parchi 2027" });

        state.EditDraft(edit, state.CheckEditDraft(edit, ExistingSpaces, BuyerEditor).Value!, Now.AddHours(1));

        state.Details!.Title.Should().Be("Manutenzione parchi 2027");
        state.Spaces.Should().Equal(OtherSpace);
        state.Version.Should().Be(2);
    }

    [Fact]
    public void A_stale_draft_edit_is_a_conflict()
    {
        var state = Drafted();

        state.CheckEditDraft(new EditTenderDraft(BuyerOwner, 0, [Space], state.Details!), ExistingSpaces, BuyerEditor)
            .Problem!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_published_tender_is_no_longer_edited_as_a_draft()
    {
        var state = Published();

        state.CheckEditDraft(new EditTenderDraft(BuyerOwner, state.Version, [Space], state.Details!), ExistingSpaces, BuyerEditor)
            .Problem!.Kind.Should().Be(ProblemKind.Conflict);
    }

    // Publishing

    [Fact]
    public void Publishing_a_draft_opens_the_enquiry_period()
    {
        var state = Drafted();

        state.CheckPublish(new PublishTender(BuyerOwner, 1), BuyerEditor, Now).Should().BeNull();
        state.Publish(Now);

        state.Status.Should().Be(TenderStatus.Enquiries);
        state.PublishedAt.Should().Be(Now);
        state.Version.Should().Be(2);
    }

    [Fact]
    public void Publishing_twice_is_a_conflict()
    {
        var state = Published();

        state.CheckPublish(new PublishTender(BuyerOwner, state.Version), BuyerEditor, Now)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void Publishing_a_stale_version_is_a_conflict() =>
        Drafted().CheckPublish(new PublishTender(BuyerOwner, 2), BuyerEditor, Now)!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void A_draft_whose_enquiry_deadline_has_come_is_not_published() =>
        Drafted().CheckPublish(new PublishTender(BuyerOwner, 1), BuyerEditor, EnquiryDeadline)!.Errors!.Keys.Should().Equal("enquiryDeadline");

    // Deadlines

    [Fact]
    public void Enquiries_close_at_exactly_the_enquiry_deadline()
    {
        var state = Published();

        state.CatchUp(EnquiryDeadline).Should().BeTrue();

        state.Status.Should().Be(TenderStatus.Tendering);
        state.History[^1].Should().BeEquivalentTo(new { Kind = "EnquiriesClosed", At = EnquiryDeadline });
    }

    [Fact]
    public void Enquiries_stay_open_one_tick_before_the_enquiry_deadline()
    {
        var state = Published();

        state.CatchUp(EnquiryDeadline.AddTicks(-1)).Should().BeFalse();

        state.Status.Should().Be(TenderStatus.Enquiries);
        state.Version.Should().Be(2);
    }

    [Fact]
    public void Submissions_close_at_exactly_the_submission_deadline()
    {
        var state = Tendering();

        state.CatchUp(SubmissionDeadline.AddTicks(-1)).Should().BeFalse();
        state.Status.Should().Be(TenderStatus.Tendering);

        state.CatchUp(SubmissionDeadline).Should().BeTrue();
        state.Status.Should().Be(TenderStatus.Opening);
    }

    [Fact]
    public void A_tender_is_due_exactly_when_catching_up_would_move_it_or_its_bids_wait_to_be_opened()
    {
        var grace = TimeSpan.FromMinutes(1);
        var state = Published();
        state.Due(EnquiryDeadline.AddTicks(-1), grace).Should().BeFalse("a reader may read it as stored");
        state.Due(EnquiryDeadline, grace).Should().BeTrue();

        state.CatchUp(EnquiryDeadline, grace);
        state.Due(SubmissionDeadline.Plus(grace).AddTicks(-1), grace).Should().BeFalse();
        state.Due(SubmissionDeadline.Plus(grace), grace).Should().BeTrue();

        state.CatchUp(SubmissionDeadline.Plus(grace), grace);
        state.Status.Should().Be(TenderStatus.Opening);
        state.Due(SubmissionDeadline.Plus(grace), grace).Should().BeTrue("its bids wait to be opened");
        Drafted().Due(SubmissionDeadline.AddYears(1), grace).Should().BeFalse("a draft has no deadline running");
    }

    [Fact]
    public void A_submission_deadline_at_the_end_of_time_never_closes_and_never_overflows_the_opening_grace()
    {
        var state = Published();
        // Planted, as old data would be: new input outside a sane window is refused.
        state.Details = state.Details! with { SubmissionDeadline = DateTimeOffset.MaxValue.Stored() };

        state.CatchUp(DateTimeOffset.MaxValue.AddYears(-1), TimeSpan.FromDays(1)).Should().BeTrue();

        state.Status.Should().Be(TenderStatus.Tendering);
    }

    [Fact]
    public void Catching_up_late_dates_each_transition_at_its_own_deadline()
    {
        var state = Published();

        state.CatchUp(SubmissionDeadline.AddDays(3)).Should().BeTrue();

        state.Status.Should().Be(TenderStatus.Opening);
        state.History.Skip(2).Select(e => (e.Kind, e.At)).Should().Equal(("EnquiriesClosed", EnquiryDeadline), ("SubmissionsClosed", SubmissionDeadline));
    }

    [Fact]
    public void A_draft_does_not_move_when_its_deadlines_pass()
    {
        var state = Drafted();

        state.CatchUp(SubmissionDeadline.AddDays(1)).Should().BeFalse();

        state.Status.Should().Be(TenderStatus.Draft);
    }

    // Bids

    [Fact]
    public void A_bid_received_one_tick_before_the_submission_deadline_is_admitted() =>
        Admit(Tendering(), SubmissionDeadline.AddTicks(-1), Solo(FirmOwner)).Should().BeNull();

    [Fact]
    public void A_bid_received_at_the_submission_deadline_is_refused() =>
        Admit(Tendering(), SubmissionDeadline, Solo(FirmOwner))!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void No_bid_is_taken_during_the_enquiry_period() =>
        Admit(Published(), Now.AddDays(1), Solo(FirmOwner))!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void No_bid_is_taken_once_submissions_have_closed() =>
        Admit(Opening(), SubmissionDeadline.AddTicks(-1), Solo(FirmOwner))!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void A_firm_that_is_not_a_member_of_the_tender_s_spaces_does_not_bid() =>
        Admit(Tendering(), EnquiryDeadline, Solo(FirmOwner, NonMember(Firm)))!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void Every_firm_of_a_joint_bid_must_be_a_member()
    {
        Tenderer[] tenderers = [new(Firm.Id, TendererRole.Lead), new(Rival.Id, TendererRole.Member)];

        Tendering().CheckAdmit(As(FirmOwner, Firm, Rival), tenderers, [Member(Firm), Member(Rival)], EnquiryDeadline).Should().BeNull();
        Tendering().CheckAdmit(As(FirmOwner, Firm, Rival), tenderers, [Member(Firm), NonMember(Rival)], EnquiryDeadline)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void Only_the_lead_firm_s_owners_and_managers_submit_its_bid()
    {
        var state = Tendering();

        Admit(state, EnquiryDeadline, Solo(FirmManager)).Should().BeNull();
        Admit(state, EnquiryDeadline, Solo(FirmViewer))!.Kind.Should().Be(ProblemKind.Forbidden);
        Admit(state, EnquiryDeadline, Solo(RivalOwner))!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Theory]
    [InlineData(TendererRole.Member, TendererRole.Member)]
    [InlineData(TendererRole.Lead, TendererRole.Lead)]
    public void A_bid_has_exactly_one_lead(TendererRole first, TendererRole second)
    {
        Tenderer[] tenderers = [new(Firm.Id, first), new(Rival.Id, second)];

        Tendering().CheckAdmit(As(FirmOwner, Firm, Rival), tenderers, [Member(Firm), Member(Rival)], EnquiryDeadline)!.Errors!.Keys.Should().Equal("tenderers");
    }

    [Fact]
    public void A_bid_names_each_firm_once() =>
        Tendering().CheckAdmit(As(FirmOwner, Firm), [new(Firm.Id, TendererRole.Lead), new(Firm.Id, TendererRole.Member)], [Member(Firm)], EnquiryDeadline)!
            .Errors!.Keys.Should().Equal("tenderers");

    [Fact]
    public void A_bidder_must_be_a_firm() =>
        Tendering().CheckAdmit(As(BuyerOwner, Buyer), [new(Buyer.Id, TendererRole.Lead)], [Member(Buyer)], EnquiryDeadline)!
            .Errors!.Keys.Should().Equal("tenderers");

    // Opening

    [Fact]
    public void Opening_moves_to_evaluation_with_the_bids_in_order_of_receipt()
    {
        var late = Bid(Now.AddDays(15), (1, 40_000m), (2, 30_000m));
        var early = Bid(Now.AddDays(11), (1, 45_000m), (2, 35_000m));

        var state = Evaluating(late, early);

        state.Status.Should().Be(TenderStatus.Evaluation);
        state.Bids.Should().Equal(early, late);
        state.Decisions.Should().BeEmpty();
    }

    [Fact]
    public void Opening_declares_a_lot_without_bids_unsuccessful()
    {
        var state = Evaluating(Bid(Now.AddDays(11), (1, 40_000m)));

        state.Status.Should().Be(TenderStatus.Evaluation);
        state.Decisions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Lot = 2, BidId = (Guid?)null, At = OpenedAt });
    }

    [Fact]
    public void A_tender_without_any_bid_is_unsuccessful_when_opened()
    {
        var state = Evaluating();

        state.Status.Should().Be(TenderStatus.Unsuccessful);
        state.Decisions.Select(d => (d.Lot, d.BidId)).Should().Equal((1, null), (2, null));
        state.History.TakeLast(2).Select(e => e.Kind).Should().Equal("BidsOpened", "Unsuccessful");
    }

    // Amendments

    [Fact]
    public void A_material_amendment_extends_the_submission_deadline_to_now_plus_the_minimum()
    {
        var state = Published(Details(submission: Now.AddDays(12)));
        var at = Now.AddDays(9);
        var details = state.Details! with { Lots = [.. state.Details!.Lots, NewLot("Aiuole", "77313000")] };

        var check = state.CheckAmend(Amendment(state, details, "Aggiunto il lotto 3"), BuyerEditor, at, MinimumTendering);
        check.Value.Material.Should().BeTrue();
        state.Amend("Aggiunto il lotto 3", check.Value.Details, check.Value.Material, at);

        // now + minimum = (Now + 9 days) + 5 days = Now + 14 days, later than the Now + 12 days asked for
        state.Details!.SubmissionDeadline.Should().Be(Now.AddDays(14));
        state.Amendments.Should().Equal(new Amendment(1, "Aggiunto il lotto 3", true, Now.AddDays(14), at));
    }

    [Fact]
    public void A_material_amendment_keeps_a_submission_deadline_that_leaves_enough_time()
    {
        var state = Published();
        var at = Now.AddDays(1);
        var details = state.Details! with { Eligibility = ["Iscrizione alla CCIAA", "Certificazione ISO 14001"] };

        var check = state.CheckAmend(Amendment(state, details), BuyerEditor, at, MinimumTendering);
        state.Amend("Nuovo requisito", check.Value.Details, check.Value.Material, at);

        check.Value.Material.Should().BeTrue();
        state.Details!.SubmissionDeadline.Should().Be(SubmissionDeadline);
    }

    [Fact]
    public void A_non_material_amendment_leaves_the_submission_deadline_alone()
    {
        var state = Published(Details(submission: Now.AddDays(12)));
        var at = Now.AddDays(9);

        var check = state.CheckAmend(Amendment(state, state.Details! with { Title = "Manutenzione del verde 2027" }), BuyerEditor, at, MinimumTendering);
        state.Amend("Titolo", check.Value.Details, check.Value.Material, at);

        check.Value.Material.Should().BeFalse();
        state.Details!.SubmissionDeadline.Should().Be(Now.AddDays(12));
        state.Details.Title.Should().Be("Manutenzione del verde 2027");
    }

    [Fact]
    public void The_buyer_may_call_a_small_change_material()
    {
        var state = Published();

        state.CheckAmend(Amendment(state, state.Details! with { Description = "Parchi" }, material: true), BuyerEditor, Now, MinimumTendering)
            .Value.Material.Should().BeTrue();
    }

    [Fact]
    public void An_amendment_never_brings_the_submission_deadline_forward()
    {
        var state = Published();

        state.CheckAmend(Amendment(state, state.Details! with { SubmissionDeadline = SubmissionDeadline.AddDays(-1) }), BuyerEditor, Now, MinimumTendering)
            .Problem!.Errors!.Keys.Should().Equal("submissionDeadline");
    }

    [Fact]
    public void An_amendment_may_push_the_submission_deadline_back()
    {
        var state = Published();

        state.CheckAmend(Amendment(state, state.Details! with { SubmissionDeadline = SubmissionDeadline.AddDays(1) }), BuyerEditor, Now, MinimumTendering)
            .Problem.Should().BeNull();
    }

    [Fact]
    public void An_amendment_says_what_it_changes()
    {
        var state = Published();

        state.CheckAmend(Amendment(state, state.Details!, summary: "  "), BuyerEditor, Now, MinimumTendering).Problem!.Errors!.Keys.Should().Equal("summary");
    }

    [Fact]
    public void A_stale_amendment_is_a_conflict()
    {
        var state = Published();

        state.CheckAmend(Amendment(state, state.Details!) with { ExpectedVersion = 1 }, BuyerEditor, Now, MinimumTendering).Problem!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void Amending_after_the_enquiry_deadline_is_a_conflict()
    {
        var state = Tendering();

        state.CheckAmend(Amendment(state, state.Details!), BuyerEditor, EnquiryDeadline, MinimumTendering).Problem!.Kind.Should().Be(ProblemKind.Conflict);
    }

    // Questions

    [Fact]
    public void A_member_firm_asks_during_the_enquiry_period()
    {
        var state = Published();
        var question = Question(FirmOwner, Firm);

        Ask(state, question, Member(Firm)).Should().BeNull();
        state.Ask(question, Now.AddDays(1));

        state.Questions.Should().Equal(new Marketplace.Tenders.Question(1, Firm.Id, question.Text, Now.AddDays(1), null, null));
    }

    [Fact]
    public void A_firm_that_is_not_eligible_cannot_ask() =>
        Ask(Published(), Question(FirmOwner, Firm), NonMember(Firm))!.Kind.Should().Be(ProblemKind.Forbidden);

    [Fact]
    public void Only_the_firm_s_owners_and_managers_ask_for_it()
    {
        var state = Published();

        Ask(state, Question(FirmManager, Firm), Member(Firm)).Should().BeNull();
        Ask(state, Question(FirmViewer, Firm), Member(Firm))!.Kind.Should().Be(ProblemKind.Forbidden);
        Ask(state, Question(RivalOwner, Firm), Member(Firm))!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void Only_a_firm_asks() =>
        Ask(Published(), Question(BuyerOwner, Buyer), Member(Buyer))!.Errors!.Keys.Should().Equal("firmId");

    [Fact]
    public void A_question_has_text() =>
        Ask(Published(), Question(FirmOwner, Firm) with { Text = " " }, Member(Firm))!.Errors!.Keys.Should().Equal("text");

    [Fact]
    public void Asking_during_tendering_is_a_conflict() =>
        Ask(Tendering(), Question(FirmOwner, Firm), Member(Firm))!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void The_buyer_answers_once_until_submissions_close()
    {
        var state = Published();
        state.Ask(Question(FirmOwner, Firm), Now);
        var answer = new AnswerQuestion(BuyerOwner, 1, "Tutti i parchi a nord del fiume.");
        state.CatchUp(EnquiryDeadline);

        state.CheckAnswer(answer, BuyerEditor).Should().BeNull();
        state.Answer(answer, EnquiryDeadline.AddHours(1));

        state.Questions[0].Should().BeEquivalentTo(new { Answer = "Tutti i parchi a nord del fiume.", AnsweredAt = EnquiryDeadline.AddHours(1) });
        state.CheckAnswer(answer, BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void Answering_an_unknown_question_is_not_found() =>
        Published().CheckAnswer(new AnswerQuestion(BuyerOwner, 1, "Sì"), BuyerEditor)!.Kind.Should().Be(ProblemKind.NotFound);

    [Fact]
    public void Answering_after_submissions_close_is_a_conflict()
    {
        var state = Published();
        state.Ask(Question(FirmOwner, Firm), Now);
        state.CatchUp(SubmissionDeadline);

        state.CheckAnswer(new AnswerQuestion(BuyerOwner, 1, "Sì"), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    // Scoring

    [Theory]
    [InlineData(TenderStatus.Tendering)]
    [InlineData(TenderStatus.Opening)]
    public void Scoring_before_opening_is_a_conflict(TenderStatus status) =>
        InStatus(status).CheckScore(new ScoreBid(BuyerOwner, Guid.NewGuid(), 2, 50m), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void The_buyer_scores_an_opened_bid_on_a_quality_criterion_and_may_rescore_it()
    {
        var bid = Bid(Now.AddDays(11), (1, 40_000m));
        var state = Evaluating(bid);

        state.Score(new ScoreBid(BuyerOwner, bid.BidId, 2, 50m), OpenedAt);
        state.Score(new ScoreBid(BuyerOwner, bid.BidId, 2, 75.5m), OpenedAt);

        state.Scores.Should().Equal(new BidScore(bid.BidId, 2, 75.5m));
    }

    [Fact]
    public void The_price_is_not_scored_by_hand()
    {
        var bid = Bid(Now.AddDays(11), (1, 40_000m));

        Evaluating(bid).CheckScore(new ScoreBid(BuyerOwner, bid.BidId, 1, 50m), BuyerEditor)!.Errors!.Keys.Should().Equal("criterion");
    }

    [Fact]
    public void An_unknown_criterion_is_not_scored()
    {
        var bid = Bid(Now.AddDays(11), (1, 40_000m));

        Evaluating(bid).CheckScore(new ScoreBid(BuyerOwner, bid.BidId, 3, 50m), BuyerEditor)!.Errors!.Keys.Should().Equal("criterion");
    }

    [Fact]
    public void Scoring_a_bid_that_was_not_opened_is_not_found() =>
        Evaluating(Bid(Now.AddDays(11), (1, 40_000m))).CheckScore(new ScoreBid(BuyerOwner, Guid.NewGuid(), 2, 50m), BuyerEditor)!
            .Kind.Should().Be(ProblemKind.NotFound);

    [Theory]
    [InlineData("0", true)]
    [InlineData("100", true)]
    [InlineData("99.99", true)]
    [InlineData("-0.01", false)]
    [InlineData("100.01", false)]
    [InlineData("50.005", false)]
    public void Points_go_from_0_to_100_with_two_decimals(string points, bool valid)
    {
        var bid = Bid(Now.AddDays(11), (1, 40_000m));

        var problem = Evaluating(bid).CheckScore(new ScoreBid(BuyerOwner, bid.BidId, 2, decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture)), BuyerEditor);

        if (valid) problem.Should().BeNull();
        else problem!.Errors!.Keys.Should().Equal("points");
    }

    [Fact]
    public void A_bid_whose_every_lot_is_decided_is_no_longer_scored()
    {
        var first = Bid(Now.AddDays(11), (1, 40_000m));
        var state = Evaluating(first, Bid(Now.AddDays(12), (2, 30_000m)));
        state.Score(new ScoreBid(BuyerOwner, first.BidId, 2, 60m), OpenedAt);
        state.Decide(new DecideLot(BuyerOwner, 1, first.BidId, null), OpenedAt);

        state.Status.Should().Be(TenderStatus.Evaluation);
        state.CheckScore(new ScoreBid(BuyerOwner, first.BidId, 2, 70m), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    // Deciding

    /// <summary>
    /// Two bids for lot 1; lot 2 has none. Price points: early 40 000 → 100, late 50 000 → 40 000 ÷ 50 000 × 100 = 80.
    /// Totals (price 30, quality 70): early 100 × 0.3 + 50 × 0.7 = 65; late 80 × 0.3 + 90 × 0.7 = 87, so late ranks first.
    /// </summary>
    static (TenderState State, OpenedBid Early, OpenedBid Late) Scored(bool scoreEarly = true)
    {
        var early = Bid(Now.AddDays(11), (1, 40_000m));
        var late = Bid(Now.AddDays(12), (1, 50_000m));
        var state = Evaluating(early, late);
        if (scoreEarly) state.Score(new ScoreBid(BuyerOwner, early.BidId, 2, 50m), OpenedAt);
        state.Score(new ScoreBid(BuyerOwner, late.BidId, 2, 90m), OpenedAt);
        return (state, early, late);
    }

    [Theory]
    [InlineData(TenderStatus.Tendering)]
    [InlineData(TenderStatus.Opening)]
    public void Deciding_before_opening_is_a_conflict(TenderStatus status) =>
        InStatus(status).CheckDecide(new DecideLot(BuyerOwner, 1, null, "Nessuna offerta valida"), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void A_lot_goes_to_its_best_ranked_bid()
    {
        var (state, _, late) = Scored();

        state.CheckDecide(new DecideLot(BuyerOwner, 1, late.BidId, null), BuyerEditor).Should().BeNull();
    }

    [Fact]
    public void A_lot_is_not_awarded_to_a_bid_that_ranks_lower()
    {
        var (state, early, _) = Scored();

        state.CheckDecide(new DecideLot(BuyerOwner, 1, early.BidId, null), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_lot_is_not_awarded_until_every_bid_for_it_is_scored()
    {
        var (state, _, late) = Scored(scoreEarly: false);

        state.CheckDecide(new DecideLot(BuyerOwner, 1, late.BidId, null), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_lot_is_awarded_only_to_a_bid_for_it()
    {
        var forLot2 = Bid(Now.AddDays(12), (2, 30_000m));
        var state = Evaluating(Bid(Now.AddDays(11), (1, 40_000m)), forLot2);
        state.Score(new ScoreBid(BuyerOwner, forLot2.BidId, 2, 50m), OpenedAt);

        state.CheckDecide(new DecideLot(BuyerOwner, 1, forLot2.BidId, null), BuyerEditor)!.Errors!.Keys.Should().Equal("bidId");
    }

    [Fact]
    public void An_unknown_lot_is_not_decided() =>
        Scored().State.CheckDecide(new DecideLot(BuyerOwner, 3, null, "Motivo"), BuyerEditor)!.Errors!.Keys.Should().Equal("lot");

    [Fact]
    public void A_lot_is_decided_once() =>
        Scored().State.CheckDecide(new DecideLot(BuyerOwner, 2, null, "Motivo"), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void An_unsuccessful_lot_needs_a_reason() =>
        Scored().State.CheckDecide(new DecideLot(BuyerOwner, 1, null, " "), BuyerEditor)!.Errors!.Keys.Should().Equal("reason");

    [Fact]
    public void Deciding_the_last_lot_with_an_award_makes_the_tender_awarded()
    {
        var (state, _, late) = Scored();

        state.Decide(new DecideLot(BuyerOwner, 1, late.BidId, null), OpenedAt.AddDays(1));

        state.Status.Should().Be(TenderStatus.Awarded);
        state.Decisions.Should().Contain(new LotDecision(1, late.BidId, null, OpenedAt.AddDays(1), OpenedAt.AddDays(1) + Standstill.Period), "two bids stood: the standstill runs");
        state.History.TakeLast(2).Select(e => e.Kind).Should().Equal("LotAwarded", "Awarded");
    }

    [Fact]
    public void Deciding_every_lot_unsuccessful_makes_the_tender_unsuccessful()
    {
        var (state, _, _) = Scored();

        state.Decide(new DecideLot(BuyerOwner, 1, null, " Offerte oltre la base d'asta "), OpenedAt.AddDays(1));

        state.Status.Should().Be(TenderStatus.Unsuccessful);
        state.Decisions.Should().Contain(new LotDecision(1, null, "Offerte oltre la base d'asta", OpenedAt.AddDays(1)));
    }

    [Fact]
    public void Deciding_one_of_two_open_lots_keeps_the_tender_in_evaluation()
    {
        var state = Evaluating(Bid(Now.AddDays(11), (1, 40_000m), (2, 30_000m)));

        state.Decide(new DecideLot(BuyerOwner, 1, null, "Offerta anomala"), OpenedAt);

        state.Status.Should().Be(TenderStatus.Evaluation);
    }

    // Cancelling and completing

    [Theory]
    [InlineData(TenderStatus.Draft)]
    [InlineData(TenderStatus.Enquiries)]
    [InlineData(TenderStatus.Tendering)]
    [InlineData(TenderStatus.Opening)]
    [InlineData(TenderStatus.Evaluation)]
    public void A_tender_is_cancelled_before_any_award(TenderStatus status)
    {
        var state = InStatus(status);
        var cancel = new CancelTender(BuyerOwner, "  Fondi revocati ");

        state.CheckCancel(cancel, BuyerEditor).Should().BeNull();
        state.Cancel(cancel, SubmissionDeadline.AddDays(2));

        state.Status.Should().Be(TenderStatus.Cancelled);
        state.CancelReason.Should().Be("Fondi revocati");
    }

    [Theory]
    [InlineData(TenderStatus.Awarded)]
    [InlineData(TenderStatus.Unsuccessful)]
    [InlineData(TenderStatus.Complete)]
    [InlineData(TenderStatus.Cancelled)]
    public void A_concluded_tender_is_not_cancelled(TenderStatus status) =>
        InStatus(status).CheckCancel(new CancelTender(BuyerOwner, "Fondi revocati"), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void A_tender_with_one_lot_awarded_is_not_cancelled()
    {
        var first = Bid(Now.AddDays(11), (1, 40_000m));
        var state = Evaluating(first, Bid(Now.AddDays(12), (2, 30_000m)));
        state.Score(new ScoreBid(BuyerOwner, first.BidId, 2, 60m), OpenedAt);
        state.Decide(new DecideLot(BuyerOwner, 1, first.BidId, null), OpenedAt);

        state.Status.Should().Be(TenderStatus.Evaluation);
        state.CheckCancel(new CancelTender(BuyerOwner, "Fondi revocati"), BuyerEditor)!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_cancellation_says_why() =>
        Published().CheckCancel(new CancelTender(BuyerOwner, ""), BuyerEditor)!.Errors!.Keys.Should().Equal("reason");

    [Fact]
    public void An_awarded_tender_is_completed()
    {
        var state = InStatus(TenderStatus.Awarded);

        state.CheckComplete(BuyerEditor, OpenedAt).Should().BeNull();
        state.Complete(OpenedAt.AddDays(30));

        state.Status.Should().Be(TenderStatus.Complete);
    }

    [Theory]
    [InlineData(TenderStatus.Enquiries)]
    [InlineData(TenderStatus.Evaluation)]
    [InlineData(TenderStatus.Unsuccessful)]
    [InlineData(TenderStatus.Complete)]
    [InlineData(TenderStatus.Cancelled)]
    public void Only_an_awarded_tender_is_completed(TenderStatus status) =>
        InStatus(status).CheckComplete(BuyerEditor, OpenedAt)!.Kind.Should().Be(ProblemKind.Conflict);

    // Who may do what

    [Fact]
    public void A_non_buyer_may_not_amend()
    {
        var state = Published();
        var amend = Amendment(state, state.Details! with { Title = "Altro titolo" });

        state.CheckAmend(amend, BuyerEditor, Now, MinimumTendering).Problem.Should().BeNull();
        state.CheckAmend(amend, Outsider, Now, MinimumTendering).Problem!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void A_non_buyer_may_not_score()
    {
        var bid = Bid(Now.AddDays(11), (1, 40_000m));
        var state = Evaluating(bid);
        var score = new ScoreBid(Stranger, bid.BidId, 2, 50m);

        state.CheckScore(score, BuyerEditor).Should().BeNull();
        state.CheckScore(score, Outsider)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void A_non_buyer_may_not_decide()
    {
        var state = Evaluating(Bid(Now.AddDays(11), (1, 40_000m)));
        var decide = new DecideLot(Stranger, 1, null, "Offerta anomala");

        state.CheckDecide(decide, BuyerEditor).Should().BeNull();
        state.CheckDecide(decide, Outsider)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void A_non_buyer_may_not_cancel()
    {
        var state = Published();
        var cancel = new CancelTender(Stranger, "Fondi revocati");

        state.CheckCancel(cancel, BuyerEditor).Should().BeNull();
        state.CheckCancel(cancel, Outsider)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void A_non_buyer_may_not_complete()
    {
        var state = InStatus(TenderStatus.Awarded);

        state.CheckComplete(BuyerEditor, OpenedAt).Should().BeNull();
        state.CheckComplete(Outsider, OpenedAt)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void A_non_buyer_may_not_answer()
    {
        var state = Published();
        state.Ask(Question(FirmOwner, Firm), Now);

        state.CheckAnswer(new AnswerQuestion(Stranger, 1, "Sì"), Outsider)!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void A_space_admin_the_buyer_mandated_edits_publishes_and_cancels_a_draft()
    {
        var state = Drafted(by: Admin);

        state.CheckEditDraft(new EditTenderDraft(AdminUser, 1, [Space], state.Details!), ExistingSpaces, Admin).Problem.Should().BeNull();
        state.CheckPublish(new PublishTender(AdminUser, 1), Admin, Now).Should().BeNull();
        state.CheckCancel(new CancelTender(AdminUser, "Bozza sbagliata"), Admin).Should().BeNull();
        state.CheckPublish(new PublishTender(OtherAdmin, 1), AnotherAdmin, Now).Should().BeNull("the mandate is to the space's admins, not to one of them");
    }

    [Fact]
    public void A_space_admin_without_the_buyer_s_mandate_may_not_draft_naming_the_buyer()
    {
        var refused = new TenderState().CheckDraft(new DraftTender(AdminUser, Buyer.Id, [Space], Details()), Buyer, ExistingSpaces, UnmandatedAdmin).Problem!;

        refused.Kind.Should().Be(ProblemKind.Forbidden);
        refused.Detail.Should().Be("The buyer has not mandated the admins of \"Spazio Gare\" to act for it.");
    }

    [Fact]
    public void A_mandate_reaches_only_its_own_space()
    {
        var twoSpaces = new TenderActor(AdminUser, false, [In(admin: true, mandated: true), In(admin: true, space: OtherSpace)]);

        new TenderState().CheckDraft(new DraftTender(AdminUser, Buyer.Id, [Space, OtherSpace], Details()), Buyer, ExistingSpaces, twoSpaces)
            .Problem!.Kind.Should().Be(ProblemKind.Forbidden);
    }

    [Fact]
    public void A_mandated_space_admin_manages_the_published_tender_until_the_mandate_is_revoked()
    {
        var state = Drafted(by: Admin);
        state.Publish(Now);
        var amend = Amendment(state, state.Details! with { Description = "Parchi e aiuole" }) with { ActorId = AdminUser };

        state.CheckAmend(amend, Admin, Now, MinimumTendering).Problem.Should().BeNull();
        var refused = state.CheckAmend(amend, RevokedAdmin, Now, MinimumTendering).Problem!;
        refused.Kind.Should().Be(ProblemKind.Forbidden);
        refused.Detail.Should().Contain("revoked its mandate");
        state.CheckCancel(new CancelTender(AdminUser, "Ripensamento"), RevokedAdmin)!.Kind.Should().Be(ProblemKind.Forbidden);
        state.CheckAmend(amend with { ActorId = BuyerOwner }, BuyerEditor, Now, MinimumTendering).Problem.Should().BeNull("the tender stays published, the buyer's people manage it");
    }

    [Fact]
    public void An_admin_whose_mandate_was_revoked_is_told_so_on_the_draft_they_started()
    {
        var state = Drafted(by: Admin);

        var refused = state.CheckPublish(new PublishTender(AdminUser, 1), RevokedAdmin, Now)!;

        refused.Kind.Should().Be(ProblemKind.Forbidden);
        refused.Detail.Should().Be("The buyer revoked its mandate to the admins of \"Spazio Gare\": only the buyer's Owners and Managers act for it there now.");
        state.CheckPublish(new PublishTender(BuyerOwner, 1), BuyerEditor, Now).Should().BeNull("the draft stays the buyer's");
    }

    [Fact]
    public void A_draft_is_not_found_by_a_space_admin_without_the_mandate_who_did_not_start_it()
    {
        var state = Drafted();

        state.CheckPublish(new PublishTender(OtherAdmin, 1), UnmandatedAdmin with { UserId = OtherAdmin }, Now)!.Kind.Should().Be(ProblemKind.NotFound);
    }

    [Fact]
    public void A_buyer_not_approved_in_a_space_may_not_publish_there()
    {
        var state = Drafted();

        var refused = state.CheckPublish(new PublishTender(BuyerOwner, 1), BuyerEditor with { Spaces = [In(approved: false)] }, Now)!;

        refused.Kind.Should().Be(ProblemKind.Forbidden);
        refused.Detail.Should().Be("\"Spazio Gare\" has not approved this buyer to publish there: the buyer asks the space's admins first.");
    }

    [Fact]
    public void A_tender_gives_firms_at_least_the_strictest_space_s_minimum_period_to_bid()
    {
        var state = Drafted(); // bids close 20 days from now
        TenderActor Publishing(params (string Name, int Days)[] spaces) =>
            BuyerEditor with { Spaces = [.. spaces.Select(s => In(space: Guid.NewGuid()) with { Name = s.Name, MinimumTenderingDays = s.Days })] };

        state.CheckPublish(new PublishTender(BuyerOwner, 1), Publishing(("Spazio Gare", 20)), Now).Should().BeNull("20 days meet a 20-day minimum");
        state.CheckPublish(new PublishTender(BuyerOwner, 1), Publishing(("Spazio Gare", 20)), Now.AddMinutes(1))!.Code.Should().Be("tender.tenderingTooShort",
            "a minute later the same deadline gives a minute less");
        var strict = Publishing(("Spazio Gare", 10), ("Spazio Appennino", 30), ("Spazio Bassa", 25));
        var refused = state.CheckPublish(new PublishTender(BuyerOwner, 1), strict, Now)!;

        refused.Kind.Should().Be(ProblemKind.Conflict);
        refused.Args.Should().Contain("space", "Spazio Appennino").And.Contain("days", "30");
        state.Status.Should().Be(TenderStatus.Draft);
        // The page says so before the buyer tries: Publish is blocked for the same reason, Edit (to move the deadline) is not.
        var actions = state.ViewFor(strict, ActingFor.Nobody, [], Now).Actions;
        actions.Allowed.Should().Contain(TenderAction.Edit).And.NotContain(TenderAction.Publish);
        actions.Blocked.Should().ContainSingle(b => b.Action == TenderAction.Publish).Which.Code.Should().Be("tender.tenderingTooShort");
        state.ViewFor(Publishing(("Spazio Gare", 0)), ActingFor.Nobody, [], Now).Actions.Allowed.Should().Contain(TenderAction.Publish, "0 days: no minimum");
    }

    [Fact]
    public void A_draft_is_not_found_by_someone_who_cannot_draft_it()
    {
        var state = Drafted();

        state.CheckEditDraft(new EditTenderDraft(Stranger, 1, [Space], state.Details!), ExistingSpaces, Outsider).Problem!.Kind.Should().Be(ProblemKind.NotFound);
        state.CheckPublish(new PublishTender(Stranger, 1), Outsider, Now)!.Kind.Should().Be(ProblemKind.NotFound);
        state.CheckCancel(new CancelTender(Stranger, "x"), Outsider)!.Kind.Should().Be(ProblemKind.NotFound);
    }

    [Fact]
    public void A_draft_is_not_found_by_firms()
    {
        var state = Drafted();

        Ask(state, Question(FirmOwner, Firm), Member(Firm))!.Kind.Should().Be(ProblemKind.NotFound);
        Admit(state, Now, Solo(FirmOwner))!.Kind.Should().Be(ProblemKind.NotFound);
    }

    [Fact]
    public void Nothing_is_found_before_the_tender_is_drafted()
    {
        var state = new TenderState();

        state.CheckPublish(new PublishTender(BuyerOwner, 0), BuyerEditor, Now)!.Kind.Should().Be(ProblemKind.NotFound);
        state.CheckComplete(BuyerEditor, OpenedAt)!.Kind.Should().Be(ProblemKind.NotFound);
    }

    // Audit

    [Fact]
    public void A_material_amendment_that_moves_the_deadline_past_the_contract_start_is_refused()
    {
        // Enquiries close on day 10, submissions on day 11, the contract starts on day 12. A material amendment on day 9 gives
        // firms five days: submissions would close on day 14, after the contract has started.
        var tight = Published(Details(EnquiryDeadline, EnquiryDeadline.AddDays(1)) with
        {
            ContractStart = DateOnly.FromDateTime(EnquiryDeadline.AddDays(2).UtcDateTime),
        });
        var check = tight.CheckAmend(Amendment(tight, tight.Details! with { Eligibility = ["SOA OS24"] }), BuyerEditor, EnquiryDeadline.AddDays(-1), MinimumTendering);

        check.Problem!.Errors!.Keys.Should().Equal("contractStart");
    }

    [Fact]
    public void Every_change_appends_an_audit_event_with_the_next_sequence()
    {
        var state = Published();
        state.Amend("Titolo", state.CheckAmend(Amendment(state, state.Details! with { Title = "Verde 2027" }), BuyerEditor, Now, MinimumTendering).Value.Details,
            false, Now.AddHours(1));
        state.Ask(Question(FirmOwner, Firm), Now.AddHours(2));
        state.Answer(new AnswerQuestion(BuyerOwner, 1, "Sì"), Now.AddHours(3));
        state.CatchUp(SubmissionDeadline);
        var bid = Bid(Now.AddDays(11), (1, 40_000m), (2, 30_000m));
        state.Open([bid], OpenedAt);
        state.Score(new ScoreBid(BuyerOwner, bid.BidId, 2, 80m), OpenedAt);
        state.Decide(new DecideLot(BuyerOwner, 1, bid.BidId, null), OpenedAt);
        state.Decide(new DecideLot(BuyerOwner, 2, bid.BidId, null), OpenedAt);
        state.Complete(OpenedAt.AddDays(30));

        state.History.Select(e => e.Kind).Should().Equal("Drafted", "Published", "Amended", "QuestionAsked", "QuestionAnswered",
            "EnquiriesClosed", "SubmissionsClosed", "BidsOpened", "Scored", "LotAwarded", "LotAwarded", "Awarded", "Completed");
        state.History.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 13));
        state.Version.Should().Be(13);
        state.UpdatedAt.Should().Be(OpenedAt.AddDays(30));
    }

    [Fact]
    public void Cancelling_is_recorded()
    {
        var state = Published();

        state.Cancel(new CancelTender(BuyerOwner, "Fondi revocati"), Now.AddDays(1));

        state.History[^1].Should().BeEquivalentTo(new { Sequence = 3, Kind = "Cancelled", At = Now.AddDays(1) });
    }
}
