using Marketplace.Businesses;
using Orleans.Runtime;

namespace Marketplace.Showcase;

internal sealed class ShowcaseGrain(
    [PersistentState("showcase")] IPersistentState<ShowcaseState> showcase,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, IShowcaseGrain
{
    ShowcaseState State => showcase.State;

    public async Task<Outcome<ShowcaseSnapshot>> Publish(PublishShowcase command)
    {
        if (State.CheckPublish(command, await Business(command.PublisherId)) is { } no) return no;
        var details = await Normalize(command.Details, command.PublisherId);
        if (details.Problem is { } bad) return bad;
        State.Publish(this.GetPrimaryKey(), command.PublisherId, details.Value!, clock.Now());
        return await Commit();
    }

    public Task<ShowcaseSnapshot?> Get() => Task.FromResult(State.Exists ? State.ToSnapshot() : null);

    public async Task<Outcome<ShowcaseSnapshot>> Edit(EditShowcase command)
    {
        if (State.CheckEdit(command, await Business(State.PublisherId)) is { } no) return no;
        var details = await Normalize(command.Details, State.PublisherId);
        if (details.Problem is { } bad) return bad;
        State.Apply(details.Value!, clock.Now());
        return await Commit();
    }

    public async Task<Outcome<ShowcaseSnapshot>> Answer(AnswerShowcase command)
    {
        if (State.CheckAnswer(command, await Business(command.PartnerId)) is { } no) return no;
        State.Answer(command, clock.Now());
        return await Commit();
    }

    // Showcase projects call businesses, never the reverse (DESIGN.md: calls go one way).
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
        var endorser = await GrainFactory.GetGrain<IBusinessGrain>(EndorserId).Get();
        var project = await GrainFactory.GetGrain<IShowcaseGrain>(command.ProjectId).Get();
        if (endorsement.State.CheckEndorse(command, EndorserId, EndorsedId, endorser, project) is { } no) return no;
        endorsement.State.Endorse(command, EndorserId, EndorsedId, clock.Now());
        await endorsement.WriteStateAsync();
        return endorsement.State.Current!;
    }

    public Task<EndorsementSnapshot?> Get() => Task.FromResult(endorsement.State.Current);

    public async Task<Outcome<EndorsementSnapshot>> Withdraw(Guid actorId)
    {
        if (endorsement.State.CheckWithdraw(actorId, await GrainFactory.GetGrain<IBusinessGrain>(EndorserId).Get()) is { } no) return no;
        var withdrawn = endorsement.State.Current!;
        endorsement.State.Current = null;
        await endorsement.WriteStateAsync();
        return withdrawn;
    }
}
