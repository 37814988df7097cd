using Marketplace.Businesses;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Orleans.Runtime;

namespace Marketplace.Alliances;

internal sealed class AllianceGrain(
    [PersistentState("alliance")] IPersistentState<AllianceState> alliance,
    ITenderBids bids,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, IAllianceGrain, IJointBidderGrain
{
    AllianceState State => alliance.State;

    public async Task<Outcome<AllianceSnapshot>> Form(FormAlliance command)
    {
        var lead = await Firm(command.LeadId, command.SpaceId);
        var tender = command.TenderId is { } tenderId ? await GrainFactory.Tender(tenderId).Get() : null;
        if (State.CheckForm(command, lead, tender) is { } no) return no;
        State.Form(this.GetPrimaryKey(), command, clock.Now());
        return await Commit([]);
    }

    public Task<AllianceSnapshot?> Get() => Task.FromResult(State.Exists ? State.ToSnapshot() : null);

    public async Task<AllianceView?> ViewFor(Guid viewerId, Guid[] viewerFirms)
    {
        if (!State.Exists || State.ToSnapshot() is var snapshot && !AllianceAccess.CanRead(snapshot, viewerFirms)) return null;
        var mine = await Task.WhenAll(viewerFirms.Distinct().Where(f => snapshot.IsActive(f) || snapshot.IsInvited(f)).Select(f => Firm(f)));
        return State.ViewFor(viewerId, mine, await Lead(), await BidSubmitted());
    }

    public Task<JointBidder?> Bidder() => Task.FromResult(State.Exists ? State.ToSnapshot().AsBidder() : null);

    public async Task<Outcome<AllianceSnapshot>> Invite(InviteToAlliance command)
    {
        if (State.CheckInvite(command, await Lead(), await Firm(command.FirmId)) is { } no) return no;
        State.Invite(command, clock.Now());
        return await Commit([]);
    }

    public async Task<Outcome<AllianceSnapshot>> Answer(AnswerAllianceInvitation command)
    {
        if (State.CheckAnswer(command, await Firm(command.FirmId), command.Accept && await BidSubmitted()) is { } no) return no;
        State.Answer(command, clock.Now());
        return await Commit([]);
    }

    public async Task<Outcome<AllianceSnapshot>> Leave(Guid actorId, Guid firmId)
    {
        if (State.CheckLeave(actorId, await Firm(firmId), await BidSubmitted()) is { } no) return no;
        State.Leave(actorId, firmId, clock.Now());
        return await Commit([firmId]);
    }

    public async Task<Outcome<AllianceSnapshot>> Remove(RemoveFromAlliance command)
    {
        if (State.CheckRemove(command, await Lead(), await BidSubmitted()) is { } no) return no;
        State.Remove(command, clock.Now());
        return await Commit([command.FirmId]);
    }

    public async Task<Outcome<AllianceSnapshot>> HandOver(Guid actorId, Guid newLeadId)
    {
        if (State.CheckHandOver(actorId, await Lead(), newLeadId, await BidSubmitted()) is { } no) return no;
        State.HandOver(actorId, newLeadId, clock.Now());
        return await Commit([]);
    }

    public async Task<Outcome<AllianceSnapshot>> PublishAgreement(Guid actorId, string text)
    {
        if (State.CheckPublishAgreement(actorId, await Lead(), text) is { } no) return no;
        State.PublishAgreement(actorId, text, clock.Now());
        return await Commit([]);
    }

    public async Task<Outcome<AllianceSnapshot>> AcceptAgreement(AcceptAllianceAgreement command)
    {
        if (State.CheckAcceptAgreement(command, await Firm(command.FirmId)) is { } no) return no;
        State.AcceptAgreement(command, clock.Now());
        return await Commit([]);
    }

    /// <summary>The joint bid's submission, read from the bids' read model (the joint bid calls the alliance, never the reverse).</summary>
    async Task<bool> BidSubmitted() => State.TenderId is { } tender && await bids.HasSubmitted(tender, this.GetPrimaryKey());

    Task<AllianceFirm> Lead() => State.Exists ? Firm(State.LeadId) : Task.FromResult(new AllianceFirm(Guid.Empty, null, false));

    // Alliances call tenders, spaces and businesses, never the reverse (DESIGN.md: calls go one way).
    async Task<AllianceFirm> Firm(Guid firmId, Guid? spaceId = null)
    {
        var space = spaceId ?? State.SpaceId;
        var standing = (await GrainFactory.Membership(space, firmId).Get())?.Standing.Status;
        return new AllianceFirm(firmId, await GrainFactory.GetGrain<IBusinessGrain>(firmId).Get(), standing == MembershipStatus.Member);
    }

    /// <param name="departed">Firms that just stopped taking part: their people stop hearing about the alliance at once.</param>
    async Task<AllianceSnapshot> Commit(Guid[] departed)
    {
        await alliance.WriteStateAsync();
        var snapshot = State.ToSnapshot();
        await live.AllianceChanged(snapshot, departed);
        return snapshot;
    }
}
