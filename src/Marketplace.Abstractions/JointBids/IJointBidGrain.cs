using Orleans.Concurrency;

namespace Marketplace.JointBids;

/// <summary>
/// An alliance's joint bid for its tender, keyed by the alliance: work packages and answers co-edited by the
/// alliance's firms, a sign-off by every firm of one exact version, and the lead's submission through the tender's
/// sealed-bid path. Only the people of the alliance's active firms read or change it.
/// </summary>
[Alias("Marketplace.IJointBidGrain")]
public interface IJointBidGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The joint bid as the user sees it; changes nothing, so readers never queue behind each other. With
    /// <paramref name="dgues"/> (the bidding firms' DGUEs as their rows have them), a sign-off whose firm changed its DGUE
    /// since shows as no longer counting; without, sign-offs count by the content they approved.
    /// </summary>
    [Alias("Read"), ReadOnly] Task<Outcome<JointBidSnapshot>> Read(Guid userId, bool dgues);

    /// <summary>The joint bid as <see cref="Read"/> shows it, with the canonical JSON its firms sign (its SHA-256 is the digest): for whoever may read it, refused alike.</summary>
    [Alias("ReadSigned"), ReadOnly] Task<Outcome<SignedJointBid>> ReadSigned(Guid userId);

    [Alias("SaveWorkPackage")] Task<Outcome<JointBidSnapshot>> SaveWorkPackage(SaveWorkPackage command);

    [Alias("DeleteWorkPackage")] Task<Outcome<JointBidSnapshot>> DeleteWorkPackage(Guid actorId, Guid workPackageId, int expectedVersion);

    [Alias("SaveAnswer")] Task<Outcome<JointBidSnapshot>> SaveAnswer(SaveJointAnswer command);

    /// <summary>Replaces the quotas as a whole, from the version read; any change voids the sign-offs.</summary>
    [Alias("SaveQuotas")] Task<Outcome<JointBidSnapshot>> SaveQuotas(SaveJointQuotas command);

    /// <summary>Replaces the subcontracting declarations as a whole, from the version read; any change voids the sign-offs.</summary>
    [Alias("SaveSubcontracts")] Task<Outcome<JointBidSnapshot>> SaveSubcontracts(SaveJointSubcontracts command);

    /// <summary>Replaces the declared reliances (avvalimento) as a whole; the auxiliaries are judged as they stand now.</summary>
    [Alias("SaveReliances")] Task<Outcome<JointBidSnapshot>> SaveReliances(SaveJointReliances command);

    /// <summary>
    /// What an auxiliary firm's people see: the reliances their firms are asked for, and nothing else of the bid. Anyone
    /// who acts for none of its auxiliaries gets the joint bid's one not-found answer.
    /// </summary>
    [Alias("ReadLending"), ReadOnly] Task<Outcome<AuxiliaryView>> ReadLending(Guid userId);

    /// <summary>An auxiliary's Owner or Manager commits to, or declines, one reliance as it stands (its digest).</summary>
    [Alias("AnswerReliance")] Task<Outcome<AuxiliaryView>> AnswerReliance(AnswerReliance command);

    /// <summary>A firm attaches its own files; they go into the sealed bid with the rest of the content.</summary>
    [Alias("AttachDocuments")] Task<Outcome<JointBidSnapshot>> AttachDocuments(AttachJointDocuments command);

    /// <summary>The firm that attached a file, or the lead, takes it off the joint bid.</summary>
    [Alias("DetachDocument")] Task<Outcome<JointBidSnapshot>> DetachDocument(Guid actorId, Guid documentId);

    /// <summary>A firm approves the current content, named by its digest; any later edit voids every sign-off.</summary>
    [Alias("Sign")] Task<Outcome<JointBidSnapshot>> Sign(SignJointBid command);

    /// <summary>
    /// The lead submits, sealed, once every bidding firm has signed the current content; the answer carries the
    /// receipt. <paramref name="receivedAt"/> is when the server received the request, as for any bid.
    /// </summary>
    [Alias("Submit")] Task<Outcome<JointBidSnapshot>> Submit(Guid actorId, DateTimeOffset receivedAt);

    [Alias("Withdraw")] Task<Outcome<JointBidSnapshot>> Withdraw(Guid actorId);

    /// <summary>
    /// Once the bid has won, publishes the work as a showcase project pending the partners' confirmation; returns its
    /// id (null while there is nothing won to publish). Called by the server's award follow-up; safe to call again.
    /// </summary>
    [Alias("PublishWonProject")] Task<Guid?> PublishWonProject();
}
