using Marketplace.Businesses;
using Orleans.Runtime;

namespace Marketplace.Spaces;

internal sealed class SpaceGrain(
    [PersistentState("space")] IPersistentState<SpaceState> space,
    ILiveUpdates live,
    TimeProvider clock) : Grain, ISpaceGrain
{
    SpaceState State => space.State;

    public async Task<Outcome<SpaceSnapshot>> Create(CreateSpace command)
    {
        var check = State.CheckCreate(command, await Business(command.HostId));
        if (check.Problem is { } no) return no;
        State.Create(this.GetPrimaryKey(), command, check.Value!, clock.Now());
        return await Commit();
    }

    public Task<SpaceSnapshot?> Get() => Task.FromResult(State.Exists ? State.ToSnapshot() : null);

    public async Task<bool> IsAdmin(Guid userId) => State.Exists && State.IsAdmin(await Actor(userId, firmId: null));

    public async Task<Outcome<SpaceSnapshot>> EditSettings(EditSpaceSettings command)
    {
        var check = State.CheckEditSettings(command, await Actor(command.ActorId, null));
        if (check.Problem is { } no) return no;
        State.EditSettings(check.Value!, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<SpaceSnapshot>> PublishPolicy(PublishPolicy command)
    {
        if (State.CheckPublishPolicy(command, await Actor(command.ActorId, null)) is { } no) return no;
        State.PublishPolicy(command, clock.Now());
        // Every member must accept the new version, so every member is told.
        return await Commit([.. State.PendingPolicyAcceptance().Select(m => m.BusinessId)]);
    }

    public async Task<Outcome<SpaceSnapshot>> Apply(ApplyToSpace command)
    {
        if (State.CheckApply(command, await Actor(command.ActorId, command.FirmId)) is { } no) return no;
        State.Apply(command, command.ActorId, clock.Now());
        return await Commit(command.FirmId);
    }

    public async Task<Outcome<SpaceSnapshot>> Withdraw(FirmStep command)
    {
        if (State.CheckWithdraw(command, await Actor(command.ActorId, command.FirmId)) is { } no) return no;
        State.FirmStep(command, MembershipStatus.Withdrawn, clock.Now());
        return await Commit(command.FirmId);
    }

    public async Task<Outcome<SpaceSnapshot>> Leave(FirmStep command)
    {
        if (State.CheckLeave(command, await Actor(command.ActorId, command.FirmId)) is { } no) return no;
        State.FirmStep(command, MembershipStatus.Left, clock.Now());
        return await Commit(command.FirmId);
    }

    public async Task<Outcome<SpaceSnapshot>> AcceptPolicy(AcceptPolicy command)
    {
        if (State.CheckAcceptPolicy(command, await Actor(command.ActorId, command.FirmId)) is { } no) return no;
        State.AcceptPolicy(command, clock.Now());
        return await Commit(command.FirmId);
    }

    public async Task<Outcome<SpaceSnapshot>> Decide(DecideMembership command)
    {
        if (State.CheckDecide(command, await Actor(command.ActorId, null)) is { } no) return no;
        State.Decide(command, clock.Now());
        return await Commit(command.FirmId);
    }

    public async Task<Outcome<SpaceSnapshot>> Invite(InviteFirm command)
    {
        if (State.CheckInvite(command, await Actor(command.ActorId, null), await Business(command.FirmId)) is { } no) return no;
        State.Invite(command, clock.Now());
        return await Commit(command.FirmId);
    }

    public async Task<Outcome<SpaceSnapshot>> SetModerator(SetModerator command)
    {
        if (State.CheckSetModerator(command, await Actor(command.ActorId, null)) is { } no) return no;
        State.SetModerator(command, clock.Now());
        return await Commit();
    }

    // Spaces may call businesses, never the reverse (DESIGN.md: calls go one way).
    Task<BusinessSnapshot?> Business(Guid id) => GrainFactory.GetGrain<IBusinessGrain>(id).Get();

    async Task<SpaceActor> Actor(Guid userId, Guid? firmId)
    {
        var host = State.Exists ? await Business(State.HostId) : null;
        var firm = firmId is { } id ? await Business(id) : null;
        return new SpaceActor(userId, host?.RoleOf(userId) is BusinessRole.Owner or BusinessRole.Manager, firm);
    }

    Task<SpaceSnapshot> Commit(params Guid[] firmsToTell) => Commit(firmsToTell.AsEnumerable());

    async Task<SpaceSnapshot> Commit(IEnumerable<Guid> firmsToTell)
    {
        await space.WriteOrReload();
        var snapshot = State.ToSnapshot();
        await live.SpaceChanged(snapshot, [.. firmsToTell]);
        return snapshot;
    }
}
