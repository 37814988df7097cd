using Marketplace.Businesses;
using Marketplace.Spaces;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Marketplace.Tenders;

internal sealed class TenderGrain(
    [PersistentState("tender")] IPersistentState<TenderState> tender,
    ITenderBids bids,
    IActsFor actsFor,
    BusinessCards cards,
    SpaceCards spaceCards,
    BuyerStandings buyerStandings,
    MembershipCards memberships,
    ILiveUpdates live,
    IOptions<TenderOptions> options,
    MarketplaceClock clock) : Grain, ITenderGrain
{
    TenderState State => tender.State;

    readonly BiddingFacts biddingFacts = new(bids);

    public Task BindingsChanged()
    {
        biddingFacts.Forget();
        return Task.CompletedTask;
    }

    public async Task<Outcome<TenderSnapshot>> Draft(DraftTender command)
    {
        var buyer = await Business(command.BuyerId);
        var actor = await Actor(command.ActorId, command.BuyerId, command.Spaces);
        var check = State.CheckDraft(command, buyer, Existing(actor), actor);
        if (check.Problem is { } no) return no;
        State.Draft(this.GetPrimaryKey(), command, check.Value!, clock.Now());
        return await Commit();
    }

    public async Task<TenderSnapshot?> Get()
    {
        await CatchUp();
        return State.Exists ? State.ToSnapshot() : null;
    }

    public Task<TenderPeek> Peek() => Task.FromResult(
        !State.Exists ? new TenderPeek(null, false)
        : State.Due(clock.Now(), options.Value.OpeningGrace) ? new TenderPeek(null, true)
        : new TenderPeek(State.ToSnapshot(), false));

    public async Task<Outcome<TenderSnapshot>> EditDraft(EditTenderDraft command)
    {
        // Whoever edits acts for the buyer in the spaces named before and after: a mandate reaches no other space.
        var actor = State.Exists
            ? await Actor(command.ActorId, State.BuyerId, [.. State.Spaces, .. command.Spaces]) : await Actor(command.ActorId);
        var check = State.CheckEditDraft(command, Existing(actor), actor);
        if (check.Problem is { } no) return no;
        State.EditDraft(command, check.Value!, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<TenderSnapshot>> Publish(PublishTender command)
    {
        var now = clock.Now();
        if (State.CheckPublish(command, await Actor(command.ActorId), now) is { } no) return no;
        State.Publish(now);
        return await Commit(TenderNotice.Published);
    }

    public async Task<Outcome<TenderSnapshot>> Amend(AmendTender command)
    {
        await CatchUp();
        var now = clock.Now();
        var check = State.CheckAmend(command, await Actor(command.ActorId), now, options.Value.MinimumTenderingAfterAmendment);
        if (check.Problem is { } no) return no;
        State.Amend(command.Summary, check.Value.Details, check.Value.Material, now);
        return await Commit(check.Value.Material ? TenderNotice.MaterialAmendment : TenderNotice.Changed);
    }

    public async Task<Outcome<TenderSnapshot>> Ask(AskQuestion command)
    {
        await CatchUp();
        var (actor, firm) = (actsFor.Of(command.ActorId, [command.FirmId]), Participant(command.FirmId));
        if (State.CheckAsk(command, await actor, await firm) is { } no) return no;
        State.Ask(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<TenderSnapshot>> Answer(AnswerQuestion command)
    {
        await CatchUp();
        if (State.CheckAnswer(command, await Actor(command.ActorId)) is { } no) return no;
        State.Answer(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<TenderSnapshot>> Admit(Guid actorId, Tenderer[] tenderers, DateTimeOffset receivedAt)
    {
        var actor = actsFor.Of(actorId, [.. tenderers.Select(t => t.FirmId).Distinct()]);
        var firms = new List<TenderParticipant>();
        foreach (var tenderer in tenderers.DistinctBy(t => t.FirmId)) firms.Add(await Participant(tenderer.FirmId));
        if (State.CheckAdmit(await actor, tenderers, firms, receivedAt) is { } no) return no;
        return State.ToSnapshot();
    }

    public async Task<bool> IsBuyer(Guid userId) => State.Exists && (await Actor(userId)).ActsForBuyer;

    public Task<TenderViewerActions> ActionsFor(Guid userId, Guid[] firmIds) =>
        State.Exists ? Actions(Actor(userId), actsFor.Of(userId, firmIds), firmIds) : Task.FromResult(TenderViewerActions.None);

    public async Task<TenderPage> ViewFor(Guid? viewerId)
    {
        if (!State.Exists) return TenderPage.Hidden;
        if (State.Due(clock.Now(), options.Value.OpeningGrace)) return TenderPage.DueNow;
        var tender = State.ToSnapshot();
        // Everything is asked side by side: the names, whom the viewer acts for, and how the buyer stands in each space.
        var namesRead = cards.Names(tender.NamedBusinesses());
        if (viewerId is not { } me)
        {
            var spaces = spaceCards.Names(State.Spaces);
            return TenderVisibility.Sees(State.Status, State.CreatedBy, null, false)
                ? new TenderPage(tender, false, await namesRead, await spaces,
                    ActingFor.Nobody, TenderViewerActions.None)
                : TenderPage.Hidden;
        }
        var viewer = actsFor.Of(me);
        var actor = SeenActor(me, viewer);
        if (!TenderVisibility.Sees(State.Status, State.CreatedBy, me, (await actor).ActsForBuyer)) return TenderPage.Hidden;
        var actions = await Actions(actor, viewer, [.. (await viewer).Businesses]);
        return new TenderPage(tender, false, await namesRead, (await actor).Spaces.ToDictionary(s => s.SpaceId, s => s.Name), await viewer, actions);
    }

    /// <summary>What the actor may do, for the buyer and for each of their firms (looked up side by side; this read interleaves with other reads only).</summary>
    /// <param name="roles">The user's roles in <paramref name="firmIds"/>, from the one "acts for" port.</param>
    async Task<TenderViewerActions> Actions(Task<TenderActor> actor, Task<ActingFor> roles, IEnumerable<Guid> firmIds)
    {
        var acting = await roles;
        var lots = State.Details!.Lots.Select(l => l.Number).ToArray();
        // Firms take part only in a published tender. How they stand as bidders is read in one query for all of them,
        // beside the grain calls, and each fact is told only to those it is for: while bids are taken, whether a firm
        // has submitted and the lots it is bound to elsewhere, to those who bid for it; whether it has a bid at all, to its people.
        var ids = State.Status == TenderStatus.Draft ? [] : firmIds.Distinct().ToArray();
        var standing = ids.Length == 0 ? Task.FromResult<FirmBidding[]>([]) : biddingFacts.Of(State.Id, ids, lots);
        // Shown, not decided: the firms as this silo holds their cards (a bid or a question asks the grains, Participant).
        var (kindsRead, eligibleRead) = (cards.Of(ids), memberships.MemberOfAny(ids, State.Spaces));
        var (kinds, eligible) = (await kindsRead, await eligibleRead);
        var participants = ids.Select(id => new TenderParticipant(id, kinds.GetValueOrDefault(id), eligible[id]));
        var bidding = (await standing).ToDictionary(b => b.FirmId);
        var firms = participants.Where(firm => firm.Firm?.Kind == BusinessKind.Firm).Select(firm =>
        {
            var facts = bidding[firm.FirmId];
            var (submitted, bound) = State.Status == TenderStatus.Tendering && acting.Edits(firm.FirmId) ? (facts.Submitted, facts.BoundLots) : (false, []);
            return new TenderViewerFirmFacts(firm, submitted, bound, submitted || (acting.Reads(firm.FirmId) && facts.HasBid));
        });
        return State.ViewFor(await actor, acting, [.. firms], clock.Now());
    }

    public async Task<Outcome<TenderSnapshot>> Score(ScoreBid command)
    {
        await CatchUp();
        if (State.CheckScore(command, await Actor(command.ActorId)) is { } no) return no;
        State.Score(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<TenderSnapshot>> Decide(DecideLot command)
    {
        await CatchUp();
        if (State.CheckDecide(command, await Actor(command.ActorId)) is { } no) return no;
        State.Decide(command, clock.Now());
        return await Commit(TenderNotice.Decided);
    }

    public async Task<Outcome<TenderSnapshot>> Exclude(ExcludeBid command)
    {
        await CatchUp();
        if (State.CheckExclude(command, await Actor(command.ActorId)) is { } no) return no;
        State.Exclude(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<TenderSnapshot>> Readmit(ReadmitBid command)
    {
        await CatchUp();
        if (State.CheckReadmit(command, await Actor(command.ActorId)) is { } no) return no;
        State.Readmit(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<TenderSnapshot>> RequestSoccorso(RequestSoccorso command)
    {
        await CatchUp();
        if (State.CheckRequestSoccorso(command, await Actor(command.ActorId), clock.Now()) is { } no) return no;
        State.RequestSoccorso(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<TenderSnapshot>> WithdrawSoccorso(WithdrawSoccorso command)
    {
        await CatchUp();
        if (State.CheckWithdrawSoccorso(command, await Actor(command.ActorId), clock.Now()) is { } no) return no;
        State.WithdrawSoccorso(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<TenderSnapshot>> AnswerSoccorso(AnswerSoccorso command)
    {
        await CatchUp();
        var lead = State.Bids.FirstOrDefault(b => b.BidderId == command.BidderId) is { } bid ? TenderState.LeadOf(bid) : (Guid?)null;
        var acting = lead is { } firm ? await actsFor.Of(command.ActorId, [firm]) : ActingFor.Nobody;
        if (State.CheckAnswerSoccorso(command, acting.Edits, clock.Now()) is { } no) return no;
        State.AnswerSoccorso(command, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<TenderSnapshot>> Cancel(CancelTender command)
    {
        await CatchUp();
        if (State.CheckCancel(command, await Actor(command.ActorId)) is { } no) return no;
        State.Cancel(command, clock.Now());
        return await Commit(TenderNotice.Decided);
    }

    public async Task<Outcome<ImportedOpportunity>> Import(ImportOpportunity command)
    {
        await CatchUp();
        var now = clock.Now();
        var isAdmin = await GrainFactory.GetGrain<ISpaceGrain>(command.SpaceId).IsAdmin(command.ActorId);
        var check = State.CheckImport(this.GetPrimaryKey(), command, isAdmin, now);
        if (check.Problem is { } no) return no;
        if (!State.ImportChanges(command, check.Value!)) return new ImportedOpportunity(State.ToSnapshot(), ImportEffect.Unchanged);
        var created = !State.Exists;
        State.Import(this.GetPrimaryKey(), command, check.Value!, now);
        // Published: the matching firms' inboxes get it. An update is an amendment: firms that match a lot only now are told.
        var snapshot = await Commit(created ? TenderNotice.Published : TenderNotice.MaterialAmendment);
        return new ImportedOpportunity(snapshot, created ? ImportEffect.Created : ImportEffect.Updated);
    }

    public async Task<Outcome<TenderSnapshot>> Complete(Guid actorId)
    {
        await CatchUp();
        if (State.CheckComplete(await Actor(actorId), clock.Now()) is { } no) return no;
        State.Complete(clock.Now());
        return await Commit();
    }

    /// <summary>
    /// Closing submissions is stored first: from then on the database refuses any bid write for this tender, so the
    /// bids read next are final. Only then are they opened. A crash in between is finished by the next call.
    /// </summary>
    public async Task CatchUp()
    {
        if (!State.Exists) return;
        if (State.CatchUp(clock.Now(), options.Value.OpeningGrace)) await Commit();
        if (State.Status != TenderStatus.Opening) return;
        State.Open(await bids.Submitted(State.Id), clock.Now());
        await Commit(TenderNotice.Opened);
    }

    // Tenders call spaces and businesses, never the reverse (DESIGN.md: calls go one way). A business is read for its
    // kind and name; whether a user acts for it is asked of IActsFor.
    Task<BusinessSnapshot?> Business(Guid id) => GrainFactory.GetGrain<IBusinessGrain>(id).Get();

    async Task<TenderActor> Actor(Guid userId) => State.Exists
        ? await Actor(userId, State.BuyerId, [.. State.Spaces])
        : new TenderActor(userId, false, []);

    /// <summary>The user and how the buyer stands in each existing space named (a missing space is refused by the rules).</summary>
    /// <param name="everyBusiness">Whom the user acts for in every business of theirs, when the caller has asked it
    /// already: each space judges from it whether the user administers it, instead of asking again.</param>
    async Task<TenderActor> Actor(Guid userId, Guid buyerId, Guid[] spaces, Task<ActingFor>? everyBusiness = null)
    {
        // Every read here is a read of another grain's memory: they are asked side by side, not one after another.
        var editor = everyBusiness ?? actsFor.Of(userId, [buyerId]);
        var standings = await Task.WhenAll(spaces.Distinct().Take(2 * TenderRules.MaxSpaces + 1).Select(async id =>
        {
            var buyer = GrainFactory.SpaceBuyer(id, buyerId).Get();
            var seen = await GrainFactory.GetGrain<ISpaceGrain>(id).SeenBy(userId, everyBusiness is null ? null : await everyBusiness);
            return seen is not null ? TenderSpaceStanding.Of(id, SpaceCard.Of(seen.Space), seen.Viewer.IsAdmin, await buyer is { } b ? BuyerStanding.Of(b) : null) : null;
        }));
        return new TenderActor(userId, (await editor).Edits(buyerId), [.. standings.OfType<TenderSpaceStanding>()]);
    }

    /// <summary>
    /// The viewer as <see cref="Actor(Guid, Guid, Guid[], Task{ActingFor}?)"/> judges them, from the cards this silo holds of
    /// the tender's spaces and its buyer's standing in each: what a page shows, not what a command decides.
    /// </summary>
    async Task<TenderActor> SeenActor(Guid userId, Task<ActingFor> everyBusiness)
    {
        var (spacesRead, buyersRead) = (spaceCards.Of(State.Spaces), buyerStandings.Of(State.Spaces.Select(space => (space, State.BuyerId))));
        var (spaces, buyers, acting) = (await spacesRead, await buyersRead, await everyBusiness);
        return new TenderActor(userId, acting.Edits(State.BuyerId), [.. State.Spaces.Where(spaces.ContainsKey).Select(id =>
            TenderSpaceStanding.Of(id, spaces[id], spaces[id].IsAdmin(userId, acting), buyers.GetValueOrDefault((id, State.BuyerId))))]);
    }

    static HashSet<Guid> Existing(TenderActor actor) => [.. actor.Spaces.Select(s => s.SpaceId)];

    /// <summary>A firm may take part when it is a current member of any space the tender is published in.</summary>
    async Task<TenderParticipant> Participant(Guid firmId)
    {
        var business = Business(firmId);
        var standings = await Task.WhenAll(State.Spaces.Select(space => GrainFactory.Membership(space, firmId).Get()));
        return new TenderParticipant(firmId, await business is { } firm ? BusinessCard.Of(firm) : null, standings.Any(m => m?.Standing.Status == MembershipStatus.Member));
    }

    async Task<TenderSnapshot> Commit(TenderNotice notice = TenderNotice.Changed)
    {
        await tender.WriteStateAsync();
        biddingFacts.Forget(); // An amendment may change the lots; the opening rewrites the bids' lots.
        var snapshot = State.ToSnapshot();
        await live.TenderChanged(snapshot, notice);
        return snapshot;
    }
}
