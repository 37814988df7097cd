namespace Marketplace.Sessions;

/// <summary>
/// Kept in memory only: a restart forgets the count, which costs an attacker's client one more round of attempts
/// and saves a database write on every failed sign-in.
/// </summary>
internal sealed class LoginThrottleGrain(TimeProvider clock) : Grain, ILoginThrottleGrain
{
    int failures;
    DateTimeOffset? lockedUntil;

    public Task<DateTimeOffset?> LockedUntil() =>
        Task.FromResult(lockedUntil > clock.GetUtcNow() ? lockedUntil : null);

    public Task Failed(int maxFailures, TimeSpan lockout)
    {
        if (lockedUntil <= clock.GetUtcNow()) (failures, lockedUntil) = (0, null);
        if (++failures >= maxFailures)
        {
            lockedUntil = clock.GetUtcNow() + lockout;
            DelayDeactivation(lockout); // the lock must outlive an idle activation
        }
        return Task.CompletedTask;
    }

    public Task Succeeded()
    {
        (failures, lockedUntil) = (0, null);
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
