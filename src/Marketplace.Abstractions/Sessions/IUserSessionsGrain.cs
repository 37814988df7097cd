using Orleans.Concurrency;

namespace Marketplace.Sessions;

/// <summary>
/// Which of one user's sign-in sessions may still act, asked on every authenticated request. A session is the
/// chain of cookies or tokens issued from one sign-in; it is live while it carries the user's current security stamp
/// and has not been ended by signing out. One activation per user in the cluster, so an ended session ends on every node.
/// </summary>
[Alias("Marketplace.IUserSessionsGrain")]
public interface IUserSessionsGrain : IGrainWithGuidKey
{
    /// <summary>Whether the session may act: not ended, and <paramref name="stamp"/> is the user's current security stamp.</summary>
    [Alias("IsLive"), ReadOnly] Task<bool> IsLive(Guid session, string? stamp);

    /// <summary>Ends one session (signing out on one device) until <paramref name="until"/>, when every token it was given has expired.</summary>
    [Alias("End")] Task End(Guid session, DateTimeOffset until);

    /// <summary>The user's security stamp was changed (a new password, "sign out everywhere"): sessions carrying the old one end.</summary>
    [Alias("StampChanged")] Task StampChanged();
}

/// <summary>
/// Sign-in attempts at one account from one client. After too many failures that client is locked out of that account
/// for a while; other clients are not, so knowing someone's e-mail is not enough to keep them out.
/// Keyed by the account's normalised e-mail and the client's address.
/// </summary>
[Alias("Marketplace.ILoginThrottleGrain")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    /// <summary>Until when this client may not try this account; null when it may.</summary>
    [Alias("LockedUntil"), ReadOnly] Task<DateTimeOffset?> LockedUntil();

    /// <summary>Counts a failed attempt; the <paramref name="maxFailures"/>th in a row locks for <paramref name="lockout"/>.</summary>
    [Alias("Failed")] Task Failed(int maxFailures, TimeSpan lockout);

    /// <summary>A successful sign-in forgets the failures.</summary>
    [Alias("Succeeded")] Task Succeeded();
}
