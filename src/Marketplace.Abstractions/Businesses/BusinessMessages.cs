namespace Marketplace.Businesses;

/// <summary>The editable public profile of a business. Codes are stored normalised (CPV "NNNNNNNN-C", ISTAT comune code).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.BusinessProfile")]
public sealed record BusinessProfile(
    string Name,
    string? VatNumber,
    string? Description,
    string[] Capabilities,
    string[] Tags,
    string? ComuneCode,
    string? Address,
    FirmSize? Size,
    string? Website,
    string? ContactEmail,
    string? ContactPhone)
{
    public static BusinessProfile Named(string name) => new(name, null, null, [], [], null, null, null, null, null, null);
}

[GenerateSerializer, Immutable, Alias("Marketplace.CreateBusiness")]
public sealed record CreateBusiness(Guid ActorId, BusinessKind Kind, string Name);

/// <summary>Replaces the profile; <paramref name="ExpectedVersion"/> is the version the editor saw, so a stale edit is refused.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.EditProfile")]
public sealed record EditProfile(Guid ActorId, int ExpectedVersion, BusinessProfile Profile);

/// <summary>
/// Invites an e-mail address to act for the business in a role. Nobody looks up whether the address has an account:
/// the invitation waits for whoever signs in with it (<paramref name="NormalizedEmail"/> is Identity's normal form).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.InviteToBusiness")]
public sealed record InviteToBusiness(Guid ActorId, Guid InvitationId, string Email, string NormalizedEmail, BusinessRole Role);

/// <summary>The signed-in person, known by their account's normalised e-mail, accepts or declines an invitation made to it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AnswerBusinessInvitation")]
public sealed record AnswerBusinessInvitation(Guid ActorId, string ActorNormalizedEmail, Guid InvitationId, bool Accept);

/// <summary>A pending invitation: until it is accepted the person has no role.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.BusinessInvitation")]
public sealed record BusinessInvitation(Guid Id, string Email, string NormalizedEmail, BusinessRole Role, Guid InvitedBy, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Marketplace.BusinessMember")]
public sealed record BusinessMember(Guid UserId, BusinessRole Role);

/// <summary>Everything known about a business at one version.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.BusinessSnapshot")]
public sealed record BusinessSnapshot(
    Guid Id,
    BusinessKind Kind,
    BusinessProfile Profile,
    BusinessMember[] Members,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    BusinessInvitation[] Invitations)
{
    public BusinessRole? RoleOf(Guid userId) => Members.FirstOrDefault(m => m.UserId == userId)?.Role;

    /// <summary>Owners and Managers act for the business; Viewers only read.</summary>
    public bool CanEdit(Guid userId) => RoleOf(userId).CanEdit();
}
