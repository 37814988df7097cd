using Marketplace.Businesses;
using Orleans.Runtime;

namespace Marketplace.Tenders;

internal sealed class BidGrain(
    [PersistentState("bid")] IPersistentState<BidState> bid,
    ILiveUpdates live,
    TimeProvider clock) : Grain, IBidGrain
{
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
        if (CheckBidder(command.Tenderers) is { } wrong) return wrong;
        var admitted = await Tender.Admit(command.ActorId, command.Tenderers, receivedAt);
        if (admitted.Problem is { } no) return no;
        var sealedBid = BidState.Seal(command, admitted.Value!, State.Exists ? State.BidId : Guid.NewGuid(), State.NextSubmission);
        if (sealedBid.Problem is { } bad) return bad;
        State.Submit(TenderId, BidderId, command.ActorId, sealedBid.Value!, receivedAt);
        if (await Store(admitted.Value!) is { } closed) return closed;
        return State.Receipt!;
    }

    public async Task<Outcome<BidSnapshot>> Withdraw(Guid actorId)
    {
        var now = clock.Now();
        if (State.CheckWithdraw() is { } nothing) return nothing;
        var admitted = await Tender.Admit(actorId, State.Content!.Tenderers, now);
        if (admitted.Problem is { } no) return no;
        State.Withdraw(actorId, now);
        if (await Store(admitted.Value!) is { } closed) return closed;
        return State.ToSnapshot();
    }

    /// <summary>
    /// The one place a bid is unsealed: its tenderers' people may always read it; the buyer's people only once the
    /// tender has opened it. Everyone else is told there is no such bid, so not even its existence leaks.
    /// </summary>
    public async Task<Outcome<BidSnapshot>> Read(Guid userId)
    {
        var none = Problem.NotFound("No bid you may see has this id.");
        if (!State.Exists) return none;
        foreach (var tenderer in State.Content!.Tenderers)
            if ((await GrainFactory.GetGrain<IBusinessGrain>(tenderer.FirmId).Get())?.RoleOf(userId) is not null) return State.ToSnapshot();
        var tender = await Tender.Get();
        var opened = tender?.Bids.Any(b => b.BidId == State.BidId) == true;
        return opened && await Tender.IsBuyer(userId) ? State.ToSnapshot() : none;
    }

    /// <summary>A firm bidding alone is its own bidder; its bid is keyed by its id.</summary>
    Problem? CheckBidder(Tenderer[] tenderers) =>
        tenderers.SingleOrDefault(t => t.Role == TendererRole.Lead)?.FirmId == BidderId ? null
        : Problem.Invalid("tenderers", "The bid's lead firm is the firm bidding.");

    async Task<Problem?> Store(TenderSnapshot tender)
    {
        try
        {
            await bid.WriteOrReload();
        }
        catch (Exception e) when (SubmissionsClosedException.IsIn(e))
        {
            return Problem.Conflict($"The submission deadline ({tender.Details.SubmissionDeadline:u}) has passed.");
        }
        await live.BidChanged(tender, State.ToSnapshot());
        return null;
    }
}
