using System.Net.Mail;
using System.Text.RegularExpressions;
using Marketplace.Reference;

namespace Marketplace.Businesses;

/// <summary>
/// What a valid business profile is. Normalising and validating happen together so the stored profile is
/// always the canonical form (trimmed text, full CPV codes, digits-only VAT number, absolute website).
/// Field names in errors are the request's camelCase names.
/// </summary>
public static partial class ProfileRules
{
    public const int MaxName = 200, MinName = 2, MaxDescription = 4000, MaxCapabilities = 100, MaxTags = 20,
        MaxTag = 40, MaxAddress = 200, MaxWebsite = 200, MaxEmail = 254;

    static readonly Refusal
        TooManyCapabilities = new("business.capabilitiesCount", "At most {max} capabilities."),
        NameLength = new("business.nameLength", "The name is required and must be {min} to {max} characters long."),
        VatNumber = new("business.vatNumber", "This is not a valid Italian VAT number (partita IVA): 11 digits with a matching check digit."),
        DescriptionLength = new("business.descriptionLength", "The description must be at most {max} characters long."),
        TooManyTags = new("business.tagsCount", "At most {max} tags."),
        TagLength = new("business.tagLength", "A tag must be {min} to {max} characters long."),
        AddressLength = new("business.addressLength", "The address must be at most {max} characters long."),
        UnknownSize = new("business.sizeUnknown", "Unknown size class."),
        Website = new("business.website", "The website must be a web address such as https://www.example.it."),
        ContactEmail = new("business.contactEmail", "This is not a valid e-mail address."),
        ContactPhone = new("business.contactPhone", "A phone number has {min} to {max} digits, spaces, dashes or a leading +.");

    public static Outcome<BusinessProfile> Normalize(BusinessProfile raw)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        void Fail(string field, Refusal refusal, params ReadOnlySpan<(string, object?)> args) => errors[field] = [FieldProblem.Of(refusal, args)];

        var name = raw.Name.Clean();
        if (name is null || name.Length < MinName || name.Length > MaxName)
            Fail("name", NameLength, ("min", MinName), ("max", MaxName));

        var vat = raw.VatNumber.Clean();
        if (vat is not null)
        {
            if (ItalianVatNumber.TryNormalize(vat, out var digits)) vat = digits;
            else Fail("vatNumber", VatNumber);
        }

        var description = raw.Description.Clean();
        if (description?.Length > MaxDescription) Fail("description", DescriptionLength, ("max", MaxDescription));

        var capabilities = CpvList.Normalize(raw.Capabilities, "capabilities", MaxCapabilities, errors, TooManyCapabilities);

        var tags = new List<string>();
        if (raw.Tags.Length > MaxTags) Fail("tags", TooManyTags, ("max", MaxTags));
        for (var i = 0; i < raw.Tags.Length && i < MaxTags; i++)
        {
            var tag = raw.Tags[i].Clean();
            if (tag is null || tag.Length > MaxTag) Fail($"tags[{i}]", TagLength, ("min", 1), ("max", MaxTag));
            else if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) tags.Add(tag);
        }

        var comune = raw.ComuneCode.Clean();
        if (comune is not null && ComuneCatalog.Shared.Find(comune) is null) Fail("comuneCode", ComuneCatalog.Unknown, ("code", comune));

        var address = raw.Address.Clean();
        if (address?.Length > MaxAddress) Fail("address", AddressLength, ("max", MaxAddress));

        if (raw.Size is { } size && !Enum.IsDefined(size)) Fail("size", UnknownSize);

        var website = raw.Website.Clean();
        if (website is not null)
        {
            if (!website.Contains("://", StringComparison.Ordinal)) website = "https://" + website;
            if (website.Length > MaxWebsite || !Uri.TryCreate(website, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !uri.Host.Contains('.'))
                Fail("website", Website);
        }

        var email = raw.ContactEmail.Clean();
        if (email is not null && (email.Length > MaxEmail || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            Fail("contactEmail", ContactEmail);

        var phone = raw.ContactPhone.Clean();
        if (phone is not null && !Phone().IsMatch(phone)) Fail("contactPhone", ContactPhone, ("min", 6), ("max", 20));

        if (errors.Count > 0) return Problem.Invalid(errors);
        return new BusinessProfile(name!, vat, description, capabilities, [.. tags], comune, address, raw.Size,
            website, email, phone);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()./-]{5,19}$")]
    private static partial Regex Phone();
}
