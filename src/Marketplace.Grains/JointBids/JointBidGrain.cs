using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Qualifications;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Orleans.Runtime;

namespace Marketplace.JointBids;

internal sealed class JointBidGrain(
    [PersistentState("jointbid")] IPersistentState<JointBidState> jointBid,
    IActsFor actsFor,
    ILiveUpdates live,
    DgueDigests digests,
    MarketplaceClock clock) : Grain, IJointBidGrain
{
    JointBidState State => jointBid.State;

    Guid AllianceId => this.GetPrimaryKey();

    /// <summary>
    /// The joint bid as the viewer sees it, with what they may do. A read changes nothing: the bidding firms as the
    /// alliance has them now are shown (<see cref="JointBidState.Following"/>), and stored with the next change.
    /// </summary>
    public async Task<Outcome<JointBidSnapshot>> Read(Guid userId, bool dgues)
    {
        var (alliance, tender, actor) = await Editing(userId);
        if (alliance?.TenderId is null) return Problem.NotFound(JointBidState.NotFound);
        var now = clock.Now();
        var bid = State.Following(alliance, now);
        bid.DguesNow = dgues ? await digests.Of(bid.DgueFirms()) : null;
        // The bid as stored is kept for its viewers; one that follows new bidding firms is a copy of this read alone.
        return ReferenceEquals(bid, State) ? shown.For(bid, actor, alliance, tender, now) : bid.ToSnapshot(actor, alliance, tender, now);
    }

    /// <summary>The bid as its recent viewers were shown it, forgotten with every change (<see cref="Commit"/>).</summary>
    readonly ShownJointBids shown = new();

    public async Task<Outcome<SignedJointBid>> ReadSigned(Guid userId)
    {
        var (alliance, tender, actor) = await Editing(userId);
        if (alliance?.TenderId is null) return Problem.NotFound(JointBidState.NotFound);
        var now = clock.Now();
        var bid = State.Following(alliance, now);
        bid.DguesNow = null;
        return new SignedJointBid(bid.ToSnapshot(actor, alliance, tender, now), bid.SignedContent());
    }

    public Task<Outcome<JointBidSnapshot>> SaveWorkPackage(SaveWorkPackage command) => Change(command.ActorId, (bid, actor, alliance, tender, now) =>
    {
        var check = bid.CheckSave(command, actor, alliance, tender);
        if (check.Problem is { } bad) return bad;
        bid.Save(check.Value!, now);
        return new Edited(JointBidEdit.PackageSaved, check.Value!.Id);
    });

    public Task<Outcome<JointBidSnapshot>> DeleteWorkPackage(Guid actorId, Guid workPackageId, int expectedVersion) =>
        Change(actorId, (bid, actor, alliance, tender, now) =>
        {
            if (bid.CheckDelete(workPackageId, expectedVersion, actor) is { } no) return no;
            bid.Delete(workPackageId, now);
            return new Edited(JointBidEdit.PackageDeleted, workPackageId);
        });

    public Task<Outcome<JointBidSnapshot>> SaveAnswer(SaveJointAnswer command) => Change(command.ActorId, (bid, actor, alliance, tender, now) =>
    {
        if (bid.CheckAnswer(command, tender) is { } no) return no;
        bid.Answer(command, now);
        return Edited.Other;
    });

    public Task<Outcome<JointBidSnapshot>> SaveQuotas(SaveJointQuotas command) => Change(command.ActorId, (bid, actor, alliance, tender, now) =>
    {
        if (bid.CheckQuotas(command, alliance, tender) is { } no) return no;
        bid.SaveQuotas(command, now);
        return Edited.Other;
    });

    public Task<Outcome<JointBidSnapshot>> SaveSubcontracts(SaveJointSubcontracts command) => Change(command.ActorId, (bid, actor, alliance, tender, now) =>
    {
        if (bid.CheckSubcontracts(command, alliance, tender) is { } no) return no;
        bid.SaveSubcontracts(command, now);
        return Edited.Other;
    });

    public async Task<Outcome<JointBidSnapshot>> SaveReliances(SaveJointReliances command)
    {
        // The auxiliaries are read before the change (a change is checked and made in one turn); a declaration over
        // the cap is refused by the rules without reading them.
        var auxiliaries = new Dictionary<Guid, AuxiliaryFirm>();
        var group = command.Reliances.Length <= RelianceRules.MaxReliances ? await GrainFactory.GetGrain<IAllianceGrain>(AllianceId).Get() : null;
        if (group is not null)
            foreach (var firm in command.Reliances.Select(r => r.AuxiliaryId).Distinct())
            {
                var business = await GrainFactory.GetGrain<IBusinessGrain>(firm).Get();
                var member = business is { Kind: BusinessKind.Firm }
                    && (await GrainFactory.Membership(group.SpaceId, firm).Get())?.Standing.Status == MembershipStatus.Member;
                auxiliaries[firm] = new AuxiliaryFirm(firm, member, business?.Qualifications ?? FirmQualifications.None, business?.Profile.Name ?? "");
            }
        return await Change(command.ActorId, (bid, actor, alliance, tender, now) =>
        {
            if (bid.CheckReliances(command, actor, alliance, tender, auxiliaries, QualificationRules.Today(now)) is { } no) return no;
            bid.SaveReliances(command, now);
            bid.AuxiliaryNames = auxiliaries.ToDictionary(a => a.Key, a => a.Value.Name);
            return Edited.Other;
        });
    }

    public async Task<Outcome<AuxiliaryView>> ReadLending(Guid userId)
    {
        var (bid, alliance, tender, acting) = await Lending(userId);
        if (bid is null) return Problem.NotFound(RelianceRules.NotFound);
        return bid.ViewFor(acting.Businesses, acting.Editing, tender!, clock.Now());
    }

    public async Task<Outcome<AuxiliaryView>> AnswerReliance(AnswerReliance command)
    {
        var (bid, alliance, tender, acting) = await Lending(command.ActorId);
        if (bid is null || !acting.Reads(command.AuxiliaryId)) return Problem.NotFound(RelianceRules.NotFound);
        var now = clock.Now();
        if (bid.CheckAnswer(command, acting.Editing, tender, now) is { } no) return no;
        bid.Answer(command, now);
        await Store(bid);
        await GrainFactory.Tender(bid.TenderId).BindingsChanged(); // The answer is signed content: sign-offs may lapse.
        // The alliance's workspace reads the bid again: its reliances card and what blocks the submission changed.
        await live.JointBidChanged(alliance!, bid.News(JointBidEdit.Other, null, alliance!, tender, clock.Now(), null) with { LendingFirms = [command.AuxiliaryId] });
        return bid.ViewFor(acting.Businesses, acting.Editing, tender!, clock.Now());
    }

    /// <summary>
    /// The joint bid as it stands with the alliance, for a person who acts for one of the auxiliaries it relies on; to
    /// anyone else (the alliance's own people, who read the bid itself, among them) nothing.
    /// </summary>
    async Task<(JointBidState? Bid, AllianceSnapshot? Alliance, TenderSnapshot? Tender, ActingFor Acting)> Lending(Guid userId)
    {
        var (alliance, tender) = await Context();
        if (alliance?.TenderId is null || tender is null) return (null, alliance, tender, ActingFor.Nobody);
        var bid = State.Following(alliance, clock.Now());
        bid.DguesNow = null;
        var auxiliaries = bid.Reliances.Select(r => r.AuxiliaryId).Distinct().ToArray();
        var acting = auxiliaries.Length == 0 ? ActingFor.Nobody : await actsFor.Of(userId, auxiliaries);
        return acting.Businesses.Count == 0 ? (null, alliance, tender, acting) : (bid, alliance, tender, acting);
    }

    public Task<Outcome<JointBidSnapshot>> AttachDocuments(AttachJointDocuments command) => Change(command.ActorId, (bid, actor, alliance, tender, now) =>
    {
        if (bid.CheckAttach(command, actor) is { } no) return no;
        bid.Attach(command, now);
        return Edited.Other;
    });

    public Task<Outcome<JointBidSnapshot>> DetachDocument(Guid actorId, Guid documentId) => Change(actorId, (bid, actor, alliance, tender, now) =>
    {
        if (bid.CheckDetach(documentId, actor) is { } no) return no;
        bid.Detach(documentId, now);
        return Edited.Other;
    });

    public async Task<Outcome<JointBidSnapshot>> Sign(SignJointBid command)
    {
        try
        {
            // The firms' DGUEs are read with the sign-off: it records the signing firm's, and voids none of the others'.
            return await Change(command.ActorId, (bid, actor, alliance, tender, now) =>
            {
                if (bid.CheckSign(command, actor, alliance) is { } no) return no;
                bid.Sign(command, now);
                return new Edited(JointBidEdit.SignedOff, null);
            }, readsDgues: true);
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
        var bid = alliance is null ? State : State.Following(alliance, clock.Now());
        if (bid.CheckEdit(actor, alliance, tender) is { } closed) return closed;
        // Each firm's DGUE as it stands now: a firm that changed it since signing is named, and what is sealed is what was read.
        var firms = await Firms(bid.DgueFirms());
        bid.DguesNow = DguesNow(firms);
        if (bid.CheckSubmit(actor, alliance!, tender!, receivedAt) is { } no) return no;
        var lendingBefore = bid.LendingMarks();
        return await ChangingBid(async () =>
        {
            var receipt = await GrainFactory.Bid(tender!.Id, AllianceId).Submit(bid.ToBid(actorId, alliance!, tender!, receivedAt, Dgues(firms)));
            if (receipt.Problem is { } refused) return refused;
            bid.Submitted(receipt.Value!, actorId, clock.Now());
            return await Commit(bid, actor, alliance!, tender, Edited.Other, lendingBefore: lendingBefore);
        });
    }

    async Task<BusinessSnapshot[]> Firms(IEnumerable<Guid> ids) =>
        [.. (await Task.WhenAll(ids.Select(f => GrainFactory.GetGrain<IBusinessGrain>(f).Get()))).OfType<BusinessSnapshot>()];

    static Dictionary<Guid, DgueNow> DguesNow(IEnumerable<BusinessSnapshot> firms) => firms.ToDictionary(f => f.Id, JointBidDgues.Now);

    /// <summary>The DGUE of each firm of the bid that has one, as it stands now with what its criteria point at, to be sealed; null when none has.</summary>
    static BidDgue[]? Dgues(IEnumerable<BusinessSnapshot> firms)
    {
        var sealedDgues = firms.Where(f => f.Dgue is not null)
            .Select(f => JointBidDgues.Sealed(f.Id, f.Dgue!, f.Qualifications ?? FirmQualifications.None)).ToArray();
        return sealedDgues.Length > 0 ? sealedDgues : null;
    }

    public async Task<Outcome<JointBidSnapshot>> Withdraw(Guid actorId)
    {
        var (alliance, tender, actor) = await Editing(actorId);
        var bid = alliance is null ? State : State.Following(alliance, clock.Now());
        if ((bid.CheckEdit(actor, alliance, tender) ?? bid.CheckWithdraw(actor, tender!, clock.Now())) is { } no) return no;
        bid.DguesNow = null;
        var lendingBefore = bid.LendingMarks();
        return await ChangingBid(async () =>
        {
            var withdrawn = await GrainFactory.Bid(tender!.Id, AllianceId).Withdraw(actorId, fromWorkspace: true);
            if (withdrawn.Problem is { } refused) return refused;
            bid.Withdrawn(clock.Now());
            return await Commit(bid, actor, alliance!, tender, Edited.Other, lendingBefore: lendingBefore);
        });
    }

    /// <summary>
    /// Submits or withdraws the alliance's bid, telling the alliance before and after: its workspace views keep
    /// whether the bid is submitted in memory, and read the stored bids instead while it may be changing.
    /// </summary>
    async Task<Outcome<JointBidSnapshot>> ChangingBid(Func<Task<Outcome<JointBidSnapshot>>> change)
    {
        var alliance = GrainFactory.GetGrain<IAllianceGrain>(AllianceId);
        await alliance.BidChanging();
        try
        {
            return await change();
        }
        finally
        {
            await alliance.BidSettled();
        }
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
        await Store(State);
        return id;
    }

    /// <summary>
    /// One write of the bid, which also puts its changes into the tender's audit chain; once stored, the grain lets go
    /// of them (<see cref="JointBidState.Chained"/>). A failed write throws, and the storage has put the bid back as it
    /// was last stored, changes and all: the next write chains them.
    /// </summary>
    async Task Store(JointBidState bid)
    {
        shown.Forget();
        jointBid.State = bid;
        await jointBid.WriteStateAsync();
        bid.Chained();
    }

    // Joint bids call alliances, tenders, businesses and showcase projects, never the reverse (DESIGN.md: calls go one way).
    // An alliance's tender is fixed when it is formed, so once the bid knows it, the tender is read beside the alliance.
    async Task<(AllianceSnapshot? Alliance, TenderSnapshot? Tender)> Context()
    {
        var tenderRead = State.TenderId == Guid.Empty ? null : GrainFactory.Tender(State.TenderId).Current();
        var alliance = await GrainFactory.GetGrain<IAllianceGrain>(AllianceId).Get();
        if (alliance?.TenderId is not { } tenderId) return (alliance, null);
        return (alliance, await (tenderRead ?? GrainFactory.Tender(tenderId).Current()));
    }

    /// <summary>
    /// The alliance, its tender and the user as an actor of the bid, read side by side (every page read of the bid asks
    /// them, issue #11): whom the user acts for is asked for all their businesses and narrowed to the alliance's active
    /// firms here (any role reads; Owners and Managers edit).
    /// </summary>
    async Task<(AllianceSnapshot? Alliance, TenderSnapshot? Tender, JointActor Actor)> Editing(Guid userId)
    {
        var actingRead = actsFor.Of(userId);
        var (alliance, tender) = await Context();
        // Someone outside the alliance hears the same whether it (or its bid) exists or not.
        var firms = alliance is null ? ActingFor.Nobody : (await actingRead).Among(alliance.Active.Select(m => m.FirmId));
        if (alliance is null || !AllianceAccess.CanWatch(alliance, firms.Businesses))
            return (null, tender, new JointActor(userId, [], false));
        return (alliance, tender, new JointActor(userId, [.. firms.Editing], firms.Edits(alliance.LeadId)));
    }

    /// <summary>
    /// A change of the joint bid: check, change, one write, notify. It works on the joint bid as it stands with the
    /// alliance now (<see cref="JointBidState.Following"/>), so a refused command leaves the stored one as it was.
    /// </summary>
    /// <param name="readsDgues">Whether the change reads the bidding firms' DGUEs first (<see cref="JointBidState.DguesNow"/>), once the actor may edit.</param>
    async Task<Outcome<JointBidSnapshot>> Change(Guid actorId, Func<JointBidState, JointActor, AllianceSnapshot, TenderSnapshot, DateTimeOffset, Outcome<Edited>> change,
        bool readsDgues = false)
    {
        var (alliance, tender, actor) = await Editing(actorId);
        var now = clock.Now();
        var bid = alliance is null ? State : State.Following(alliance, now);
        if (bid.CheckEdit(actor, alliance, tender) is { } closed) return closed;
        bid.DguesNow = readsDgues ? DguesNow(await Firms(bid.DgueFirms())) : null;
        // A change that also takes new bidding firms (Following) is more than the edit: watchers read it again.
        var following = !ReferenceEquals(bid, State);
        var toDoBefore = following ? null : bid.ToDo(alliance!, tender);
        var lendingBefore = bid.LendingMarks();
        var edited = change(bid, actor, alliance!, tender!, now);
        if (edited.Problem is { } no) return no;
        return await Commit(bid, actor, alliance!, tender, following ? Edited.Other : edited.Value!, toDoBefore, lendingBefore);
    }

    /// <summary>What a change was, for its watchers (<see cref="JointBidState.News"/>).</summary>
    sealed record Edited(JointBidEdit Edit, Guid? PackageId)
    {
        public static readonly Edited Other = new(JointBidEdit.Other, null);
    }

    /// <param name="toDoBefore">What the bid put on to-do lists before the change (<see cref="JointBidState.ToDo"/>);
    /// without it, every bidding firm's to-do list is told.</param>
    /// <param name="lendingBefore">What the auxiliaries' pages showed before the change (<see cref="JointBidReliances.LendingMarks"/>):
    /// the auxiliaries whose page it alters are told.</param>
    async Task<JointBidSnapshot> Commit(JointBidState bid, JointActor actor, AllianceSnapshot alliance, TenderSnapshot? tender, Edited edited,
        HashSet<(Guid, JointBidState.ToDoMark)>? toDoBefore = null, HashSet<JointBidReliances.LendingMark>? lendingBefore = null)
    {
        await Store(bid);
        await GrainFactory.Tender(bid.TenderId).BindingsChanged(); // Its sign-offs bind firms to the tender's lots.
        var now = clock.Now();
        var snapshot = bid.ToSnapshot(actor, alliance, tender, now);
        await live.JointBidChanged(alliance, bid.News(edited.Edit, edited.PackageId, alliance, tender, now, toDoBefore)
            with { LendingFirms = lendingBefore is null ? [] : bid.LendingChanged(lendingBefore) });
        return snapshot;
    }
}
