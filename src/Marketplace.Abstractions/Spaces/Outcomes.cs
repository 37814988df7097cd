using System.Globalization;
using System.Text.Json.Serialization;

namespace Marketplace.Spaces;

/// <summary>
/// What the association measures of its space, per quarter (plan-do-check-act). What each counts is defined once, in
/// the server's <c>OutcomeMeasures</c>; targets are set per quarter and measure by the space's admins.
/// </summary>
[GenerateSerializer, Alias("Marketplace.OutcomeMeasure")]
public enum OutcomeMeasure
{
    Members,
    AlliancesFormed,
    JointBids,
    SingleBids,
    TendersWon,
    LotsWon,
    ValueWon,
    TerritoryShare,
}

/// <summary>
/// A calendar quarter as an Italian association reads it: its bounds are midnight in Rome (an award on 1 January at
/// 00:30 in Rome is in the first quarter, though it is still 31 December in UTC).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.Quarter")]
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public const int MinYear = 2000, MaxYear = 2100;

    static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static Quarter Of(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Rome);
        return new(local.Year, (local.Month - 1) / 3 + 1);
    }

    [JsonIgnore] public DateTimeOffset Start => StartOf(Year, Number);
    [JsonIgnore] public DateTimeOffset End => Next.Start;
    [JsonIgnore] public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);
    [JsonIgnore] public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    static DateTimeOffset StartOf(int year, int number)
    {
        var midnight = new DateTime(year, (number - 1) * 3 + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Rome.GetUtcOffset(midnight)).ToUniversalTime();
    }

    public override string ToString() => $"{Year.ToString(CultureInfo.InvariantCulture)}-Q{Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"2026-Q4"; null for anything else, or a year outside <see cref="MinYear"/>..<see cref="MaxYear"/>.</summary>
    public static Quarter? Parse(string? text) =>
        text is { Length: 7 } && text[4] == '-' && text[5] == 'Q'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear
        && text[6] is >= '1' and <= '4'
            ? new Quarter(year, text[6] - '0')
            : null;

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));
}

/// <summary>A target the space's admins set for a measure in a quarter.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.OutcomeTarget")]
public sealed record OutcomeTarget(Quarter Quarter, OutcomeMeasure Measure, decimal Value);

/// <summary>
/// Sets the targets of one quarter for the measures named: a value sets or changes a measure's target, null removes
/// it; measures not named keep theirs (so two admins setting different measures do not undo each other).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SetOutcomeTargets")]
public sealed record SetOutcomeTargets(Guid ActorId, string? Quarter, OutcomeTargetChange[] Targets);

[GenerateSerializer, Immutable, Alias("Marketplace.OutcomeTargetChange")]
public sealed record OutcomeTargetChange(OutcomeMeasure? Measure, decimal? Value);
