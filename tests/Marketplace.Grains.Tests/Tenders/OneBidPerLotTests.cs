using Marketplace.Tenders;

namespace Marketplace.Grains.Tests.Tenders;

/// <summary>"A firm bids for a lot once, alone or in one alliance": <see cref="OneBidPerLot.BoundLot"/>.</summary>
public sealed class OneBidPerLotTests
{
    static readonly Guid Builder = Guid.NewGuid(), Coder = Guid.NewGuid(), Rti = Guid.NewGuid(), OtherRti = Guid.NewGuid();

    [Fact]
    public void A_firm_already_bidding_for_a_lot_in_an_alliance_cannot_bid_for_it_alone()
    {
        LotBinding[] bindings = [new(Rti, Builder, 1), new(Rti, Coder, 1)];

        OneBidPerLot.BoundLot(Builder, [Builder], [1, 2], bindings).Should().Be(1);
    }

    [Fact]
    public void A_firm_bidding_alone_for_a_lot_cannot_sign_an_alliance_s_bid_that_covers_it()
    {
        LotBinding[] bindings = [new(Builder, Builder, 2)];

        OneBidPerLot.BoundLot(Rti, [Builder], [1, 2], bindings).Should().Be(2);
    }

    [Fact]
    public void The_first_bound_lot_is_named_when_several_are()
    {
        LotBinding[] bindings = [new(OtherRti, Coder, 3), new(OtherRti, Coder, 2)];

        OneBidPerLot.BoundLot(Rti, [Builder, Coder], [1, 2, 3], bindings).Should().Be(2);
    }

    [Fact]
    public void The_bidder_s_own_bindings_never_count_against_it_so_it_may_resubmit_or_sign_again()
    {
        LotBinding[] bindings = [new(Rti, Builder, 1), new(Builder, Builder, 1)];

        OneBidPerLot.BoundLot(Rti, [Coder], [1], [new(Rti, Coder, 1)]).Should().BeNull();
        OneBidPerLot.BoundLot(Builder, [Builder], [1], [new(Builder, Builder, 1)]).Should().BeNull();
        OneBidPerLot.BoundLot(Builder, [Builder], [1], bindings).Should().Be(1, "the alliance's binding is another bidder's");
    }

    [Fact]
    public void Other_lots_and_other_firms_bindings_do_not_bind()
    {
        LotBinding[] bindings = [new(OtherRti, Builder, 3), new(OtherRti, Coder, 1)];

        OneBidPerLot.BoundLot(Builder, [Builder], [1, 2], bindings).Should().BeNull();
    }
}
