namespace Marketplace.Tenders;

/// <summary>
/// How the firms of a tender's viewers stand as its bidders (<see cref="ITenderBids.Bidding"/>), as the tender's
/// activation last read them. Every visit of a firm's people to the tender's page needs them, and reading them from the
/// bids' rows on each visit was most of the page's cost (issue #11). Those rows change only when a bid, a joint bid or
/// an alliance of the tender is stored, and each then tells the tender (<see cref="ITenderGrain.BindingsChanged"/>),
/// which forgets them all. The activation is the one place in the cluster that reads them, so no silo shows older
/// facts than the rows hold; a read that a change overtook is answered once and not kept. Facts are for the page: the
/// bid's own store still judges <see cref="OneBidPerLot"/> under the tender's lock.
/// </summary>
internal sealed class BiddingFacts(ITenderBids bids)
{
    /// <summary>A backstop: facts are read again after this long even if no change was told.</summary>
    static readonly TimeSpan HeldFor = TimeSpan.FromMinutes(1);

    /// <summary>Past this many firms the activation starts over rather than tracking which to evict.</summary>
    const int MostHeld = 10_000;

    readonly Dictionary<Guid, (FirmBidding Facts, long Until)> held = [];

    /// <summary>Counts changes told: facts read before one was told are not kept.</summary>
    long changes;

    public async Task<FirmBidding[]> Of(Guid tenderId, Guid[] firms, int[] lots)
    {
        var now = Environment.TickCount64;
        var found = new Dictionary<Guid, FirmBidding>();
        var missing = new List<Guid>();
        foreach (var firm in firms)
            if (held.TryGetValue(firm, out var entry) && entry.Until > now) found[firm] = entry.Facts;
            else missing.Add(firm);
        if (missing.Count > 0)
        {
            var before = changes;
            var read = await bids.Bidding(tenderId, [.. missing], lots);
            var keep = before == changes;
            if (keep && held.Count + read.Length > MostHeld) held.Clear();
            var until = now + (long)HeldFor.TotalMilliseconds;
            foreach (var facts in read)
            {
                found[facts.FirmId] = facts;
                if (keep) held[facts.FirmId] = (facts, until);
            }
        }
        return [.. firms.Select(firm => found[firm])];
    }

    /// <summary>A bid, joint bid, alliance or the tender itself was stored: the next read asks the rows.</summary>
    public void Forget()
    {
        changes++;
        held.Clear();
    }
}
