using Marketplace.Businesses;
using Orleans.Runtime;

namespace Marketplace.Spaces;

internal sealed class SpaceGrain(
    [PersistentState("space")] IPersistentState<SpaceState> space,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, ISpaceGrain
{
    SpaceState State => space.State;

    public async Task<Outcome<SpaceSnapshot>> Create(CreateSpace command)
    {
        var check = State.CheckCreate(command, await GrainFactory.GetGrain<IBusinessGrain>(command.HostId).Get());
        if (check.Problem is { } no) return no;
        State.Create(this.GetPrimaryKey(), command, check.Value!, clock.Now());
        return await Commit();
    }

    public Task<SpaceSnapshot?> Get() => Task.FromResult(State.Exists ? State.ToSnapshot() : null);

    public async Task<bool> IsAdmin(Guid userId) => State.IsAdmin(await Actor(userId));

    public async Task<Outcome<SpaceSnapshot>> EditSettings(EditSpaceSettings command)
    {
        var check = State.CheckEditSettings(command, await Actor(command.ActorId));
        if (check.Problem is { } no) return no;
        State.EditSettings(check.Value!, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<SpaceSnapshot>> PublishPolicy(PublishPolicy command)
    {
        if (State.CheckPublishPolicy(command, await Actor(command.ActorId)) is { } no) return no;
        State.PublishPolicy(command, clock.Now());
        return await Commit(policyPublished: true);
    }

    public async Task<Outcome<SpaceSnapshot>> SetModerator(SetModerator command)
    {
        if (State.CheckSetModerator(command, await Actor(command.ActorId)) is { } no) return no;
        State.SetModerator(command, clock.Now());
        return await Commit();
    }

    // Spaces may call businesses, never the reverse (DESIGN.md: calls go one way).
    async Task<SpaceActor> Actor(Guid userId)
    {
        var host = State.Exists ? await GrainFactory.GetGrain<IBusinessGrain>(State.HostId).Get() : null;
        return new SpaceActor(userId, host?.CanEdit(userId) == true);
    }

    async Task<SpaceSnapshot> Commit(bool policyPublished = false)
    {
        await space.WriteStateAsync();
        var snapshot = State.ToSnapshot();
        await live.SpaceChanged(snapshot, policyPublished);
        return snapshot;
    }
}
