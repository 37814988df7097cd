namespace Marketplace.Qualifications;

/// <summary>
/// Whether a bidder (one firm, or the firms of a temporary grouping, RTI) qualifies for a lot: the one home of the
/// qualification rules, pure functions of the lot's requirements, the firms' attestations and figures, and the day.
/// The legal source of each rule is named where it is applied; what could not be confirmed against the official
/// texts is said there and in docs/qualifications.md.
/// </summary>
public static class QualificationRules
{
    // A category's class named in a sentence is the class the lot's amount in it falls in, as tenders write it
    // ("OG1 classe III"): with the one-fifth increase a firm may qualify with the class below it.
    public static readonly Refusal CategoryMissing = new("qualification.categoryMissing",
        "The lot's category {category} class {class} is missing: no firm holds a valid SOA attestation in it.");
    public static readonly Refusal CategoryShort = new("qualification.categoryShort",
        "Category {category} (class {class} in this lot): the firms' classes count for {held} of the {required} needed.");
    public static readonly Refusal LeadLacksPrevailing = new("qualification.leadLacksPrevailing",
        "The lead firm holds no valid SOA attestation in the prevailing category {category}.");
    public static readonly Refusal LeadBelowMinimum = new("qualification.leadBelowMinimum",
        "The lead firm's class in {category}, without the one-fifth increase, covers less than {percent}% of the {required} needed.");
    public static readonly Refusal LeadNotLargest = new("qualification.leadNotLargest",
        "The lead firm does not hold the largest share of the requirements in category {category}: another firm holds an equal or higher class.");
    public static readonly Refusal LeadNotLargestTurnover = new("qualification.leadNotLargestTurnover",
        "The lead firm does not hold the largest share of the turnover required: another firm has as much or more.");
    public static readonly Refusal LeadNotLargestSimilarWork = new("qualification.leadNotLargestSimilarWork",
        "The lead firm does not hold the largest share of the similar work required: another firm has as much or more.");
    public static readonly Refusal TurnoverShort = new("qualification.turnoverShort",
        "The firms' turnover adds up to {held} of the {required} required.");
    public static readonly Refusal SimilarWorkShort = new("qualification.similarWorkShort",
        "The firms' similar work adds up to {held} of the {required} required.");
    public static readonly Refusal SubcontractOverLimit = new("qualification.subcontractOverLimit",
        "The work no firm is qualified for, {amount}, is more than the {percent}% of the lot the buyer allows to subcontract.");
    public static readonly Refusal SubcontractRequired = new("qualification.subcontractRequired",
        "The firms' classes do not cover category {category} (class {class} in this lot): its work, {amount}, must go to a qualified subcontractor, and the prevailing category covers its amount too.");

    static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    /// <summary>The day in Italy at <paramref name="now"/>: an attestation expires at the end of its last day there.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Rome).DateTime);

    // DPR 207/2010, art. 92, c. 2 (carried over by D.Lgs. 36/2023, Allegato II.12): in a horizontal grouping the lead
    // holds at least 40% of the requirements and each other member at least 10%.
    const decimal LeadMinimumShare = 0.40m, MemberMinimumShare = 0.10m;

    /// <summary>
    /// How <paramref name="members"/> (one of them the lead; a single firm is its own lead) stand against a lot's
    /// requirements on <paramref name="today"/>. Attestations expired before that day do not count.
    /// </summary>
    public static LotQualification Check(LotRequirements lot, IReadOnlyList<GroupMember> members, DateOnly today)
    {
        var failures = new List<FieldProblem>();
        var notes = new List<FieldProblem>();
        var checks = new List<RequirementCheck>();
        var group = members.Count > 1;

        if (lot.Prevailing is { } prevailing)
        {
            // Separable work no firm of the group is qualified for may be subcontracted when the lot allows it, and
            // then counts on the prevailing category (DPR 207/2010, art. 92, c. 1: the requirements of the separable
            // categories a bidder lacks are held in the prevailing one).
            // The buyer may keep a separable category from subcontracting: the group must then hold it itself.
            var allowed = lot.SubcontractingMaxPercent is not null;
            var separable = lot.Separable.Select(s => Category(RequirementKind.Separable, s, s.Amount, members, lot, today)).ToList();
            var subcontracted = separable.Where((s, i) => allowed && lot.Separable[i].MaySubcontract && s.Held < s.Required).ToList();
            var required = prevailing.Amount + subcontracted.Sum(s => s.Required);
            var main = Category(RequirementKind.Prevailing, prevailing, required, members, lot, today);
            checks.Add(main);
            Shortfall(main, failures);
            LeadRules(main, members, group, failures);

            foreach (var s in separable)
            {
                if (s.Held >= s.Required) { checks.Add(s); continue; }
                if (!subcontracted.Contains(s)) { checks.Add(s); Shortfall(s, failures); continue; }
                checks.Add(s with { Status = RequirementStatus.Subcontract });
                notes.Add(FieldProblem.Of(SubcontractRequired, ("category", s.Category), ("class", Label(s)), ("amount", Euros(s.Required))));
            }

            // D.Lgs. 36/2023, art. 119: the buyer may cap the share of the contract that is subcontracted.
            var outside = subcontracted.Sum(s => s.Required);
            if (allowed && outside > lot.WorksAmount * lot.SubcontractingMaxPercent!.Value / 100m)
                failures.Add(FieldProblem.Of(SubcontractOverLimit, ("amount", Euros(outside)), ("percent", lot.SubcontractingMaxPercent)));
        }
        else
        {
            foreach (var s in lot.Separable)
            {
                var check = Category(RequirementKind.Separable, s, s.Amount, members, lot, today);
                checks.Add(check);
                Shortfall(check, failures);
            }
        }

        if (lot.MinTurnover is { } turnover)
            checks.Add(Figure(RequirementKind.Turnover, turnover, members, f => f.Turnover, TurnoverShort, LeadNotLargestTurnover, failures));
        if (lot.MinSimilarWork is { } similar)
            checks.Add(Figure(RequirementKind.SimilarWork, similar, members, f => f.SimilarWork, SimilarWorkShort, LeadNotLargestSimilarWork, failures));

        return new([.. checks], [.. failures], [.. notes]);
    }

    /// <summary>Who brings what to one works category, and the sum of those who count.</summary>
    static RequirementCheck Category(RequirementKind kind, CategoryAmount asked, decimal required, IReadOnlyList<GroupMember> members, LotRequirements lot, DateOnly today)
    {
        var code = SoaCategories.Find(asked.Category)?.Code ?? asked.Category;
        var by = new List<Contribution>();
        foreach (var member in members)
        {
            var held = member.Attestations.Where(a => SoaCategories.Find(a.Category)?.Code == code).ToList();
            if (held.Count == 0) continue;
            var valid = held.Where(a => a.Expires >= today).OrderByDescending(a => a.Class).FirstOrDefault();
            if (valid is null)
            {
                by.Add(new Contribution(member.FirmId, held.Max(a => a.Class), 0, false, false, true));
                continue;
            }
            var (amount, increased) = SoaClasses.Capacity(valid.Class, members.Count > 1, lot.WorksAmount);
            // DPR 207/2010, art. 92, c. 2: a member below 10% of the requirement takes no part in it, so it is not summed.
            var counts = member.Lead || members.Count == 1 || amount >= required * MemberMinimumShare;
            by.Add(new Contribution(member.FirmId, valid.Class, amount, increased, counts, false));
        }
        var sum = by.Where(c => c.Counts).Sum(c => c.Amount);
        return new RequirementCheck(kind, code, SoaClasses.For(asked.Amount), required, sum, sum >= required ? RequirementStatus.Met : RequirementStatus.Short, [.. by]);
    }

    static void Shortfall(RequirementCheck check, List<FieldProblem> failures)
    {
        if (check.Held >= check.Required) return;
        failures.Add(check.By.Any(c => !c.Expired)
            ? FieldProblem.Of(CategoryShort, ("category", check.Category), ("held", Euros(check.Held)), ("required", Euros(check.Required)), ("class", Label(check)))
            : FieldProblem.Of(CategoryMissing, ("category", check.Category), ("class", Label(check))));
    }

    /// <summary>The rules on the lead's part in the prevailing category, which apply only with other firms beside it.</summary>
    static void LeadRules(RequirementCheck check, IReadOnlyList<GroupMember> members, bool group, List<FieldProblem> failures)
    {
        if (!group || !check.By.Any(c => c.Counts)) return;
        var lead = members.Single(m => m.Lead).FirmId;
        // DPR 207/2010, art. 92, c. 2-3: in a horizontal grouping the lead holds the prevailing category's
        // requirements in the largest measure, in a vertical one it is the firm that holds the prevailing category.
        if (check.By.FirstOrDefault(c => c.FirmId == lead && c.Counts) is not { Class: { } leadClass })
        {
            failures.Add(FieldProblem.Of(LeadLacksPrevailing, ("category", check.Category)));
            return;
        }
        var others = check.By.Where(c => c.Counts && c.FirmId != lead && c.Class is not null).ToList();
        if (others.Count == 0) return;
        // DPR 207/2010, art. 61, c. 2: the one-fifth increase does not help the lead reach its 40% minimum.
        if (SoaClasses.Amount(leadClass) < check.Required * LeadMinimumShare)
            failures.Add(FieldProblem.Of(LeadBelowMinimum, ("category", check.Category), ("percent", 40), ("required", Euros(check.Required))));
        // "In misura maggioritaria": more than any other member; an equal class is not a larger share.
        if (others.Any(o => SoaClasses.Amount(o.Class!.Value) >= SoaClasses.Amount(leadClass)))
            failures.Add(FieldProblem.Of(LeadNotLargest, ("category", check.Category)));
    }

    /// <summary>
    /// A services or supplies threshold: the firms' figures are summed (DPR 207/2010, art. 275, c. 2, where the
    /// tender documents set the members' measures and the lead holds the requirements in the largest measure).
    /// </summary>
    static RequirementCheck Figure(RequirementKind kind, decimal required, IReadOnlyList<GroupMember> members, Func<FinancialFigures, decimal> of,
        Refusal shortRefusal, Refusal leadRefusal, List<FieldProblem> failures)
    {
        Contribution[] by = [.. members.Where(m => m.Figures is not null && of(m.Figures) > 0)
            .Select(m => new Contribution(m.FirmId, null, of(m.Figures!), false, true, false))];
        var held = by.Sum(c => c.Amount);
        if (held < required) failures.Add(FieldProblem.Of(shortRefusal, ("held", Euros(held)), ("required", Euros(required))));
        if (members.Count > 1 && by.Length > 0)
        {
            var lead = by.FirstOrDefault(c => members.Any(m => m.Lead && m.FirmId == c.FirmId))?.Amount ?? 0;
            if (by.Any(c => c.Amount >= lead && !members.Any(m => m.Lead && m.FirmId == c.FirmId))) failures.Add(FieldProblem.Of(leadRefusal));
        }
        return new RequirementCheck(kind, null, null, required, held, held >= required ? RequirementStatus.Met : RequirementStatus.Short, by);
    }

    static string Label(RequirementCheck check) => SoaClasses.Label(check.Class!.Value);

    static Money Euros(decimal amount) => new(amount, "EUR");
}
