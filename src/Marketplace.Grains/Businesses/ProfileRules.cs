using System.Net.Mail;
using System.Text.RegularExpressions;
using Marketplace.Reference;

namespace Marketplace.Businesses;

/// <summary>
/// What a valid business profile is. Normalising and validating happen together so the stored profile is
/// always the canonical form (trimmed text, full CPV codes, digits-only VAT number or tax code, absolute website).
/// Each kind gives its own fields: a firm its VAT number and size, an association or a public buyer its tax code;
/// a field of another kind is refused by name. Field names in errors are the request's camelCase names.
/// </summary>
public static partial class ProfileRules
{
    public const int MaxName = 200, MinName = 2, MaxDescription = 4000, MaxCapabilities = 100, MaxTags = 20,
        MaxTag = 40, MaxAddress = 200, MaxWebsite = 200, MaxEmail = 254;

    static readonly Refusal
        TooManyCapabilities = new("business.capabilitiesCount", "At most {max} capabilities."),
        NameLength = new("business.nameLength", "The name is required and must be {min} to {max} characters long."),
        VatNumber = new("business.vatNumber", "This is not a valid Italian VAT number (partita IVA): 11 digits with a matching check digit."),
        TaxCode = new("business.taxCode", "This is not a valid tax code of a body (codice fiscale): 11 digits with a matching check digit."),
        NotForKind = new("business.fieldNotForKind", "A {kind} does not give this: {field} is for {kinds}."),
        DescriptionLength = new("business.descriptionLength", "The description must be at most {max} characters long."),
        TooManyTags = new("business.tagsCount", "At most {max} tags."),
        TagLength = new("business.tagLength", "A tag must be {min} to {max} characters long."),
        AddressLength = new("business.addressLength", "The address must be at most {max} characters long."),
        UnknownSize = new("business.sizeUnknown", "Unknown size class."),
        Website = new("business.website", "The website must be a web address such as https://www.example.it."),
        ContactEmail = new("business.contactEmail", "This is not a valid e-mail address."),
        ContactPhone = new("business.contactPhone", "A phone number has {min} to {max} digits, spaces, dashes or a leading +.");

    /// <summary>Which kinds give each kind-bound field.</summary>
    static readonly (string Field, BusinessKind[] Kinds)[] KindFields =
    [
        ("vatNumber", [BusinessKind.Firm]),
        ("size", [BusinessKind.Firm]),
        ("taxCode", [BusinessKind.Association, BusinessKind.Buyer]),
    ];

    /// <summary>The kind-bound fields a business of <paramref name="kind"/> gives, so its form shows those and no others.</summary>
    public static string[] FieldsOf(BusinessKind kind) => [.. KindFields.Where(f => f.Kinds.Contains(kind)).Select(f => f.Field)];

    public static Outcome<BusinessProfile> Normalize(BusinessProfile raw, BusinessKind kind)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        void Fail(string field, Refusal refusal, params ReadOnlySpan<(string, object?)> args) => errors[field] = [FieldProblem.Of(refusal, args)];

        var name = raw.Name.Clean();
        if (name is null || name.Length < MinName || name.Length > MaxName)
            Fail("name", NameLength, ("min", MinName), ("max", MaxName));

        var given = new Dictionary<string, bool>
        {
            ["vatNumber"] = raw.VatNumber.Clean() is not null, ["size"] = raw.Size is not null, ["taxCode"] = raw.TaxCode.Clean() is not null,
        };
        foreach (var (field, kinds) in KindFields)
            if (given[field] && !kinds.Contains(kind)) Fail(field, NotForKind, ("kind", kind), ("field", field), ("kinds", string.Join(", ", kinds)));

        var vat = FiscalNumber(raw.VatNumber, "vatNumber", VatNumber);
        var taxCode = FiscalNumber(raw.TaxCode, "taxCode", TaxCode);
        string? FiscalNumber(string? value, string field, Refusal refusal)
        {
            var clean = value.Clean();
            if (clean is null || errors.ContainsKey(field)) return clean;
            if (ItalianFiscalNumber.TryNormalize(clean, out var digits)) return digits;
            Fail(field, refusal);
            return clean;
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

        if (raw.Size is { } size && !Enum.IsDefined(size) && !errors.ContainsKey("size")) Fail("size", UnknownSize);

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
            website, email, phone, taxCode);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()./-]{5,19}$")]
    private static partial Regex Phone();
}
