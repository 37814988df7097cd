using Marketplace.Businesses;
using Marketplace.Spaces;
using Marketplace.Tenders;

namespace Marketplace;

/// <summary>
/// The port through which grains tell watchers about changes. Grains call it only after the durable write,
/// so nobody is ever told about a change that was not stored.
/// </summary>
public interface ILiveUpdates
{
    Task BusinessChanged(BusinessSnapshot business);

    /// <summary>
    /// These people joined or left the business's team (told before <see cref="BusinessChanged"/>): each one's open
    /// connections join or leave its team's group at once, so a person added hears the firm's notices without
    /// reconnecting and a person removed hears none of them from now on.
    /// </summary>
    Task TeamChanged(BusinessSnapshot business, Guid[] people);

    /// <param name="policyPublished">A new policy version: every member firm must be asked to accept it.</param>
    Task SpaceChanged(SpaceSnapshot space, bool policyPublished);

    /// <summary>A firm's standing in a space changed: its admins and the firm itself are told.</summary>
    Task MembershipChanged(SpaceSnapshot space, MembershipSnapshot membership);

    /// <summary>
    /// A buyer's standing in a space changed (a request to publish, a decision, a mandate): the space's admins are told,
    /// so a request reaches their open page.
    /// </summary>
    Task BuyerStandingChanged(SpaceBuyerSnapshot standing);

    /// <summary>A showcase project was published, edited, confirmed or declined: its firms and their spaces are told.</summary>
    Task ShowcaseChanged(Showcase.ShowcaseSnapshot project);

    /// <summary>
    /// A firm endorsed another or withdrew its endorsement: the watchers of the endorsed firm's page, which lists its
    /// endorsements, are told.
    /// </summary>
    Task EndorsementChanged(Showcase.EndorsementSnapshot endorsement);

    /// <summary>A tender changed; <paramref name="notice"/> says whether firms beyond its watchers must hear of it.</summary>
    Task TenderChanged(TenderSnapshot tender, TenderNotice notice);

    /// <summary>A bid was submitted or withdrawn: its tenderers are told (and the tender's watchers, only if the tender discloses its bid count).</summary>
    Task BidChanged(TenderSnapshot tender, BidSnapshot bid);

    /// <summary>
    /// An alliance changed: its active firms and invited firms are told; the <paramref name="departed"/> firms' people
    /// leave its live group at once.
    /// </summary>
    Task AllianceChanged(Alliances.AllianceSnapshot alliance, Guid[] departed);

    /// <summary>
    /// A joint bid changed (an edit, a sign-off, a submission): the alliance's workspace watchers are told what changed,
    /// each firm's editors their own part of it (<see cref="JointBids.JointBidNews"/>).
    /// </summary>
    Task JointBidChanged(Alliances.AllianceSnapshot alliance, JointBids.JointBidNews news);

    /// <summary>
    /// A notice-board post changed: those who see the space's board reload it; when it just reached the board
    /// (<see cref="Board.PostNews.Published"/>) the member firms whose capabilities it matches, but its poster, are told.
    /// </summary>
    Task PostChanged(Board.PostSnapshot post, Board.PostNews news);

    /// <summary>
    /// A message was written in one of an alliance's threads: the people of its active firms watching its workspace
    /// are told, with the message.
    /// </summary>
    Task MessagePosted(Conversations.ThreadMessage message);

    /// <summary>
    /// A firm's proposal of tenders found elsewhere was made, withdrawn, imported or declined: the space's admins and
    /// the proposing firm's people are told, so each side's list shows the other's answer.
    /// </summary>
    Task ProposalChanged(Guid spaceId, Guid firmId, Guid proposalId);

    /// <summary>
    /// A report was filed to the space's association or examined: its admins' queue and the reporting firms' people are
    /// told (ids only); the reported firm is not.
    /// </summary>
    Task ReportsChanged(Guid spaceId, Guid[] reporterFirms);
    /// An association's announcement to its space was written, edited or withdrawn: the space's admins and the people
    /// of its member firms are told.
    /// </summary>
    Task AnnouncementChanged(Guid spaceId, Guid announcementId);
}
