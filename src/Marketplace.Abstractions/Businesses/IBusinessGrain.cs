using Orleans.Concurrency;

namespace Marketplace.Businesses;

/// <summary>One business (firm, association or buyer): its profile and the users acting for it.</summary>
[Alias("Marketplace.IBusinessGrain")]
public interface IBusinessGrain : IGrainWithGuidKey
{
    /// <summary>Creates the business with the actor as its Owner; refused if it already exists.</summary>
    [Alias("Create")] Task<Outcome<BusinessSnapshot>> Create(CreateBusiness command);

    /// <summary>The current snapshot, or null when no business has this id.</summary>
    [Alias("Get"), ReadOnly] Task<BusinessSnapshot?> Get();

    /// <summary>Replaces the profile; only Owners and Managers may, and only from the current version.</summary>
    [Alias("EditProfile")] Task<Outcome<BusinessSnapshot>> EditProfile(EditProfile command);

    /// <summary>Replaces a firm's qualifications (SOA attestations, turnover and similar work); only its Owners and Managers may, and only from the current version.</summary>
    [Alias("EditQualifications")] Task<Outcome<BusinessSnapshot>> EditQualifications(EditQualifications command);

    /// <summary>Replaces and confirms a firm's DGUE; only its Owners and Managers may, from the current version; to anyone outside the firm it does not exist.</summary>
    [Alias("EditDgue")] Task<Outcome<BusinessSnapshot>> EditDgue(EditDgue command);

    /// <summary>Invites an e-mail address as Manager or Viewer; only Owners and Managers may.</summary>
    [Alias("Invite")] Task<Outcome<BusinessSnapshot>> Invite(InviteToBusiness command);

    /// <summary>The invited person accepts (becoming a member in the invited role) or declines; to anyone else the invitation does not exist.</summary>
    [Alias("AnswerInvitation")] Task<Outcome<BusinessSnapshot>> AnswerInvitation(AnswerBusinessInvitation command);

    /// <summary>Takes a pending invitation back; only Owners and Managers may.</summary>
    [Alias("RevokeInvitation")] Task<Outcome<BusinessSnapshot>> RevokeInvitation(Guid actorId, Guid invitationId);

    /// <summary>
    /// Sets the business's logo (PNG, JPEG or WebP, checked by its bytes, within the size limits) or, with null, removes
    /// it; only Owners and Managers may.
    /// </summary>
    [Alias("SetLogo")] Task<Outcome<BusinessSnapshot>> SetLogo(Guid actorId, LogoUpload? upload);

    /// <summary>Removes a Manager or a Viewer; only Owners and Managers may. The person is refused on their very next call.</summary>
    [Alias("RemoveMember")] Task<Outcome<BusinessSnapshot>> RemoveMember(Guid actorId, Guid userId);

    /// <summary>
    /// Blocks (or, with <paramref name="blocked"/> false, unblocks) another firm's messages; only Owners and Managers may.
    /// <paramref name="firmIsFirm"/> says whether <paramref name="firmId"/> is a firm of the directory (the endpoint reads
    /// it there, so this grain never calls another business's grain, which could be calling this one).
    /// </summary>
    [Alias("Block")] Task<Outcome<BusinessSnapshot>> Block(Guid actorId, Guid firmId, bool firmIsFirm, bool blocked);
}
