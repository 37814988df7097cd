using Marketplace.Businesses;
using Orleans.Runtime;

namespace Marketplace.Tenders;

internal sealed class BidGrain(
    [PersistentState("bid")] IPersistentState<BidState> bid,
    IActsFor actsFor,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, IBidGrain
{
    public static readonly Refusal
        NotFound = new("bid.notFound", "No bid you may see has this id."),
        WithdrawFromWorkspace = new("bid.withdrawFromWorkspace", "An alliance's bid is withdrawn by its lead from the alliance's workspace."),
        AloneTenderer = new("bid.aloneTenderer", "A firm bidding alone is the only tenderer."),
        Tenderers = new("bid.tenderersOfBidder", "The bid's tenderers are the firm bidding, or its alliance's lead and members.");

    BidState State => bid.State;

    Guid TenderId => this.GetPrimaryKey(out _);

    Guid BidderId
    {
        get
        {
            this.GetPrimaryKey(out string? bidder);
            return Guid.Parse(bidder ?? throw new InvalidOperationException("A bid is keyed by tender and bidder."));
        }
    }

    ITenderGrain Tender => GrainFactory.Tender(TenderId);

    /// <summary>
    /// The receipt time is when the server received the bid (never later than now); the tender judges the bid at that
    /// instant, and the database refuses to store it if the tender has closed submissions in the meantime.
    /// </summary>
    public async Task<Outcome<Receipt>> Submit(SubmitBid command)
    {
        var now = clock.Now();
        var receivedAt = command.ReceivedAt is { } at && at < now ? at.Stored() : now;
        if (await CheckBidder(command.Tenderers) is { } wrong) return wrong;
        var admitted = await Tender.Admit(command.ActorId, command.Tenderers, receivedAt);
        if (admitted.Problem is { } no) return no;
        var sealedBid = BidState.Seal(command, admitted.Value!, State.Exists ? State.BidId : Guid.NewGuid(), State.NextSubmission);
        if (sealedBid.Problem is { } bad) return bad;
        if (State.Repeats(sealedBid.Value!)) return State.Receipt!;
        State.Submit(TenderId, BidderId, command.ActorId, sealedBid.Value!, receivedAt);
        if (await Store(admitted.Value!) is { } closed) return closed;
        return State.Receipt!;
    }

    public async Task<Outcome<BidSnapshot>> Withdraw(Guid actorId, bool fromWorkspace)
    {
        var now = clock.Now();
        // The actor first: to someone who does not act for the bidder, a firm that bid, one that did not and an
        // alliance all answer the same.
        var jointBidder = await GrainFactory.GetGrain<IJointBidderGrain>(BidderId).Bidder();
        var lead = jointBidder?.LeadId ?? BidderId;
        if (!(await actsFor.Of(actorId, [lead])).Edits(lead))
            return Problem.Forbidden(TenderRules.NotTheBidder);
        if (jointBidder is not null && !fromWorkspace)
            return Problem.Conflict(WithdrawFromWorkspace);
        if (State.CheckWithdraw() is { } nothing) return nothing;
        var admitted = await Tender.Admit(actorId, State.Content!.Tenderers, now);
        if (admitted.Problem is { } no) return no;
        State.Withdraw(actorId, now);
        if (await Store(admitted.Value!) is { } closed) return closed;
        return State.ToSnapshot();
    }

    /// <summary>
    /// The one place a bid is unsealed: its tenderers' people may always read it (for a joint bidder's bid, those of its
    /// tenderers still in the joint bidder: a firm that left after a withdrawal no longer does); the buyer's people only
    /// once the tender has opened it and it passed its integrity check. Everyone else is told there is no such bid, so
    /// not even its existence leaks.
    /// </summary>
    public async Task<Outcome<BidSnapshot>> Read(Guid userId)
    {
        var none = Problem.NotFound(NotFound);
        if (!State.Exists) return none;
        var readers = State.Content!.Tenderers.Select(t => t.FirmId).ToList();
        if (!readers.Contains(BidderId) && await GrainFactory.GetGrain<IJointBidderGrain>(BidderId).Bidder() is { } jointBidder)
            readers.RemoveAll(firm => !jointBidder.IsActive(firm));
        if ((await actsFor.Of(userId, readers)).Businesses.Count > 0) return State.ToSnapshot();
        // Read side by side with the tender's other readers; it moves past a passed deadline first, as opening needs.
        var tender = await Tender.Current();
        var opened = tender?.Bids.Any(b => b.BidId == State.BidId && b.Failure is null) == true;
        return opened && await Tender.IsBuyer(userId) ? State.ToSnapshot() : none;
    }

    /// <summary>
    /// A firm bidding alone is its own bidder (the bid is keyed by its id); a joint bidder (an alliance) bids with its lead and members
    /// as tenderers (keyed by its id), for the tender it was formed for.
    /// </summary>
    async Task<Problem?> CheckBidder(Tenderer[] tenderers)
    {
        var lead = tenderers.SingleOrDefault(t => t.Role == TendererRole.Lead)?.FirmId;
        if (lead == BidderId) return tenderers.Length == 1 ? null : Problem.Invalid("tenderers", AloneTenderer);
        var jointBidder = await GrainFactory.GetGrain<IJointBidderGrain>(BidderId).Bidder();
        return jointBidder is not null && jointBidder.TenderId == TenderId && jointBidder.Tenderers.ToHashSet().SetEquals(tenderers) ? null
            : Problem.Invalid("tenderers", Tenderers);
    }

    async Task<Problem?> Store(TenderSnapshot tender)
    {
        try
        {
            await bid.WriteStateAsync();
        }
        catch (Exception e) when (BidNotStoredException.In(e) is { } refused)
        {
            return refused.Problem;
        }
        await Tender.BindingsChanged();
        await live.BidChanged(tender, State.ToSnapshot());
        return null;
    }
}
