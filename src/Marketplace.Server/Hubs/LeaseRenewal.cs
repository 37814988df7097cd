using Marketplace.Live;

namespace Marketplace.Server.Hubs;

/// <summary>
/// Renews this node's live entries (its users' connections, its workspace viewers) every
/// <see cref="LiveLeases.RenewalPeriod"/>. Should the node die, its entries lapse within <see cref="LiveLeases.Lifetime"/>
/// on their own; should a grain holding entries lose its memory, the next renewal fills it again.
/// </summary>
internal sealed class LeaseRenewal(HubConnections connections, WorkspacePresence presence, ILogger<LeaseRenewal> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LiveLeases.RenewalPeriod);
        var failed = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Renew();
                failed = 0;
            }
            catch (Exception e)
            {
                if (stoppingToken.IsCancellationRequested) return; // the node is stopping: its entries lapse or are removed
                // Said at once, then ever more rarely: the entries lapse only after several renewals are missed.
                if (++failed == 1) log.LogWarning(e, "Live connections could not be renewed; trying again every {Period}", LiveLeases.RenewalPeriod);
                else if (int.IsPow2(failed)) log.LogWarning("Live connections still cannot be renewed ({Times} times in a row): {Error}", failed, e.Message);
            }
        }
    }

    internal async Task Renew()
    {
        await connections.Renew();
        await presence.Renew();
    }
}
