using Marketplace.JointBids;
using Marketplace.Tenders;

namespace Marketplace.Grains.Tests.JointBids;

/// <summary>
/// Who is credited with what part of a won lot, as the relationship ledger shows it: the execution quota the bid
/// declared, else the firm's work packages against the lot's price.
/// </summary>
public sealed class LotSharesTests
{
    static readonly Guid Lead = Guid.NewGuid(), Member = Guid.NewGuid(), Third = Guid.NewGuid();

    static WorkPackage P(Guid firm, int lot, decimal price) => new(Guid.NewGuid(), "Lavori", lot, null, firm, new Money(price, "EUR"), 1);

    [Fact]
    public void Without_quotas_each_firm_is_credited_with_its_packages_part_of_the_lot_exactly()
    {
        // Lot 1: 700 000.10 + 49 999.95 = 750 000.05, awarded at that price: each firm gets exactly its packages' sum.
        var shares = LotShares.Of([P(Lead, 1, 700_000.10m), P(Member, 1, 29_999.95m), P(Member, 1, 20_000m), P(Member, 2, 150_000m)], []);

        shares.Select(s => (s.Lot, s.FirmId, s.Basis)).Should().BeEquivalentTo([(1, Lead, ShareBasis.WorkPackages), (1, Member, ShareBasis.WorkPackages), (2, Member, ShareBasis.WorkPackages)]);
        shares.Where(s => s.Lot == 1).Select(s => s.Of(750_000.05m)).Should().BeEquivalentTo([700_000.10m, 49_999.95m]);
        shares.Single(s => s.Lot == 2).Of(150_000m).Should().Be(150_000m);
    }

    [Fact]
    public void A_declared_execution_quota_wins_over_the_packages_and_a_firm_executing_nothing_is_credited_nothing()
    {
        // The lead priced all of lot 1's packages, yet the bid declares it executes 60 % and the member 40 %; the
        // third firm participates with 0 % execution.
        var shares = LotShares.Of([P(Lead, 1, 100_000m), P(Member, 2, 50_000m)],
            [new BidQuota(1, Lead, 60m, 60m), new BidQuota(1, Member, 40m, 40m), new BidQuota(1, Third, 0m, 0m)]);

        shares.Where(s => s.Lot == 1).Select(s => (s.FirmId, s.Basis, s.Of(100_000m)))
            .Should().BeEquivalentTo([(Lead, ShareBasis.ExecutionQuota, 60_000m), (Member, ShareBasis.ExecutionQuota, 40_000m)]);
        shares.Where(s => s.Lot == 2).Should().ContainSingle().Which.Basis.Should().Be(ShareBasis.WorkPackages, "lot 2 declares no quotas");
    }

    [Fact]
    public void A_quota_of_a_lot_the_bid_does_not_price_credits_nothing_and_a_lot_priced_at_nothing_has_no_share()
    {
        var shares = LotShares.Of([P(Lead, 1, 0m)], [new BidQuota(2, Lead, 100m, 100m)]);

        shares.Should().BeEmpty();
    }

    [Fact]
    public void A_share_is_rounded_to_the_cent_of_the_amount_awarded()
    {
        var third = new LotShare(1, Member, 1m, 3m, ShareBasis.WorkPackages);

        third.Of(100m).Should().Be(33.33m);
        new LotShare(1, Lead, 33.33m, 100m, ShareBasis.ExecutionQuota).Of(1_000_000.01m).Should().Be(333_300.00m);
    }
}
