using Marketplace.Businesses;
using Marketplace.Qualifications;
using Orleans.Runtime;

namespace Marketplace.Spaces;

internal sealed class SpaceMembershipGrain(
    [PersistentState("membership")] IPersistentState<MembershipState> membership,
    IActsFor actsFor,
    ILiveUpdates live,
    MembershipCards cards,
    MarketplaceClock clock) : Grain, ISpaceMembershipGrain
{
    MembershipState State => membership.State;
    Guid SpaceId => this.GetPrimaryKey(out _);

    Guid FirmId
    {
        get
        {
            this.GetPrimaryKey(out string? firm);
            return Guid.Parse(firm ?? throw new InvalidOperationException("A membership grain is keyed by space and firm."));
        }
    }

    public Task<MembershipSnapshot?> Get() => Task.FromResult(State.Standing is null ? null : State.ToSnapshot());

    public async Task<Outcome<MembershipSnapshot>> Apply(ApplyToSpace command)
    {
        var context = await Context(command.ActorId);
        if (State.CheckApply(command, context) is { } no) return no;
        State.Apply(command, clock.Now());
        return await Commit(context);
    }

    public async Task<Outcome<MembershipSnapshot>> Withdraw(Guid actorId)
    {
        var context = await Context(actorId);
        if (State.CheckWithdraw(context) is { } no) return no;
        State.Withdraw(actorId, clock.Now());
        return await Commit(context);
    }

    public async Task<Outcome<MembershipSnapshot>> Leave(Guid actorId)
    {
        var context = await Context(actorId);
        if (State.CheckLeave(context) is { } no) return no;
        State.FirmStep(actorId, MembershipStatus.Left, clock.Now());
        return await Commit(context);
    }

    public async Task<Outcome<MembershipSnapshot>> AcceptPolicy(AcceptPolicy command)
    {
        var context = await Context(command.ActorId);
        if (State.CheckAcceptPolicy(command, context) is { } no) return no;
        State.AcceptPolicy(command);
        return await Commit(context);
    }

    public async Task<Outcome<MembershipSnapshot>> Decide(DecideMembership command)
    {
        var context = await Context(command.ActorId);
        if (State.CheckDecide(command, context) is { } no) return no;
        State.Decide(command, clock.Now());
        return await Commit(context);
    }

    public async Task<Outcome<MembershipSnapshot>> Invite(Guid actorId)
    {
        var context = await Context(actorId);
        if (State.CheckInvite(context) is { } no) return no;
        State.Invite(actorId, clock.Now());
        return await Commit(context);
    }

    public async Task<Outcome<MembershipSnapshot>> Vouch(Guid actorId)
    {
        var context = await Context(actorId);
        if (State.CheckVouch(context) is { } no) return no;
        State.VouchFor(context.Firm!, actorId, clock.Now());
        return await Commit(context);
    }

    public async Task<Outcome<MembershipSnapshot>> RevokeVouch(Guid actorId)
    {
        var context = await Context(actorId);
        if (State.CheckRevokeVouch(context) is { } no) return no;
        State.RevokeVouch();
        return await Commit(context);
    }

    public async Task<Outcome<MemberQualifications>> Qualifications(Guid actorId)
    {
        var (context, business) = await ContextWithFirm(actorId);
        if (State.GuardQualifications(context) is { } no) return no;
        return Read(business!);
    }

    public async Task<Outcome<MemberQualifications>> VouchQualification(VouchQualification command)
    {
        var (context, business) = await ContextWithFirm(command.ActorId);
        var current = business?.Qualifications ?? FirmQualifications.None;
        if (State.CheckVouchQualification(command, context, current, business?.Version ?? 0) is { } no) return no;
        State.VouchQualification(command, current, clock.Now());
        await Commit(context);
        return Read(business!);
    }

    public async Task<Outcome<MemberQualifications>> WithdrawQualificationVouch(Guid actorId, string? category)
    {
        var (context, business) = await ContextWithFirm(actorId);
        if (State.CheckWithdrawQualificationVouch(category, context) is { } no) return no;
        State.WithdrawQualificationVouch(category);
        await Commit(context);
        return Read(business!);
    }

    MemberQualifications Read(BusinessSnapshot business) =>
        new(SpaceId, FirmId, business.Qualifications ?? FirmQualifications.None, business.Version, [.. State.Checked]);

    // A membership may call its space and businesses; neither calls back (DESIGN.md: calls go one way).
    async Task<MembershipContext> Context(Guid actorId) => (await ContextWithFirm(actorId)).Context;

    async Task<(MembershipContext Context, BusinessSnapshot? Firm)> ContextWithFirm(Guid actorId)
    {
        // The key names the space and the firm; a state reloaded after a failed write must still know them.
        State.SpaceId = SpaceId;
        State.FirmId = FirmId;
        // Each is a read of another grain's memory: asked side by side.
        var space = GrainFactory.GetGrain<ISpaceGrain>(SpaceId);
        var (found, admin, actor, business) = (space.Get(), space.IsAdmin(actorId), actsFor.Of(actorId, [FirmId]), GrainFactory.GetGrain<IBusinessGrain>(FirmId).Get());
        var (snapshot, firm) = (await found, await business);
        return (MembershipContext.Of(snapshot, snapshot is not null && await admin, await actor, firm), firm);
    }

    async Task<MembershipSnapshot> Commit(MembershipContext context)
    {
        try
        {
            await membership.WriteStateAsync();
        }
        finally
        {
            cards.Forget((SpaceId, FirmId)); // the change is in memory, stored or not: pages read the grain again
        }
        var snapshot = State.ToSnapshot();
        await live.MembershipChanged(context.Space!, snapshot);
        return snapshot;
    }
}
