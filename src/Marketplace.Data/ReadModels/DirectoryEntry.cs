using Marketplace.Businesses;

namespace Marketplace.Data.ReadModels;

/// <summary>A business as the directory lists it; written by <see cref="BusinessProjector"/> in the grain's own transaction.</summary>
public sealed class DirectoryEntry : IPlacedRow
{
    public Guid BusinessId { get; set; }
    public BusinessKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>The name folded like <see cref="SearchText"/>, so a word found in the name can rank higher.</summary>
    public required string NameFolded { get; set; }

    /// <summary>Name, description, tags and capability labels folded to lower case without accents, for word search.</summary>
    public required string SearchText { get; set; }
    public string? VatNumber { get; set; }
    public string? ComuneCode { get; set; }
    public string? ProvinceSigla { get; set; }
    public string? RegionName { get; set; }
    public FirmSize? Size { get; set; }

    /// <summary>The digest of the business's logo (<see cref="BusinessLogoEntry"/>), so a list shows it without reading it.</summary>
    public string? LogoTag { get; set; }

    /// <summary>The comune's coordinates (WGS84), for distance searches.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int CapabilityCount { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One CPV code a business offers; the eight digits make prefix (division, group, class) queries an index range.</summary>
public sealed class BusinessCapabilityEntry
{
    public Guid BusinessId { get; set; }
    public required string CpvDigits { get; set; }
}

/// <summary>A business's logo: the bytes its state's <c>Logo</c> names, of the kind they were checked to be.</summary>
public sealed class BusinessLogoEntry
{
    public Guid BusinessId { get; set; }
    public required string Tag { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>A firm that blocked another firm's messages (<c>FirmBlocks</c>), so the boards' lists and notices leave them out in their queries.</summary>
public sealed class FirmBlockEntry
{
    public Guid BlockerId { get; set; }
    public Guid BlockedId { get; set; }
}

/// <summary>Which users act for which business, so "my businesses" is one query rather than a call per grain.</summary>
public sealed class BusinessMemberEntry
{
    public Guid BusinessId { get; set; }
    public Guid UserId { get; set; }
    public BusinessRole Role { get; set; }
}

/// <summary>
/// A pending invitation to act for a business, by e-mail: the invited person finds it once signed in with that address.
/// </summary>
public sealed class BusinessInvitationEntry
{
    public Guid InvitationId { get; set; }
    public Guid BusinessId { get; set; }
    public required string NormalizedEmail { get; set; }
    public BusinessRole Role { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
}
