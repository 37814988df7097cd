using Marketplace.Tenders;

namespace Marketplace.Grains.Tests.Tenders;

/// <summary>Who sees a tender: <see cref="TenderVisibility.Sees"/>, the rule the grain and the endpoints share.</summary>
public sealed class TenderVisibilityTests
{
    static readonly Guid Starter = Guid.NewGuid(), Someone = Guid.NewGuid();

    [Theory]
    [InlineData(TenderStatus.Enquiries)]
    [InlineData(TenderStatus.Tendering)]
    [InlineData(TenderStatus.Awarded)]
    [InlineData(TenderStatus.Cancelled)]
    public void A_published_tender_is_seen_by_everyone_visitors_included(TenderStatus status)
    {
        TenderVisibility.Sees(status, Starter, viewer: null, actsForBuyer: false).Should().BeTrue();
        TenderVisibility.Sees(status, Starter, Someone, actsForBuyer: false).Should().BeTrue();
    }

    [Fact]
    public void A_draft_is_seen_by_those_who_act_for_the_buyer_and_by_whoever_started_it()
    {
        TenderVisibility.Sees(TenderStatus.Draft, Starter, Someone, actsForBuyer: true).Should().BeTrue("the buyer's editors or mandated admins");
        TenderVisibility.Sees(TenderStatus.Draft, Starter, Starter, actsForBuyer: false).Should().BeTrue("an admin whose mandate was revoked still sees the draft they started");
    }

    [Fact]
    public void A_draft_does_not_exist_for_anyone_else()
    {
        TenderVisibility.Sees(TenderStatus.Draft, Starter, Someone, actsForBuyer: false).Should().BeFalse("a signed-in user who does not act for the buyer");
        TenderVisibility.Sees(TenderStatus.Draft, Starter, viewer: null, actsForBuyer: false).Should().BeFalse("a visitor");
    }
}
