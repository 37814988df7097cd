using Marketplace.Businesses;
using Orleans.Runtime;

namespace Marketplace.Spaces;

internal sealed class SpaceGrain(
    [PersistentState("space")] IPersistentState<SpaceState> space,
    IActsFor actsFor,
    SpaceCards cards,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, ISpaceGrain
{
    SpaceState State => space.State;

    public async Task<Outcome<SpaceSnapshot>> Create(CreateSpace command)
    {
        // Spaces may call businesses, never the reverse (DESIGN.md: calls go one way); the host's kind comes from it.
        var (host, actor) = (GrainFactory.GetGrain<IBusinessGrain>(command.HostId).Get(), Actor(command.ActorId, command.HostId));
        var check = State.CheckCreate(command, await host, await actor);
        if (check.Problem is { } no) return no;
        State.Create(this.GetPrimaryKey(), command, check.Value!, clock.Now());
        return await Commit();
    }

    public Task<SpaceSnapshot?> Get() => Task.FromResult(State.Exists ? State.ToSnapshot() : null);

    public async Task<bool> IsAdmin(Guid userId) => State.IsAdmin(await Actor(userId));

    public async Task<SpaceViewer> ViewerOf(Guid userId) => Viewer(await Actor(userId));

    public async Task<SpaceSight?> SeenBy(Guid userId, ActingFor? acting)
    {
        if (!State.Exists) return null;
        var actor = acting is null ? await Actor(userId) : SpaceActor.Of(userId, State.HostId, acting);
        return new SpaceSight(State.ToSnapshot(), Viewer(actor));
    }

    SpaceViewer Viewer(SpaceActor actor) => new(State.IsAdmin(actor), State.ActionsFor(actor));

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

    public async Task<Outcome<SpaceSnapshot>> SetTargets(SetOutcomeTargets command)
    {
        var check = State.CheckSetTargets(command, await Actor(command.ActorId), clock.Now());
        if (check.Problem is { } no) return no;
        State.SetTargets(check.Value!, command.Targets, clock.Now());
        return await Commit();
    }

    /// <summary>Whether the user edits for the hosting association, from the one "acts for" port (none when there is no space).</summary>
    Task<SpaceActor> Actor(Guid userId) =>
        State.Exists ? Actor(userId, State.HostId) : Task.FromResult(new SpaceActor(userId, false));

    async Task<SpaceActor> Actor(Guid userId, Guid hostId) => SpaceActor.Of(userId, hostId, await actsFor.Of(userId, [hostId]));

    async Task<SpaceSnapshot> Commit(bool policyPublished = false)
    {
        try
        {
            await space.WriteStateAsync();
        }
        finally
        {
            cards.Forget(this.GetPrimaryKey()); // the change is in memory, stored or not: pages read the grain again
        }
        var snapshot = State.ToSnapshot();
        await live.SpaceChanged(snapshot, policyPublished);
        return snapshot;
    }
}
