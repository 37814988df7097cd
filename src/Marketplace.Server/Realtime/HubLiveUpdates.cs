using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Data.ReadModels;
using Marketplace.Live;
using Marketplace.Server.Endpoints;
using Marketplace.Server.Hubs;
using Marketplace.Showcase;
using Marketplace.Spaces;
using Marketplace.Tenders;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Realtime;

/// <summary>Carries grains' notices to SignalR groups, as wire DTOs.</summary>
internal sealed class HubLiveUpdates(
    IHubContext<MarketplaceHub, IMarketplaceClient> hub, HubConnections connections, WorkspacePresence presence, IGrainFactory grains,
    BusinessCards cards, IActsFor actsFor, IServiceScopeFactory scopes, MergedSends merged, ILogger<HubLiveUpdates> log) : ILiveUpdates
{
    public async Task BusinessChanged(BusinessSnapshot business)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        await SpaceReads.BusinessChanged(grains, business.Id, db, log);
        await Send(() => TellBusinessWatchers(business, db), business.Id);
        await Send(() => FollowRoles(business, db), business.Id);
        await Send(() => TellAlliances(business.Id, db), business.Id);
    }

    /// <summary>
    /// A firm's qualifications decide whether its alliances qualify for their lots: the workspaces of the alliances it
    /// is active in hear AllianceChanged (at the version they have) and read their qualification view again.
    /// </summary>
    async Task TellAlliances(Guid firmId, MarketplaceDbContext db)
    {
        var alliances = await db.AllianceMembers.AsNoTracking()
            .Where(m => m.FirmId == firmId && m.Standing == Alliances.AllianceStanding.Active).Select(m => m.AllianceId).ToListAsync();
        foreach (var allianceId in alliances)
            if (await grains.GetGrain<Alliances.IAllianceGrain>(allianceId).Get() is { } alliance)
                await hub.Clients.Group(Topics.Alliance(alliance.Id)).AllianceChanged(new AllianceChangedDto(alliance.Id, alliance.Version));
    }

    /// <summary>
    /// A person's connections are in a business's team group exactly while they are on its team: the server moves them
    /// (whichever node holds them), and tells each of them, so the page follows the businesses they act for.
    /// </summary>
    public Task TeamChanged(BusinessSnapshot business, Guid[] people) => Send(async () =>
    {
        foreach (var person in people)
        {
            var member = business.RoleOf(person) is not null;
            var held = await connections.Of(person);
            foreach (var connection in held)
            {
                if (member) await hub.Groups.AddToGroupAsync(connection, Topics.BusinessTeam(business.Id));
                else await hub.Groups.RemoveFromGroupAsync(connection, Topics.BusinessTeam(business.Id));
            }
            if (held.Length > 0) await hub.Clients.Clients(held).MyBusinessesChanged(new MyBusinessesChangedDto(business.Id, member));
        }
    }, business.Id);

    /// <summary>
    /// Who acts for a firm, and as what, decides who hears its alliances' workspaces, which carry the joint bid's
    /// content: a person of the firm watching one of them who no longer acts for any of its active firms leaves it at
    /// once, and one who no longer edits for the firm stops hearing its editors' part. A person given a role watches
    /// anew to hear more (the workspace reads the bid again meanwhile).
    /// </summary>
    async Task FollowRoles(BusinessSnapshot business, MarketplaceDbContext db)
    {
        var alliances = await db.AllianceMembers.AsNoTracking()
            .Where(m => m.FirmId == business.Id && m.Standing == Alliances.AllianceStanding.Active).Select(m => m.AllianceId).ToListAsync();
        foreach (var allianceId in alliances)
        {
            if (await grains.GetGrain<Alliances.IAllianceGrain>(allianceId).Get() is not { } alliance) continue;
            var active = alliance.Active.Select(m => m.FirmId).ToList();
            foreach (var user in (await grains.WorkspacePresence(allianceId).Viewers()).Select(v => v.UserId).Distinct())
            {
                var acting = await actsFor.Of(user, active);
                var watches = Alliances.AllianceAccess.CanWatch(alliance, acting.Businesses);
                if (watches && acting.Edits(business.Id)) continue;
                foreach (var connection in await connections.Of(user))
                    await StopEditing(connection, alliance, business.Id, watches ? acting : null);
            }
        }
    }

    async Task TellBusinessWatchers(BusinessSnapshot business, MarketplaceDbContext db)
    {
        await hub.Clients.Group(Topics.Business(business.Id)).BusinessChanged(BusinessProfileDto.From(business, withContacts: false));
        await hub.Clients.Group(Topics.BusinessTeam(business.Id)).BusinessTeamChanged(BusinessTeamDto.From(business));
        // A member's profile is part of its spaces' directories: their watchers reload.
        var spaces = await db.SpaceMembers.AsNoTracking()
            .Where(m => m.BusinessId == business.Id && m.Status == MembershipStatus.Member)
            .Select(m => m.SpaceId).ToListAsync();
        foreach (var space in spaces) await hub.Clients.Group(Topics.SpaceMembers(space)).SpaceChanged(new SpaceChangedDto(space));
    }

    public async Task SpaceChanged(SpaceSnapshot space, bool policyPublished)
    {
        await SpaceReads.SpaceChanged(grains, space.Id, log);
        await Send(() => Ping(space), space.Id);
        // Every member must accept the new version. A large space has many firms to tell: that runs apart from the
        // space grain's turn, so the grain is not held while thousands of messages go out.
        if (policyPublished) _ = Task.Run(() => Send(() => AskToAcceptPolicy(space), space.Id));
    }

    async Task AskToAcceptPolicy(SpaceSnapshot space)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var members = await db.SpaceMembers.AsNoTracking()
            .Where(m => m.SpaceId == space.Id && m.Status == MembershipStatus.Member).Select(m => m.BusinessId).ToListAsync();
        foreach (var firm in members)
            await hub.Clients.Group(Topics.BusinessTeam(firm)).SpaceStandingChanged(
                new SpaceStandingChangedDto(space.Id, space.Settings.Name, firm, MembershipStatus.Member, null, space.Policy.Version));
    }

    public async Task MembershipChanged(SpaceSnapshot space, MembershipSnapshot membership)
    {
        await SpaceReads.SpaceChanged(grains, space.Id, log);
        await Send(() => TellMembershipWatchers(space, membership), space.Id);
    }

    async Task TellMembershipWatchers(SpaceSnapshot space, MembershipSnapshot membership)
    {
        await Ping(space);
        var standing = membership.Standing;
        await hub.Clients.Group(Topics.BusinessTeam(membership.FirmId)).SpaceStandingChanged(new SpaceStandingChangedDto(
            space.Id, space.Settings.Name, membership.FirmId, standing.Status, standing.Reason, space.Policy.Version));
        if (standing.Status != MembershipStatus.Member) await RevokeDirectoryWatch(space, membership.FirmId);
    }

    /// <summary>
    /// A firm that is no longer a member stops hearing about the space's members at once: its people's live
    /// connections leave the members' group, unless they may still see the directory (admins, another member firm).
    /// The member firms are read from the read model rather than asked as <see cref="Auth.Access.SeesDirectory"/> asks
    /// them: this runs inside the membership grain's own turn, which its own grain cannot answer until it ends.
    /// </summary>
    async Task RevokeDirectoryWatch(SpaceSnapshot space, Guid firmId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var people = await db.BusinessMembers.AsNoTracking().Where(b => b.BusinessId == firmId).Select(b => b.UserId).ToListAsync();
        foreach (var user in people)
        {
            var stillMember = await db.BusinessMembers.AnyAsync(b => b.UserId == user && b.BusinessId != firmId
                && db.SpaceMembers.Any(m => m.SpaceId == space.Id && m.BusinessId == b.BusinessId && m.Status == MembershipStatus.Member));
            if (stillMember || space.Settings.Visibility == DirectoryVisibility.Public || await grains.GetGrain<ISpaceGrain>(space.Id).IsAdmin(user)) continue;
            foreach (var connection in await connections.Of(user))
                await hub.Groups.RemoveFromGroupAsync(connection, Topics.SpaceMembers(space.Id));
        }
    }

    // The admins' lists carry the buyers' standings; the buyer's own page shows the answer its request got.
    public Task BuyerStandingChanged(SpaceBuyerSnapshot standing) =>
        Send(() => hub.Clients.Group(Topics.SpaceAdmin(standing.SpaceId)).SpaceMembershipsChanged(new SpaceChangedDto(standing.SpaceId)), standing.SpaceId);

    public Task ShowcaseChanged(ShowcaseSnapshot project) => Send(async () =>
    {
        var change = new ShowcaseChangedDto(project.Id, project.Version, project.Verified);
        var firms = project.Participants.ToList();
        foreach (var firm in firms) await hub.Clients.Group(Topics.Business(firm)).ShowcaseChanged(change);
        // The spaces whose showcase lists it: those where the publisher is a member.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var spaces = await db.SpaceMembers.AsNoTracking()
            .Where(m => m.BusinessId == project.PublisherId && m.Status == MembershipStatus.Member).Select(m => m.SpaceId).ToListAsync();
        foreach (var space in spaces) await hub.Clients.Group(Topics.SpaceMembers(space)).ShowcaseChanged(change);
    }, project.Id);

    // Endorsements are public, as the endorsed firm's page that lists them: its watchers (business:) are told.
    public Task EndorsementChanged(EndorsementSnapshot endorsement) => Send(() => hub.Clients.Group(Topics.Business(endorsement.EndorsedId))
        .EndorsementChanged(new EndorsementChangedDto(endorsement.EndorsedId, endorsement.EndorserId)), endorsement.EndorsedId);

    public async Task TenderChanged(TenderSnapshot tender, TenderNotice notice)
    {
        await SpaceReads.TenderChanged(grains, tender, log);
        var inboxes = await InboxReads.TenderChanged(grains, scopes, tender, log);
        var change = new TenderChangedDto(tender.Id, tender.Status, tender.Version);
        await Send(async () =>
        {
            await hub.Clients.Group(Topics.Tender(tender.Id)).TenderChanged(change);
            // A space's page lists its published tenders (GET /api/spaces/{id}/tenders, public): it lists them anew,
            // after the cached list was dropped above. A draft is in no list.
            if (tender.Status != TenderStatus.Draft)
                await hub.Clients.Groups([.. tender.Spaces.Select(Topics.Space)]).TenderChanged(change);
        }, tender.Id);
        // The buyer's people may have questions to answer (or fewer): their to-do lists, which no tender group reaches.
        await Send(() => hub.Clients.Group(Topics.BusinessTeam(tender.BuyerId)).ToDoChanged(new ToDoChangedDto(tender.BuyerId)), tender.Id);
        // The lead firms of bids the buyer asked to complete (soccorso istruttorio) may have requests to answer (or fewer).
        foreach (var lead in tender.SoccorsoRequests.Select(r => tender.Bids.FirstOrDefault(b => b.BidId == r.BidId)).OfType<OpenedBid>().Select(TenderState.LeadOf).Distinct())
            await Send(() => hub.Clients.Group(Topics.BusinessTeam(lead)).ToDoChanged(new ToDoChangedDto(lead)), tender.Id);
        // Matching firms may be many: they are told apart from the tender grain's turn.
        if (notice == TenderNotice.Published) _ = Task.Run(() => Send(() => TellMatchingFirms(tender, inboxes), tender.Id));
        // An import's amendment put it in the inboxes of the firms that match a lot only now (told at the amendment's time).
        else if (notice == TenderNotice.MaterialAmendment && tender.External is not null)
            _ = Task.Run(() => Send(async () => await TellMatchingFirms(tender, await InboxReads.ToldAt(scopes, tender.Id, tender.UpdatedAt)), tender.Id));
    }

    /// <summary>The inbox rows were written with the publication; every firm that got one is told now.</summary>
    async Task TellMatchingFirms(TenderSnapshot tender, Guid[] firms)
    {
        var change = new InboxChangedDto(tender.Id, tender.Details.Title);
        foreach (var firm in firms) await hub.Clients.Group(Topics.BusinessTeam(firm)).InboxChanged(change);
    }

    public Task BidChanged(TenderSnapshot tender, BidSnapshot bid) => Send(async () =>
    {
        var change = BidChangedDto.From(bid);
        foreach (var tenderer in bid.Content!.Tenderers) await hub.Clients.Group(Topics.BusinessTeam(tenderer.FirmId)).BidChanged(change);
        if (tender.Details.DisclosesBidCount)
            await hub.Clients.Group(Topics.Tender(tender.Id)).TenderChanged(new TenderChangedDto(tender.Id, tender.Status, tender.Version));
    }, tender.Id);

    public Task AllianceChanged(Alliances.AllianceSnapshot alliance, Guid[] departed) => Send(async () =>
    {
        var change = new AllianceChangedDto(alliance.Id, alliance.Version);
        await hub.Clients.Group(Topics.Alliance(alliance.Id)).AllianceChanged(change);
        var firms = alliance.Members.Where(m => m.Standing is Alliances.AllianceStanding.Active or Alliances.AllianceStanding.Invited || departed.Contains(m.FirmId))
            .Select(m => m.FirmId).ToList();
        if (alliance.Members.Any(m => m.Standing == Alliances.AllianceStanding.Invited))
        {
            // An invitation is not told to a firm that blocked the lead, nor to one the lead blocked (FirmBlocks.Rule: told unasked).
            await using var scope = scopes.CreateAsyncScope();
            var blocks = await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().FirmBlocks.Around(alliance.LeadId);
            firms.RemoveAll(f => alliance.IsInvited(f) && blocks.Any(b => FirmBlocks.Keeps(b.BlockerId, b.BlockedId, alliance.LeadId, [f], unasked: true)));
        }
        foreach (var firm in firms) await hub.Clients.Group(Topics.BusinessTeam(firm)).AllianceChanged(change);
        foreach (var firm in departed) await RevokeAllianceWatch(alliance, firm);
    }, alliance.Id);

    /// <summary>
    /// One message to each watcher: what every watcher sees alike, to those who edit for none of the alliance's firms
    /// (<see cref="Topics.AllianceReaders"/>), and with each active firm's part to that firm's editors only
    /// (<see cref="Topics.AllianceEditors"/>); the watchers apply the change without reading the bid. It is sent after the
    /// joint bid's turn, in the order of its changes, and changes stored while the one before is being sent, or within
    /// <see cref="MergedSends.Spacing"/> of it, are told as one (<see cref="MergedSends"/>, <see cref="JointBids.JointBidNews.Then"/>): the next edit does not wait
    /// for a thousand deliveries, and many edits a second cost the watchers fewer messages, not a growing queue.
    /// </summary>
    public Task JointBidChanged(Alliances.AllianceSnapshot alliance, JointBids.JointBidNews news)
    {
        merged.After(alliance.Id, new JointBidTold(alliance, news), (earlier, later) => new(later.Alliance, earlier.News.Then(later.News)),
            told => Send(() => TellJointBid(told.Alliance, told.News), alliance.Id));
        return Task.CompletedTask;
    }

    sealed record JointBidTold(Alliances.AllianceSnapshot Alliance, JointBids.JointBidNews News);

    async Task TellJointBid(Alliances.AllianceSnapshot alliance, JointBids.JointBidNews news)
    {
        var bid = news.Readers;
        var names = await cards.Names(alliance.Members.Select(m => m.FirmId));
        NamedDto Firm(Guid firm) => new(firm, names.GetValueOrDefault(firm, ""));
        var packages = bid.WorkPackages.Where(w => news.Saved.Contains(w.Id))
            .Select(w => WorkPackageDto.From(w, Firm, bid.PackageActions.FirstOrDefault(a => a.WorkPackageId == w.Id)?.Actions));
        var change = new JointBidChangedDto(alliance.Id, news.Since, bid.Version, bid.Digest, bid.UpdatedAt, news.Edit, [.. packages], news.Deleted,
            [.. bid.LotPrices.Select(l => new LotPriceDto(l.Lot, MoneyDto.From(l.Price)))], [.. bid.Shares.Select(s => FirmShareDto.From(s, Firm))],
            [.. bid.SignOffs.Select(s => SignOffDto.From(s, Firm))], [.. bid.AwaitingSignature.Select(Firm)], bid.ChangedSinceSubmission, bid.Window, bid.Actions);
        await hub.Clients.Group(Topics.AllianceReaders(alliance.Id)).JointBidChanged(change);
        // Every active firm's editors hear the change; with the firm's part when the change has parts (not "Other").
        foreach (var firm in alliance.Active.Select(m => m.FirmId))
            await hub.Clients.Group(Topics.AllianceEditors(alliance.Id, firm)).JointBidChanged(
                news.Firms.FirstOrDefault(f => f.FirmId == firm) is not { } part ? change : change with
                {
                    ForFirm = new JointBidActionsDto(alliance.Id, bid.Version, part.FirmId, part.Actions, part.ViewerFirm, part.PackageActions),
                });
        // The people of the bidding firms whose to-do lists the change alters (a version to sign, a bid to submit), in
        // the workspace or not; an edit that leaves every list as it was tells no one, so no one reads theirs again.
        foreach (var firm in news.ToDoFirms)
            await hub.Clients.Group(Topics.BusinessTeam(firm)).ToDoChanged(new ToDoChangedDto(firm));
        // The auxiliaries whose lending page the change alters hear it on their own team's group (they watch no group
        // of the alliance): ids only, so nothing of the bid reaches them but what their page reads again.
        foreach (var firm in news.LendingFirms ?? [])
            await hub.Clients.Group(Topics.BusinessTeam(firm)).LendingChanged(new LendingChangedDto(alliance.Id, firm));
    }

    /// <summary>
    /// A firm that left or was removed stops hearing the workspace at once, unless its people may still watch it by the
    /// one rule (<see cref="Alliances.AllianceAccess.CanWatch"/>: they act for another active firm of it), asked of the
    /// one "acts for" port, whose grain calls no other grain, so it may be asked from inside the alliance's own turn.
    /// </summary>
    async Task RevokeAllianceWatch(Alliances.AllianceSnapshot alliance, Guid firmId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        Guid[] active = [.. alliance.Active.Select(m => m.FirmId)];
        var people = await db.BusinessMembers.AsNoTracking().Where(b => b.BusinessId == firmId).Select(b => b.UserId).ToListAsync();
        foreach (var user in people)
        {
            var acting = await actsFor.Of(user, active);
            var watches = Alliances.AllianceAccess.CanWatch(alliance, acting.Businesses);
            foreach (var connection in await connections.Of(user))
                await StopEditing(connection, alliance, firmId, watches ? acting : null);
        }
    }

    /// <summary>
    /// A connection no longer edits the joint bid for <paramref name="firmId"/>. If its person still watches (what they
    /// act for is <paramref name="stillWatching"/>) and edits for no other active firm, it hears the readers' changes;
    /// otherwise it leaves the workspace.
    /// </summary>
    async Task StopEditing(string connection, Alliances.AllianceSnapshot alliance, Guid firmId, ActingFor? stillWatching)
    {
        await hub.Groups.RemoveFromGroupAsync(connection, Topics.AllianceEditors(alliance.Id, firmId));
        if (stillWatching is { } acting)
        {
            if (Alliances.AllianceAccess.ReadsOnly(alliance, acting)) await hub.Groups.AddToGroupAsync(connection, Topics.AllianceReaders(alliance.Id));
            return;
        }
        await hub.Groups.RemoveFromGroupAsync(connection, Topics.Alliance(alliance.Id));
        await hub.Groups.RemoveFromGroupAsync(connection, Topics.AllianceReaders(alliance.Id));
        await presence.Leave(alliance.Id, connection);
    }

    /// <summary>
    /// The space's member firms' teams (whose people see the board, and no one else's) and its admins hear that the
    /// post changed; a post just on the board is told to the member firms it matches, as by e-mail
    /// (<see cref="BoardPostProjector.MatchingFirms"/>). Run apart from
    /// the post's turn: a large space has many firms to tell.
    /// </summary>
    public Task PostChanged(Board.PostSnapshot post, Board.PostNews news)
    {
        _ = Task.Run(() => Send(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            var members = await db.SpaceMembers.AsNoTracking()
                .Where(m => m.SpaceId == post.SpaceId && m.Status == MembershipStatus.Member).Select(m => m.BusinessId).ToListAsync();
            var change = new BoardChangedDto(post.SpaceId, post.Id);
            await hub.Clients.Group(Topics.SpaceAdmin(post.SpaceId)).BoardChanged(change);
            await hub.Clients.Groups([.. members.Select(Topics.BusinessTeam)]).BoardChanged(change);
            if (news != Board.PostNews.Published) return;
            var digits = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TenderOptions>>().Value.MatchDigits;
            var notice = new PostNoticeDto(post.SpaceId, post.Id, post.Details.Kind, post.Details.Title);
            foreach (var firm in await BoardPostProjector.MatchingFirms(db, post.PosterId, post.Details.Cpv, members, digits, CancellationToken.None))
                await hub.Clients.Group(Topics.BusinessTeam(firm)).PostNotice(notice);
        }, post.Id));
        return Task.CompletedTask;
    }

    async Task Ping(SpaceSnapshot space)
    {
        var change = new SpaceChangedDto(space.Id);
        await hub.Clients.Group(Topics.Space(space.Id)).SpaceChanged(change);
        await hub.Clients.Group(Topics.SpaceAdmin(space.Id)).SpaceMembershipsChanged(change);
    }

    // The change is already stored when we get here; a failed broadcast must not turn it into an error for the
    // user who made it. Watchers reload on reconnect, so log it and go on.
    /// <summary>The workspace's group holds the people of the alliance's active firms only: they, and no one else, read the message.</summary>
    public Task MessagePosted(Conversations.ThreadMessage message) => Send(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var dto = (await ConversationDtos.Of([message], db, CancellationToken.None))[0];
        await hub.Clients.Group(Topics.Alliance(message.AllianceId)).ThreadMessagePosted(dto);
        // Each person it mentions hears it on every page they have open, wherever they are in the app: they read the
        // conversation (the grain checked it), so naming the alliance and who wrote tells them nothing they may not see.
        var told = message.Mentions.Select(m => m.PersonId).Where(p => p != message.AuthorId).ToList();
        if (told.Count == 0 || await grains.GetGrain<Alliances.IAllianceGrain>(message.AllianceId).Get() is not { } alliance) return;
        var answer = message.Criterion is { } criterion ? (await ConversationDtos.AnswerNames(grains, alliance.TenderId)).GetValueOrDefault(criterion) : null;
        var notice = new MentionNoticeDto(message.AllianceId, alliance.Name, message.Id, message.PackageId, dto.AuthorName, dto.FirmName, message.Criterion, answer);
        foreach (var person in told)
            if (await connections.Of(person) is { Length: > 0 } held) await hub.Clients.Clients(held).Mentioned(notice);
    }, message.AllianceId);

    public Task ProposalChanged(Guid spaceId, Guid firmId, Guid proposalId) => Send(() =>
        hub.Clients.Groups([Topics.SpaceAdmin(spaceId), Topics.BusinessTeam(firmId)]).ProposalChanged(new OpenData.Import.Proposals.ProposalChangedDto(spaceId, proposalId)), proposalId);

    /// <summary>
    /// The admins' queue reads the space's reports again, and so does each reporting firm's list of its reports; the
    /// reported firm is in neither group, so it hears nothing of who reported it, nor that anyone did.
    /// </summary>
    public Task ReportsChanged(Guid spaceId, Guid[] reporterFirms) => Send(async () =>
    {
        var change = new ReportsChangedDto(spaceId);
        await hub.Clients.Group(Topics.SpaceAdmin(spaceId)).ReportsChanged(change);
        if (reporterFirms.Length > 0) await hub.Clients.Groups([.. reporterFirms.Select(Topics.BusinessTeam)]).ReportsChanged(change);
    }, spaceId);
    public Task AnnouncementChanged(Guid spaceId, Guid announcementId) => Send(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var members = await db.SpaceMembers.AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.Status == MembershipStatus.Member).Select(m => m.BusinessId).ToListAsync();
        await hub.Clients.Groups([Topics.SpaceAdmin(spaceId), .. members.Select(Topics.BusinessTeam)]).AnnouncementChanged(new AnnouncementChangedDto(spaceId, announcementId));
    }, announcementId);

    async Task Send(Func<Task> send, Guid topicId)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Live update for {TopicId} could not be sent", topicId);
        }
    }
}
