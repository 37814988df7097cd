using Marketplace.Businesses;
using Marketplace.Data;
using Marketplace.Reference;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Server.Endpoints;

/// <summary>Where a business is: the comune with its province and region.</summary>
public sealed record LocalityDto(string ComuneCode, string Name, string ProvinceSigla, string ProvinceName, string RegionName);

/// <summary>
/// A business's profile, as its page shows it and as live updates carry it. <see cref="ContactsHidden"/>: this copy
/// leaves out the VAT number or tax code, contact e-mail and phone (null here), which only the business's people and those who
/// share a space with it read; live updates always carry this public copy. <see cref="Actions"/>: what the reader may
/// do with the business (<see cref="BusinessViewerActions"/>); none in live updates, which the business's people (the
/// only readers with any action, and who read the contacts) answer by reading the profile again.
/// <see cref="KindFields"/>: the fields bound to the business's kind that it gives (vatNumber and size for a firm,
/// taxCode for an association or a buyer), so its form asks for those and no others. <see cref="Logo"/>: where its
/// logo is served, if it has one (the address changes with the image, so it may be cached for good).
/// </summary>
public sealed record BusinessProfileDto(
    Guid Id,
    BusinessKind Kind,
    string Name,
    string? VatNumber,
    string? TaxCode,
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
    bool ContactsHidden,
    ViewerActions<BusinessAction> Actions,
    string[] KindFields,
    string? Logo)
{
    /// <param name="withContacts">Whether the reader may see the contact details (<see cref="Auth.Access.SeesContacts"/>).</param>
    /// <param name="actions">What the reader may do with the business; none for the public copy.</param>
    public static BusinessProfileDto From(BusinessSnapshot business, bool withContacts, ViewerActions<BusinessAction>? actions = null)
    {
        var p = business.Profile;
        return new(business.Id, business.Kind, p.Name, withContacts ? p.VatNumber : null, withContacts ? p.TaxCode : null, p.Description,
            [.. p.Capabilities.Select(CpvCatalog.Shared.Find).OfType<CpvEntry>().Select(CapabilityDto.From)],
            p.Tags,
            p.ComuneCode is { } code && ComuneCatalog.Shared.Find(code) is { } c ? LocalityDto(c) : null,
            p.Address, p.Size, p.Website, withContacts ? p.ContactEmail : null, withContacts ? p.ContactPhone : null,
            business.Version, business.UpdatedAt, !withContacts, actions ?? ViewerActions<BusinessAction>.None,
            ProfileRules.FieldsOf(business.Kind), BusinessLogoEndpoints.Url(business.Id, business.Logo?.Tag));
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
    string? ContactPhone,
    string? TaxCode = null)
{
    public BusinessProfile ToProfile() => new(Name ?? "", VatNumber, Description, Capabilities ?? [], Tags ?? [],
        ComuneCode, Address, Size, Website, ContactEmail, ContactPhone, TaxCode);
}

/// <summary>Invites an e-mail address to act for the business as Manager or Viewer.</summary>
public sealed record InviteMemberRequest(string? Email, BusinessRole Role);

/// <summary>A pending invitation, as the business's Owners and Managers see it.</summary>
/// <param name="InvitedByName">The name of the colleague who invited (see <see cref="PersonName"/>).</param>
public sealed record BusinessInvitationDto(Guid Id, string Email, BusinessRole Role, DateTimeOffset InvitedAt, string InvitedByName)
{
    /// <summary>The business's pending invitations, oldest first, naming who made each.</summary>
    public static async Task<BusinessInvitationDto[]> Of(IEnumerable<BusinessInvitation> invitations, MarketplaceDbContext db)
    {
        var list = invitations.OrderBy(i => i.At).ToList();
        var people = await db.Users.AsNoTracking().PeopleOf(list.Select(i => i.InvitedBy));
        return [.. list.Select(i => new BusinessInvitationDto(i.Id, i.Email, i.Role, i.At, people.NameOf(i.InvitedBy)))];
    }
}

/// <summary>An invitation made to the signed-in person's e-mail address, to accept or decline.</summary>
public sealed record MyInvitationDto(Guid Id, Guid BusinessId, string BusinessName, BusinessKind Kind, BusinessRole Role, DateTimeOffset InvitedAt);

/// <summary>A person who acts for the business, as its people see them, with what the viewer may do about them.</summary>
/// <param name="Email">Shown to colleagues only (this list is the business's people's), under the name.</param>
/// <param name="Name">The name the person gave (see <see cref="PersonName"/>).</param>
public sealed record BusinessMemberDto(Guid UserId, string Email, BusinessRole Role, ViewerActions<BusinessMemberAction> Actions, string Name);

/// <summary>Who acts for a business (ids and roles only), pushed to its members when it changes.</summary>
public sealed record BusinessTeamDto(Guid BusinessId, int Version, BusinessTeamMemberDto[] Members)
{
    public static BusinessTeamDto From(BusinessSnapshot business) =>
        new(business.Id, business.Version, [.. business.Members.Select(m => new BusinessTeamMemberDto(m.UserId, m.Role))]);
}

public sealed record BusinessTeamMemberDto(Guid UserId, BusinessRole Role);

/// <summary>Pushed to a person who joined (<paramref name="Member"/>) or left a business's team.</summary>
public sealed record MyBusinessesChangedDto(Guid BusinessId, bool Member);

/// <summary>One of the signed-in person's businesses: their role in it and what they may do with it.</summary>
public sealed record MyBusinessDto(Guid Id, string Name, BusinessKind Kind, BusinessRole Role, ViewerActions<BusinessAction> Actions);

/// <param name="Logo">Where the business's logo is served, if it has one.</param>
public sealed record DirectoryEntryDto(
    Guid Id, BusinessKind Kind, string Name, string? ComuneName, string? ProvinceSigla, FirmSize? Size, int CapabilityCount, string? Logo);

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
