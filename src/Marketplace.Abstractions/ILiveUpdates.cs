using Marketplace.Businesses;
using Marketplace.Spaces;

namespace Marketplace;

/// <summary>
/// The port through which grains tell watchers about changes. Grains call it only after the durable write,
/// so nobody is ever told about a change that was not stored.
/// </summary>
public interface ILiveUpdates
{
    Task BusinessChanged(BusinessSnapshot business);

    /// <param name="firmsToTell">Firms whose standing changed (an application decided, a new policy to accept).</param>
    Task SpaceChanged(SpaceSnapshot space, Guid[] firmsToTell);
}
