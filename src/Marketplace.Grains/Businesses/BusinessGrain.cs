using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Marketplace.Businesses;

internal sealed class BusinessGrain(
    [PersistentState("business")] IPersistentState<BusinessState> business,
    ILiveUpdates live,
    BusinessCards cards,
    MarketplaceClock clock,
    ILogger<BusinessGrain> log) : Grain, IBusinessGrain
{
    public async Task<Outcome<BusinessSnapshot>> Create(CreateBusiness command)
    {
        var check = business.State.CheckCreate(command);
        if (check.Problem is { } no) return no;
        return await CommitRoles([command.ActorId], () => business.State.Create(this.GetPrimaryKey(), command, check.Value!, clock.Now()));
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

    public async Task<Outcome<BusinessSnapshot>> EditQualifications(EditQualifications command)
    {
        var now = clock.Now();
        var check = business.State.CheckEditQualifications(command, now);
        if (check.Problem is { } no) return no;
        business.State.EditQualifications(check.Value!, now);
        return await Commit();
    }

    public async Task<Outcome<BusinessSnapshot>> EditDgue(EditDgue command)
    {
        var now = clock.Now();
        var check = business.State.CheckEditDgue(command, now);
        if (check.Problem is { } no) return no;
        business.State.EditDgue(check.Value!, now);
        return await Commit();
    }

    public async Task<Outcome<BusinessSnapshot>> Invite(InviteToBusiness command)
    {
        var now = clock.Now();
        if (business.State.CheckInvite(command, now) is { } no) return no;
        business.State.Invite(command, now);
        try
        {
            return await Commit();
        }
        finally
        {
            // The e-mail went to the outbox with this write (or failed with it); the next write owes nothing.
            business.State.Outgoing.Clear();
        }
    }

    public async Task<Outcome<BusinessSnapshot>> AnswerInvitation(AnswerBusinessInvitation command)
    {
        if (business.State.CheckAnswer(command) is { } no) return no;
        return await CommitRoles(command.Accept ? [command.ActorId] : [], () => business.State.Answer(command, clock.Now()));
    }

    public async Task<Outcome<BusinessSnapshot>> RevokeInvitation(Guid actorId, Guid invitationId)
    {
        if (business.State.CheckRevoke(actorId, invitationId) is { } no) return no;
        business.State.Revoke(invitationId, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<BusinessSnapshot>> SetLogo(Guid actorId, LogoUpload? upload)
    {
        var check = business.State.CheckSetLogo(actorId, upload);
        if (check.Problem is { } no) return no;
        business.State.SetLogo(check.Value, upload?.Content, clock.Now());
        try
        {
            return await Commit();
        }
        finally
        {
            // The bytes went to their row with this write (or failed with it); the state keeps only the logo's digest.
            business.State.LogoContent = null;
        }
    }

    public async Task<Outcome<BusinessSnapshot>> Block(Guid actorId, Guid firmId, bool firmIsFirm, bool blocked)
    {
        if (business.State.CheckBlock(actorId, firmId, firmIsFirm, blocked) is { } no) return no;
        return business.State.Block(actorId, firmId, blocked, clock.Now()) ? await Commit() : business.State.ToSnapshot();
    }

    public async Task<Outcome<BusinessSnapshot>> RemoveMember(Guid actorId, Guid userId)
    {
        if (business.State.CheckRemoveMember(actorId, userId) is { } no) return no;
        return await CommitRoles([userId], () => business.State.RemoveMember(userId, clock.Now()));
    }

    /// <summary>
    /// Stores a change of these people's roles. Each one's "acts for" grain is told before anything changes (so it stops
    /// answering about this business from memory; if it cannot be told, nothing changes) and after the write, stored or
    /// not (so it reads the committed row again).
    /// </summary>
    async Task<BusinessSnapshot> CommitRoles(Guid[] users, Action change)
    {
        var id = this.GetPrimaryKey();
        foreach (var user in users) await GrainFactory.ActsFor(user).Changing(id);
        try
        {
            change();
            return await Commit(users);
        }
        finally
        {
            foreach (var user in users)
            {
                // Unsettled, the grain keeps asking the database about this business: slower, never wrong.
                try { await GrainFactory.ActsFor(user).Settled(id); }
                catch (Exception e) { log.LogWarning(e, "The acts-for grain of {User} was not told that business {Business} settled", user, id); }
            }
        }
    }

    /// <param name="people">Whose place in the team this change may have changed: their live connections follow it before anyone is told.</param>
    async Task<BusinessSnapshot> Commit(Guid[]? people = null)
    {
        try
        {
            await business.WriteStateAsync();
        }
        finally
        {
            cards.Forget(this.GetPrimaryKey()); // the change is in memory, stored or not: pages read the grain again
        }
        var snapshot = business.State.ToSnapshot();
        if (people is { Length: > 0 }) await live.TeamChanged(snapshot, people);
        await live.BusinessChanged(snapshot);
        return snapshot;
    }
}
