using Marketplace.Businesses;
using Marketplace.Reference;

namespace Marketplace.Showcase;

/// <summary>What a valid showcase project is; errors use the request's camelCase field names.</summary>
public static class ShowcaseRules
{
    public const int MinTitle = 3, MaxTitle = 200, MaxDescription = 4000, MaxClient = 200, MaxCpv = 20, MaxPartners = 20,
        MinYear = 1950, MaxReason = 1000, MaxEndorsement = 1000;

    static readonly Refusal TooManyCpv = new("showcase.cpvCount", "At most {max} codes.");

    /// <param name="partners">The partner businesses by id, as found (missing ids are absent).</param>
    public static Outcome<ShowcaseDetails> Normalize(ShowcaseDetails raw, Guid publisherId, IReadOnlyDictionary<Guid, BusinessSnapshot> partners, int currentYear)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        var title = raw.Title?.Trim();
        if (title is null || title.Length < MinTitle || title.Length > MaxTitle) errors["title"] = [$"The title is required and must be {MinTitle} to {MaxTitle} characters long."];
        var description = raw.Description.Clean();
        if (description?.Length > MaxDescription) errors["description"] = [$"At most {MaxDescription} characters."];
        var client = raw.Client.Clean();
        if (client?.Length > MaxClient) errors["client"] = [$"At most {MaxClient} characters."];
        if (raw.Year < MinYear || raw.Year > currentYear) errors["year"] = [$"The year is between {MinYear} and {currentYear}: showcase projects are completed work."];

        var value = raw.Value is { } money ? MoneyRules.Normalize(money, "value", errors) : null;
        var cpv = CpvList.Normalize(raw.Cpv, "cpv", MaxCpv, errors, TooManyCpv);

        var partnerIds = raw.Partners.Distinct().ToArray();
        if (partnerIds.Length is 0 or > MaxPartners) errors["partners"] = [$"A joint project names 1 to {MaxPartners} partner firms."];
        for (var i = 0; i < raw.Partners.Length && i < MaxPartners; i++)
        {
            var id = raw.Partners[i];
            if (id == publisherId) errors[$"partners[{i}]"] = ["The publishing firm is not its own partner."];
            else if (!partners.TryGetValue(id, out var partner) || partner.Kind != BusinessKind.Firm) errors[$"partners[{i}]"] = ["No registered firm has this id."];
        }

        return errors.Count > 0 ? Problem.Invalid(errors) : new ShowcaseDetails(title!, description, client, raw.Year, value, cpv, partnerIds);
    }
}
