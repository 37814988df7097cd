using Marketplace.Tenders;
using static Marketplace.Grains.Tests.Tenders.TenderSamples;

namespace Marketplace.Grains.Tests.Tenders;

/// <summary>
/// Finding 1 of issue #10: on a price-only tender everything a bid's digest covered could be guessed (the tender and
/// bid ids are public, the firm is one of the space's members, the price is near the estimate), so a competitor
/// matched the public digest by trying. Each test runs that attack: a competitor in the space knows the ids and the
/// submission number, tries every member firm with every price to the cent around the true one, and compares with
/// the digest the public audit shows.
/// </summary>
public sealed class SealedBidGuessingTests
{
    const int Firms = 25, CentsEitherSide = 100;

    static readonly TenderSnapshot PriceOnly = new(Guid.NewGuid(), Buyer.Id, BuyerOwner, [Space],
        new TenderDetails("Fornitura di arredi", null, [new Lot(1, "Arredi", null, ["39100000-3"], new Money(100_000m, "EUR"), null)], [],
            [new AwardCriterion(1, "Prezzo", CriterionKind.Price, 100)], EnquiryDeadline, SubmissionDeadline, null, null, true, []),
        TenderStatus.Tendering, 3, [], [], [], [], [], null, Now, EnquiryDeadline);

    /// <summary>A bid sealed by the server's own path, by one of the space's firms at a random price.</summary>
    static (SealedBid Bid, Guid[] SpaceFirms, decimal Price) RandomBid(Random random)
    {
        var firms = Enumerable.Range(0, Firms).Select(_ => Guid.NewGuid()).ToArray();
        var firm = firms[random.Next(Firms)];
        var price = random.Next(5_000_000, 10_000_000) / 100m;
        var sealedBid = BidState.Seal(new SubmitBid(FirmOwner, [new Tenderer(firm, TendererRole.Lead)], [new LotPrice(1, new Money(price, "EUR"))], [], []),
            PriceOnly, Guid.NewGuid(), 1).Value!;
        return (sealedBid, firms, price);
    }

    /// <summary>The attack: every known field as published, every guess of firm and price; the salt is not public, so it cannot be among the guesses.</summary>
    static (Guid Firm, decimal Price)? Guess(string publicDigest, Guid tenderId, Guid bidId, Guid[] firms, decimal around)
    {
        foreach (var firm in firms)
            for (var cents = -CentsEitherSide; cents <= CentsEitherSide; cents++)
            {
                var price = decimal.Round(around + cents / 100m, 2) + 0.00m;
                var candidate = new SealedBid(tenderId, bidId, 1, [new Tenderer(firm, TendererRole.Lead)], [new LotPrice(1, new Money(price, "EUR"))], [], [], Salt: "");
                if (BidSeal.Digest(candidate) == publicDigest) return (firm, price);
            }
        return null;
    }

    [Fact]
    public void The_attack_recovers_the_firm_and_the_price_of_a_digest_that_covers_no_secret()
    {
        var (bid, firms, price) = RandomBid(new Random());
        var unsalted = bid with { Salt = "" };

        Guess(BidSeal.Digest(unsalted), bid.TenderId, bid.BidId, firms, price + 0.37m)
            .Should().Be((bid.Tenderers[0].FirmId, price), "without a secret the digest gives the bid away");
    }

    [Fact]
    public void The_attack_finds_nothing_against_digests_that_cover_the_secret_salt()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        for (var i = 0; i < 20; i++)
        {
            var (bid, firms, price) = RandomBid(random);

            Guess(BidSeal.Digest(bid), bid.TenderId, bid.BidId, firms, price + 0.37m).Should().BeNull($"the salt is secret (seed {seed}, bid {i})");
        }
    }
}
