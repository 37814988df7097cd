namespace Marketplace;

/// <summary>
/// The marketplace's own clock: deadlines, receipt times and every date a user sees come from it. It is a type of its
/// own, apart from the <see cref="TimeProvider"/> the runtime (Orleans membership, timers, sign-in cookies) uses, so
/// that tests can move it across a deadline without the silo seeing days pass in a second and declaring itself dead.
/// </summary>
public sealed class MarketplaceClock(TimeProvider source) : TimeProvider
{
    public static MarketplaceClock Real { get; } = new(System);

    public override DateTimeOffset GetUtcNow() => source.GetUtcNow();

    public override long GetTimestamp() => source.GetTimestamp();

    public override long TimestampFrequency => source.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => source.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        source.CreateTimer(callback, state, dueTime, period);
}
