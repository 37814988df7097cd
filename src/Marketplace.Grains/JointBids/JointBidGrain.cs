using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Tenders;
using Orleans.Runtime;

namespace Marketplace.JointBids;

internal sealed class JointBidGrain(
    [PersistentState("jointbid")] IPersistentState<JointBidState> jointBid,
    IActsFor actsFor,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, IJointBidGrain
{
    JointBidState State => jointBid.State;

    Guid AllianceId => this.GetPrimaryKey();

    public async Task<Outcome<JointBidSnapshot>> Read(Guid userId)
    {
        var (alliance, _) = await Context();
        if (alliance?.TenderId is not { } tenderId || !AllianceAccess.CanWatch(alliance, (await FirmsOf(userId, alliance)).Businesses))
            return Problem.NotFound(JointBidState.NotFound);
        return State.ToSnapshot(AllianceId, tenderId);
    }

    public async Task<Outcome<JointBidSnapshot>> SaveWorkPackage(SaveWorkPackage command)
    {
        var (alliance, tender, actor) = await Editing(command.ActorId);
        if (State.CheckEdit(actor, alliance, tender) is { } no) return no;
        var check = State.CheckSave(command, alliance!, tender!);
        if (check.Problem is { } bad) return bad;
        State.Save(check.Value!, clock.Now());
        return await Commit(alliance!);
    }

    public async Task<Outcome<JointBidSnapshot>> DeleteWorkPackage(Guid actorId, Guid workPackageId, int expectedVersion)
    {
        var (alliance, tender, actor) = await Editing(actorId);
        if ((State.CheckEdit(actor, alliance, tender) ?? State.CheckDelete(workPackageId, expectedVersion)) is { } no) return no;
        State.Delete(workPackageId, clock.Now());
        return await Commit(alliance!);
    }

    public async Task<Outcome<JointBidSnapshot>> SaveAnswer(SaveJointAnswer command)
    {
        var (alliance, tender, actor) = await Editing(command.ActorId);
        if ((State.CheckEdit(actor, alliance, tender) ?? State.CheckAnswer(command, tender!)) is { } no) return no;
        State.Answer(command, clock.Now());
        return await Commit(alliance!);
    }

    public async Task<Outcome<JointBidSnapshot>> AttachDocuments(AttachJointDocuments command)
    {
        var (alliance, tender, actor) = await Editing(command.ActorId);
        if ((State.CheckEdit(actor, alliance, tender) ?? State.CheckAttach(command, actor)) is { } no) return no;
        State.Attach(command, clock.Now());
        return await Commit(alliance!);
    }

    public async Task<Outcome<JointBidSnapshot>> DetachDocument(Guid actorId, Guid documentId)
    {
        var (alliance, tender, actor) = await Editing(actorId);
        if ((State.CheckEdit(actor, alliance, tender) ?? State.CheckDetach(documentId, actor)) is { } no) return no;
        State.Detach(documentId, clock.Now());
        return await Commit(alliance!);
    }

    public async Task<Outcome<JointBidSnapshot>> Sign(SignJointBid command)
    {
        var (alliance, tender, actor) = await Editing(command.ActorId);
        if ((State.CheckEdit(actor, alliance, tender) ?? State.CheckSign(command, actor, alliance!)) is { } no) return no;
        State.Sign(command, clock.Now());
        try
        {
            return await Commit(alliance!);
        }
        catch (Exception e) when (BidNotStoredException.In(e) is { } bound)
        {
            // Told to the signing firm's people only: what binds it elsewhere is its own bid or signature.
            return bound.Problem;
        }
    }

    /// <summary>Goes through the tender's own sealed-bid path: the bid of the alliance, keyed by its id, with its receipt.</summary>
    public async Task<Outcome<JointBidSnapshot>> Submit(Guid actorId, DateTimeOffset receivedAt)
    {
        var (alliance, tender, actor) = await Editing(actorId);
        if ((State.CheckEdit(actor, alliance, tender) ?? State.CheckSubmit(actor, alliance!, tender!)) is { } no) return no;
        var receipt = await GrainFactory.Bid(tender!.Id, AllianceId).Submit(State.ToBid(actorId, alliance!, tender!, receivedAt));
        if (receipt.Problem is { } refused) return refused;
        State.Submitted(receipt.Value!, actorId, clock.Now());
        return await Commit(alliance!);
    }

    public async Task<Outcome<JointBidSnapshot>> Withdraw(Guid actorId)
    {
        var (alliance, tender, actor) = await Editing(actorId);
        if (State.CheckEdit(actor, alliance, tender) is { } no) return no;
        if (!actor.Lead) return Problem.Forbidden(JointBidState.NotTheLeadToWithdraw);
        var withdrawn = await GrainFactory.Bid(tender!.Id, AllianceId).Withdraw(actorId, fromWorkspace: true);
        if (withdrawn.Problem is { } refused) return refused;
        State.Withdrawn(clock.Now());
        return await Commit(alliance!);
    }

    public async Task<Guid?> PublishWonProject()
    {
        if (State.ShowcaseId is { } done) return done;
        var (alliance, tender) = await Context();
        if (alliance is null || tender is null || State.SubmittedBy is not { } actor) return null;
        var buyer = await GrainFactory.GetGrain<IBusinessGrain>(tender.BuyerId).Get();
        if (State.WonProject(tender, alliance, buyer?.Profile.Name ?? "") is not { } project) return null;
        var id = State.Receipt!.BidId;
        var published = await GrainFactory.GetGrain<Showcase.IShowcaseGrain>(id).Publish(new Showcase.PublishShowcase(actor, alliance.LeadId, project, new Showcase.ShowcaseAward(tender.Id, id)));
        // Already published (a retry after a crash between the two writes) counts as done.
        if (published.Problem is { Kind: not ProblemKind.Conflict }) return null;
        State.ShowcaseId = id;
        await jointBid.WriteStateAsync();
        return id;
    }

    // Joint bids call alliances, tenders, businesses and showcase projects, never the reverse (DESIGN.md: calls go one way).
    async Task<(AllianceSnapshot? Alliance, TenderSnapshot? Tender)> Context()
    {
        var alliance = await GrainFactory.GetGrain<IAllianceGrain>(AllianceId).Get();
        if (alliance?.TenderId is not { } tenderId) return (alliance, null);
        if (State.TenderId == Guid.Empty)
        {
            State.AllianceId = AllianceId;
            State.TenderId = tenderId;
        }
        // The alliance may have changed since: who bids is part of what the firms sign. (Stored with the next change.)
        State.SyncBidders(alliance, clock.Now());
        return (alliance, await GrainFactory.Tender(tenderId).Get());
    }

    async Task<(AllianceSnapshot? Alliance, TenderSnapshot? Tender, JointActor Actor)> Editing(Guid userId)
    {
        var (alliance, tender) = await Context();
        // Someone outside the alliance hears the same whether it (or its bid) exists or not.
        var firms = alliance is null ? ActingFor.Nobody : await FirmsOf(userId, alliance);
        if (alliance is null || !AllianceAccess.CanWatch(alliance, firms.Businesses))
            return (null, tender, new JointActor(userId, [], false));
        return (alliance, tender, new JointActor(userId, [.. firms.Editing], firms.Edits(alliance.LeadId)));
    }

    /// <summary>The alliance's active firms the user acts for (any role reads; Owners and Managers edit), in one question.</summary>
    Task<ActingFor> FirmsOf(Guid userId, AllianceSnapshot alliance) =>
        actsFor.Of(userId, [.. alliance.Active.Select(m => m.FirmId)]);

    async Task<JointBidSnapshot> Commit(AllianceSnapshot alliance)
    {
        await jointBid.WriteStateAsync();
        var snapshot = State.ToSnapshot(AllianceId, State.TenderId);
        await live.JointBidChanged(alliance, snapshot);
        return snapshot;
    }
}
