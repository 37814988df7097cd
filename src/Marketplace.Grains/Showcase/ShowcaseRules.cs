using Marketplace.Businesses;
using Marketplace.Reference;

namespace Marketplace.Showcase;

/// <summary>What a valid showcase project is; errors use the request's camelCase field names.</summary>
public static class ShowcaseRules
{
    public const int MinTitle = 3, MaxTitle = 200, MaxDescription = 4000, MaxClient = 200, MaxCpv = 20, MaxPartners = 20,
        MinYear = 1950, MaxReason = 1000, MaxEndorsement = 1000;

    static readonly Refusal TooManyCpv = new("showcase.cpvCount", "At most {max} codes.");
    static readonly Refusal
        TitleLength = new("showcase.titleLength", "The title is required and must be {min} to {max} characters long."),
        DescriptionLength = new("showcase.descriptionLength", "At most {max} characters."),
        ClientLength = new("showcase.clientLength", "At most {max} characters."),
        Year = new("showcase.year", "The year is between {min} and {max}: showcase projects are completed work."),
        PartnersCount = new("showcase.partnersCount", "A joint project names 1 to {max} partner firms."),
        OwnPartner = new("showcase.ownPartner", "The publishing firm is not its own partner."),
        NoSuchFirm = new("showcase.noSuchFirm", "No registered firm has this id.");


    /// <summary>A project or endorsement not found, wherever it is named.</summary>
    public static readonly Refusal NoSuchProject = new("showcase.notFound", "No showcase project has this id.");

    /// <param name="partners">The partner businesses by id, as found (missing ids are absent).</param>
    public static Outcome<ShowcaseDetails> Normalize(ShowcaseDetails raw, Guid publisherId, IReadOnlyDictionary<Guid, BusinessSnapshot> partners, int currentYear)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        var title = raw.Title?.Trim();
        if (title is null || title.Length < MinTitle || title.Length > MaxTitle) errors["title"] = [FieldProblem.Of(TitleLength, ("min", MinTitle), ("max", MaxTitle))];
        var description = raw.Description.Clean();
        if (description?.Length > MaxDescription) errors["description"] = [FieldProblem.Of(DescriptionLength, ("max", MaxDescription))];
        var client = raw.Client.Clean();
        if (client?.Length > MaxClient) errors["client"] = [FieldProblem.Of(ClientLength, ("max", MaxClient))];
        if (raw.Year < MinYear || raw.Year > currentYear) errors["year"] = [FieldProblem.Of(Year, ("min", MinYear), ("max", currentYear))];

        var value = raw.Value is { } money ? MoneyRules.Normalize(money, "value", errors) : null;
        var cpv = CpvList.Normalize(raw.Cpv, "cpv", MaxCpv, errors, TooManyCpv);

        var partnerIds = raw.Partners.Distinct().ToArray();
        if (partnerIds.Length is 0 or > MaxPartners) errors["partners"] = [FieldProblem.Of(PartnersCount, ("max", MaxPartners))];
        for (var i = 0; i < raw.Partners.Length && i < MaxPartners; i++)
        {
            var id = raw.Partners[i];
            if (id == publisherId) errors[$"partners[{i}]"] = [FieldProblem.Of(OwnPartner)];
            else if (!partners.TryGetValue(id, out var partner) || partner.Kind != BusinessKind.Firm) errors[$"partners[{i}]"] = [FieldProblem.Of(NoSuchFirm)];
        }

        return errors.Count > 0 ? Problem.Invalid(errors) : new ShowcaseDetails(title!, description, client, raw.Year, value, cpv, partnerIds);
    }
}
