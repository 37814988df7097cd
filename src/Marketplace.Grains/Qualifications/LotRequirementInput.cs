namespace Marketplace.Qualifications;

/// <summary>
/// What a buyer may state as a lot's requirements (in a tender's draft or amendment): each bad field named under the
/// lot's path (<c>lots[i].requirements.…</c>), so the tender is stored whole or not at all.
/// </summary>
public static class LotRequirementInput
{
    public const int MaxSeparable = 15;

    public static readonly Refusal
        LotCategoryTwice = new("qualification.lotCategoryTwice", "Category {category} is asked twice in this lot: give its whole amount once."),
        PrevailingRequired = new("qualification.prevailingRequired", "A lot with separable categories names its prevailing category too."),
        SeparableAbovePrevailing = new("qualification.separableAbovePrevailing",
            "The prevailing category is the one with the largest amount: {category} has more work than it."),
        TooManySeparable = new("qualification.tooManySeparable", "A lot names at most {max} separable categories."),
        SubcontractPercent = new("qualification.subcontractPercent", "The share that may be subcontracted is a whole percentage from 1 to 100.");

    /// <summary>
    /// The requirements in their stored form: categories by their code, amounts to the cent; null when the lot states
    /// none (no category, no threshold), so a lot without requirements is stored as before they existed.
    /// </summary>
    public static LotRequirements? Normalize(LotRequirements? raw, string at, Dictionary<string, FieldProblem[]> errors)
    {
        if (raw is null) return null;
        var field = $"{at}.requirements";
        var prevailing = raw.Prevailing is { } p ? Category(p, $"{field}.prevailing", errors) : null;
        var separable = new List<CategoryAmount>();
        var items = raw.Separable ?? [];
        if (items.Length > MaxSeparable) errors[$"{field}.separable"] = [FieldProblem.Of(TooManySeparable, ("max", MaxSeparable))];
        for (var i = 0; i < items.Length && i < MaxSeparable; i++)
        {
            var path = $"{field}.separable[{i}]";
            var s = Category(items[i], path, errors);
            if (s.Category == "") continue;
            if (s.Category == prevailing?.Category || separable.Any(x => x.Category == s.Category))
                errors[$"{path}.category"] = [FieldProblem.Of(LotCategoryTwice, ("category", s.Category))];
            else if (prevailing is { Amount: > 0 } && s.Amount > prevailing.Amount && !errors.ContainsKey($"{path}.amount"))
                errors[$"{path}.amount"] = [FieldProblem.Of(SeparableAbovePrevailing, ("category", s.Category))];
            separable.Add(s);
        }
        if (items.Length > 0 && prevailing is null) errors[$"{field}.prevailing.category"] = [FieldProblem.Of(PrevailingRequired)];

        // D.Lgs. 36/2023, art. 119: the buyer states in the tender documents whether, and how much of, the contract
        // may be subcontracted; none when it gives no share.
        if (raw.SubcontractingMaxPercent is { } percent and (< 1 or > 100))
            errors[$"{field}.subcontractingMaxPercent"] = [FieldProblem.Of(SubcontractPercent)];
        var turnover = Threshold(raw.MinTurnover, $"{field}.minTurnover", errors);
        var similar = Threshold(raw.MinSimilarWork, $"{field}.minSimilarWork", errors);

        // D.Lgs. 36/2023, art. 104: the tender documents say whether a bidder may rely on another firm's capacities.
        var stated = new LotRequirements(prevailing, [.. separable], turnover, similar, raw.SubcontractingMaxPercent, raw.AvvalimentoAllowed);
        return stated.Prevailing is null && stated.Separable.Length == 0 && turnover is null && similar is null ? null : stated;
    }

    static CategoryAmount Category(CategoryAmount raw, string path, Dictionary<string, FieldProblem[]> errors)
    {
        var category = SoaCategories.Find(raw.Category?.Trim());
        if (string.IsNullOrWhiteSpace(raw.Category)) errors[$"{path}.category"] = [FieldProblem.Of(QualificationInput.CategoryRequired)];
        else if (category is null) errors[$"{path}.category"] = [FieldProblem.Of(QualificationInput.UnknownCategory, ("code", raw.Category))];
        return new CategoryAmount(category?.Code ?? "", Amount(raw.Amount, $"{path}.amount", errors), raw.MaySubcontract);
    }

    static decimal? Threshold(decimal? raw, string path, Dictionary<string, FieldProblem[]> errors) =>
        raw is { } amount ? Amount(amount, path, errors) : null;

    /// <summary>An amount in euros, above zero, to the cent (stored with two decimals, as money is).</summary>
    static decimal Amount(decimal raw, string path, Dictionary<string, FieldProblem[]> errors)
    {
        if (raw <= 0 || raw > MoneyRules.MaxAmount || decimal.Round(raw, 2) != raw) errors[path] = [FieldProblem.Of(MoneyRules.NonZeroAmount)];
        return decimal.Round(raw, 2) + 0.00m;
    }
}
