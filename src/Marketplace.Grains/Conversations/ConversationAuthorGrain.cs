using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.JointBids;
using Marketplace.Tenders;

namespace Marketplace.Conversations;

// Authors call alliances and joint bids, never the reverse (calls go one way).
internal sealed class ConversationAuthorGrain(IActsFor actsFor, IThreadMessages messages, ILiveUpdates live, MarketplaceClock clock)
    : Grain, IConversationAuthorGrain
{
    public async Task<Outcome<ThreadMessage>> Post(PostThreadMessage command)
    {
        var me = this.GetPrimaryKey();
        var alliance = await GrainFactory.GetGrain<IAllianceGrain>(command.AllianceId).Get();
        var acting = alliance is null ? ActingFor.Nobody : await actsFor.Of(me, [.. alliance.Active.Select(m => m.FirmId)]);
        var firm = ConversationRules.Author(alliance, acting, command.FirmId);
        if (firm.Problem is { } no) return no;
        var text = ConversationRules.Text(command.Text);
        if (text.Problem is { } bad) return bad;
        if (command.PackageId is not null && command.Criterion is not null) return Problem.Invalid("criterion", ConversationRules.OneSubject);
        if (command.PackageId is { } package && !await HasPackage(command.AllianceId, me, package))
            return Problem.Invalid("packageId", ConversationRules.NoSuchPackage);
        if (command.Criterion is { } criterion && ConversationRules.CheckAnswer(
                alliance!.TenderId is { } tenderId ? await GrainFactory.Tender(tenderId).Current() : null, criterion) is { } noAnswer)
            return noAnswer;
        var named = (command.Mentions ?? []).Distinct().ToList();
        if (ConversationRules.CheckMentionCount(named.Count) is { } tooManyPeople) return tooManyPeople;
        var firms = alliance!.Active.Select(m => m.FirmId).ToArray();
        var people = await Task.WhenAll(named.Select(async p => (p, await actsFor.Of(p, firms))));
        var mentions = ConversationRules.Mentions(alliance, people);
        if (mentions.Problem is { } notReader) return notReader;
        var now = clock.Now();
        // This grain writes the person's messages one at a time: the count cannot miss one written at the same moment.
        if (ConversationRules.CheckRate(await messages.WrittenSince(me, now - ConversationRules.Window)) is { } tooMany) return tooMany;
        var message = new ThreadMessage(Guid.NewGuid(), command.AllianceId, command.PackageId, me, firm.Value, text.Value!, now, mentions.Value!, command.Criterion);
        await messages.Add(message);
        await live.MessagePosted(message);
        return message;
    }

    /// <summary>Whether the joint bid, as the person reads it, has the work package: a thread belongs to a package that exists.</summary>
    async Task<bool> HasPackage(Guid allianceId, Guid me, Guid packageId) =>
        (await GrainFactory.GetGrain<IJointBidGrain>(allianceId).Read(me, false)).Value?.WorkPackages.Any(p => p.Id == packageId) == true;
}
