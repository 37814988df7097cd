using Marketplace.Qualifications;

namespace Marketplace.Alliances;

/// <summary>
/// A firm that could fill gaps of an alliance: the gap codes it covers (with how many leading digits its best
/// capability shares with each), its distance from the work, its verified mark, and the verified projects it has
/// done with the alliance's current firms.
/// </summary>
public sealed record PartnerCandidate(Guid FirmId, string Name, IReadOnlyDictionary<string, int> Covers, double? DistanceKm, bool Verified, int JointProjects)
{
    /// <summary>The lots' requirements the firm would complete by joining (<see cref="RequirementCompletions"/>); empty for most.</summary>
    public IReadOnlyList<RequirementCompletion> Completes { get; init; } = [];

    /// <summary>The lots the alliance would qualify for with this firm, of those it does not qualify for now.</summary>
    public int LotsQualified => Completes.Where(c => c.LotQualifies).Select(c => c.Lot).Distinct().Count();

    /// <summary>
    /// The ranking score, in this order of weight: gaps covered (10 each), then how specific the match is (one point
    /// per shared CPV digit), verified projects with current members (2 each, up to 5), the association's verified
    /// mark (3), and distance (minus 1 per 50 km; an unknown place counts as 100 km).
    /// </summary>
    public double Score => 10 * Covers.Count + Covers.Values.Sum() + 2 * Math.Min(JointProjects, 5) + (Verified ? 3 : 0) - (DistanceKm ?? 100) / 50;
}

public static class PartnerRanking
{
    /// <summary>How many leading digits of a gap code a capability shares, counting only the capability's significant digits.</summary>
    public static int Depth(string capability, string gap)
    {
        var significant = Math.Max(2, capability[..8].TrimEnd('0').Length);
        var shared = 0;
        while (shared < 8 && capability[shared] == gap[shared]) shared++;
        return Math.Min(shared, significant);
    }

    /// <summary>
    /// Best first: a firm that makes more lots qualify, then one completing more requirements (a lot the alliance may
    /// not bid for matters more than a CPV code it lacks), then the <see cref="PartnerCandidate.Score"/>.
    /// </summary>
    public static IReadOnlyList<PartnerCandidate> Rank(IEnumerable<PartnerCandidate> candidates) =>
        [.. candidates.OrderByDescending(c => c.LotsQualified).ThenByDescending(c => c.Completes.Count)
            .ThenByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>
    /// A small set of firms that together cover every gap they can: the greedy set cover (take the firm covering the
    /// most gaps still open, the better-ranked one on a tie, until nothing more can be covered). Not always the
    /// smallest possible set, but never more than a logarithmic factor above it, and the UI says so.
    /// </summary>
    public static IReadOnlyList<PartnerCandidate> Cover(IEnumerable<string> gaps, IReadOnlyList<PartnerCandidate> ranked)
    {
        var open = gaps.ToHashSet();
        var chosen = new List<PartnerCandidate>();
        while (open.Count > 0)
        {
            var best = ranked.Where(c => !chosen.Contains(c)).Select(c => (Candidate: c, Gain: c.Covers.Keys.Count(open.Contains)))
                .Where(x => x.Gain > 0).OrderByDescending(x => x.Gain).ThenByDescending(x => x.Candidate.Score).FirstOrDefault();
            if (best.Candidate is null) break;
            chosen.Add(best.Candidate);
            open.ExceptWith(best.Candidate.Covers.Keys);
        }
        return chosen;
    }
}
