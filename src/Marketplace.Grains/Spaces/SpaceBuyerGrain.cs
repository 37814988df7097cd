using Marketplace.Businesses;
using Orleans.Runtime;

namespace Marketplace.Spaces;

internal sealed class SpaceBuyerGrain(
    [PersistentState("spaceBuyer")] IPersistentState<SpaceBuyerState> standing,
    IActsFor actsFor,
    ILiveUpdates live,
    BuyerStandings standings,
    MarketplaceClock clock) : Grain, ISpaceBuyerGrain
{
    SpaceBuyerState State => standing.State;
    Guid SpaceId => this.GetPrimaryKey(out _);

    Guid BuyerId
    {
        get
        {
            this.GetPrimaryKey(out string? buyer);
            return Guid.Parse(buyer ?? throw new InvalidOperationException("A buyer's standing is keyed by space and buyer."));
        }
    }

    public Task<SpaceBuyerSnapshot?> Get() => Task.FromResult(State.Version == 0 ? null : State.ToSnapshot());

    public async Task<Outcome<SpaceBuyerSnapshot>> RequestPublishing(Guid actorId)
    {
        if (State.CheckRequest(await Context(actorId)) is { } no) return no;
        State.Request(actorId, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<SpaceBuyerSnapshot>> Decide(Guid actorId, BuyerDecision decision)
    {
        if (State.CheckDecide(decision, await Context(actorId)) is { } no) return no;
        State.Decide(decision, actorId, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<SpaceBuyerSnapshot>> GrantMandate(Guid actorId)
    {
        if (State.CheckGrantMandate(await Context(actorId)) is { } no) return no;
        State.GrantMandate(actorId, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<SpaceBuyerSnapshot>> RevokeMandate(Guid actorId)
    {
        if (State.CheckRevokeMandate(await Context(actorId)) is { } no) return no;
        State.RevokeMandate(actorId, clock.Now());
        return await Commit();
    }

    // A buyer's standing may call its space and businesses; neither calls back (DESIGN.md: calls go one way).
    async Task<SpaceBuyerContext> Context(Guid actorId)
    {
        // The key names the space and the buyer; a state reloaded after a failed write must still know them.
        State.SpaceId = SpaceId;
        State.BuyerId = BuyerId;
        // Each is a read of another grain's memory: asked side by side.
        var space = GrainFactory.GetGrain<ISpaceGrain>(SpaceId);
        var (found, admin, actor, business) = (space.Get(), space.IsAdmin(actorId), actsFor.Of(actorId, [BuyerId]), GrainFactory.GetGrain<IBusinessGrain>(BuyerId).Get());
        var snapshot = await found;
        return SpaceBuyerContext.Of(snapshot, snapshot is not null && await admin, await actor, await business);
    }

    async Task<SpaceBuyerSnapshot> Commit()
    {
        try
        {
            await standing.WriteStateAsync();
        }
        finally
        {
            standings.Forget((this.GetPrimaryKey(out _), BuyerId)); // the change is in memory, stored or not: pages read the grain again
        }
        var snapshot = State.ToSnapshot();
        await live.BuyerStandingChanged(snapshot);
        return snapshot;
    }
}
