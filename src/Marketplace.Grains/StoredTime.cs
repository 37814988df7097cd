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
}
