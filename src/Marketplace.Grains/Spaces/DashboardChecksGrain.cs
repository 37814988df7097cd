using Orleans.Runtime;

namespace Marketplace.Spaces;

/// <summary>When an admin may say they checked a space's dashboard: up to the moment the changes they read were counted to.</summary>
public static class DashboardChecks
{
    public static readonly Refusal CheckAhead = new("dashboard.checkAhead",
        "You mark as checked what the dashboard showed you, up to the moment it was counted: not a moment still to come.");

    /// <summary>Null when <paramref name="until"/> is not after <paramref name="now"/>.</summary>
    public static Problem? CheckUntil(DateTimeOffset until, DateTimeOffset now) =>
        until <= now ? null : Problem.Invalid("until", CheckAhead);
}

/// <summary>When one person last checked each space's dashboard.</summary>
public sealed class DashboardChecksState
{
    public Dictionary<Guid, DateTimeOffset> Checked { get; set; } = [];
}

// Asked by the dashboard's endpoints once they know the person administers the space: this grain judges nobody.
internal sealed class DashboardChecksGrain([PersistentState("dashboardChecks")] IPersistentState<DashboardChecksState> checks)
    : Grain, IDashboardChecksGrain
{
    public Task<DateTimeOffset?> LastCheck(Guid spaceId) =>
        Task.FromResult(checks.State.Checked.TryGetValue(spaceId, out var at) ? at : (DateTimeOffset?)null);

    public async Task<DateTimeOffset> Check(Guid spaceId, DateTimeOffset until)
    {
        var had = checks.State.Checked.TryGetValue(spaceId, out var at);
        if (had && at >= until) return at;
        checks.State.Checked[spaceId] = until;
        try
        {
            await checks.WriteStateAsync();
        }
        catch
        {
            // A failed write leaves the memory as stored.
            if (had) checks.State.Checked[spaceId] = at;
            else checks.State.Checked.Remove(spaceId);
            throw;
        }
        return until;
    }
}
