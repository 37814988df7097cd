using Marketplace.Server.Endpoints;

namespace Marketplace.Server.Hubs;

/// <summary>What the server pushes to browsers.</summary>
public interface IMarketplaceClient
{
    /// <summary>A watched business's profile changed; carries the whole new profile and its version.</summary>
    Task BusinessChanged(BusinessProfileDto profile);

    /// <summary>Sent to a business's own members only: who acts for it now, after any change.</summary>
    Task BusinessTeamChanged(BusinessTeamDto team);
}

/// <summary>Hub group names, one home so grains' notices and hub joins always agree.</summary>
internal static class Topics
{
    public static string Business(Guid id) => $"business:{id}";

    public static string BusinessTeam(Guid id) => $"business-team:{id}";
}
