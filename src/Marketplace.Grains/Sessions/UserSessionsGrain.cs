using Orleans.Runtime;

namespace Marketplace.Sessions;

internal sealed class UserSessionsGrain(
    [PersistentState("sessions")] IPersistentState<UserSessionsState> sessions,
    ISecurityStamps stamps,
    TimeProvider clock) : Grain, IUserSessionsGrain
{
    // A cache of the stored stamp, so the check on every request costs no database read; whoever changes the stamp
    // calls StampChanged, and this activation is the only one in the cluster.
    string? stamp;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        stamp = await stamps.Of(this.GetPrimaryKey());

    public Task<bool> IsLive(Guid session, string? presented) =>
        Task.FromResult(stamp is not null && presented == stamp && !sessions.State.IsEnded(session));

    public async Task End(Guid session, DateTimeOffset until)
    {
        if (sessions.State.IsEnded(session)) return;
        sessions.State.End(session, until, clock.GetUtcNow());
        await sessions.WriteStateAsync();
    }

    public async Task StampChanged() => stamp = await stamps.Of(this.GetPrimaryKey());
}
