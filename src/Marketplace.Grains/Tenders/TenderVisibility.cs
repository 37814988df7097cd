using System.Linq.Expressions;

namespace Marketplace.Tenders;

/// <summary>Who sees a tender: the one rule the tender grain guards its commands with and the endpoints show tenders by.</summary>
public static class TenderVisibility
{
    /// <summary>
    /// A published tender is a public notice, seen by everyone. A draft is the buyer's own: seen only by those who act
    /// for the buyer (<see cref="TenderActor.ActsForBuyer"/>) and by whoever started it (a space admin whose mandate was
    /// revoked still sees the draft they started, and is told why they may no longer change it). To anyone else a
    /// draft does not exist. Kept as an expression so that a list filters its rows by this very rule in the database
    /// (<c>TenderEntryQueries.SeenBy</c>); <see cref="Sees"/> is the same rule compiled.
    /// </summary>
    public static readonly Expression<Func<TenderStatus, Guid, Guid?, bool, bool>> Rule =
        (status, createdBy, viewer, actsForBuyer) => status != TenderStatus.Draft || (viewer != null && (actsForBuyer || viewer == createdBy));

    static readonly Func<TenderStatus, Guid, Guid?, bool, bool> Compiled = Rule.Compile();

    /// <inheritdoc cref="Rule"/>
    public static bool Sees(TenderStatus status, Guid createdBy, Guid? viewer, bool actsForBuyer) => Compiled(status, createdBy, viewer, actsForBuyer);
}
