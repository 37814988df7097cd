using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// The rules of a grouping's declared quotas, one home: each firm's participation and execution quota per lot, as pure
/// functions of the quotas, the tender's lots, the bidding firms and the work packages. Refusals (<see cref="Check"/>)
/// stop a save; warnings (<see cref="Warnings"/>) are shown and stop nothing, where the law leaves the point open or
/// the product cannot judge it alone. Sources and what could not be confirmed: docs/qualifications.md ("Quotas").
/// </summary>
public static class QuotaRules
{
    /// <summary>Two quotas for each firm in each lot of a large tender; more is not a grouping's declaration.</summary>
    public const int MaxQuotas = 400;

    public static readonly Refusal
        Percent = new("quota.percent", "A quota is a percentage above 0 and up to 100, with at most two decimals."),
        Required = new("quota.required", "Give both quotas, participation and execution."),
        NoSuchLot = new("quota.noSuchLot", "No lot of the tender has this number."),
        NotABidder = new("quota.notABidder", "Quotas are declared for the firms that bid in the alliance."),
        Twice = new("quota.twice", "This firm already has quotas in lot {lot}."),
        TooMany = new("quota.tooMany", "A joint bid declares at most {max} quotas."),
        ParticipationSum = new("quota.participationSum", "The participation quotas of lot {lot} add up to {sum}%: they must add up to 100%."),
        ExecutionSum = new("quota.executionSum", "The execution quotas of lot {lot} add up to {sum}%: they must add up to 100%."),
        LeadNotLargest = new("quota.leadNotLargest", "In lot {lot} the lead firm's participation quota ({lead}%) must be larger than any other firm's ({other}%)."),
        Changed = new("quota.changed", "Someone else saved the quotas meanwhile (version {version}); here are the current ones."),
        // Warnings: said, never refused.
        ExecutionDiffers = new("quota.executionDiffers", "Lot {lot}: {firm}'s execution quota ({execution}%) differs from its participation quota ({participation}%)."),
        PackagesDiffer = new("quota.packagesDiffer", "Lot {lot}: {firm}'s work packages come to {share}% of the lot's price, its execution quota is {execution}%."),
        Missing = new("quota.missing", "Lot {lot} has work packages but no quotas: declare each firm's participation and execution quota."),
        OverQualification = new("quota.overQualification", "Lot {lot}: {firm}'s execution quota ({execution}%, {amount}) is more than its qualification covers ({covered}).");

    /// <summary>
    /// Why these quotas may not be stored, each wrong field named (<c>quotas[i].participation</c>…); null when they may.
    /// <paramref name="lots"/> are the tender's lot numbers, <paramref name="bidders"/> the bidding firms, lead first
    /// or not (<paramref name="leadId"/> names it).
    /// </summary>
    public static Dictionary<string, FieldProblem[]>? Check(IReadOnlyList<BidQuota> quotas, IReadOnlyCollection<int> lots,
        IReadOnlyCollection<Guid> bidders, Guid leadId)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        if (quotas.Count > MaxQuotas) return new() { ["quotas"] = [FieldProblem.Of(TooMany, ("max", MaxQuotas))] };
        for (var i = 0; i < quotas.Count; i++)
        {
            var q = quotas[i];
            if (!lots.Contains(q.Lot)) errors[$"quotas[{i}].lot"] = [FieldProblem.Of(NoSuchLot)];
            if (!bidders.Contains(q.FirmId)) errors[$"quotas[{i}].firmId"] = [FieldProblem.Of(NotABidder)];
            else if (quotas.Take(i).Any(o => o.Lot == q.Lot && o.FirmId == q.FirmId)) errors[$"quotas[{i}].firmId"] = [FieldProblem.Of(Twice, ("lot", q.Lot))];
            if (!IsPercent(q.Participation)) errors[$"quotas[{i}].participation"] = [FieldProblem.Of(Percent)];
            if (!IsPercent(q.Execution)) errors[$"quotas[{i}].execution"] = [FieldProblem.Of(Percent)];
        }
        if (errors.Count > 0) return errors;

        foreach (var lot in quotas.Select(q => q.Lot).Distinct())
        {
            // A lot's sentence goes on its last row, the one a person fills in last and looks at when the sum is off.
            var rows = quotas.Select((q, i) => (q, i)).Where(x => x.q.Lot == lot).ToList();
            var last = rows[^1].i;
            // D.Lgs. 36/2023, art. 68, c. 2: the offer says which part of the work each firm of the grouping carries
            // out; together the parts are the whole lot, so each kind of quota adds up to 100.
            var participation = rows.Sum(x => x.q.Participation);
            if (participation != 100m) Add(errors, $"quotas[{last}].participation", FieldProblem.Of(ParticipationSum, ("lot", lot), ("sum", participation)));
            var execution = rows.Sum(x => x.q.Execution);
            if (execution != 100m) Add(errors, $"quotas[{last}].execution", FieldProblem.Of(ExecutionSum, ("lot", lot), ("sum", execution)));
            // The lead holds the requirements "in misura maggioritaria" (DPR 207/2010, art. 92, c. 2, carried over by
            // D.Lgs. 36/2023, Allegato II.12; the article there was not confirmed), read as strictly more than any other
            // firm, as QualificationRules reads it. Applied to the participation quota only: a rule that the lead also
            // *executes* the larger part was held contrary to Directive 2014/24 art. 63 (CJEU C-642/20, Caruter, 2022).
            var lead = rows.FirstOrDefault(x => x.q.FirmId == leadId).q?.Participation ?? 0m;
            var other = rows.Where(x => x.q.FirmId != leadId).Select(x => x.q.Participation).DefaultIfEmpty(0m).Max();
            if (lead <= other)
            {
                var at = rows.FirstOrDefault(x => x.q.FirmId == leadId) is { q: not null } found ? found.i : last;
                Add(errors, $"quotas[{at}].participation", FieldProblem.Of(LeadNotLargest, ("lot", lot), ("lead", lead), ("other", other)));
            }
        }
        return errors.Count > 0 ? errors : null;
    }

    /// <summary>A quota: above 0, at most 100, in hundredths.</summary>
    public static bool IsPercent(decimal value) => value > 0m && value <= 100m && decimal.Round(value, 2) == value;

    /// <summary>
    /// What the firms should look at before they sign, lot by lot: a firm executing a share other than its
    /// participation (allowed since the duty of correspondence was repealed, D.L. 47/2014 art. 12 c. 8 on D.Lgs.
    /// 163/2006 art. 37 c. 13, but worth a second look), a firm whose work packages make up another share of the lot's
    /// price than its execution quota, and a lot with work packages and no quotas. <paramref name="packages"/> are the
    /// work packages as (lot, firm, price); the price shares are compared exactly, to the hundredth of a percent.
    /// </summary>
    public static QuotaWarning[] Warnings(IReadOnlyList<BidQuota> quotas, IReadOnlyList<(int Lot, Guid FirmId, decimal Price)> packages)
    {
        var warnings = new List<QuotaWarning>();
        var lots = quotas.Select(q => q.Lot).Concat(packages.Select(p => p.Lot)).Distinct().Order();
        foreach (var lot in lots)
        {
            var declared = quotas.Where(q => q.Lot == lot).ToList();
            var priced = packages.Where(p => p.Lot == lot).ToList();
            if (declared.Count == 0)
            {
                warnings.Add(new(lot, null, FieldProblem.Of(Missing, ("lot", lot))));
                continue;
            }
            foreach (var q in declared.Where(q => q.Execution != q.Participation))
                warnings.Add(new(lot, q.FirmId, FieldProblem.Of(ExecutionDiffers, ("lot", lot), ("firm", ""), ("execution", q.Execution), ("participation", q.Participation))));
            var total = priced.Sum(p => p.Price);
            if (total == 0m) continue;
            foreach (var firm in declared.Select(q => q.FirmId).Concat(priced.Select(p => p.FirmId)).Distinct())
            {
                var share = decimal.Round(priced.Where(p => p.FirmId == firm).Sum(p => p.Price) * 100m / total, 2);
                var execution = declared.FirstOrDefault(q => q.FirmId == firm)?.Execution ?? 0m;
                if (share != execution)
                    warnings.Add(new(lot, firm, FieldProblem.Of(PackagesDiffer, ("lot", lot), ("firm", ""), ("share", share), ("execution", execution))));
            }
        }
        return [.. warnings];
    }

    /// <summary>
    /// A firm's execution quota against what its qualification covers in the lot (its counted class amounts, with the
    /// one-fifth increase where it applies, from <c>QualificationRules</c>): each firm is qualified for the part it
    /// undertakes to carry out (Cons. Stato, Ad. Plen. 27/2014). Null when it is covered.
    /// </summary>
    public static FieldProblem? CheckCovered(int lot, BidQuota quota, decimal worksAmount, decimal covered)
    {
        var amount = decimal.Round(worksAmount * quota.Execution / 100m, 2);
        return amount <= covered ? null
            : FieldProblem.Of(OverQualification, ("lot", lot), ("firm", ""), ("execution", quota.Execution), ("amount", new Money(amount, "EUR")), ("covered", new Money(covered, "EUR")));
    }

    static void Add(Dictionary<string, FieldProblem[]> errors, string field, FieldProblem problem) =>
        errors[field] = errors.TryGetValue(field, out var before) ? [.. before, problem] : [problem];
}
