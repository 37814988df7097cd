using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

/// <summary>Opening re-verifies each stored bid against the receipt its audit chain recorded (finding 2 of issue #10).</summary>
public sealed class BidOpeningTests
{
    static readonly Guid TenderId = Guid.NewGuid(), BidId = Guid.NewGuid();
    static readonly DateTimeOffset ReceivedAt = Now.AddDays(12);

    static BidState Stored(decimal price, int submission = 1)
    {
        var state = new BidState();
        var content = new SealedBid(TenderId, BidId, submission, [new Tenderer(Firm.Id, TendererRole.Lead)], [new LotPrice(1, new Money(price, "EUR"))], [], [],
            BidSeal.NewSalt());
        state.Submit(TenderId, Firm.Id, FirmOwner, content, ReceivedAt);
        return state;
    }

    static RecordedReceipt ReceiptOf(BidState state, bool withdrawn = false) =>
        new(state.BidId, state.Receipt!.Submission, state.Receipt.Digest, state.Receipt.ReceivedAt, withdrawn);

    static OpenedBid OpenOne(BidState? state, RecordedReceipt[] receipts, bool chainHolds = true) =>
        BidOpening.Open([new StoredBid(Firm.Id, BidId, state)], receipts, chainHolds).Single();

    [Fact]
    public void A_bid_that_matches_its_recorded_receipt_is_opened_from_its_content()
    {
        var state = Stored(1_234.50m);

        OpenOne(state, [ReceiptOf(state)]).Should().BeEquivalentTo(new OpenedBid(BidId, Firm.Id, state.Content!.Tenderers, state.Content.Lots,
            state.Receipt!.Digest, ReceivedAt));
    }

    [Fact]
    public void A_content_whose_digest_is_not_the_recorded_one_fails_and_has_no_lots()
    {
        var recorded = ReceiptOf(Stored(1_234.50m));
        var forged = Stored(99m);

        OpenOne(forged, [recorded]).Should().BeEquivalentTo(new
        {
            Failure = BidIntegrityFailure.DoesNotMatchReceipt, Lots = Array.Empty<LotPrice>(), recorded.Digest,
        });
    }

    [Fact]
    public void An_older_submission_put_back_has_no_receipt_in_force()
    {
        var older = Stored(1_000m, submission: 1);
        var latest = Stored(900m, submission: 2);

        OpenOne(older, [ReceiptOf(latest)]).Failure.Should().Be(BidIntegrityFailure.ReceiptMissing);
    }

    [Fact]
    public void A_submitted_state_of_a_bid_the_chain_says_was_withdrawn_fails()
    {
        var state = Stored(1_000m);

        OpenOne(state, [ReceiptOf(state, withdrawn: true)]).Failure.Should().Be(BidIntegrityFailure.ReceiptMissing);
    }

    [Fact]
    public void A_bid_the_chain_says_stands_but_is_not_stored_as_submitted_fails()
    {
        var state = Stored(1_000m);
        var receipt = ReceiptOf(state);
        state.Withdraw(FirmOwner, ReceivedAt.AddHours(1));

        OpenOne(state, [receipt]).Should().BeEquivalentTo(new { BidId, Failure = BidIntegrityFailure.ContentMissing });
        BidOpening.Open([], [receipt], chainHolds: true).Single().Failure.Should().Be(BidIntegrityFailure.ContentMissing);
    }

    [Fact]
    public void Nothing_is_opened_as_valid_when_the_chain_does_not_hold_or_the_content_cannot_be_read()
    {
        var state = Stored(1_000m);

        OpenOne(state, [ReceiptOf(state)], chainHolds: false).Failure.Should().Be(BidIntegrityFailure.ChainBroken);
        OpenOne(null, [ReceiptOf(state)]).Should().BeEquivalentTo(new { BidId, BidderId = Firm.Id, Failure = BidIntegrityFailure.Unreadable });
    }

    [Fact]
    public void A_bid_withdrawn_as_the_chain_says_is_not_opened() =>
        BidOpening.Open([new StoredBid(Firm.Id, BidId, Withdrawn())], [ReceiptOf(Stored(1_000m), withdrawn: true)], chainHolds: true).Should().BeEmpty();

    static BidState Withdrawn()
    {
        var state = Stored(1_000m);
        state.Withdraw(FirmOwner, ReceivedAt.AddHours(1));
        return state;
    }
}
