using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>What a firm's share of a lot rests on.</summary>
public enum ShareBasis
{
    /// <summary>The execution quota the bid declares for the firm in the lot (D.Lgs. 36/2023 art. 68): the work it will carry out.</summary>
    ExecutionQuota,
    /// <summary>The firm's work packages' price against the lot's price, for a bid that declares no quotas in the lot.</summary>
    WorkPackages,
}

/// <summary>
/// One firm's share of one lot of a joint bid: <paramref name="Part"/> of <paramref name="Whole"/> (an execution quota
/// of 100, or its packages' price of the lot's), kept as the two numbers so the awarded amount is split exactly.
/// </summary>
public sealed record LotShare(int Lot, Guid FirmId, decimal Part, decimal Whole, ShareBasis Basis)
{
    /// <summary>The firm's part of <paramref name="awarded"/>, to the cent.</summary>
    public decimal Of(decimal awarded) => Math.Round(awarded * Part / Whole, 2, MidpointRounding.ToEven);
}

/// <summary>
/// Who is credited with which part of the work of each lot a joint bid prices. The declared execution quota wins:
/// it is what the firms state they will each carry out, and a bid's packages may be priced otherwise (QuotaRules
/// only warns of that). A lot without quotas falls back on the packages' prices, which always add up to its price.
/// </summary>
public static class LotShares
{
    public static LotShare[] Of(IReadOnlyList<WorkPackage> packages, IReadOnlyList<BidQuota> quotas) =>
    [
        .. packages.GroupBy(p => p.Lot).OrderBy(l => l.Key).SelectMany(lot =>
        {
            var declared = quotas.Where(q => q.Lot == lot.Key).ToList();
            if (declared.Count > 0)
                return declared.Where(q => q.Execution > 0).Select(q => new LotShare(lot.Key, q.FirmId, q.Execution, 100m, ShareBasis.ExecutionQuota));
            var whole = lot.Sum(p => p.Price.Amount);
            // A lot priced at nothing splits nothing: no share is better than a division by zero or a made-up one.
            return whole <= 0 ? []
                : lot.GroupBy(p => p.FirmId).OrderBy(f => f.Key)
                    .Select(f => new LotShare(lot.Key, f.Key, f.Sum(p => p.Price.Amount), whole, ShareBasis.WorkPackages));
        }),
    ];
}
