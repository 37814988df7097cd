namespace Marketplace.Server.Hosting;

/// <summary>
/// The items (tenders, won projects) whose scheduled work failed, each waiting out its own exponential back-off
/// (1 s, 2 s, 4 s … up to an hour) by the marketplace's clock, so one broken item is neither retried every tick nor
/// logged every tick, and never holds up the others. Used by one scheduler loop at a time.
/// </summary>
internal sealed class FailingWork
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1), LongestWait = TimeSpan.FromHours(1);

    /// <summary>How many times in a row an item failed, and when it may be tried again.</summary>
    public sealed record Failure(int Attempts, DateTimeOffset RetryAt);

    readonly Dictionary<Guid, Failure> failures = [];

    public bool IsWaiting(Guid id, DateTimeOffset now) => failures.TryGetValue(id, out var failure) && failure.RetryAt > now;

    public Failure Failed(Guid id, DateTimeOffset now)
    {
        var attempts = (failures.TryGetValue(id, out var previous) ? previous.Attempts : 0) + 1;
        var wait = attempts > 20 ? LongestWait : TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << (attempts - 1), LongestWait.Ticks));
        return failures[id] = new Failure(attempts, now.Plus(wait));
    }

    public void Succeeded(Guid id) => failures.Remove(id);

    /// <summary>Forgets the items that are no longer due: nothing is left to retry for them.</summary>
    public void KeepOnly(IReadOnlySet<Guid> due)
    {
        foreach (var id in failures.Keys.Where(id => !due.Contains(id)).ToList()) failures.Remove(id);
    }
}
