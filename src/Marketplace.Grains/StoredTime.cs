namespace Marketplace;

public static class StoredTime
{
    /// <summary>
    /// The current time at microsecond precision, the finest PostgreSQL keeps; grain state and the read models
    /// that mirror it then hold exactly the same instant on every provider.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock) => clock.GetUtcNow().Stored();

    /// <summary>A time as the database keeps it (UTC, whole microseconds), so what is hashed is what can be read back.</summary>
    public static DateTimeOffset Stored(this DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);

    /// <summary>
    /// The time <paramref name="span"/> later, held at the last (or first) representable instant instead of
    /// overflowing: a deadline stored near the end of time must not make every look at its tender fail.
    /// </summary>
    public static DateTimeOffset Plus(this DateTimeOffset time, TimeSpan span) =>
        span > DateTimeOffset.MaxValue - time ? DateTimeOffset.MaxValue
        : span < DateTimeOffset.MinValue - time ? DateTimeOffset.MinValue
        : time + span;
}
