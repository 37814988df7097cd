using Orleans.Concurrency;

namespace Marketplace.Spaces;

/// <summary>
/// One firm's standing in one space (keyed by the space id and the firm id): applications, decisions, policy
/// acceptance and the history of all of them.
/// </summary>
[Alias("Marketplace.ISpaceMembershipGrain")]
public interface ISpaceMembershipGrain : IGrainWithGuidCompoundKey
{
    /// <summary>The standing and its history, or null when the firm never dealt with the space.</summary>
    [Alias("Get"), ReadOnly] Task<MembershipSnapshot?> Get();

    /// <summary>The firm applies (or, when invited, joins) accepting the current policy version.</summary>
    [Alias("Apply")] Task<Outcome<MembershipSnapshot>> Apply(ApplyToSpace command);

    [Alias("Withdraw")] Task<Outcome<MembershipSnapshot>> Withdraw(Guid actorId);

    [Alias("Leave")] Task<Outcome<MembershipSnapshot>> Leave(Guid actorId);

    [Alias("AcceptPolicy")] Task<Outcome<MembershipSnapshot>> AcceptPolicy(AcceptPolicy command);

    /// <summary>An admin approves or rejects an application, or suspends, reinstates or removes a member.</summary>
    [Alias("Decide")] Task<Outcome<MembershipSnapshot>> Decide(DecideMembership command);

    /// <summary>An admin invites the firm; it joins when it accepts the policy.</summary>
    [Alias("Invite")] Task<Outcome<MembershipSnapshot>> Invite(Guid actorId);

    /// <summary>An admin vouches for the member's current size class and VAT number.</summary>
    [Alias("Vouch")] Task<Outcome<MembershipSnapshot>> Vouch(Guid actorId);

    [Alias("RevokeVouch")] Task<Outcome<MembershipSnapshot>> RevokeVouch(Guid actorId);

    /// <summary>The member's qualifications with the space's checks, for the space's admins only.</summary>
    [Alias("Qualifications"), ReadOnly] Task<Outcome<Qualifications.MemberQualifications>> Qualifications(Guid actorId);

    /// <summary>An admin marks one of the member's SOA attestations, or its figures, as checked against the document.</summary>
    [Alias("VouchQualification")] Task<Outcome<Qualifications.MemberQualifications>> VouchQualification(Qualifications.VouchQualification command);

    /// <summary>An admin withdraws the space's check of an attestation (<paramref name="category"/>) or of the figures (null).</summary>
    [Alias("WithdrawQualificationVouch")] Task<Outcome<Qualifications.MemberQualifications>> WithdrawQualificationVouch(Guid actorId, string? category);
}

public static class SpaceMembershipKeys
{
    /// <summary>The membership grain of a firm in a space.</summary>
    public static ISpaceMembershipGrain Membership(this IGrainFactory grains, Guid spaceId, Guid firmId) =>
        grains.GetGrain<ISpaceMembershipGrain>(spaceId, firmId.ToString("N"));
}
