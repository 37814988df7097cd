namespace Marketplace.Tenders;

/// <summary>
/// Thrown by the storage when a bid write must not be stored: the tender closed submissions meanwhile, or a firm of the
/// bid already bids for one of its lots in another bid. The last guards, inside the transaction that would store it.
/// </summary>
public sealed class BidNotStoredException(string detail) : InvalidOperationException(detail)
{
    public string Detail { get; } = detail;

    public static BidNotStoredException Closed(DateTimeOffset deadline) => new($"The submission deadline ({deadline:u}) has passed.");

    public static BidNotStoredException Clash(int lot) =>
        new($"A firm of this bid already bids for lot {lot} in another bid: a firm bids for a lot once, alone or in one alliance.");

    public static BidNotStoredException? In(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is BidNotStoredException found) return found;
        return null;
    }
}
