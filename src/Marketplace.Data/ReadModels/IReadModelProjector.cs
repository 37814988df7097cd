using Orleans.Runtime;

namespace Marketplace.Data.ReadModels;

/// <summary>
/// Mirrors one kind of grain state into relational read models. The grain storage calls it inside the
/// transaction that writes the state, so a read model can never disagree with its grain.
/// </summary>
public interface IReadModelProjector
{
    bool Handles(Type stateType);

    /// <param name="state">The state being written, or null when the grain's state is cleared.</param>
    Task Project(MarketplaceDbContext db, GrainId grainId, object? state, CancellationToken cancellationToken);
}
