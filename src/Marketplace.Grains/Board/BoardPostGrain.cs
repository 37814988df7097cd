using Marketplace.Alliances;
using Marketplace.Businesses;
using Marketplace.Conversations;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Orleans.Runtime;

namespace Marketplace.Board;

// Posts call spaces, memberships, businesses, tenders and alliances, never the reverse (calls go one way).
internal sealed class BoardPostGrain(
    [PersistentState("post")] IPersistentState<PostState> post,
    IActsFor actsFor,
    ITenderAlliances tenderAlliances,
    IThreadMessages threadMessages,
    ILiveUpdates live,
    MarketplaceClock clock) : Grain, IBoardPostGrain
{
    PostState State => post.State;

    public async Task<Outcome<PostSnapshot>> Publish(PublishPost command, int postedToday)
    {
        var space = await GrainFactory.GetGrain<ISpaceGrain>(command.SpaceId).Get();
        if (space is null) return Problem.NotFound(SpaceState.NotFound);
        var (poster, actor, member) = (GrainFactory.GetGrain<IBusinessGrain>(command.PosterId).Get(), actsFor.Of(command.ActorId, [command.PosterId]),
            IsMember(command.SpaceId, command.PosterId));
        if (State.CheckPublish(command, await poster, await actor, await member, postedToday) is { } no) return no;
        var details = await Normalize(command.Details, command.SpaceId);
        if (details.Problem is { } bad) return bad;
        State.Publish(this.GetPrimaryKey(), command, details.Value!, space.Settings.PostsNeedApproval, clock.Now());
        return await Commit(PostNews.Published);
    }

    public Task<PostSnapshot?> Get() => Task.FromResult(State.Exists ? State.ToSnapshot() : null);

    public async Task<PostView?> ViewFor(Guid viewerId)
    {
        if (!State.Exists) return null;
        var viewer = await Viewer(viewerId);
        var members = viewer.Acting.Reads(State.PosterId)
            ? (await Task.WhenAll(State.Interests.Select(async i => (i.FirmId, Member: await IsMember(State.SpaceId, i.FirmId)))))
                .Where(x => x.Member).Select(x => x.FirmId).ToHashSet()
            : [];
        return State.ViewFor(viewer, members, clock.Now());
    }

    public async Task<Outcome<PostSnapshot>> Edit(EditPost command)
    {
        if (State.CheckEdit(command, await Viewer(command.ActorId)) is { } no) return no;
        var details = await Normalize(command.Details, State.SpaceId);
        if (details.Problem is { } bad) return bad;
        var space = await GrainFactory.GetGrain<ISpaceGrain>(State.SpaceId).Get();
        State.Edit(details.Value!, space?.Settings.PostsNeedApproval == true, clock.Now());
        return await Commit(PostNews.Changed);
    }

    public async Task<Outcome<PostSnapshot>> Close(Guid actorId)
    {
        if (State.CheckClose(await Viewer(actorId)) is { } no) return no;
        State.Close(actorId, clock.Now());
        return await Commit(PostNews.Changed);
    }

    public async Task<Outcome<PostSnapshot>> Moderate(ModeratePost command)
    {
        if (State.CheckModerate(command, await Viewer(command.ActorId)) is { } no) return no;
        var approved = command.Action == ModerationAction.Approve;
        State.Moderate(command, clock.Now());
        // An approved post reaches the board now: the firms it matches are told now, as on publishing in an open space.
        return await Commit(approved ? PostNews.Published : PostNews.Changed);
    }

    public async Task<Outcome<PostSnapshot>> ExpressInterest(ExpressInterest command)
    {
        if (!State.Exists) return Problem.NotFound(PostState.NotFound);
        var (viewer, member) = (Viewer(command.ActorId), IsMember(State.SpaceId, command.FirmId));
        if (State.CheckInterest(command, await viewer, await member, clock.Now()) is { } no) return no;
        State.Interest(command, clock.Now());
        return await Commit(PostNews.Changed);
    }

    /// <summary>
    /// The interested firm is invited to the alliance, not made a member of it: joining means accepting the
    /// alliance's agreement, which it has not read yet (its interest was a word to the poster, not consent to terms),
    /// and an invitation keeps the one path by which a firm enters an alliance, with the same rules as from the
    /// tender's page.
    /// </summary>
    public async Task<Outcome<PostSnapshot>> AcceptInterest(Guid actorId, Guid firmId)
    {
        if (!State.Exists) return Problem.NotFound(PostState.NotFound);
        var (viewer, member) = (Viewer(actorId), IsMember(State.SpaceId, firmId));
        if (State.CheckAccept(firmId, await viewer, await member) is { } no) return no;
        var allianceId = State.AllianceId ?? Guid.NewGuid();
        var alliance = GrainFactory.GetGrain<IAllianceGrain>(allianceId);
        // A firm bids for a tender through one alliance: it could never join this one, so it is not invited (and no
        // alliance of one is formed for it).
        if (State.Details!.TenderId is { } tender && (await tenderAlliances.InOne(tender, [firmId])).Count > 0)
            return Problem.Conflict(PostState.InterestedInOneForTender);
        if (State.AllianceId is null)
        {
            // The post's text is the first terms the firms read: what the poster asked for and the firm answered; the
            // lead publishes new terms in the alliance as they agree them.
            var formed = await alliance.Form(new FormAlliance(actorId, State.PosterId, State.SpaceId, State.Details.TenderId, State.Details.Title, State.Details.Text));
            if (formed.Problem is { } refused) return refused;
        }
        var invited = await alliance.Invite(new InviteToAlliance(actorId, firmId, AllianceRole.Member));
        if (invited.Problem is { } notInvited)
        {
            // The alliance exists now and is the post's: kept, so the next acceptance invites into it.
            if (State.AllianceId is null) { State.AllianceId = allianceId; await post.WriteStateAsync(); }
            return notInvited;
        }
        State.Accept(firmId, allianceId, clock.Now());
        var snapshot = await Commit(PostNews.Changed);
        await OpenConversation(allianceId, firmId);
        return snapshot;
    }

    /// <summary>
    /// Accepting an interest opens a conversation: the firm's message, as its person wrote it and when, is a message of
    /// the alliance's general thread, which its people read once their firm joins. Written after the post's own write,
    /// so a refused acceptance leaves no message; it is the interested firm's word, so no person's rate limit counts it.
    /// </summary>
    async Task OpenConversation(Guid allianceId, Guid firmId)
    {
        var interest = State.Interests.First(i => i.FirmId == firmId);
        var message = new ThreadMessage(Guid.NewGuid(), allianceId, null, interest.ActorId, interest.FirmId, interest.Message, interest.At, []);
        await threadMessages.Add(message);
        await live.MessagePosted(message);
    }

    async Task<BoardViewer> Viewer(Guid userId)
    {
        var (acting, admin, poster) = (actsFor.Of(userId), GrainFactory.GetGrain<ISpaceGrain>(State.SpaceId).IsAdmin(userId),
            GrainFactory.GetGrain<IBusinessGrain>(State.PosterId).Get());
        var firms = (await acting).Businesses;
        var standings = await Task.WhenAll(firms.Select(async f => (Firm: f, Member: await IsMember(State.SpaceId, f))));
        var blocked = FirmBlocks.Hides((await poster)?.Blocked, State.PosterId, firms, await admin);
        return new BoardViewer(await acting, await admin, standings.Where(s => s.Member).Select(s => s.Firm).ToHashSet(), blocked);
    }

    async Task<bool> IsMember(Guid spaceId, Guid firmId) =>
        (await GrainFactory.Membership(spaceId, firmId).Get())?.Standing.Status == MembershipStatus.Member;

    async Task<Outcome<PostDetails>> Normalize(PostDetails details, Guid spaceId)
    {
        var tender = details.TenderId is { } id ? await GrainFactory.Tender(id).Current() : null;
        return BoardRules.Normalize(details, spaceId, tender, clock.Now());
    }

    async Task<PostSnapshot> Commit(PostNews news)
    {
        await post.WriteStateAsync();
        var snapshot = State.ToSnapshot();
        await live.PostChanged(snapshot, news);
        return snapshot;
    }
}

/// <summary>Publishes a firm's posts one at a time, so its daily count is exact (<see cref="BoardRules.PostsPerDay"/>).</summary>
internal sealed class BoardPosterGrain(IBoardPosts posts, MarketplaceClock clock) : Grain, IBoardPosterGrain
{
    public async Task<Outcome<PostSnapshot>> Publish(Guid postId, PublishPost command)
    {
        var today = await posts.PublishedSince(this.GetPrimaryKey(), clock.Now().AddDays(-1));
        return await GrainFactory.GetGrain<IBoardPostGrain>(postId).Publish(command with { PosterId = this.GetPrimaryKey() }, today);
    }
}
