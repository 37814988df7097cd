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

    static readonly Refusal TooManyCapabilities = new("business.capabilitiesCount", "At most {max} capabilities.");

    public static Outcome<BusinessProfile> Normalize(BusinessProfile raw)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var name = raw.Name.Clean();
        if (name is null || name.Length < MinName || name.Length > MaxName)
            Fail("name", $"The name is required and must be {MinName} to {MaxName} characters long.");

        var vat = raw.VatNumber.Clean();
        if (vat is not null)
        {
            if (ItalianVatNumber.TryNormalize(vat, out var digits)) vat = digits;
            else Fail("vatNumber", "This is not a valid Italian VAT number (partita IVA): 11 digits with a matching check digit.");
        }

        var description = raw.Description.Clean();
        if (description?.Length > MaxDescription) Fail("description", $"The description must be at most {MaxDescription} characters long.");

        var capabilities = CpvList.Normalize(raw.Capabilities, "capabilities", MaxCapabilities, errors, TooManyCapabilities);

        var tags = new List<string>();
        if (raw.Tags.Length > MaxTags) Fail("tags", $"At most {MaxTags} tags.");
        for (var i = 0; i < raw.Tags.Length && i < MaxTags; i++)
        {
            var tag = raw.Tags[i].Clean();
            if (tag is null || tag.Length > MaxTag) Fail($"tags[{i}]", $"A tag must be 1 to {MaxTag} characters long.");
            else if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) tags.Add(tag);
        }

        var comune = raw.ComuneCode.Clean();
        if (comune is not null && ComuneCatalog.Shared.Find(comune) is null) Fail("comuneCode", $"'{comune}' is not an ISTAT comune code.");

        var address = raw.Address.Clean();
        if (address?.Length > MaxAddress) Fail("address", $"The address must be at most {MaxAddress} characters long.");

        if (raw.Size is { } size && !Enum.IsDefined(size)) Fail("size", "Unknown size class.");

        var website = raw.Website.Clean();
        if (website is not null)
        {
            if (!website.Contains("://", StringComparison.Ordinal)) website = "https://" + website;
            if (website.Length > MaxWebsite || !Uri.TryCreate(website, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !uri.Host.Contains('.'))
                Fail("website", "The website must be a web address such as https://www.example.it.");
        }

        var email = raw.ContactEmail.Clean();
        if (email is not null && (email.Length > MaxEmail || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            Fail("contactEmail", "This is not a valid e-mail address.");

        var phone = raw.ContactPhone.Clean();
        if (phone is not null && !Phone().IsMatch(phone)) Fail("contactPhone", "A phone number has 6 to 20 digits, spaces, dashes or a leading +.");

        if (errors.Count > 0) return Problem.Invalid(errors);
        return new BusinessProfile(name!, vat, description, capabilities, [.. tags], comune, address, raw.Size,
            website, email, phone);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()./-]{5,19}$")]
    private static partial Regex Phone();
}
