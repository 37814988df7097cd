using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Reference;
using Marketplace.Tenders;

namespace Marketplace.Server.OpenData.Import;

/// <summary>
/// One import of a release package into a space, checked whole before anything is applied (docs/open-data.md, "Import"):
/// each release as the reader hands it over is checked against the official release schema and the project's rules and
/// reduced to the facts an opportunity takes; then the releases of each ocid are compiled (the latest release that says
/// a field wins it, lots and items merged by their ids, as OCDS merging does, simplified) and checked as a tender would
/// be. Every error is named by its JSON path in the package.
/// </summary>
internal sealed class OcdsImport(DateTimeOffset now, ImportLimits limits)
{
    public static readonly Refusal
        Schema = new("import.schema", "Not valid by the OCDS 1.1.5 schema: {kind}."),
        TooManyReleases = new("import.tooManyReleases", "A package holds at most {max} releases."),
        TooManyOpportunities = new("import.tooManyOpportunities", "A package describes at most {max} contracting processes (ocids)."),
        NoReleases = new("import.noReleases", "The package holds no release."),
        TenderMissing = new("import.tenderMissing", "A release describes its tender (with its id): that is what is imported."),
        CpvScheme = new("import.cpvScheme", "An item is classified by its CPV code (classification.scheme \"CPV\")."),
        CpvUnknown = new("import.cpvUnknown", "\"{code}\" is not a CPV 2008 code."),
        NoSuchLot = new("import.noSuchLot", "No lot of this contracting process has the id \"{lot}\"."),
        NoItems = new("import.noItems", "Each lot names at least one item with its CPV code, so the firms that do this work hear of it."),
        BuyerMissing = new("import.buyerMissing", "The buyer's name is given (buyer.name, or a party with the role \"buyer\")."),
        DeadlineMissing = new("import.deadlineMissing", "The tender's submission deadline is given (tender.tenderPeriod.endDate)."),
        MoreErrors = new("import.moreErrors", "{more} more errors are not listed.");

    readonly Dictionary<string, FieldProblem[]> errors = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<ReleaseFacts>> processes = new(StringComparer.Ordinal);
    /// <summary>The ocids with a release in error: they are not compiled, which would only repeat its errors in other words.</summary>
    readonly HashSet<string> spoiled = new(StringComparer.Ordinal);
    int unlisted;

    public int Releases { get; private set; }

    public bool Failed => errors.Count > 0;

    /// <summary>Checks one release and keeps its facts (called by the reader as each release arrives).</summary>
    public void Release(int index, ReadOnlyMemory<byte> json)
    {
        var before = errors.Count + unlisted;
        var ocid = Check(index, json);
        if (errors.Count + unlisted > before && ocid is not null) spoiled.Add(ocid);
    }

    /// <summary>Checks one release and keeps its facts; its ocid, when it has one.</summary>
    string? Check(int index, ReadOnlyMemory<byte> json)
    {
        Releases++;
        var at = $"$.releases[{index}]";
        if (Releases > limits.MaxReleases)
        {
            if (Releases == limits.MaxReleases + 1) Add(at, TooManyReleases, ("max", limits.MaxReleases));
            return null;
        }
        var text = Encoding.UTF8.GetString(json.Span);
        var invalid = false;
        foreach (var (path, kind) in OcdsSchemas.ReleaseErrors(text, at))
        {
            Add(path, Schema, ("kind", kind));
            invalid = true;
        }
        using var document = JsonDocument.Parse(json);
        var release = document.RootElement;
        var ocid = Text(release, "ocid");
        if (invalid) return ocid; // the project's rules read a release the standard accepts
        if (!release.TryGetProperty("tender", out var tender) || Text(tender, "id") is null)
        {
            Add($"{at}.tender", TenderMissing);
            return ocid;
        }
        var items = Array(tender, "items").Select((item, i) => ItemOf(item, $"{at}.tender.items[{i}]")).OfType<ItemFacts>().ToArray();
        var facts = new ReleaseFacts(index, Text(release, "id")!, Date(release, "date") ?? DateTimeOffset.MinValue, Text(release, "ocid")!,
            Text(tender, "title"), Text(tender, "description"), BuyerOf(release), NoticeUrl(tender),
            Date(Object(tender, "tenderPeriod"), "endDate"), Date(Object(tender, "enquiryPeriod"), "endDate"), Date(Object(tender, "tenderPeriod"), "startDate"),
            ValueOf(Object(tender, "value")), Text(tender, "awardCriteriaDetails") ?? Text(tender, "awardCriteria"), Text(tender, "eligibilityCriteria"),
            [.. Array(tender, "lots").Select((lot, i) => new LotFacts(Text(lot, "id") ?? "", Text(lot, "title"), Text(lot, "description"),
                ValueOf(Object(lot, "value")), Text(lot, "status"), $"{at}.tender.lots[{i}]"))],
            items, at);
        if (!processes.TryGetValue(facts.Ocid, out var releases))
        {
            if (processes.Count == limits.MaxOpportunities)
            {
                Add($"{at}.ocid", TooManyOpportunities, ("max", limits.MaxOpportunities));
                return null;
            }
            processes[facts.Ocid] = releases = [];
        }
        releases.Add(facts);
        return ocid;
    }

    /// <summary>Checks the package's own fields (everything but its releases).</summary>
    public void Package(JsonObject envelope)
    {
        var publisher = envelope["publisher"] is JsonObject p && p["name"] is JsonValue name && name.TryGetValue<string>(out var text) ? text : null;
        Publisher = publisher;
        var own = envelope.DeepClone().AsObject();
        own["releases"] ??= new JsonArray(); // the schema requires the array, which the reader read apart
        foreach (var (path, kind) in OcdsSchemas.PackageErrors(own.ToJsonString())) Add(path, Schema, ("kind", kind));
        if (Releases == 0 && !Failed) Add("$.releases", NoReleases);
    }

    public string? Publisher { get; private set; }

    /// <summary>The package's opportunities, one per ocid, when the whole package is valid; else every error by its path.</summary>
    public Outcome<ImportOpportunity[]> Compile(Guid actorId, Guid spaceId)
    {
        // Every process whose releases are valid is compiled, so one refusal names every error it can.
        var opportunities = new List<ImportOpportunity>();
        foreach (var (ocid, releases) in processes.Where(p => !spoiled.Contains(p.Key)))
            if (Compiled(ocid, releases, actorId, spaceId) is { } opportunity) opportunities.Add(opportunity);
        if (!Failed) return opportunities.ToArray();
        if (unlisted > 0) errors["$"] = [FieldProblem.Of(MoreErrors, ("more", unlisted))];
        return Problem.Invalid(errors);
    }

    ImportOpportunity? Compiled(string ocid, List<ReleaseFacts> releases, Guid actorId, Guid spaceId)
    {
        // Oldest first, so the latest release that says a field is the one kept (a package's order breaks ties).
        var ordered = releases.OrderBy(r => r.Date).ThenBy(r => r.Index).ToList();
        var last = ordered[^1];
        T? Latest<T>(Func<ReleaseFacts, T?> field) where T : class => ordered.Select(field).LastOrDefault(v => v is not null);
        DateTimeOffset? LatestDate(Func<ReleaseFacts, DateTimeOffset?> field) => ordered.Select(field).LastOrDefault(v => v is not null);
        ReleaseFacts? From(Func<ReleaseFacts, object?> field) => ordered.LastOrDefault(r => field(r) is not null);

        var lots = new Dictionary<string, LotFacts>(StringComparer.Ordinal);
        var items = new Dictionary<string, ItemFacts>(StringComparer.Ordinal);
        foreach (var release in ordered)
        {
            foreach (var lot in release.Lots)
                lots[lot.Id] = lots.TryGetValue(lot.Id, out var before)
                    ? new LotFacts(lot.Id, lot.Title ?? before.Title, lot.Description ?? before.Description, lot.Value ?? before.Value, lot.Status ?? before.Status, lot.Path)
                    : lot;
            foreach (var item in release.Items)
                items[item.Id] = items.TryGetValue(item.Id, out var before)
                    ? new ItemFacts(item.Id, item.Cpv ?? before.Cpv, item.RelatedLot ?? before.RelatedLot, item.Path) : item;
        }
        var found = errors.Count;
        foreach (var item in items.Values.Where(i => i.RelatedLot is { } lot && !lots.ContainsKey(lot)))
            Add($"{item.Path}.relatedLot", NoSuchLot, ("lot", item.RelatedLot));
        var buyer = Latest(r => r.Buyer);
        if (buyer is null) Add($"{last.Path}.buyer", BuyerMissing);
        var deadline = LatestDate(r => r.Deadline);
        if (deadline is null) Add($"{last.Path}.tender.tenderPeriod.endDate", DeadlineMissing);

        // Without lots the whole tender is one lot; a cancelled lot is no longer offered.
        var open = lots.Values.Where(l => l.Status is not ("cancelled" or "unsuccessful" or "complete")).ToList();
        var title = Latest(r => r.Title);
        List<Part> parts = lots.Count == 0
            ? [new Part("", title ?? "", null, Latest(r => r.Value), $"{last.Path}.tender", [.. items.Values])]
            : [.. open.Select(l => new Part(l.Id, l.Title ?? l.Id, l.Description, l.Value, l.Path, [.. items.Values.Where(i => i.RelatedLot == l.Id)]))];
        foreach (var part in parts.Where(p => p.Items.Count == 0)) Add($"{part.Path}{(lots.Count == 0 ? ".items" : "")}", NoItems);
        if (errors.Count > found || deadline is null) return null;

        var enquiry = new[] { LatestDate(r => r.EnquiryEnd), LatestDate(r => r.Start), ordered[0].Date }
            .FirstOrDefault(d => d is { } at && at < deadline.Value) ?? deadline.Value.AddSeconds(-1);
        var award = Latest(r => r.AwardCriteria);
        // A publisher's long texts are shortened to what a tender here holds, rather than refusing the package for them.
        var details = new TenderDetails(Clip(title, TenderRules.MaxTitle) ?? "", Clip(Latest(r => r.Description), TenderRules.MaxDescription),
            [.. parts.Select(p => new Lot(0, Clip(p.Title, TenderRules.MaxTitle)!, Clip(p.Description, TenderRules.MaxDescription),
                [.. p.Items.Select(i => i.Cpv!).Distinct()], p.Value, null))],
            Latest(r => r.Eligibility) is { } eligibility ? [Clip(eligibility, TenderRules.MaxRequirement)!] : [],
            // The award criteria are the buyer's, on its notice; the one criterion here names them and keeps a tender's shape.
            [new AwardCriterion(0, Clip(award, TenderRules.MaxCriterionName) ?? "—", CriterionKind.Price, 100)],
            enquiry, deadline.Value, null, null, false, []);
        var check = TenderState.CheckExternalDetails(details, null, now);
        if (check.Problem is { Errors: { } invalid })
        {
            foreach (var (field, problems) in invalid)
            {
                var path = field switch
                {
                    "title" => $"{From(r => r.Title)?.Path ?? last.Path}.tender.title",
                    "description" => $"{From(r => r.Description)?.Path ?? last.Path}.tender.description",
                    "submissionDeadline" => $"{From(r => r.Deadline)?.Path ?? last.Path}.tender.tenderPeriod.endDate",
                    _ when field.StartsWith("lots[", StringComparison.Ordinal) && int.TryParse(field[5..field.IndexOf(']')], out var i) && i < parts.Count
                        => parts[i].Path + field[(field.IndexOf(']') + 1)..],
                    _ when field.StartsWith("eligibility", StringComparison.Ordinal) => $"{From(r => r.Eligibility)?.Path ?? last.Path}.tender.eligibilityCriteria",
                    _ => $"{last.Path}.tender",
                };
                foreach (var problem in problems) Add(path, problem);
            }
            return null;
        }
        return new ImportOpportunity(actorId, spaceId, ocid, buyer!, Latest(r => r.Url), Publisher, details, [.. parts.Select(p => p.Id)], last.Id);
    }

    static string? Clip(string? text, int max) => text is { } t && t.Trim().Length > max ? $"{t.Trim()[..(max - 1)]}…" : text;

    void Add(string path, Refusal refusal, params (string Name, object? Value)[] args) => Add(path, FieldProblem.Of(refusal, args));

    void Add(string path, FieldProblem problem)
    {
        if (errors.TryGetValue(path, out var listed)) errors[path] = [.. listed, problem];
        else if (errors.Count < limits.MaxErrors) errors[path] = [problem];
        else unlisted++;
    }

    ItemFacts? ItemOf(JsonElement item, string at)
    {
        var classification = Object(item, "classification");
        if (Text(classification, "scheme") is not { } scheme || !scheme.Equals("CPV", StringComparison.OrdinalIgnoreCase))
        {
            Add($"{at}.classification.scheme", CpvScheme);
            return null;
        }
        var code = Text(classification, "id");
        if (code is null || CpvCatalog.Shared.Find(code) is not { } entry)
        {
            Add($"{at}.classification.id", CpvUnknown, ("code", code));
            return null;
        }
        return new ItemFacts(Text(item, "id") ?? "", entry.Code, Text(item, "relatedLot"), at);
    }

    static string? BuyerOf(JsonElement release) =>
        Text(Object(release, "buyer"), "name")
        ?? Array(release, "parties").Where(p => Array(p, "roles").Any(r => r.ValueKind == JsonValueKind.String && r.GetString() == "buyer"))
            .Select(p => Text(p, "name")).FirstOrDefault(n => n is not null);

    /// <summary>The notice on the buyer's platform: the tender notice document, else any document of the tender; http(s) only.</summary>
    static string? NoticeUrl(JsonElement tender)
    {
        var documents = Array(tender, "documents").ToList();
        return documents.Where(d => Text(d, "documentType") == "tenderNotice").Concat(documents)
            .Select(d => Text(d, "url")).FirstOrDefault(u => u is { Length: <= 2000 }
                && Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
    }

    static Money? ValueOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Number
            && Text(value, "currency") is { } currency ? new Money(amount.GetDecimal(), currency) : null;

    static JsonElement Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray() : [];

    static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;

    static DateTimeOffset? Date(JsonElement parent, string name) =>
        Text(parent, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime() : null;

    sealed record Part(string Id, string Title, string? Description, Money? Value, string Path, List<ItemFacts> Items);

    sealed record LotFacts(string Id, string? Title, string? Description, Money? Value, string? Status, string Path);

    sealed record ItemFacts(string Id, string? Cpv, string? RelatedLot, string Path);

    sealed record ReleaseFacts(int Index, string Id, DateTimeOffset Date, string Ocid, string? Title, string? Description, string? Buyer, string? Url,
        DateTimeOffset? Deadline, DateTimeOffset? EnquiryEnd, DateTimeOffset? Start, Money? Value, string? AwardCriteria, string? Eligibility,
        LotFacts[] Lots, ItemFacts[] Items, string Path);
}

/// <summary>How much one import may hold (<c>OpenData:Import</c>, docs/open-data.md); its size is <see cref="OpportunityImportEndpoints.MaxPackageBytes"/>.</summary>
public sealed class ImportLimits
{
    public int MaxReleases { get; set; } = 50_000;
    public int MaxOpportunities { get; set; } = 5_000;
    public int MaxDepth { get; set; } = 32;
    public int MaxReleaseBytes { get; set; } = 4 * 1024 * 1024;
    /// <summary>A refused package lists this many errors at most, and says how many more it found.</summary>
    public int MaxErrors { get; set; } = 100;
}
