namespace Marketplace.Tenders;

/// <summary>
/// A grain state that holds bid content (prices, answers, documents): the storage keeps it encrypted with the key of
/// <see cref="TenderId"/>, so whoever reads the database sees none of it. Grains hold it in plaintext in memory only.
/// </summary>
public interface ISealedState
{
    /// <summary>The tender whose key seals the state; <see cref="Guid.Empty"/> while the state is not yet for a tender.</summary>
    Guid TenderId { get; }
}
