using Marketplace.Businesses;

namespace Marketplace;

/// <summary>
/// The port through which grains tell watchers about changes. Grains call it only after the durable write,
/// so nobody is ever told about a change that was not stored.
/// </summary>
public interface ILiveUpdates
{
    Task BusinessChanged(BusinessSnapshot business);
}
