using Orleans.Concurrency;

namespace Marketplace.Alliances;

/// <summary>
/// An alliance of firms in a space: its lead, members and subcontractors, their invitations and its versioned
/// agreement. Every command is on behalf of one firm, by a person who edits for it (Owner or Manager).
/// </summary>
[Alias("Marketplace.IAllianceGrain")]
public interface IAllianceGrain : IGrainWithGuidKey
{
    [Alias("Form")] Task<Outcome<AllianceSnapshot>> Form(FormAlliance command);

    /// <summary>
    /// Forms this (new) alliance as an RTI of a rete d'impresa for a tender: the rete's lead leads it and the rete's
    /// other active firms of the space are invited, each to accept for itself (<see cref="FormRtiFromRete"/>).
    /// </summary>
    [Alias("FormFromRete")] Task<Outcome<AllianceSnapshot>> FormFromRete(FormRtiFromRete command);

    [Alias("Get"), ReadOnly] Task<AllianceSnapshot?> Get();

    /// <summary>
    /// The alliance as one person sees it, with what they may do (<see cref="AllianceView"/>); null when it does not
    /// exist or the person acts for none of its firms, active or invited (the grain asks <see cref="Businesses.IActsFor"/>).
    /// </summary>
    [Alias("ViewFor"), ReadOnly] Task<AllianceView?> ViewFor(Guid viewerId);

    /// <summary>
    /// The firms among <paramref name="candidates"/> (the space's member firms, as the directory lists them) the actor's
    /// lead firm may invite now, judged by the rule inviting runs; refused as inviting is for anyone else.
    /// </summary>
    [Alias("Invitable"), ReadOnly] Task<Outcome<Guid[]>> Invitable(Guid actorId, AllianceFirm[] candidates);

    /// <summary>The lead invites a member firm of the alliance's space.</summary>
    [Alias("Invite")] Task<Outcome<AllianceSnapshot>> Invite(InviteToAlliance command);

    [Alias("Answer")] Task<Outcome<AllianceSnapshot>> Answer(AnswerAllianceInvitation command);

    /// <summary>A member (not the lead) leaves; the lead withdraws an invitation by removing the firm.</summary>
    [Alias("Leave")] Task<Outcome<AllianceSnapshot>> Leave(Guid actorId, Guid firmId);

    [Alias("Remove")] Task<Outcome<AllianceSnapshot>> Remove(RemoveFromAlliance command);

    /// <summary>The lead hands the lead role to an active member, and becomes a member.</summary>
    [Alias("HandOver")] Task<Outcome<AllianceSnapshot>> HandOver(Guid actorId, Guid newLeadId);

    /// <summary>The lead publishes new agreement terms; every other firm must accept them again.</summary>
    [Alias("PublishAgreement")] Task<Outcome<AllianceSnapshot>> PublishAgreement(Guid actorId, string text);

    [Alias("AcceptAgreement")] Task<Outcome<AllianceSnapshot>> AcceptAgreement(AcceptAllianceAgreement command);

    /// <summary>
    /// The joint bid says it is about to submit or withdraw itself: until <see cref="BidSettled"/>, views read whether
    /// it is submitted from the stored bids, as commands always do.
    /// </summary>
    [Alias("BidChanging")] Task BidChanging();

    /// <summary>The joint bid's submission or withdrawal is over (stored or refused): the next view reads it once more.</summary>
    [Alias("BidSettled")] Task BidSettled();
}
