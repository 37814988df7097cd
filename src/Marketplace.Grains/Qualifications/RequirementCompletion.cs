namespace Marketplace.Qualifications;

/// <summary>
/// A requirement of a lot that a firm would complete by joining a group that fails it: the works category with the
/// class the lot names (or turnover / similar work), and whether with that firm the lot qualifies.
/// </summary>
public sealed record RequirementCompletion(int Lot, RequirementKind Kind, string? Category, SoaClass? Class, bool LotQualifies);

public static class RequirementCompletions
{
    /// <summary>
    /// What <paramref name="candidate"/> completes of a lot the <paramref name="members"/> do not qualify for
    /// (<paramref name="now"/>, their check today): each failing or subcontracted requirement that is met once it
    /// joins, with its own attestation or figure counted. Judged by <see cref="QualificationRules.Check"/> again with
    /// the firm in the group, never guessed from its class alone, and only when the group then fails fewer rules (a
    /// firm whose class would outrank the lead's completes a category but breaks the lead's rule: it is not offered
    /// for it). None for a lot the members qualify for. The group is judged with what is lent to it (<paramref name="lent"/>,
    /// as <paramref name="now"/> was): otherwise a category met by avvalimento would count as failing again with the firm.
    /// </summary>
    public static RequirementCompletion[] Of(int lot, LotRequirements requirements, LotQualification now, IReadOnlyList<GroupMember> members,
        GroupMember candidate, DateOnly today, IReadOnlyList<LentRequirement>? lent = null)
    {
        if (now.Qualifies || members.Any(m => m.FirmId == candidate.FirmId)) return [];
        var with = QualificationRules.Check(requirements, [.. members, candidate with { Lead = false }], today, lent);
        if (with.Failures.Length >= now.Failures.Length) return [];
        return [.. with.Requirements
            .Where(r => r.Status == RequirementStatus.Met && r.By.Any(b => b.FirmId == candidate.FirmId && b.Counts)
                && now.Requirements.FirstOrDefault(n => n.Kind == r.Kind && n.Category == r.Category)?.Status is not RequirementStatus.Met)
            .Select(r => new RequirementCompletion(lot, r.Kind, r.Category, r.Class, with.Qualifies))];
    }
}
