namespace Marketplace.Tenders;

/// <summary>Who sees a tender: the one rule the tender grain guards its commands with and the endpoints show tenders by.</summary>
public static class TenderVisibility
{
    /// <summary>
    /// A published tender is a public notice, seen by everyone. A draft is the buyer's own: seen only by those who act
    /// for the buyer (<see cref="TenderActor.ActsForBuyer"/>) and by whoever started it (a space admin whose mandate was
    /// revoked still sees the draft they started, and is told why they may no longer change it). To anyone else a
    /// draft does not exist.
    /// </summary>
    public static bool Sees(TenderStatus status, Guid createdBy, Guid? viewer, bool actsForBuyer) =>
        status != TenderStatus.Draft || (viewer is { } me && (actsForBuyer || me == createdBy));
}
