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
    public static readonly Refusal AvvalimentoNotAllowed = new("avvalimento.notAllowed",
        "The buyer does not allow avvalimento in this lot: no firm may rely on another firm's qualifications for it.");

    static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    /// <summary>The day in Italy at <paramref name="now"/>: an attestation expires at the end of its last day there.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Rome).DateTime);

    // DPR 207/2010, art. 92, c. 2 (carried over by D.Lgs. 36/2023, Allegato II.12): in a horizontal grouping the lead
    // holds at least 40% of the requirements and each other member at least 10%.
    const decimal LeadMinimumShare = 0.40m, MemberMinimumShare = 0.10m;

    /// <summary>
    /// How <paramref name="members"/> (one of them the lead; a single firm is its own lead) stand against a lot's
    /// requirements on <paramref name="today"/>. Attestations expired before that day do not count.
    /// <paramref name="lent"/>: what auxiliary firms lend the members for this lot (avvalimento), counted for the
    /// relying member only when the lot allows it, and only as far as the auxiliary still validly holds it.
    /// </summary>
    public static LotQualification Check(LotRequirements lot, IReadOnlyList<GroupMember> members, DateOnly today, IReadOnlyList<LentRequirement>? lent = null)
    {
        var failures = new List<FieldProblem>();
        var notes = new List<FieldProblem>();
        var checks = new List<RequirementCheck>();
        var group = members.Count > 1;
        // D.Lgs. 36/2023, art. 104: a bidder relies on another firm's capacities only where the tender admits it;
        // a lending on a lot that does not is listed nowhere and counts for nothing, and the firms are told why.
        if (lent is { Count: > 0 } && !lot.AvvalimentoAllowed) notes.Add(FieldProblem.Of(AvvalimentoNotAllowed));
        lent = lot.AvvalimentoAllowed ? lent ?? [] : [];

        if (lot.Prevailing is { } prevailing)
        {
            // Separable work no firm of the group is qualified for may be subcontracted when the lot allows it, and
            // then counts on the prevailing category (DPR 207/2010, art. 92, c. 1: the requirements of the separable
            // categories a bidder lacks are held in the prevailing one).
            // The buyer may keep a separable category from subcontracting: the group must then hold it itself.
            var allowed = lot.SubcontractingMaxPercent is not null;
            var separable = lot.Separable.Select(s => Category(RequirementKind.Separable, s, s.Amount, members, lot, today, lent)).ToList();
            var subcontracted = separable.Where((s, i) => allowed && lot.Separable[i].MaySubcontract && s.Held < s.Required).ToList();
            var required = prevailing.Amount + subcontracted.Sum(s => s.Required);
            var main = Category(RequirementKind.Prevailing, prevailing, required, members, lot, today, lent);
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
                var check = Category(RequirementKind.Separable, s, s.Amount, members, lot, today, lent);
                checks.Add(check);
                Shortfall(check, failures);
            }
        }

        if (lot.MinTurnover is { } turnover)
            checks.Add(Figure(RequirementKind.Turnover, turnover, members, f => f.Turnover, TurnoverShort, LeadNotLargestTurnover, failures, lent));
        if (lot.MinSimilarWork is { } similar)
            checks.Add(Figure(RequirementKind.SimilarWork, similar, members, f => f.SimilarWork, SimilarWorkShort, LeadNotLargestSimilarWork, failures, lent));

        return new([.. checks], [.. failures], [.. notes]);
    }

    /// <summary>Who brings what to one works category, and the sum of those who count.</summary>
    static RequirementCheck Category(RequirementKind kind, CategoryAmount asked, decimal required, IReadOnlyList<GroupMember> members, LotRequirements lot,
        DateOnly today, IReadOnlyList<LentRequirement> lent)
    {
        var code = SoaCategories.Find(asked.Category)?.Code ?? asked.Category;
        var by = new List<Contribution>();
        foreach (var member in members)
        {
            var held = member.Attestations.Where(a => SoaCategories.Find(a.Category)?.Code == code)
                .Select(a => (Attestation: a, LentBy: (Guid?)null)).Concat(Lent(lent, member.FirmId, code)).ToList();
            if (held.Count == 0) continue;
            // The member brings its best valid class, its own or one lent to it: the relying firm takes the
            // auxiliary's requirement as its own for this lot (D.Lgs. 36/2023, art. 104).
            var valid = held.Where(a => a.Attestation.Expires >= today).OrderByDescending(a => a.Attestation.Class).FirstOrDefault();
            if (valid.Attestation is null)
            {
                var best = held.MaxBy(a => a.Attestation.Class);
                by.Add(new Contribution(member.FirmId, best.Attestation.Class, 0, false, false, true, best.LentBy));
                continue;
            }
            var (amount, increased) = SoaClasses.Capacity(valid.Attestation.Class, members.Count > 1, lot.WorksAmount);
            // DPR 207/2010, art. 92, c. 2: a member below 10% of the requirement takes no part in it, so it is not summed.
            var counts = member.Lead || members.Count == 1 || amount >= required * MemberMinimumShare;
            by.Add(new Contribution(member.FirmId, valid.Attestation.Class, amount, increased, counts, false, valid.LentBy));
        }
        var sum = by.Where(c => c.Counts).Sum(c => c.Amount);
        return new RequirementCheck(kind, code, SoaClasses.For(asked.Amount), required, sum, sum >= required ? RequirementStatus.Met : RequirementStatus.Short, [.. by]);
    }

    /// <summary>
    /// The attestations lent to <paramref name="firm"/> in a category, as the auxiliary holds them: each counts up to
    /// the class lent and no higher than the auxiliary's own, and expires with the auxiliary's attestation.
    /// </summary>
    static IEnumerable<(SoaAttestation Attestation, Guid? LentBy)> Lent(IReadOnlyList<LentRequirement> lent, Guid firm, string code) =>
        from l in lent
        where l.Lending.RelyingFirmId == firm && l.Lending.Class is not null && SoaCategories.Find(l.Lending.Category)?.Code == code
        from a in l.AuxiliaryHolds.Attestations
        where SoaCategories.Find(a.Category)?.Code == code
        select (a with { Class = (SoaClass)Math.Min((int)a.Class, (int)l.Lending.Class!.Value) }, (Guid?)l.Lending.AuxiliaryId);

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
        Refusal shortRefusal, Refusal leadRefusal, List<FieldProblem> failures, IReadOnlyList<LentRequirement> lent)
    {
        // A lent figure counts for the relying member, up to the amount lent and no more than the auxiliary has.
        var lentTo = lent.Where(l => l.Lending.Kind == kind && l.Lending.Amount is > 0 && members.Any(m => m.FirmId == l.Lending.RelyingFirmId))
            .Select(l => new Contribution(l.Lending.RelyingFirmId, null, Math.Min(l.Lending.Amount!.Value, l.AuxiliaryHolds.Figures is { } f ? of(f) : 0),
                false, true, false, l.Lending.AuxiliaryId))
            .Where(c => c.Amount > 0);
        Contribution[] by = [.. members.Where(m => m.Figures is not null && of(m.Figures) > 0)
            .Select(m => new Contribution(m.FirmId, null, of(m.Figures!), false, true, false)).Concat(lentTo)];
        var held = by.Sum(c => c.Amount);
        if (held < required) failures.Add(FieldProblem.Of(shortRefusal, ("held", Euros(held)), ("required", Euros(required))));
        if (members.Count > 1 && by.Length > 0)
        {
            // The lead's share is what it brings, its own and what is lent to it, against each other member's.
            var shares = by.GroupBy(c => c.FirmId).ToDictionary(g => g.Key, g => g.Sum(c => c.Amount));
            var leadId = members.FirstOrDefault(m => m.Lead)?.FirmId;
            var lead = leadId is { } l ? shares.GetValueOrDefault(l) : 0;
            if (shares.Any(s => s.Key != leadId && s.Value >= lead)) failures.Add(FieldProblem.Of(leadRefusal));
        }
        return new RequirementCheck(kind, null, null, required, held, held >= required ? RequirementStatus.Met : RequirementStatus.Short, by);
    }

    static string Label(RequirementCheck check) => SoaClasses.Label(check.Class!.Value);

    static Money Euros(decimal amount) => new(amount, "EUR");
}
