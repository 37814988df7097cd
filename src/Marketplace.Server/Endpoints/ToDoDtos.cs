using Marketplace.Businesses;

namespace Marketplace.Server.Endpoints;

/// <summary>What a person must do now, one kind per thing that waits for them.</summary>
public enum ToDoKind
{
    /// <summary>Accept or decline an invitation to a business's team, made to the person's e-mail address.</summary>
    BusinessInvitation,
    /// <summary>Accept or decline, for one of the person's firms, a space's invitation to join it.</summary>
    SpaceInvitation,
    /// <summary>Accept or decline, for one of the person's firms, an alliance's invitation to join it.</summary>
    AllianceInvitation,
    /// <summary>Sign off, for one of the person's firms, the current version of an alliance's joint bid.</summary>
    SignJointBid,
    /// <summary>Submit (or submit again) the joint bid the person's firm leads: its tender's bids close within two days.</summary>
    SubmitJointBid,
    /// <summary>Answer the firms' questions waiting on a tender of a buyer the person acts for.</summary>
    AnswerQuestions,
    /// <summary>Answer the buyer's soccorso istruttorio requests to a bid the person's firm leads (alone, or as an RTI's lead).</summary>
    AnswerSoccorso,
    /// <summary>Commit, for one of the person's firms, to what it lends an alliance's joint bid (avvalimento), or decline it, on its lending page.</summary>
    ConfirmAvvalimento,
}

/// <summary>Something the people of <paramref name="BusinessId"/> may have to do changed: read the to-do list again.</summary>
public sealed record ToDoChangedDto(Guid BusinessId);

/// <summary>
/// One thing waiting for the signed-in person, with the names a row says it in and the ids the client turns into the
/// route where it is done. Only the fields of its kind are set.
/// </summary>
/// <param name="Since">Since when it waits: the invitation, the version to sign, the oldest question waiting, or when the deadline came within two days.</param>
/// <param name="Deadline">By when it must be done, where a deadline applies (the tender's submission deadline).</param>
/// <param name="Business">The business it is about: the one inviting the person to its team, or the person's firm or buyer that must act.</param>
/// <param name="Role">The role a business invitation offers.</param>
/// <param name="Count">How many questions, soccorso istruttorio requests or reliances of one bid wait (1 for every other kind).</param>
public sealed record ToDoItemDto(
    ToDoKind Kind,
    DateTimeOffset Since,
    DateTimeOffset? Deadline,
    NamedDto Business,
    NamedDto? Space,
    NamedDto? Alliance,
    NamedDto? Tender,
    Guid? InvitationId,
    BusinessRole? Role,
    int Count);
