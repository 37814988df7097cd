using Marketplace.Alliances;

namespace Marketplace.Grains.Tests.Alliances;

public sealed class PartnerRankingTests
{
    static PartnerCandidate Firm(string name, params (string Gap, int Depth)[] covers) =>
        new(Guid.NewGuid(), name, covers.ToDictionary(c => c.Gap, c => c.Depth), 10, false, 0);

    [Theory]
    [InlineData("45310000", "45310000", 4)] // the same class: 4531 significant digits
    [InlineData("45300000", "45310000", 3)] // the group above
    [InlineData("45000000", "45310000", 2)] // the division
    [InlineData("45311000", "45310000", 4)] // a finer code of the same class shares four digits
    public void Depth_counts_the_digits_a_capability_shares_with_the_gap(string capability, string gap, int depth) =>
        PartnerRanking.Depth(capability, gap).Should().Be(depth);

    [Fact]
    public void More_gaps_covered_outrank_a_closer_or_verified_firm()
    {
        var both = Firm("Ampia", ("45310000", 4), ("72260000", 4)) with { DistanceKm = 200 };
        var one = Firm("Vicina", ("45310000", 4)) with { DistanceKm = 1, Verified = true, JointProjects = 1 };

        // Ampia: 10×2 + 8 − 4 = 24; Vicina: 10 + 4 + 2 + 3 − 0.02 = 18.98
        PartnerRanking.Rank([one, both]).Should().Equal(both, one);
    }

    [Fact]
    public void The_greedy_cover_takes_the_widest_firm_first_and_stops_when_nothing_more_is_covered()
    {
        var wide = Firm("Larga", ("A0000000", 4), ("B0000000", 4));
        var narrow = Firm("Stretta", ("A0000000", 4));
        var other = Firm("Altra", ("C0000000", 4));

        var cover = PartnerRanking.Cover(["A0000000", "B0000000", "C0000000", "D0000000"], PartnerRanking.Rank([narrow, wide, other]));

        cover.Should().Equal(wide, other);
    }
}
