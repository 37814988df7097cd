namespace Marketplace.Tenders;

/// <summary>
/// Thrown by the storage when a bid write reaches a tender that has already closed submissions: the last guard of
/// the deadline, inside the transaction that would store the bid.
/// </summary>
public sealed class SubmissionsClosedException(Guid tenderId)
    : InvalidOperationException($"Tender {tenderId} has closed submissions; the bid was not stored.")
{
    public static bool IsIn(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is SubmissionsClosedException) return true;
        return false;
    }
}
