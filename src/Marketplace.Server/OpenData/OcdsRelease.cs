using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Reference;
using Marketplace.Tenders;

namespace Marketplace.Server.OpenData;

/// <summary>
/// A published tender as an OCDS 1.1.5 release (https://standard.open-contracting.org/1.1/en/schema/release/): the
/// public notice and nothing more. It says exactly what the tender's public page says: the tender, its lots, periods,
/// criteria, documents, amendments and answered questions; after opening, how many bids came; after a decision, the
/// awards with their suppliers and the winning bids. Sealed content never appears: before opening no bid is counted
/// unless the buyer discloses the count, and after it only the bids that won a lot are detailed (an award notice
/// names them anyway), never the losing bidders or their prices.
/// </summary>
public static class OcdsRelease
{
    /// <summary>
    /// The official extensions a release uses beyond the core schema (bids is validated with it; lots and enquiries
    /// are named only); the platform's own group roles extension is served by the site (<see cref="OcdsExtensionEndpoints"/>).
    /// </summary>
    public static readonly string[] Extensions =
    [
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json",
    ];

    /// <summary>The contracting process's id: the publisher's registered prefix and the tender's id.</summary>
    public static string Ocid(string prefix, Guid tenderId) => $"{prefix}-{tenderId:D}";

    /// <param name="publicBidCount">How many bids the public may know of now (null when the tender keeps it to itself).</param>
    /// <param name="names">The names of the buyer and of the winning firms, as the tender's page names them.</param>
    /// <param name="documentUrl">Where a tender document is downloaded.</param>
    public static JsonObject Of(TenderSnapshot t, int? publicBidCount, IReadOnlyDictionary<Guid, string> names, string ocidPrefix, Func<DocumentRef, string> documentUrl)
    {
        var ocid = Ocid(ocidPrefix, t.Id);
        var release = new JsonObject
        {
            ["ocid"] = ocid,
            // A tender's version grows with every change, so each state of it is its own release.
            ["id"] = $"{ocid}-{t.Version.ToString(CultureInfo.InvariantCulture)}",
            ["date"] = Time(t.UpdatedAt),
            ["tag"] = new JsonArray(Tag(t)),
            ["initiationType"] = "tender",
            ["parties"] = Parties(t, names),
            ["buyer"] = Reference(t.BuyerId, names),
            ["tender"] = Tender(t, documentUrl),
        };
        if (Bids(t, publicBidCount, names) is { } bids) release["bids"] = bids;
        if (t.Decisions.Length > 0) release["awards"] = new JsonArray([.. t.Decisions.OrderBy(d => d.Lot).Select(d => Award(t, d, names))]);
        return release;
    }

    // releaseTag codelist: what this release is about.
    static string Tag(TenderSnapshot t) => t.Status switch
    {
        TenderStatus.Cancelled => "tenderCancellation",
        _ when t.Decisions.Length > 0 => "award",
        _ when t.Amendments.Length > 0 => "tenderAmendment",
        TenderStatus.Enquiries or TenderStatus.Tendering => "tender",
        _ => "tenderUpdate",
    };

    // tenderStatus codelist: "active" until a decision ends it ("complete" once awarded, OCDS 1.1 semantics).
    static string Status(TenderStatus status) => status switch
    {
        TenderStatus.Awarded or TenderStatus.Complete => "complete",
        TenderStatus.Unsuccessful => "unsuccessful",
        TenderStatus.Cancelled => "cancelled",
        _ => "active",
    };

    static JsonArray Parties(TenderSnapshot t, IReadOnlyDictionary<Guid, string> names)
    {
        var parties = new JsonArray(Party(t.BuyerId, names, "buyer", "procuringEntity"));
        foreach (var firm in Winners(t).SelectMany(b => b.Tenderers).Select(x => x.FirmId).Distinct())
            parties.Add(Party(firm, names, "supplier", "tenderer"));
        return parties;
    }

    static JsonObject Party(Guid id, IReadOnlyDictionary<Guid, string> names, params string[] roles) =>
        new() { ["id"] = id.ToString("D"), ["name"] = names.GetValueOrDefault(id, ""), ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]) };

    static JsonObject Reference(Guid id, IReadOnlyDictionary<Guid, string> names) =>
        new() { ["id"] = id.ToString("D"), ["name"] = names.GetValueOrDefault(id, "") };

    static JsonObject Tender(TenderSnapshot t, Func<DocumentRef, string> documentUrl)
    {
        var d = t.Details;
        var tender = new JsonObject
        {
            ["id"] = t.Id.ToString("D"),
            ["title"] = d.Title,
            ["status"] = Status(t.Status),
            ["procurementMethod"] = "open",
            ["awardCriteria"] = d.Criteria is [{ Kind: CriterionKind.Price }] ? "priceOnly" : "ratedCriteria",
            ["awardCriteriaDetails"] = string.Join("; ", d.Criteria.OrderBy(c => c.Number).Select(c => $"{c.Name} {c.Weight}")),
            ["items"] = new JsonArray([.. d.Lots.SelectMany(Items)]),
            ["lots"] = new JsonArray([.. d.Lots.Select(l => Lot(t, l))]),
            ["tenderPeriod"] = Period(t.PublishedAt, d.SubmissionDeadline),
            ["enquiryPeriod"] = Period(t.PublishedAt, d.EnquiryDeadline),
            ["hasEnquiries"] = t.Questions.Length > 0,
            ["documents"] = new JsonArray([.. d.Documents.Select(doc => Document(doc, documentUrl))]),
        };
        if (d.Description is { Length: > 0 } description) tender["description"] = description;
        if (Category(d.Lots) is { } category) tender["mainProcurementCategory"] = category;
        if (Total(d.Lots) is { } value) tender["value"] = value;
        if (d.Eligibility.Length > 0) tender["eligibilityCriteria"] = string.Join("\n", d.Eligibility);
        if (d.ContractStart is not null || d.ContractEnd is not null)
            tender["contractPeriod"] = Period(d.ContractStart is { } s ? Day(s) : null, d.ContractEnd is { } e ? Day(e) : null);
        if (t.Amendments.Length > 0) tender["amendments"] = new JsonArray([.. t.Amendments.Select(Amendment)]);
        // Questions without the asking firm, as the tender's page shows them to everyone.
        if (t.Questions.Length > 0) tender["enquiries"] = new JsonArray([.. t.Questions.Select(Enquiry)]);
        return tender;
    }

    static IEnumerable<JsonNode> Items(Lot lot) => lot.Cpv.Select((code, i) => (JsonNode)new JsonObject
    {
        ["id"] = $"{lot.Number.ToString(CultureInfo.InvariantCulture)}-{(i + 1).ToString(CultureInfo.InvariantCulture)}",
        ["description"] = lot.Title,
        ["classification"] = new JsonObject
        {
            ["scheme"] = "CPV",
            ["id"] = code,
            ["description"] = CpvCatalog.Shared.Find(code)?.LabelIt ?? "",
        },
        ["relatedLot"] = LotId(lot.Number),
    });

    static JsonObject Lot(TenderSnapshot t, Lot lot)
    {
        var node = new JsonObject { ["id"] = LotId(lot.Number), ["title"] = lot.Title, ["status"] = LotStatus(t, lot.Number) };
        if (lot.Description is { Length: > 0 } description) node["description"] = description;
        if (lot.EstimatedValue is { } value) node["value"] = Value(value);
        return node;
    }

    static string LotStatus(TenderSnapshot t, int lot) => t.Decisions.FirstOrDefault(d => d.Lot == lot) switch
    {
        { BidId: not null } => "complete",
        { BidId: null } => "unsuccessful",
        null => Status(t.Status) is "complete" ? "active" : Status(t.Status),
    };

    static string LotId(int number) => number.ToString(CultureInfo.InvariantCulture);

    // CPV divisions: 45 is works; 50 and above are services; the rest are goods (the CPV's own split).
    static string? Category(Lot[] lots)
    {
        var categories = lots.SelectMany(l => l.Cpv).Select(code => code[..2] switch
        {
            "45" => "works",
            var division when string.CompareOrdinal(division, "50") >= 0 => "services",
            _ => "goods",
        }).Distinct().ToList();
        return categories is [var only] ? only : null;
    }

    static JsonObject? Total(Lot[] lots) =>
        lots.Length > 0 && lots.All(l => l.EstimatedValue is not null) && lots.Select(l => l.EstimatedValue!.Currency).Distinct().Count() == 1
            ? Value(new Money(lots.Sum(l => l.EstimatedValue!.Amount), lots[0].EstimatedValue!.Currency))
            : null;

    static JsonObject Value(Money m) => new() { ["amount"] = m.Amount, ["currency"] = m.Currency };

    static JsonObject Period(DateTimeOffset? start, DateTimeOffset? end)
    {
        var period = new JsonObject();
        if (start is { } s) period["startDate"] = Time(s);
        if (end is { } e) period["endDate"] = Time(e);
        return period;
    }

    static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    internal static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    static JsonObject Document(DocumentRef doc, Func<DocumentRef, string> url) => new()
    {
        ["id"] = doc.Id.ToString("D"),
        ["documentType"] = "biddingDocuments",
        ["title"] = doc.Name,
        ["url"] = url(doc),
        ["format"] = doc.ContentType,
    };

    static JsonNode Amendment(Amendment a) => new JsonObject
    {
        ["id"] = a.Number.ToString(CultureInfo.InvariantCulture),
        ["date"] = Time(a.At),
        ["rationale"] = a.Summary,
    };

    static JsonNode Enquiry(Question q)
    {
        var enquiry = new JsonObject { ["id"] = q.Number.ToString(CultureInfo.InvariantCulture), ["date"] = Time(q.AskedAt), ["description"] = q.Text };
        if (q.Answer is { } answer) enquiry["answer"] = answer;
        if (q.AnsweredAt is { } at) enquiry["dateAnswered"] = Time(at);
        return enquiry;
    }

    /// <summary>The bids that won a lot: named by the award notice, so public once decided.</summary>
    static IEnumerable<OpenedBid> Winners(TenderSnapshot t) => t.Awarded().Select(a => a.Bid).DistinctBy(b => b.BidId);

    static JsonObject? Bids(TenderSnapshot t, int? publicBidCount, IReadOnlyDictionary<Guid, string> names)
    {
        if (publicBidCount is not { } count) return null;
        var bids = new JsonObject
        {
            ["statistics"] = new JsonArray(new JsonObject { ["id"] = "bids", ["measure"] = "bids", ["value"] = count }),
        };
        var winners = Winners(t).ToList();
        if (winners.Count > 0)
            bids["details"] = new JsonArray([.. winners.Select(b => (JsonNode)Detail(b, names))]);
        return bids;
    }

    static JsonObject Detail(OpenedBid b, IReadOnlyDictionary<Guid, string> names)
    {
        var detail = new JsonObject
        {
            ["id"] = b.BidId.ToString("D"),
            ["date"] = Time(b.ReceivedAt),
            ["status"] = "valid",
            ["tenderers"] = new JsonArray([.. b.Tenderers.Select(x => (JsonNode)Reference(x.FirmId, names))]),
        };
        // A group's bid (an RTI) says who leads it and who bids with the lead (the group roles extension, OpenData/Schema/extension-group-roles).
        if (b.Tenderers.Length > 1)
            detail["groupRoles"] = new JsonArray([.. b.Tenderers.Select(x => (JsonNode)new JsonObject
            {
                ["organization"] = Reference(x.FirmId, names),
                ["role"] = x.Role switch { TendererRole.Lead => "lead", _ => "member" },
            })]);
        return detail;
    }

    static JsonNode Award(TenderSnapshot t, LotDecision d, IReadOnlyDictionary<Guid, string> names)
    {
        var award = new JsonObject
        {
            ["id"] = $"lot-{LotId(d.Lot)}",
            ["date"] = Time(d.At),
            ["relatedLots"] = new JsonArray(LotId(d.Lot)),
        };
        if (TenderAwards.Award(d, t.Bids) is not { } won)
        {
            award["status"] = "unsuccessful";
            if (d.Reason is { Length: > 0 } reason) award["description"] = reason;
            return award;
        }
        award["status"] = "active";
        award["value"] = Value(won.Price);
        award["suppliers"] = new JsonArray([.. won.Bid.Tenderers.Select(x => (JsonNode)Reference(x.FirmId, names))]);
        award["relatedBid"] = won.Bid.BidId.ToString("D");
        return award;
    }
}
