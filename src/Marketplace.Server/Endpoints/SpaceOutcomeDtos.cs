using Marketplace.Spaces;

namespace Marketplace.Server.Endpoints;

/// <summary>
/// One measure in one quarter: <see cref="Actual"/> from the platform's records (null where it cannot be told: a share
/// of nothing won, or of a space with no territory), <see cref="Target"/> as the space's admins set it (null: none).
/// Counts are whole numbers, <see cref="OutcomeMeasure.ValueWon"/> is in euro, <see cref="OutcomeMeasure.TerritoryShare"/> a percentage.
/// </summary>
public sealed record OutcomeValueDto(OutcomeMeasure Measure, decimal? Actual, decimal? Target);

/// <summary>A quarter (<c>2026-Q4</c>) with its bounds (midnight in Rome) and each measure's value in it; the quarter under way counts what happened in it so far.</summary>
public sealed record OutcomeQuarterDto(string Quarter, DateTimeOffset Start, DateTimeOffset End, OutcomeValueDto[] Measures);

/// <summary>
/// The association's outcomes per quarter, oldest first, ending with the quarter under way (<see cref="CurrentQuarter"/>).
/// <see cref="HasTerritory"/>: whether the space names a territory (without one, no share is kept in it). Values are in euro.
/// </summary>
public sealed record SpaceOutcomesDto(string CurrentQuarter, bool HasTerritory, OutcomeQuarterDto[] Quarters);

/// <summary>A measure's target for the quarter: a value sets it, null removes it.</summary>
public sealed record TargetRequest(OutcomeMeasure? Measure, decimal? Value);

/// <summary>Targets of one quarter (<c>2026-Q4</c>); measures not named keep their targets.</summary>
public sealed record SetTargetsRequest(string? Quarter, TargetRequest?[]? Targets);
