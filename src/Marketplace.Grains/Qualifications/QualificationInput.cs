namespace Marketplace.Qualifications;

/// <summary>What a firm may record as its qualifications: each bad field named, nothing stored unless all are right.</summary>
public static class QualificationInput
{
    public const int MaxAttestations = 60, MaxIssuer = 120;

    /// <summary>How many years back a firm's figures may end: tenders ask for the last three (of the last five) financial years.</summary>
    public const int OldestYearBack = 6;

    public static readonly Refusal
        TooManyAttestations = new("qualification.tooManyAttestations", "A firm records at most {max} attestations."),
        CategoryRequired = new("qualification.categoryRequired", "Choose the SOA category."),
        UnknownCategory = new("qualification.unknownCategory", "'{code}' is not an SOA category (OG1–OG13, OS1–OS35)."),
        DuplicateCategory = new("qualification.duplicateCategory", "Category {category} is recorded twice: a firm holds one class per category."),
        UnknownClass = new("qualification.unknownClass", "The class must be one of I, II, III, III-bis, IV, IV-bis, V, VI, VII, VIII."),
        ExpiryRequired = new("qualification.expiryRequired", "Give the day the attestation expires."),
        IssuerRequired = new("qualification.issuerRequired", "Name the SOA body that issued the attestation (at most {max} characters)."),
        YearOutOfRange = new("qualification.yearOutOfRange", "The figures' last year must be between {min} and {max}."),
        SimilarAboveTurnover = new("qualification.similarAboveTurnover", "Similar work is part of the turnover, so it cannot be more than the turnover.");

    public static Outcome<FirmQualifications> Normalize(FirmQualifications raw, DateOnly today)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        var attestations = new List<SoaAttestation>();
        var items = raw.Attestations ?? [];
        if (items.Length > MaxAttestations) errors["attestations"] = [FieldProblem.Of(TooManyAttestations, ("max", MaxAttestations))];
        for (var i = 0; i < items.Length && i < MaxAttestations; i++)
        {
            var a = items[i];
            var field = $"attestations[{i}]";
            var category = SoaCategories.Find(a?.Category);
            if (string.IsNullOrWhiteSpace(a?.Category)) errors[$"{field}.category"] = [FieldProblem.Of(CategoryRequired)];
            else if (category is null) errors[$"{field}.category"] = [FieldProblem.Of(UnknownCategory, ("code", a.Category))];
            else if (attestations.Any(x => x.Category == category.Code)) errors[$"{field}.category"] = [FieldProblem.Of(DuplicateCategory, ("category", category.Code))];
            if (a is null || !Enum.IsDefined(a.Class)) errors[$"{field}.class"] = [FieldProblem.Of(UnknownClass)];
            if (a is null || a.Expires == default) errors[$"{field}.expires"] = [FieldProblem.Of(ExpiryRequired)];
            var issuer = a?.IssuedBy.Clean();
            if (issuer is not { Length: > 0 and <= MaxIssuer }) errors[$"{field}.issuedBy"] = [FieldProblem.Of(IssuerRequired, ("max", MaxIssuer))];
            // A document is attached through its own upload, never named here by a client.
            if (category is not null && a is not null) attestations.Add(new SoaAttestation(category.Code, a.Class, a.Expires, issuer ?? "", null));
        }

        FinancialFigures? figures = null;
        if (raw.Figures is { } f)
        {
            var (min, max) = (today.Year - OldestYearBack, today.Year);
            if (f.LastYear < min || f.LastYear > max) errors["figures.lastYear"] = [FieldProblem.Of(YearOutOfRange, ("min", min), ("max", max))];
            var turnover = MoneyRules.Normalize(new Money(f.Turnover, "EUR"), "figures.turnover", errors).Amount;
            var similar = MoneyRules.Normalize(new Money(f.SimilarWork, "EUR"), "figures.similarWork", errors).Amount;
            if (similar > turnover && !errors.ContainsKey("figures.similarWork.amount")) errors["figures.similarWork"] = [FieldProblem.Of(SimilarAboveTurnover)];
            figures = new FinancialFigures(f.LastYear, turnover, similar);
        }

        // Stored in the law's table order, so every reader lists a firm's categories alike.
        var order = SoaCategories.All.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return errors.Count > 0 ? Problem.Invalid(errors) : new FirmQualifications([.. attestations.OrderBy(a => order[a.Category])], figures);
    }
}
