namespace Marketplace.Sessions;

/// <summary>
/// The sessions a user ended by signing out, each kept until every token it was given has expired (after that
/// nothing of it can be presented, so forgetting it is safe).
/// </summary>
public sealed class UserSessionsState
{
    public Dictionary<Guid, DateTimeOffset> Ended { get; set; } = [];

    public bool IsEnded(Guid session) => Ended.ContainsKey(session);

    public void End(Guid session, DateTimeOffset until, DateTimeOffset now)
    {
        foreach (var (old, expiry) in Ended)
            if (expiry <= now) Ended.Remove(old);
        Ended[session] = until;
    }
}
