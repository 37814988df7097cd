using Marketplace.Businesses;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Orleans.Runtime;

namespace Marketplace.Alliances;

internal sealed class AllianceGrain(
    [PersistentState("alliance")] IPersistentState<AllianceState> alliance,
    IActsFor actsFor,
    ITenderBids bids,
    ITenderAlliances tenderAlliances,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, IAllianceGrain, IJointBidderGrain
{
    AllianceState State => alliance.State;

    public async Task<Outcome<AllianceSnapshot>> Form(FormAlliance command)
    {
        var lead = await Firm(command.LeadId, command.SpaceId);
        var tender = command.TenderId is { } tenderId ? await GrainFactory.Tender(tenderId).Current() : null;
        var leadInOne = command.TenderId is { } forTender && (await tenderAlliances.InOne(forTender, [command.LeadId])).Count > 0;
        if (State.CheckForm(command, await Actor(command.ActorId, command.LeadId), lead, tender, leadInOne) is { } no) return no;
        State.Form(this.GetPrimaryKey(), command, clock.Now());
        return await Commit([]);
    }

    public async Task<Outcome<AllianceSnapshot>> FormFromRete(FormRtiFromRete command)
    {
        if (State.Exists) return Problem.Conflict(AllianceState.AlreadyExists);
        // The endpoint lets only the rete's readers this far (its one 404 to anyone else).
        if (await GrainFactory.GetGrain<IAllianceGrain>(command.ReteId).Get() is not { } rete) return Problem.NotFound(AllianceState.NotFound);
        var (actorRead, tenderRead) = (Actor(command.ActorId, rete.LeadId), GrainFactory.Tender(command.TenderId).Current());
        var inSpace = (await Task.WhenAll(rete.Active.Select(async m => (m.FirmId, In: await InSpace(m.FirmId, rete.SpaceId)))))
            .Where(f => f.In).Select(f => f.FirmId).ToHashSet();
        var firms = ReteRti.Firms(rete, inSpace).ToList();
        var (actor, tender) = (await actorRead, await tenderRead);
        var inOne = await tenderAlliances.InOne(command.TenderId, [.. firms.Select(f => f.FirmId)]);
        // The first such firm by name, so the refusal names the same firm every time.
        var firmInOne = inOne.Count == 0 ? null
            : (await Task.WhenAll(inOne.Select(f => GrainFactory.GetGrain<IBusinessGrain>(f).Get()))).Select(b => b?.Profile.Name ?? "").Order(StringComparer.Ordinal).First();
        if (ReteRti.Check(actor, rete, inSpace.Contains(rete.LeadId), tender, TenderRules.BidsClosedAt(tender, clock.Now()), firmInOne) is { } no) return no;
        State.FormFromRete(this.GetPrimaryKey(), command, rete, tender!.Details.Title, firms, clock.Now());
        return await Commit([]);
    }

    public Task<AllianceSnapshot?> Get() => Task.FromResult(State.Exists ? Snapshot() : null);

    /// <summary>What <see cref="Snapshot"/> last built, with the state it was built from.</summary>
    (AllianceState Of, int Version, AllianceSnapshot Snapshot)? built;

    /// <summary>
    /// The alliance as stored, built once per change: every read of the joint bid and of the workspace asks for it
    /// (issue #11), and with its history it is no small copy. Every change moves the version (<see cref="AllianceState"/>'s
    /// Set), and a state read again is another object, so neither can show an older snapshot.
    /// </summary>
    AllianceSnapshot Snapshot()
    {
        if (built is { } b && ReferenceEquals(b.Of, State) && b.Version == State.Version) return b.Snapshot;
        var snapshot = State.ToSnapshot();
        built = (State, State.Version, snapshot);
        return snapshot;
    }

    public async Task<AllianceView?> ViewFor(Guid viewerId)
    {
        if (!State.Exists) return null;
        var snapshot = Snapshot();
        // The tender is read once, beside whom the viewer acts for: for whether bids are closed, and for its title on the page.
        var tenderRead = State.TenderId is { } tenderId ? GrainFactory.Tender(tenderId).Current() : null;
        var viewer = await actsFor.Of(viewerId, [.. snapshot.Members.Where(m => snapshot.IsActive(m.FirmId) || snapshot.IsInvited(m.FirmId)).Select(m => m.FirmId)]);
        if (!AllianceAccess.CanRead(snapshot, viewer.Businesses)) return null;
        // Only an invited firm's standing in the space counts (whether it may accept); a page read asks no other.
        var inSpace = await Task.WhenAll(viewer.Businesses.Where(f => snapshot.IsInvited(f)).Select(async f => (Firm: f, In: await InSpace(f, State.SpaceId))));
        var tender = tenderRead is null ? null : await tenderRead;
        var bidsClosed = State.TenderId is not null && TenderRules.BidsClosedAt(tender, clock.Now());
        return State.ViewFor(viewerId, viewer, inSpace.Where(f => f.In).Select(f => f.Firm).ToHashSet(), await ViewedBidSubmitted(), bidsClosed)
            with { TenderTitle = tender?.Details.Title };
    }

    public Task<JointBidder?> Bidder() => Task.FromResult(State.Exists ? Snapshot().AsBidder() : null);

    public async Task<Outcome<Guid[]>> Invitable(Guid actorId, AllianceFirm[] candidates) =>
        State.Invitable(await ActorForLead(actorId), candidates);

    public async Task<Outcome<AllianceSnapshot>> Invite(InviteToAlliance command)
    {
        if (State.CheckInvite(command, await ActorForLead(command.ActorId), await Firm(command.FirmId, State.SpaceId), await BidsClosed(), await BidSubmitted()) is { } no)
            return no;
        State.Invite(command, clock.Now());
        return await Commit([]);
    }

    public async Task<Outcome<AllianceSnapshot>> Answer(AnswerAllianceInvitation command)
    {
        var inSpace = command.Accept && await InSpace(command.FirmId, State.SpaceId);
        if (State.CheckAnswer(command, await Actor(command.ActorId, command.FirmId), inSpace, command.Accept && await BidSubmitted(), command.Accept && await BidsClosed())
            is { } no) return no;
        State.Answer(command, clock.Now());
        return await Commit([]);
    }

    public async Task<Outcome<AllianceSnapshot>> Leave(Guid actorId, Guid firmId)
    {
        var submitted = await BidSubmitted();
        if (State.CheckLeave(await Actor(actorId, firmId), firmId, submitted, submitted && await BidsClosed()) is { } no) return no;
        State.Leave(actorId, firmId, clock.Now());
        return await Commit([firmId]);
    }

    public async Task<Outcome<AllianceSnapshot>> Remove(RemoveFromAlliance command)
    {
        var submitted = await BidSubmitted();
        if (State.CheckRemove(command, await ActorForLead(command.ActorId), submitted, submitted && await BidsClosed()) is { } no) return no;
        State.Remove(command, clock.Now());
        return await Commit([command.FirmId]);
    }

    public async Task<Outcome<AllianceSnapshot>> HandOver(Guid actorId, Guid newLeadId)
    {
        var submitted = await BidSubmitted();
        if (State.CheckHandOver(await ActorForLead(actorId), newLeadId, submitted, submitted && await BidsClosed()) is { } no) return no;
        State.HandOver(actorId, newLeadId, clock.Now());
        return await Commit([]);
    }

    public async Task<Outcome<AllianceSnapshot>> PublishAgreement(Guid actorId, string text)
    {
        if (State.CheckPublishAgreement(await ActorForLead(actorId), text) is { } no) return no;
        State.PublishAgreement(actorId, text, clock.Now());
        return await Commit([]);
    }

    public async Task<Outcome<AllianceSnapshot>> AcceptAgreement(AcceptAllianceAgreement command)
    {
        if (State.CheckAcceptAgreement(command, await Actor(command.ActorId, command.FirmId)) is { } no) return no;
        State.AcceptAgreement(command, clock.Now());
        return await Commit([]);
    }

    public Task BidChanging()
    {
        (bidChanging, viewedBidSubmitted) = (true, null);
        return Task.CompletedTask;
    }

    public Task BidSettled()
    {
        (bidChanging, viewedBidSubmitted) = (false, null);
        return Task.CompletedTask;
    }

    /// <summary>The joint bid's submission, read from the bids' read model (the joint bid calls the alliance, never the reverse).</summary>
    async Task<bool> BidSubmitted() => State.TenderId is { } tender && await bids.HasSubmitted(tender, this.GetPrimaryKey());

    /// <summary>
    /// Whether the tender takes no more bids, so a submitted joint bid stays as it is and no firm could join it: asked
    /// of the tender as it stands now (<see cref="TenderKeys.Current"/>: a tender that has a deadline to move past moves
    /// first, as the enquiries' end opens the bidding), judged by the window a submission is checked against. A
    /// standing alliance has no tender and is never closed.
    /// </summary>
    async Task<bool> BidsClosed() =>
        State.TenderId is { } tender && TenderRules.BidsClosedAt(await GrainFactory.Tender(tender).Current(), clock.Now());

    /// <summary>
    /// Whether the joint bid is submitted as views last read it (null: not read since the joint bid last changed it).
    /// Every visit to the workspace asks; the answer changes only when the joint bid submits or withdraws itself,
    /// and it says so before and after (<see cref="BidChanging"/>, <see cref="BidSettled"/>).
    /// </summary>
    bool? viewedBidSubmitted;

    /// <summary>True between the joint bid's <see cref="BidChanging"/> and <see cref="BidSettled"/> (for good, should the latter be lost).</summary>
    bool bidChanging;

    /// <summary>
    /// <see cref="BidSubmitted"/> for a view, kept while the joint bid is not changing it. Views are read-only calls,
    /// which may run side by side but never beside <see cref="BidChanging"/> or <see cref="BidSettled"/>; commands
    /// read the stored bids every time.
    /// </summary>
    async Task<bool> ViewedBidSubmitted()
    {
        if (viewedBidSubmitted is { } known) return known;
        var submitted = await BidSubmitted();
        if (!bidChanging) viewedBidSubmitted = submitted;
        return submitted;
    }

    /// <summary>Whether the user acts for the firm, from the one "acts for" query: a command acts for one firm.</summary>
    Task<ActingFor> Actor(Guid userId, Guid firmId) => actsFor.Of(userId, [firmId]);

    /// <summary>Whether the user acts for the alliance's lead (for none when there is no alliance: the guard says so first).</summary>
    Task<ActingFor> ActorForLead(Guid userId) => State.Exists ? Actor(userId, State.LeadId) : Task.FromResult(ActingFor.Nobody);

    // Alliances call tenders, spaces and businesses, never the reverse (DESIGN.md: calls go one way).
    async Task<AllianceFirm> Firm(Guid firmId, Guid spaceId) =>
        new(firmId, (await GrainFactory.GetGrain<IBusinessGrain>(firmId).Get())?.Kind, await InSpace(firmId, spaceId));

    async Task<bool> InSpace(Guid firmId, Guid spaceId) =>
        (await GrainFactory.Membership(spaceId, firmId).Get())?.Standing.Status == MembershipStatus.Member;

    /// <param name="departed">Firms that just stopped taking part: their people stop hearing about the alliance at once.</param>
    async Task<AllianceSnapshot> Commit(Guid[] departed)
    {
        await alliance.WriteStateAsync();
        // A firm that left no longer binds itself through the joint bid's sign-offs.
        if (State.TenderId is { } tenderId) await GrainFactory.Tender(tenderId).BindingsChanged();
        var snapshot = Snapshot();
        await live.AllianceChanged(snapshot, departed);
        return snapshot;
    }
}
