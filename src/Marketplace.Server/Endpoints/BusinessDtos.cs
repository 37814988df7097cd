using Marketplace.Businesses;
using Marketplace.Reference;

namespace Marketplace.Server.Endpoints;

/// <summary>Where a business is: the comune with its province and region.</summary>
public sealed record LocalityDto(string ComuneCode, string Name, string ProvinceSigla, string ProvinceName, string RegionName);

/// <summary>
/// A business's profile, as its page shows it and as live updates carry it. <see cref="ContactsHidden"/>: this copy
/// leaves out the VAT number, contact e-mail and phone (null here), which only the business's people and those who
/// share a space with it read; live updates always carry this public copy.
/// </summary>
public sealed record BusinessProfileDto(
    Guid Id,
    BusinessKind Kind,
    string Name,
    string? VatNumber,
    string? Description,
    CapabilityDto[] Capabilities,
    string[] Tags,
    LocalityDto? Locality,
    string? Address,
    FirmSize? Size,
    string? Website,
    string? ContactEmail,
    string? ContactPhone,
    int Version,
    DateTimeOffset UpdatedAt,
    bool ContactsHidden)
{
    /// <param name="withContacts">Whether the reader may see the contact details (<see cref="Auth.Access.SeesContacts"/>).</param>
    public static BusinessProfileDto From(BusinessSnapshot business, bool withContacts)
    {
        var p = business.Profile;
        return new(business.Id, business.Kind, p.Name, withContacts ? p.VatNumber : null, p.Description,
            [.. p.Capabilities.Select(CpvCatalog.Shared.Find).OfType<CpvEntry>().Select(CapabilityDto.From)],
            p.Tags,
            p.ComuneCode is { } code && ComuneCatalog.Shared.Find(code) is { } c ? LocalityDto(c) : null,
            p.Address, p.Size, p.Website, withContacts ? p.ContactEmail : null, withContacts ? p.ContactPhone : null,
            business.Version, business.UpdatedAt, !withContacts);
    }

    static LocalityDto LocalityDto(Comune c) => new(c.Code, c.Name, c.ProvinceSigla, c.ProvinceName, c.RegionName);
}

public sealed record CreateBusinessRequest(BusinessKind? Kind, string? Name);

/// <summary>The whole editable profile; <see cref="Version"/> is the version the editor started from.</summary>
public sealed record EditProfileRequest(
    int Version,
    string? Name,
    string? VatNumber,
    [LongText] string? Description,
    string[]? Capabilities,
    string[]? Tags,
    string? ComuneCode,
    string? Address,
    FirmSize? Size,
    string? Website,
    string? ContactEmail,
    string? ContactPhone)
{
    public BusinessProfile ToProfile() => new(Name ?? "", VatNumber, Description, Capabilities ?? [], Tags ?? [],
        ComuneCode, Address, Size, Website, ContactEmail, ContactPhone);
}

/// <summary>Invites an e-mail address to act for the business as Manager or Viewer.</summary>
public sealed record InviteMemberRequest(string? Email, BusinessRole Role);

/// <summary>A pending invitation, as the business's Owners and Managers see it.</summary>
public sealed record BusinessInvitationDto(Guid Id, string Email, BusinessRole Role, DateTimeOffset InvitedAt)
{
    public static BusinessInvitationDto From(BusinessInvitation i) => new(i.Id, i.Email, i.Role, i.At);
}

/// <summary>An invitation made to the signed-in person's e-mail address, to accept or decline.</summary>
public sealed record MyInvitationDto(Guid Id, Guid BusinessId, string BusinessName, BusinessKind Kind, BusinessRole Role, DateTimeOffset InvitedAt);

public sealed record BusinessMemberDto(Guid UserId, string Email, BusinessRole Role);

/// <summary>Who acts for a business (ids and roles only), pushed to its members when it changes.</summary>
public sealed record BusinessTeamDto(Guid BusinessId, int Version, BusinessTeamMemberDto[] Members)
{
    public static BusinessTeamDto From(BusinessSnapshot business) =>
        new(business.Id, business.Version, [.. business.Members.Select(m => new BusinessTeamMemberDto(m.UserId, m.Role))]);
}

public sealed record BusinessTeamMemberDto(Guid UserId, BusinessRole Role);

public sealed record MyBusinessDto(Guid Id, string Name, BusinessKind Kind, BusinessRole Role);

public sealed record DirectoryEntryDto(
    Guid Id, BusinessKind Kind, string Name, string? ComuneName, string? ProvinceSigla, FirmSize? Size, int CapabilityCount);

/// <param name="Searched">How the search words were understood, so the page can say what it looked for.</param>
public sealed record DirectoryPageDto(DirectoryEntryDto[] Items, int Total, int Page, int PageSize, DirectorySearchedDto Searched);

/// <summary>
/// What a directory search looked for: the codes typed, the trade named (by its words, and the codes that practise
/// it), the place named, and the other words.
/// </summary>
public sealed record DirectorySearchedDto(CapabilityDto[] Codes, string[] TradeWords, CapabilityDto[] TradeCodes, PlaceDto? Place, string[] Words)
{
    public static DirectorySearchedDto From(SearchPhrase phrase) => new(
        [.. phrase.CpvTyped.Select(CapabilityDto.From)], phrase.TradeWords, [.. phrase.TradeCodes.Select(CapabilityDto.From)],
        phrase.Place is { } place ? new PlaceDto(place.Kind, place.Name) : null, phrase.Words);
}

public sealed record PlaceDto(PlaceKind Kind, string Name);
