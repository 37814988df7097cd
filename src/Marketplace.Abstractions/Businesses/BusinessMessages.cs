namespace Marketplace.Businesses;

/// <summary>
/// The editable public profile of a business. Codes are stored normalised (CPV "NNNNNNNN-C", ISTAT comune code).
/// A firm gives a VAT number (partita IVA) and a size class; an association or a public buyer gives its tax code
/// (codice fiscale) instead, and no size.
/// </summary>
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
    string? ContactPhone,
    string? TaxCode = null)
{
    public static BusinessProfile Named(string name) => new(name, null, null, [], [], null, null, null, null, null, null);

    /// <summary>
    /// The profile as its kind has it. Profiles stored before each kind had its own form may carry a buyer's or an
    /// association's VAT number (the same eleven digits as its tax code, so read as that) and a size class (dropped).
    /// </summary>
    public BusinessProfile ForKind(BusinessKind kind) =>
        kind == BusinessKind.Firm || (VatNumber is null && Size is null) ? this
        : this with { TaxCode = TaxCode ?? VatNumber, VatNumber = null, Size = null };
}

[GenerateSerializer, Immutable, Alias("Marketplace.CreateBusiness")]
public sealed record CreateBusiness(Guid ActorId, BusinessKind Kind, string Name);

/// <summary>Replaces the profile; <paramref name="ExpectedVersion"/> is the version the editor saw, so a stale edit is refused.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.EditProfile")]
public sealed record EditProfile(Guid ActorId, int ExpectedVersion, BusinessProfile Profile);

/// <summary>Replaces a firm's qualifications; <paramref name="ExpectedVersion"/> is the business's version the editor saw.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.EditQualifications")]
public sealed record EditQualifications(Guid ActorId, int ExpectedVersion, Qualifications.FirmQualifications Qualifications);

/// <summary>Replaces and confirms a firm's DGUE as its editor typed it; <see cref="ExpectedVersion"/> is the business's version they saw.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.EditDgue")]
public sealed record EditDgue(Guid ActorId, int ExpectedVersion, Qualifications.DgueAnswer?[] Answers, Qualifications.DgueSelection? Selection);

/// <summary>
/// Invites an e-mail address to act for the business in a role. Nobody looks up whether the address has an account:
/// the invitation waits for whoever signs in with it (<paramref name="NormalizedEmail"/> is Identity's normal form).
/// Inviting an address that has a pending invitation sends its e-mail again, with the role now chosen.
/// </summary>
/// <param name="Mail">The e-mail that tells the address of it, stored with the invitation (none from the demo seeder).</param>
[GenerateSerializer, Immutable, Alias("Marketplace.InviteToBusiness")]
public sealed record InviteToBusiness(Guid ActorId, Guid InvitationId, string Email, string NormalizedEmail, BusinessRole Role, OutgoingMail? Mail = null);

/// <summary>The signed-in person, known by their account's normalised e-mail, accepts or declines an invitation made to it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AnswerBusinessInvitation")]
public sealed record AnswerBusinessInvitation(Guid ActorId, string ActorNormalizedEmail, Guid InvitationId, bool Accept);

/// <summary>A pending invitation: until it is accepted the person has no role.</summary>
/// <param name="SentAgainAt">When its e-mail was last sent again (null: only when it was made, <paramref name="At"/>).</param>
[GenerateSerializer, Immutable, Alias("Marketplace.BusinessInvitation")]
public sealed record BusinessInvitation(Guid Id, string Email, string NormalizedEmail, BusinessRole Role, Guid InvitedBy, DateTimeOffset At,
    DateTimeOffset? SentAgainAt = null)
{
    /// <summary>When the address was last sent its e-mail.</summary>
    public DateTimeOffset LastSent() => SentAgainAt ?? At;
}

[GenerateSerializer, Immutable, Alias("Marketplace.BusinessMember")]
public sealed record BusinessMember(Guid UserId, BusinessRole Role);

/// <summary>
/// A logo to set: the file's bytes as uploaded and, when the uploader's file had one, its name (whose extension must
/// agree with what the bytes are).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.LogoUpload")]
public sealed record LogoUpload(string? FileName, byte[] Content);

/// <summary>
/// A business's logo as its state knows it: the image kind its bytes were checked to be, and the digest that names
/// those bytes (stored apart, one row per business, written in the state's own transaction).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.BusinessLogo")]
public sealed record BusinessLogo(string Tag, string ContentType, int Width, int Height);

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
    BusinessInvitation[] Invitations,
    BusinessLogo? Logo = null,
    Qualifications.FirmQualifications? Qualifications = null,
    FirmBlock[]? Blocked = null,
    Qualifications.FirmDgue? Dgue = null)
{
    public BusinessRole? RoleOf(Guid userId) => Members.FirstOrDefault(m => m.UserId == userId)?.Role;

    /// <summary>Owners and Managers act for the business; Viewers only read.</summary>
    public bool CanEdit(Guid userId) => RoleOf(userId).CanEdit();
}

/// <summary>
/// A firm the business blocked: the blocked firm's people send it no more messages (interests on its posts), and its
/// people are told nothing the blocked firm writes on the boards. Who blocked it and when, for its Owners and Managers.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FirmBlock")]
public sealed record FirmBlock(Guid FirmId, Guid By, DateTimeOffset At);
