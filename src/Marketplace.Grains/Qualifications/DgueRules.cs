namespace Marketplace.Qualifications;

/// <summary>
/// The DGUE's sections of exclusion grounds, in the order of Part III of the official form (Circolare MIT 18 luglio
/// 2016, n. 3, model of Regulation (EU) 2016/7): A criminal convictions, B taxes and social security, C insolvency,
/// conflicts of interest or professional misconduct, D other grounds of national law.
/// </summary>
public enum DgueSection
{
    Convictions,
    TaxesAndContributions,
    InsolvencyAndMisconduct,
    National,
}

/// <summary>
/// One exclusion ground a firm answers: its code (the client words it), its section of the form, the article of
/// D.Lgs. 36/2023 it comes from, and whether the exclusion is automatic (art. 94) or left to the buyer's judgement
/// (art. 95).
/// </summary>
public sealed record DgueGround(string Code, DgueSection Section, string Source, bool Automatic);

/// <summary>
/// A firm's DGUE: the exclusion grounds it answers, what a valid answer is, and how long a confirmation stands. Each
/// bad field named, nothing stored unless all are right.
/// </summary>
public static class DgueRules
{
    public const int MaxExplanation = 2000;

    /// <summary>
    /// A DGUE confirmed longer ago than this is to be confirmed again before a bid is submitted with it. No article of
    /// D.Lgs. 36/2023 fixes a period (a DGUE speaks as of the day it is signed); six months is the product's own horizon
    /// for a declaration the firm reuses across bids, so none goes to a buyer that its people have not looked at lately.
    /// </summary>
    public const int MonthsCurrent = 6;

    /// <summary>
    /// The grounds, short and grouped as the official form groups them. Articles as read on public copies of
    /// D.Lgs. 36/2023 (not against the Gazzetta; docs/qualifications.md says what was confirmed).
    /// </summary>
    public static readonly DgueGround[] Grounds =
    [
        // A. Final convictions of the firm's people for the listed offences: criminal organisation, corruption, fraud,
        // terrorism, money laundering, child labour and human trafficking, and any offence barring contracts with the
        // public administration.
        new("convictions", DgueSection.Convictions, "D.Lgs. 36/2023, art. 94, c. 1", Automatic: true),
        // B. Serious breaches of tax or social-security duties: definitively established (automatic) or not (the buyer judges).
        new("taxesFinal", DgueSection.TaxesAndContributions, "D.Lgs. 36/2023, art. 94, c. 6", Automatic: true),
        new("taxesNotFinal", DgueSection.TaxesAndContributions, "D.Lgs. 36/2023, art. 95, c. 2", Automatic: false),
        // C. Insolvency proceedings; serious breaches of health and safety, environmental, social or labour duties;
        // conflict of interest; serious professional misconduct.
        new("insolvency", DgueSection.InsolvencyAndMisconduct, "D.Lgs. 36/2023, art. 94, c. 5, lett. d)", Automatic: true),
        new("workSafety", DgueSection.InsolvencyAndMisconduct, "D.Lgs. 36/2023, art. 95, c. 1, lett. a)", Automatic: false),
        new("conflictOfInterest", DgueSection.InsolvencyAndMisconduct, "D.Lgs. 36/2023, art. 95, c. 1, lett. b)", Automatic: false),
        new("professionalMisconduct", DgueSection.InsolvencyAndMisconduct, "D.Lgs. 36/2023, art. 95, c. 1, lett. e), art. 98", Automatic: false),
        // D. National grounds: anti-mafia measures (D.Lgs. 159/2011, art. 67 and art. 84, c. 4) and the duty to employ
        // disabled workers (L. 68/1999).
        new("antimafia", DgueSection.National, "D.Lgs. 36/2023, art. 94, c. 2", Automatic: true),
        new("disabledWorkers", DgueSection.National, "D.Lgs. 36/2023, art. 94, c. 5, lett. b)", Automatic: true),
    ];

    public static readonly Refusal
        UnknownGround = new("dgue.unknownGround", "'{ground}' is not an exclusion ground of the DGUE."),
        GroundTwice = new("dgue.groundTwice", "The ground {ground} is answered twice."),
        GroundUnanswered = new("dgue.groundUnanswered", "Answer every exclusion ground: {ground} has no answer."),
        ExplanationRequired = new("dgue.explanationRequired", "Explain the circumstances and the measures taken (at most {max} characters)."),
        ExplanationTooLong = new("dgue.explanationTooLong", "An explanation has at most {max} characters."),
        AttestationNotRecorded = new("dgue.attestationNotRecorded", "The firm records no SOA attestation in {category}: record it in the qualifications first."),
        FiguresNotRecorded = new("dgue.figuresNotRecorded", "The firm records no turnover or similar work: record them in the qualifications first.");

    /// <summary>
    /// The DGUE a firm may keep: one answer per ground, an explanation whenever a ground applies (the buyer cannot
    /// judge a "yes" without it: art. 96 lets the firm prove the measures it took) and none kept when it does not; the
    /// criteria it declares met point only at what <paramref name="held"/> records. Stored in the grounds' order.
    /// </summary>
    public static Outcome<FirmDgue> Normalize(DgueAnswer?[] answers, DgueSelection? selection, FirmQualifications held, Guid actorId, DateTimeOffset now)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        var byGround = new Dictionary<string, DgueAnswer>();
        for (var i = 0; i < answers.Length; i++)
        {
            var a = answers[i];
            var field = $"answers[{i}]";
            if (Grounds.FirstOrDefault(g => g.Code == a?.Ground) is not { } ground)
            {
                errors[$"{field}.ground"] = [FieldProblem.Of(UnknownGround, ("ground", a?.Ground ?? ""))];
                continue;
            }
            if (byGround.ContainsKey(ground.Code))
            {
                errors[$"{field}.ground"] = [FieldProblem.Of(GroundTwice, ("ground", ground.Code))];
                continue;
            }
            var explanation = a!.Explanation.Clean();
            if (explanation is { Length: > MaxExplanation }) errors[$"{field}.explanation"] = [FieldProblem.Of(ExplanationTooLong, ("max", MaxExplanation))];
            else if (a.Applies && explanation is null) errors[$"{field}.explanation"] = [FieldProblem.Of(ExplanationRequired, ("max", MaxExplanation))];
            byGround[ground.Code] = new DgueAnswer(ground.Code, a.Applies, a.Applies ? explanation : null);
        }
        if (errors.Count == 0 && Grounds.FirstOrDefault(g => !byGround.ContainsKey(g.Code)) is { } missing)
            errors["answers"] = [FieldProblem.Of(GroundUnanswered, ("ground", missing.Code))];

        var categories = new List<string>();
        var pointed = selection?.Categories ?? [];
        for (var i = 0; i < pointed.Length; i++)
        {
            var code = SoaCategories.Find(pointed[i])?.Code;
            if (code is null || !held.Attestations.Any(a => a.Category == code))
                errors[$"selection.categories[{i}]"] = [FieldProblem.Of(AttestationNotRecorded, ("category", pointed[i] ?? ""))];
            else if (!categories.Contains(code)) categories.Add(code);
        }
        if (selection is { Figures: true } && held.Figures is null) errors["selection.figures"] = [FieldProblem.Of(FiguresNotRecorded)];

        if (errors.Count > 0) return Problem.Invalid(errors);
        var order = held.Attestations.Select(a => a.Category).ToList();
        return new FirmDgue([.. Grounds.Select(g => byGround[g.Code])],
            new DgueSelection([.. categories.OrderBy(order.IndexOf)], selection?.Figures ?? false), now, actorId);
    }

    /// <summary>
    /// Whether a DGUE may go with a bid submitted <paramref name="today"/> (a day in Italy): confirmed within the last
    /// <see cref="MonthsCurrent"/> months, that day included. A firm with none has nothing to present.
    /// </summary>
    public static bool IsCurrent(FirmDgue? dgue, DateOnly today) => dgue is not null && IsCurrent(dgue.ConfirmedAt, today);

    /// <summary>The same horizon for a DGUE known by its confirmation alone (the read model's row).</summary>
    public static bool IsCurrent(DateTimeOffset confirmedAt, DateOnly today) => QualificationRules.Today(confirmedAt).AddMonths(MonthsCurrent) >= today;
}
