using Marketplace.Businesses;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Orleans.Runtime;

namespace Marketplace.Showcase;

internal sealed class ShowcaseGrain(
    [PersistentState("showcase")] IPersistentState<ShowcaseState> showcase,
    IActsFor actsFor,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, IShowcaseGrain
{
    ShowcaseState State => showcase.State;

    public async Task<Outcome<ShowcaseSnapshot>> Publish(PublishShowcase command)
    {
        var (publisher, actor) = (Business(command.PublisherId), actsFor.Of(command.ActorId, [command.PublisherId]));
        if (State.CheckPublish(command, await publisher, await actor) is { } no) return no;
        var details = await Normalize(command.Details, command.PublisherId);
        if (details.Problem is { } bad) return bad;
        ShowcaseVerification? award = null;
        if (command.Award is { } claimed)
        {
            var checkedAward = await Award(command, claimed);
            if (checkedAward.Problem is { } unawarded) return unawarded;
            award = checkedAward.Value;
        }
        State.Publish(this.GetPrimaryKey(), command.PublisherId, details.Value!, award, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<ShowcaseSnapshot>> Verify(VerifyShowcase command)
    {
        var space = GrainFactory.GetGrain<ISpaceGrain>(command.SpaceId);
        var found = await space.Get();
        var admin = found is not null && await space.IsAdmin(command.ActorId);
        var allMembers = admin && State.Exists;
        if (allMembers)
            foreach (var firm in State.ToSnapshot().Participants)
                if ((await GrainFactory.Membership(command.SpaceId, firm).Get())?.Standing.Status != MembershipStatus.Member) { allMembers = false; break; }
        if (State.CheckVerify(command, new AssociationCheck(found, admin, allMembers)) is { } no) return no;
        State.Verify(command, found!.HostId, clock.Now());
        return await Commit();
    }

    /// <summary>The claimed award as the tender shows it: the firms of the bid that won a lot.</summary>
    async Task<Outcome<ShowcaseVerification>> Award(PublishShowcase command, ShowcaseAward award)
    {
        var tender = await GrainFactory.Tender(award.TenderId).Current();
        var bid = tender?.Decisions.Any(d => d.BidId == award.BidId) == true ? tender.Bids.FirstOrDefault(b => b.BidId == award.BidId) : null;
        return ShowcaseState.CheckAward(command, tender?.BuyerId ?? Guid.Empty, bid?.Tenderers.Select(t => t.FirmId).ToList(), clock.Now());
    }

    public Task<ShowcaseSnapshot?> Get() => Task.FromResult(State.Exists ? State.ToSnapshot() : null);

    public async Task<Outcome<ShowcaseSnapshot>> Edit(EditShowcase command)
    {
        if (State.CheckEdit(command, await actsFor.Of(command.ActorId, [State.PublisherId])) is { } no) return no;
        var details = await Normalize(command.Details, State.PublisherId);
        if (details.Problem is { } bad) return bad;
        State.Apply(details.Value!, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<ShowcaseSnapshot>> Answer(AnswerShowcase command)
    {
        if (State.CheckAnswer(command, await actsFor.Of(command.ActorId, [command.PartnerId])) is { } no) return no;
        State.Answer(command, clock.Now());
        return await Commit();
    }

    // Showcase projects call businesses, spaces, memberships and tenders, never the reverse (DESIGN.md: calls go one way).
    // A business is read for its kind and name only; whether the actor acts for it is asked of IActsFor.
    Task<BusinessSnapshot?> Business(Guid id) => GrainFactory.GetGrain<IBusinessGrain>(id).Get();

    async Task<Outcome<ShowcaseDetails>> Normalize(ShowcaseDetails details, Guid publisherId)
    {
        var partners = new Dictionary<Guid, BusinessSnapshot>();
        foreach (var id in details.Partners.Distinct().Take(ShowcaseRules.MaxPartners))
            if (await Business(id) is { } partner) partners[id] = partner;
        return ShowcaseRules.Normalize(details, publisherId, partners, clock.GetUtcNow().Year);
    }

    async Task<ShowcaseSnapshot> Commit()
    {
        await showcase.WriteStateAsync();
        var snapshot = State.ToSnapshot();
        await live.ShowcaseChanged(snapshot);
        return snapshot;
    }
}

internal sealed class EndorsementGrain(
    [PersistentState("endorsement")] IPersistentState<EndorsementState> endorsement,
    IActsFor actsFor,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, IEndorsementGrain
{
    Guid EndorserId => this.GetPrimaryKey(out _);

    Guid EndorsedId
    {
        get
        {
            this.GetPrimaryKey(out string? endorsed);
            return Guid.Parse(endorsed ?? throw new InvalidOperationException("An endorsement is keyed by two firms."));
        }
    }

    public async Task<Outcome<EndorsementSnapshot>> Endorse(Endorse command)
    {
        var (endorser, actor, project) = (GrainFactory.GetGrain<IBusinessGrain>(EndorserId).Get(), actsFor.Of(command.ActorId, [EndorserId]),
            GrainFactory.GetGrain<IShowcaseGrain>(command.ProjectId).Get());
        if (endorsement.State.CheckEndorse(command, EndorserId, EndorsedId, await endorser, await actor, await project) is { } no) return no;
        endorsement.State.Endorse(command, EndorserId, EndorsedId, clock.Now());
        await endorsement.WriteStateAsync();
        await live.EndorsementChanged(endorsement.State.Current!);
        return endorsement.State.Current!;
    }

    public Task<EndorsementSnapshot?> Get() => Task.FromResult(endorsement.State.Current);

    public async Task<Outcome<EndorsementSnapshot>> Withdraw(Guid actorId)
    {
        if (endorsement.State.CheckWithdraw(EndorserId, await actsFor.Of(actorId, [EndorserId])) is { } no) return no;
        var withdrawn = endorsement.State.Current!;
        endorsement.State.Current = null;
        await endorsement.WriteStateAsync();
        await live.EndorsementChanged(withdrawn);
        return withdrawn;
    }
}
