using Marketplace.Server.Endpoints;
using Marketplace.Server.OpenData.Import.Proposals;

namespace Marketplace.Server.Hubs;

/// <summary>What the server pushes to browsers.</summary>
public interface IMarketplaceClient
{
    /// <summary>
    /// A watched business's profile changed; carries its public copy and version (no contact details: a reader who
    /// may see them reloads the profile through the API).
    /// </summary>
    Task BusinessChanged(BusinessProfileDto profile);

    /// <summary>Sent to a business's own members only: who acts for it now, after any change.</summary>
    Task BusinessTeamChanged(BusinessTeamDto team);

    /// <summary>A watched space changed; the client reloads what it shows (the API decides what each viewer may see).</summary>
    Task SpaceChanged(SpaceChangedDto change);

    /// <summary>Sent to a space's admins: an application, decision or policy acceptance changed the memberships.</summary>
    Task SpaceMembershipsChanged(SpaceChangedDto change);

    /// <summary>A showcase project of a watched business (or of a watched space's members) changed; reload it.</summary>
    Task ShowcaseChanged(ShowcaseChangedDto change);

    /// <summary>
    /// A report was filed to the space's association or examined: sent to its admins and to the reporting firms'
    /// people, who read their lists again through the API.
    /// </summary>
    Task ReportsChanged(ReportsChangedDto change);

    /// <summary>A watched business was endorsed, or an endorsement of it withdrawn; reload its endorsements.</summary>
    Task EndorsementChanged(EndorsementChangedDto change);

    /// <summary>Sent to a firm's own members: its standing in a space changed, or a new policy awaits acceptance.</summary>
    Task SpaceStandingChanged(SpaceStandingChangedDto standing);

    /// <summary>
    /// A watched tender changed (published, amended, answered, opened, scored, decided); the client reloads it. Also
    /// sent to the groups of the spaces a published tender is in, whose pages list it (as publicly as the tender).
    /// </summary>
    Task TenderChanged(TenderChangedDto change);

    /// <summary>Sent to a firm's own members: a tender matching its capabilities was published in one of its spaces.</summary>
    Task InboxChanged(InboxChangedDto change);

    /// <summary>Sent to a bid's tenderers' members: the bid was submitted (with its receipt) or withdrawn.</summary>
    Task BidChanged(BidChangedDto change);

    /// <summary>An alliance changed: sent to its watchers and to the people of its active and invited firms; reload it.</summary>
    Task AllianceChanged(AllianceChangedDto change);

    /// <summary>
    /// Sent to the alliance's workspace watchers, once to each: its joint bid changed (an edit voids the sign-offs), with
    /// what changed as every watcher sees it, and for the editors of one of its firms that firm's part; the client
    /// applies it, or reads the bid again when it says <c>Other</c>.
    /// </summary>
    Task JointBidChanged(JointBidChangedDto change);

    /// <summary>Sent to an alliance's workspace watchers: who is viewing the workspace now.</summary>
    Task PresenceChanged(PresenceDto presence);

    /// <summary>
    /// Sent to a person's own connections when they joined or left a business's team: the server has already moved
    /// them into or out of its team's notices; the page reloads the businesses they act for.
    /// </summary>
    Task MyBusinessesChanged(MyBusinessesChangedDto change);

    /// <summary>
    /// Sent to a business's own members when something its people may have to do changed and no other message to its
    /// team says so: a joint bid of the firm's changed (a version to sign, a bid to submit), or a tender of the buyer's
    /// (a question asked or answered). It carries nothing else; the client reads its to-do list again.
    /// </summary>
    Task ToDoChanged(ToDoChangedDto change);

    /// <summary>
    /// Sent to an auxiliary firm's own people (its team group) when what its lending page shows of a joint bid changed:
    /// a reliance on it declared, changed or taken off, its contract, its answer, the bid submitted or withdrawn. It
    /// carries the alliance's and the firm's ids only, nothing of the bid: the page (and the to-do list) read again.
    /// </summary>
    Task LendingChanged(LendingChangedDto change);

    /// <summary>
    /// Sent to the people of a space's member firms and to its admins: a post on its notice board changed (published,
    /// edited, closed, moderated, an interest expressed or accepted). It carries only which; the board reads it again
    /// through the API, which decides what each viewer may see.
    /// </summary>
    Task BoardChanged(BoardChangedDto change);

    /// <summary>
    /// Sent to the people of a member firm whose capabilities a post just on the board matches (never to its poster):
    /// the post's title and kind, for a notice like a new matching tender's.
    /// </summary>
    Task PostNotice(PostNoticeDto notice);

    /// <summary>
    /// Sent to a space's admins and to the people of the proposing firm: a proposal of tenders found elsewhere was
    /// made, withdrawn, imported or declined. It carries only which; each side reads its list again through the API.
    /// </summary>
    Task ProposalChanged(ProposalChangedDto change);

    /// <summary>
    /// Sent to a space's admins and the people of its member firms: an announcement of the association was written,
    /// edited or withdrawn. It carries only which; the space's page reads the announcements again through the API.
    /// </summary>
    Task AnnouncementChanged(AnnouncementChangedDto change);

    /// <summary>
    /// Sent to an alliance's workspace watchers (the people of its active firms): a message was written in one of its
    /// threads, with the message as the thread's page shows it.
    /// </summary>
    Task ThreadMessagePosted(ThreadMessageDto message);

    /// <summary>
    /// Sent to a person's own connections when a message of an alliance's conversation they read mentions them: who
    /// wrote it, for which firm, in which alliance and thread (not its text: the conversation shows it).
    /// </summary>
    Task Mentioned(MentionNoticeDto notice);
}

/// <summary>Hub group names, one home so grains' notices and hub joins always agree.</summary>
internal static class Topics
{
    public static string Business(Guid id) => $"business:{id}";

    public static string BusinessTeam(Guid id) => $"business-team:{id}";

    /// <summary>Anyone watching a space: its public facts (settings, policy, member count) changed.</summary>
    public static string Space(Guid id) => $"space:{id}";

    /// <summary>Those who may see the space's directory: its members' profiles or showcase changed.</summary>
    public static string SpaceMembers(Guid id) => $"space-members:{id}";

    public static string SpaceAdmin(Guid id) => $"space-admin:{id}";

    /// <summary>Anyone who may see a tender: its public facts changed. Bids are never announced here unless the tender discloses its bid count.</summary>
    public static string Tender(Guid id) => $"tender:{id}";

    /// <summary>The people of an alliance's active firms, watching its workspace.</summary>
    public static string Alliance(Guid id) => $"alliance:{id}";

    /// <summary>Of those, the people who edit the joint bid for one of its firms (its Owners and Managers).</summary>
    public static string AllianceEditors(Guid allianceId, Guid firmId) => $"alliance-editors:{allianceId}:{firmId}";

    /// <summary>Of those, the people who edit it for none of its active firms: they hear its changes without a firm's part.</summary>
    public static string AllianceReaders(Guid allianceId) => $"alliance-readers:{allianceId}";
}
