namespace Marketplace.Spaces;

/// <summary>What a valid target is: errors use the request's camelCase field names (<c>quarter</c>, <c>targets[1].value</c>).</summary>
public static class OutcomeTargets
{
    /// <summary>Targets are planned at most a year ahead: further out, a plan is a wish the dashboard cannot check soon.</summary>
    public const int QuartersAhead = 4;

    public const int MaxCount = 100_000;
    public const decimal MaxValue = 100_000_000_000m;

    static readonly Refusal
        QuarterFormat = new("outcomes.quarter", "A quarter is written like 2026-Q4."),
        QuarterRange = new("outcomes.quarterRange", "Targets are set for a quarter from {first} (the space's first) to {last}."),
        NoTargets = new("outcomes.noTargets", "Name at least one measure and its target."),
        UnknownMeasure = new("outcomes.measure", "Choose one of the measures."),
        MeasureTwice = new("outcomes.measureTwice", "This measure is named twice."),
        CountRange = new("outcomes.count", "A whole number from 0 to {max}."),
        ValueRange = new("outcomes.value", "An amount in euro from 0 to {max}, with at most two decimals."),
        ShareRange = new("outcomes.share", "A percentage from 0 to 100, with at most one decimal.");

    public static Outcome<Quarter> Check(SetOutcomeTargets command, Quarter first, Quarter current)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        var last = current;
        for (var i = 0; i < QuartersAhead; i++) last = last.Next;
        var quarter = Quarter.Parse(command.Quarter);
        if (quarter is null) errors["quarter"] = [FieldProblem.Of(QuarterFormat)];
        else if (quarter.Value.CompareTo(first) < 0 || quarter.Value.CompareTo(last) > 0)
            errors["quarter"] = [FieldProblem.Of(QuarterRange, ("first", first.ToString()), ("last", last.ToString()))];

        var targets = command.Targets ?? [];
        if (targets.Length == 0) errors["targets"] = [FieldProblem.Of(NoTargets)];
        var seen = new HashSet<OutcomeMeasure>();
        for (var i = 0; i < targets.Length; i++)
        {
            var (measure, value) = (targets[i]?.Measure, targets[i]?.Value);
            if (measure is not { } m || !Enum.IsDefined(m)) errors[$"targets[{i}].measure"] = [FieldProblem.Of(UnknownMeasure)];
            else if (!seen.Add(m)) errors[$"targets[{i}].measure"] = [FieldProblem.Of(MeasureTwice)];
            else if (value is { } v && Bounds(m, v) is { } wrong) errors[$"targets[{i}].value"] = [wrong];
        }
        return errors.Count > 0 ? Problem.Invalid(errors) : quarter!.Value;
    }

    /// <summary>Each measure's kind of number: a count, an amount in euro, or a percentage.</summary>
    static FieldProblem? Bounds(OutcomeMeasure measure, decimal value) => measure switch
    {
        OutcomeMeasure.ValueWon => value is < 0 or > MaxValue || decimal.Round(value, 2) != value ? FieldProblem.Of(ValueRange, ("max", MaxValue)) : null,
        OutcomeMeasure.TerritoryShare => value is < 0 or > 100 || decimal.Round(value, 1) != value ? FieldProblem.Of(ShareRange) : null,
        _ => value is < 0 or > MaxCount || decimal.Truncate(value) != value ? FieldProblem.Of(CountRange, ("max", MaxCount)) : null,
    };
}
