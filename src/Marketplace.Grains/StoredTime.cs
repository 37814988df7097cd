namespace Marketplace;

public static class StoredTime
{
    /// <summary>
    /// The current time at microsecond precision, the finest PostgreSQL keeps; grain state and the read models
    /// that mirror it then hold exactly the same instant on every provider.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
