using Marketplace.Qualifications;
using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// The rules of a joint bid's subcontracting declarations (subappalto), one home: pure functions of the declarations,
/// the tender's lots with the buyer's requirements, the bid's work packages and the alliance's Subcontractor firms.
/// Sources, as far as they were read (see docs/qualifications.md, "Subcontracting", for what was not confirmed):
/// D.Lgs. 36/2023 art. 119 c. 4 lett. c) asks the bidder to name in its offer the works it means to subcontract, and
/// art. 119 c. 2 lets the tender documents say which work the contractor carries out itself; the product models
/// that as the lot's <see cref="LotRequirements.SubcontractingMaxPercent"/> (none when not given) and each separable
/// category's <see cref="CategoryAmount.MaySubcontract"/>, as the buyer states them.
/// </summary>
public static class SubcontractRules
{
    /// <summary>Several declarations per lot of a large tender; more is not a grouping's declaration.</summary>
    public const int MaxSubcontracts = 200, MaxName = 200;

    public static readonly Refusal
        Percent = new("subcontract.percent", "A share is a percentage above 0 and up to 100, with at most two decimals."),
        NoSuchLot = new("subcontract.noSuchLot", "No lot of the tender has this number."),
        NotAllowed = new("subcontract.notAllowed", "Lot {lot} allows no subcontracting: the buyer set no share of it that may be subcontracted."),
        Work = new("subcontract.work", "Say which work is subcontracted: one work package or one category of the lot."),
        NoSuchPackage = new("subcontract.noSuchPackage", "No work package of lot {lot} has this id."),
        NoSuchCategory = new("subcontract.noSuchCategory", "Lot {lot} asks for no category {category}."),
        CategoryForbidden = new("subcontract.categoryForbidden", "The buyer does not let category {category} of lot {lot} be subcontracted."),
        NoSuchFirm = new("subcontract.noSuchFirm", "The subcontractor is a firm of the alliance in the Subcontractor role; another firm is named in words."),
        Name = new("subcontract.name", "A subcontractor's name is 1 to {max} characters, given only when no firm of the alliance is chosen."),
        Twice = new("subcontract.twice", "This work is already declared in lot {lot}."),
        TooMany = new("subcontract.tooMany", "A joint bid declares at most {max} subcontracted parts."),
        OverLimit = new("subcontract.overLimit", "Lot {lot}: {sum}% would be subcontracted, more than the {max}% the buyer allows."),
        Changed = new("subcontract.changed", "Someone else saved the subcontracting meanwhile (version {version}); here is the current one."),
        Stale = new("subcontract.stale", "A subcontracting declaration names a lot, work package or subcontractor the bid no longer has: save the declarations again."),
        // A warning: said on the qualification view, never refused.
        NotDeclared = new("subcontract.undeclared", "Lot {lot}: {category} must be declared as subcontracted: no firm of the alliance is qualified for it.");

    /// <summary>
    /// Why these declarations may not be stored, each wrong field named (<c>subcontracts[i].percent</c>…); null when
    /// they may. <paramref name="packages"/> are the bid's work packages, <paramref name="subcontractors"/> the
    /// alliance's active firms in the Subcontractor role. Names are trimmed before they get here.
    /// </summary>
    public static Dictionary<string, FieldProblem[]>? Check(IReadOnlyList<BidSubcontract> declared, IReadOnlyList<Lot> lots,
        IReadOnlyList<WorkPackage> packages, IReadOnlyCollection<Guid> subcontractors)
    {
        if (declared.Count > MaxSubcontracts) return new() { ["subcontracts"] = [FieldProblem.Of(TooMany, ("max", MaxSubcontracts))] };
        var errors = new Dictionary<string, FieldProblem[]>();
        for (var i = 0; i < declared.Count; i++)
        {
            var d = declared[i];
            var at = $"subcontracts[{i}]";
            if (!IsPercent(d.Percent)) errors[$"{at}.percent"] = [FieldProblem.Of(Percent)];
            if (d.FirmId is { } firm && !subcontractors.Contains(firm)) errors[$"{at}.firmId"] = [FieldProblem.Of(NoSuchFirm)];
            if (d.Name is not null && (d.FirmId is not null || d.Name.Length is 0 or > MaxName)) errors[$"{at}.name"] = [FieldProblem.Of(Name, ("max", MaxName))];
            if (lots.FirstOrDefault(l => l.Number == d.Lot) is not { } lot) { errors[$"{at}.lot"] = [FieldProblem.Of(NoSuchLot)]; continue; }
            if (lot.Requirements?.SubcontractingMaxPercent is null) { errors[$"{at}.lot"] = [FieldProblem.Of(NotAllowed, ("lot", d.Lot))]; continue; }
            if ((d.PackageId is null) == (d.Category is null)) { errors[$"{at}.work"] = [FieldProblem.Of(Work)]; continue; }
            if (d.PackageId is { } package && !packages.Any(p => p.Id == package && p.Lot == d.Lot))
                errors[$"{at}.packageId"] = [FieldProblem.Of(NoSuchPackage, ("lot", d.Lot))];
            if (d.Category is { } category && CategoryProblem(lot, category) is { } wrong) errors[$"{at}.category"] = [wrong];
            else if (declared.Take(i).Any(o => o.Lot == d.Lot && SameWork(o, d))) errors[$"{at}.{(d.PackageId is null ? "category" : "packageId")}"] = [FieldProblem.Of(Twice, ("lot", d.Lot))];
        }
        if (errors.Count > 0) return errors;

        foreach (var group in declared.Select((d, i) => (d, i)).GroupBy(x => x.d.Lot))
        {
            // The limit is the buyer's, on the lot as a whole: the declared shares add up. The sentence goes on the
            // lot's last row, the one just typed when the sum goes over.
            var max = lots.First(l => l.Number == group.Key).Requirements!.SubcontractingMaxPercent!.Value;
            var sum = group.Sum(x => x.d.Percent);
            if (sum > max) errors[$"subcontracts[{group.Last().i}].percent"] = [FieldProblem.Of(OverLimit, ("lot", group.Key), ("sum", sum), ("max", max))];
        }
        return errors.Count > 0 ? errors : null;
    }

    /// <summary>A share: above 0, at most 100, in hundredths.</summary>
    public static bool IsPercent(decimal value) => value > 0m && value <= 100m && decimal.Round(value, 2) == value;

    /// <summary>
    /// The categories the qualification rules leave to a subcontractor in a lot (<see cref="RequirementStatus.Subcontract"/>)
    /// that no declaration of the lot covers: the one rule by which the qualification view's "Subcontract" and the
    /// declarations agree. A category is covered by a declaration naming it; a work package does not say its category.
    /// </summary>
    public static FieldProblem[] Undeclared(int lot, LotQualification qualification, IReadOnlyList<BidSubcontract> declared) =>
        [.. qualification.Requirements
            .Where(r => r.Status == RequirementStatus.Subcontract && r.Category is not null
                && !declared.Any(d => d.Lot == lot && d.Category is not null && SoaCategories.Find(d.Category)?.Code == r.Category))
            .Select(r => FieldProblem.Of(NotDeclared, ("lot", lot), ("category", r.Category)))];

    /// <summary>
    /// Whether the declarations still speak of the bid as it stands: its lots (an amendment may remove one, or stop
    /// subcontracting in it), its work packages and the alliance's Subcontractor firms. Submitting waits until they do.
    /// </summary>
    public static bool AreStale(IReadOnlyList<BidSubcontract> declared, IReadOnlyList<Lot> lots, IReadOnlyList<WorkPackage> packages,
        IReadOnlyCollection<Guid> subcontractors) =>
        declared.Count > 0 && Check(declared, lots, packages, subcontractors) is not null;

    static FieldProblem? CategoryProblem(Lot lot, string category)
    {
        var code = SoaCategories.Find(category)?.Code;
        var req = lot.Requirements!;
        if (code is not null && SoaCategories.Find(req.Prevailing?.Category)?.Code == code) return null;
        if (req.Separable.FirstOrDefault(s => code is not null && SoaCategories.Find(s.Category)?.Code == code) is not { } separable)
            return FieldProblem.Of(NoSuchCategory, ("lot", lot.Number), ("category", category));
        return separable.MaySubcontract ? null : FieldProblem.Of(CategoryForbidden, ("lot", lot.Number), ("category", code));
    }

    static bool SameWork(BidSubcontract a, BidSubcontract b) =>
        a.PackageId is { } p ? p == b.PackageId : b.Category is not null && SoaCategories.Find(a.Category)?.Code == SoaCategories.Find(b.Category)?.Code;
}
