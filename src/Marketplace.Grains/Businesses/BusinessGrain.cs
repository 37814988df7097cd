using Orleans.Runtime;

namespace Marketplace.Businesses;

internal sealed class BusinessGrain(
    [PersistentState("business")] IPersistentState<BusinessState> business,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, IBusinessGrain
{
    public async Task<Outcome<BusinessSnapshot>> Create(CreateBusiness command)
    {
        var check = business.State.CheckCreate(command);
        if (check.Problem is { } no) return no;
        business.State.Create(this.GetPrimaryKey(), command, check.Value!, clock.Now());
        return await Commit();
    }

    public Task<BusinessSnapshot?> Get() =>
        Task.FromResult(business.State.Exists ? business.State.ToSnapshot() : null);

    public async Task<Outcome<BusinessSnapshot>> EditProfile(EditProfile command)
    {
        var check = business.State.CheckEdit(command);
        if (check.Problem is { } no) return no;
        business.State.Edit(check.Value!, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<BusinessSnapshot>> Invite(InviteToBusiness command)
    {
        if (business.State.CheckInvite(command) is { } no) return no;
        business.State.Invite(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<BusinessSnapshot>> AnswerInvitation(AnswerBusinessInvitation command)
    {
        if (business.State.CheckAnswer(command) is { } no) return no;
        business.State.Answer(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<BusinessSnapshot>> RevokeInvitation(Guid actorId, Guid invitationId)
    {
        if (business.State.CheckRevoke(actorId, invitationId) is { } no) return no;
        business.State.Revoke(invitationId, clock.Now());
        return await Commit();
    }

    async Task<BusinessSnapshot> Commit()
    {
        await business.WriteStateAsync();
        var snapshot = business.State.ToSnapshot();
        await live.BusinessChanged(snapshot);
        return snapshot;
    }
}
