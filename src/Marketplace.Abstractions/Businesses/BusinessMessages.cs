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

/// <summary>Adds a user found by e-mail; <paramref name="UserId"/> is null when no registered user has that e-mail.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AddBusinessMember")]
public sealed record AddBusinessMember(Guid ActorId, Guid? UserId, BusinessRole Role);

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
    DateTimeOffset UpdatedAt)
{
    public BusinessRole? RoleOf(Guid userId) => Members.FirstOrDefault(m => m.UserId == userId)?.Role;

    /// <summary>Owners and Managers act for the business; Viewers only read.</summary>
    public bool CanEdit(Guid userId) => RoleOf(userId).CanEdit();
}
