namespace Marketplace.Tenders;

/// <summary>A bid's place for one lot: its price, the points per criterion and the weighted total.</summary>
public sealed record RankedBid(Guid BidId, decimal Price, decimal PricePoints, IReadOnlyDictionary<int, decimal> Points, decimal Total, bool Complete, DateTimeOffset ReceivedAt);

/// <summary>
/// Scoring and ranking. The price earns points by the usual proportional formula (lowest price ÷ price × 100); the
/// buyer gives each quality criterion 0–100 points; the total weighs every criterion's points by its weight. Ties go
/// to the bid received first. Points round to two decimals, half away from zero (12.345 → 12.35), as Italian
/// tender documents usually state. Only admissible bids are ranked: a bid that failed its integrity check at opening,
/// or that the buyer excluded, is never ranked, and it sets no lowest price either (it is out of the procedure), so
/// the next admissible bid moves up when the first is excluded.
/// </summary>
public static class TenderEvaluation
{
    public static IReadOnlyList<RankedBid> Rank(TenderSnapshot tender, int lot) =>
        Rank(tender.Details, tender.Bids, tender.Scores, tender.Excluded, lot);

    /// <summary>Whether an opened bid takes part in the ranking: it passed its integrity check and the buyer has not excluded it.</summary>
    public static bool Admissible(OpenedBid bid, IEnumerable<BidExclusion> exclusions) =>
        bid.Failure is null && !exclusions.Any(e => e.BidId == bid.BidId);

    public static IReadOnlyList<RankedBid> Rank(TenderDetails details, IEnumerable<OpenedBid> bids, IEnumerable<BidScore> scores,
        IReadOnlyCollection<BidExclusion> exclusions, int lot)
    {
        var offers = bids.Where(b => Admissible(b, exclusions)).SelectMany(b => b.Lots.Where(l => l.Lot == lot).Select(l => (Bid: b, l.Price.Amount))).ToList();
        if (offers.Count == 0) return [];
        var lowest = offers.Min(o => o.Amount);
        var quality = details.Criteria.Where(c => c.Kind == CriterionKind.Quality).ToList();
        var price = details.Criteria.Single(c => c.Kind == CriterionKind.Price);
        var scored = scores.ToLookup(s => s.BidId);
        return [.. offers.Select(o =>
        {
            var points = scored[o.Bid.BidId].ToDictionary(s => s.Criterion, s => s.Points);
            var pricePoints = o.Amount == 0 ? 100m : Math.Round(lowest / o.Amount * 100m, 2, MidpointRounding.AwayFromZero);
            points[price.Number] = pricePoints;
            var total = Math.Round(details.Criteria.Sum(c => points.GetValueOrDefault(c.Number) * c.Weight / 100m), 2, MidpointRounding.AwayFromZero);
            return new RankedBid(o.Bid.BidId, o.Amount, pricePoints, points, total, quality.All(q => points.ContainsKey(q.Number)), o.Bid.ReceivedAt);
        })
        .OrderByDescending(r => r.Total).ThenBy(r => r.ReceivedAt)];
    }
}
