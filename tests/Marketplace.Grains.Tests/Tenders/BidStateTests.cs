using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

public sealed class BidStateTests
{
    static readonly Guid BidId = Guid.NewGuid();
    static readonly DateTimeOffset ReceivedAt = Now.AddDays(12);
    static readonly Tenderer[] Alone = [new(Firm.Id, TendererRole.Lead)];
    static readonly DocumentRef Offer = new(Guid.NewGuid(), "offerta.pdf", "application/pdf", 2048, new string('c', 64));

    /// <summary>Lots 1 and 2 are estimated in EUR (a tender has one currency), lot 3 has no estimate; price 40, two quality criteria (2, 3) of 30.</summary>
    static readonly TenderSnapshot Tender = new(Guid.NewGuid(), Buyer.Id, BuyerOwner, [Space],
        new TenderDetails("Manutenzione del verde", null,
            [
                new Lot(1, "Parchi nord", null, ["77313000-7"], new Money(50_000m, "EUR"), null),
                new Lot(2, "Parchi sud", null, ["77313000-7"], new Money(20_000m, "EUR"), null),
                new Lot(3, "Aiuole", null, ["77313000-7"], null, null),
            ],
            [],
            [new(1, "Prezzo", CriterionKind.Price, 40), new(2, "Piano di lavoro", CriterionKind.Quality, 30), new(3, "Personale", CriterionKind.Quality, 30)],
            EnquiryDeadline, SubmissionDeadline, null, null, false, []),
        TenderStatus.Tendering, 3, [], [], [], [], [], null, Now, EnquiryDeadline);

    static readonly CriterionAnswer[] BothAnswers = [new(2, "Interventi settimanali"), new(3, "Due squadre")];

    static SubmitBid Command(LotPrice[]? lots = null, CriterionAnswer[]? answers = null, DocumentRef[]? documents = null) =>
        new(FirmOwner, Alone, lots ?? [new LotPrice(1, new Money(45_000m, "EUR"))], answers ?? BothAnswers, documents ?? []);

    static Outcome<SealedBid> Seal(SubmitBid command, int submission = 1) => BidState.Seal(command, Tender, BidId, submission);

    static IEnumerable<string> Errors(SubmitBid command) => Seal(command).Problem!.Errors!.Keys;

    static BidState Submitted(SubmitBid? command = null)
    {
        var state = new BidState();
        state.Submit(Tender.Id, Firm.Id, FirmOwner, Seal(command ?? Command(), state.NextSubmission).Value!, ReceivedAt);
        return state;
    }

    [Fact]
    public void A_valid_bid_is_sealed_in_canonical_form()
    {
        var command = Command(
            lots: [new LotPrice(3, new Money(9_000m, "eur")), new LotPrice(1, new Money(45_000.50m, "EUR"))],
            answers: [new CriterionAnswer(3, "  Due squadre "), new CriterionAnswer(2, "Interventi settimanali")],
            documents: [Offer, Offer]);

        var sealedBid = Seal(command).Value!;

        sealedBid.Should().BeEquivalentTo(new SealedBid(Tender.Id, BidId, 1, Alone,
            [new LotPrice(1, new Money(45_000.50m, "EUR")), new LotPrice(3, new Money(9_000m, "EUR"))],
            [new CriterionAnswer(2, "Interventi settimanali"), new CriterionAnswer(3, "Due squadre")],
            [Offer], sealedBid.Salt), o => o.WithStrictOrdering());
        sealedBid.Salt.Should().MatchRegex("^[0-9a-f]{32}$", "the secret salt has 128 random bits");
    }

    [Fact]
    public void Each_submission_is_sealed_with_a_fresh_salt() =>
        Seal(Command()).Value!.Salt.Should().NotBe(Seal(Command()).Value!.Salt);

    [Fact]
    public void The_same_price_written_differently_seals_to_the_same_digest()
    {
        var plain = Seal(Command(lots: [new LotPrice(1, new Money(1500.5m, "EUR"))])).Value!;
        var padded = Seal(Command(lots: [new LotPrice(1, new Money(1500.50m, "EUR"))])).Value!;

        BidSeal.Digest(plain).Should().Be(BidSeal.Digest(padded with { Salt = plain.Salt }));
        plain.Lots.Single().Price.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("1500.50");
    }

    [Fact]
    public void A_bid_offers_at_least_one_lot() =>
        Errors(Command(lots: [])).Should().Equal("lots");

    [Fact]
    public void An_unknown_lot_number_is_refused() =>
        Errors(Command(lots: [new LotPrice(4, new Money(1_000m, "EUR"))])).Should().Equal("lots[0].lot");

    [Fact]
    public void A_lot_is_offered_once() =>
        Errors(Command(lots: [new LotPrice(1, new Money(45_000m, "EUR")), new LotPrice(1, new Money(44_000m, "EUR"))])).Should().Equal("lots[1].lot");

    [Fact]
    public void A_price_is_in_the_currency_of_the_lot_s_estimate() =>
        Errors(Command(lots: [new LotPrice(2, new Money(18_000m, "CHF"))])).Should().Equal("lots[0].price.currency");

    [Fact]
    public void A_lot_without_an_estimate_is_priced_in_euro()
    {
        Errors(Command(lots: [new LotPrice(3, new Money(9_000m, "USD"))])).Should().Equal("lots[0].price.currency");
        Seal(Command(lots: [new LotPrice(3, new Money(9_000m, " "))])).Value!.Lots.Single().Price.Should().Be(new Money(9_000m, "EUR"));
    }

    [Fact]
    public void A_price_is_not_zero() =>
        Errors(Command(lots: [new LotPrice(1, new Money(0m, "EUR"))])).Should().Equal("lots[0].price.amount");

    [Fact]
    public void A_price_has_at_most_two_decimals() =>
        Errors(Command(lots: [new LotPrice(3, new Money(9_000m, "EUR")), new LotPrice(1, new Money(45_000.001m, "EUR"))])).Should().Equal("lots[1].price.amount");

    [Fact]
    public void Every_quality_criterion_is_answered() =>
        Errors(Command(answers: [new CriterionAnswer(2, "Interventi settimanali")])).Should().Equal("answers[3]");

    [Fact]
    public void A_blank_answer_is_no_answer() =>
        Errors(Command(answers: [new CriterionAnswer(2, "   "), new CriterionAnswer(3, "Due squadre")])).Should().Equal("answers[2]");

    [Fact]
    public void An_answer_to_an_unknown_criterion_is_refused() =>
        Errors(Command(answers: [.. BothAnswers, new CriterionAnswer(9, "Altro")])).Should().Equal("answers[2].criterion");

    [Fact]
    public void The_price_criterion_is_not_answered_in_words() =>
        Errors(Command(answers: [new CriterionAnswer(1, "Economica"), .. BothAnswers])).Should().Equal("answers[0].criterion");

    [Fact]
    public void A_bid_carries_at_most_20_documents() =>
        Errors(Command(documents: [.. Enumerable.Range(0, 21).Select(i => Offer with { Id = Guid.NewGuid() })])).Should().Equal("documents");

    [Fact]
    public void Submitting_gives_a_receipt_with_the_digest_of_the_sealed_content()
    {
        var state = Submitted();

        state.Status.Should().Be(BidStatus.Submitted);
        state.Receipt.Should().Be(new Receipt(Tender.Id, BidId, 1, BidSeal.Digest(state.Content!), ReceivedAt, state.Content!.Salt));
        state.Receipt!.Digest.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void The_audit_event_of_a_submission_says_only_what_the_receipt_says()
    {
        var state = Submitted();

        state.History.Should().Equal(new AuditEvent(1, "BidSubmitted", $"submission=1;digest={state.Receipt!.Digest}", ReceivedAt));
        state.LastActorId.Should().Be(FirmOwner);
    }

    [Fact]
    public void Resubmitting_gives_a_new_submission_number_and_digest()
    {
        var state = Submitted();
        var first = state.Receipt!;

        state.NextSubmission.Should().Be(2);
        state.Submit(Tender.Id, Firm.Id, FirmManager, Seal(Command(), state.NextSubmission).Value!, ReceivedAt.AddHours(1));

        state.Receipt!.Submission.Should().Be(2);
        state.Receipt.BidId.Should().Be(first.BidId);
        state.Receipt.Digest.Should().NotBe(first.Digest);
        state.History.Select(e => e.Sequence).Should().Equal(1, 2);
    }

    [Fact]
    public void A_submission_that_says_what_the_submitted_bid_says_repeats_it_whatever_its_form_and_salt()
    {
        var state = Submitted(Command(documents: [Offer]));

        state.Repeats(Seal(Command(answers: [new CriterionAnswer(3, " Due squadre  "), new CriterionAnswer(2, "Interventi settimanali")],
            documents: [Offer, Offer]), state.NextSubmission).Value!).Should().BeTrue("a retried request is the same bid");
        state.Repeats(Seal(Command(lots: [new LotPrice(1, new Money(44_000m, "EUR"))], documents: [Offer]), state.NextSubmission).Value!)
            .Should().BeFalse("another price is a new submission");
        state.Repeats(Seal(Command(answers: [new CriterionAnswer(2, "Interventi mensili"), new CriterionAnswer(3, "Due squadre")], documents: [Offer]),
            state.NextSubmission).Value!).Should().BeFalse("another answer is a new submission");
        state.Repeats(Seal(Command(), state.NextSubmission).Value!).Should().BeFalse("a document left out is a new submission");
    }

    [Fact]
    public void A_withdrawn_bid_is_not_repeated_by_submitting_it_again()
    {
        var state = Submitted();
        state.Withdraw(FirmOwner, ReceivedAt.AddHours(1));

        state.Repeats(Seal(Command(), state.NextSubmission).Value!).Should().BeFalse();
    }

    [Fact]
    public void Only_a_submitted_bid_is_withdrawn() =>
        new BidState().CheckWithdraw()!.Kind.Should().Be(ProblemKind.Conflict);

    [Fact]
    public void A_withdrawn_bid_is_not_withdrawn_again()
    {
        var state = Submitted();

        state.CheckWithdraw().Should().BeNull();
        state.Withdraw(FirmOwner, ReceivedAt.AddHours(1));

        state.Status.Should().Be(BidStatus.Withdrawn);
        state.CheckWithdraw()!.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void A_withdrawn_bid_may_be_submitted_again_with_the_next_number()
    {
        var state = Submitted();
        state.Withdraw(FirmOwner, ReceivedAt.AddHours(1));

        state.Submit(Tender.Id, Firm.Id, FirmOwner, Seal(Command(), state.NextSubmission).Value!, ReceivedAt.AddHours(2));

        state.Status.Should().Be(BidStatus.Submitted);
        state.Receipt!.Submission.Should().Be(2);
        state.History.Select(e => e.Kind).Should().Equal("BidSubmitted", "BidWithdrawn", "BidSubmitted");
    }
}
