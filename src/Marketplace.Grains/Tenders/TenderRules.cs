using Marketplace.Qualifications;
using Marketplace.Reference;

namespace Marketplace.Tenders;

/// <summary>What valid tender details are; errors use the request's camelCase field names.</summary>
public static class TenderRules
{
    public const int MinTitle = 3, MaxTitle = 200, MaxDescription = 8000, MaxLots = 50, MaxCpv = 20, MaxEligibility = 20,
        MaxRequirement = 1000, MaxCriteria = 10, MaxCriterionName = 200, MaxDocuments = 20, MaxSpaces = 10, MaxText = 4000;

    /// <summary>The one refusal for whoever does not act for a bidder, whatever the bid's or the firm's state.</summary>
    public static readonly Refusal NotTheBidder = new("bid.notTheBidder",
        "Only the Owners and Managers of the bidding firm (for an alliance, of its lead) submit or withdraw its bid.");

    public static readonly Refusal
        Title = new("tender.title", "The title is required and must be {min} to {max} characters long."),
        TooLong = new("tender.tooLong", "At most {max} characters."),
        LotCount = new("tender.lotCount", "A tender has 1 to {max} lots."),
        LotTitle = new("tender.lotTitle", "A lot's title is required, at most {max} characters."),
        LotCpvCount = new("tender.lotCpvCount", "At most {max} codes."),
        LotCpvMissing = new("tender.lotCpvMissing", "A lot names at least one CPV code, so matching firms hear of it."),
        LotNumber = new("tender.lotNumber", "Each lot keeps its own number; a new lot has none."),
        OneCurrency = new("tender.oneCurrency", "All lots of a tender are priced in one currency ({currency}); a lot without an estimated value is in EUR."),
        EligibilityCount = new("tender.eligibilityCount", "At most {max} requirements."),
        Requirement = new("tender.requirement", "A requirement is 1 to {max} characters long."),
        DocumentCount = new("tender.documentCount", "At most {max} documents."),
        ContractEnd = new("tender.contractEnd", "The contract ends after it starts."),
        ContractStart = new("tender.contractStart", "The contract starts after the submission deadline."),
        SubmissionAfterEnquiry = new("tender.submissionAfterEnquiry", "The submission deadline comes after the enquiry deadline."),
        CriteriaCount = new("tender.criteriaCount", "A tender has 1 to {max} award criteria."),
        CriterionName = new("tender.criterionName", "A criterion's name is required, at most {max} characters."),
        PriceOrQuality = new("tender.criterionKind", "Price or Quality."),
        CriterionWeight = new("tender.criterionWeight", "A weight is a whole number from 1 to 100."),
        CriterionNumber = new("tender.criterionNumber", "Each criterion keeps its own number; a new criterion has none."),
        OnePrice = new("tender.onePrice", "Exactly one criterion is the price."),
        WeightsSum = new("tender.weightsSum", "The weights add up to 100, not {sum}."),
        EnquiryFuture = new("tender.enquiryFuture", "The enquiry deadline is in the future.");

    /// <summary>The currency of a lot's prices: its estimated value's, or the euro for a lot without one.</summary>
    public static string CurrencyOf(Lot lot) => lot.EstimatedValue?.Currency ?? "EUR";

    /// <summary>
    /// Validates details into their canonical form. Lots and criteria keep their numbers; new ones (number 0) get the
    /// next free number, so a bid's lot number always means the same lot.
    /// </summary>
    public static Outcome<TenderDetails> Normalize(TenderDetails raw, TenderDetails? previous)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        var title = raw.Title.Clean();
        if (title is null || title.Length < MinTitle || title.Length > MaxTitle) errors["title"] = [FieldProblem.Of(Title, ("min", MinTitle), ("max", MaxTitle))];
        var description = raw.Description.Clean();
        if (description?.Length > MaxDescription) errors["description"] = [FieldProblem.Of(TooLong, ("max", MaxDescription))];

        var lots = new List<Lot>();
        if (raw.Lots.Length is 0 or > MaxLots) errors["lots"] = [FieldProblem.Of(LotCount, ("max", MaxLots))];
        var nextLot = Math.Max(previous?.Lots.Max(l => l.Number) ?? 0, raw.Lots.Select(l => l.Number).DefaultIfEmpty().Max()) + 1;
        for (var i = 0; i < raw.Lots.Length && i < MaxLots; i++)
        {
            var lot = raw.Lots[i];
            var at = $"lots[{i}]";
            var lotTitle = lot.Title.Clean();
            if (lotTitle is null || lotTitle.Length > MaxTitle) errors[$"{at}.title"] = [FieldProblem.Of(LotTitle, ("max", MaxTitle))];
            var lotDescription = lot.Description.Clean();
            if (lotDescription?.Length > MaxDescription) errors[$"{at}.description"] = [FieldProblem.Of(TooLong, ("max", MaxDescription))];
            var cpv = CpvList.Normalize(lot.Cpv, $"{at}.cpv", MaxCpv, errors, LotCpvCount);
            if (cpv.Length == 0 && !errors.Keys.Any(k => k.StartsWith($"{at}.cpv", StringComparison.Ordinal))) errors[$"{at}.cpv"] = [FieldProblem.Of(LotCpvMissing)];
            var value = lot.EstimatedValue is { } money ? MoneyRules.Normalize(money, $"{at}.estimatedValue", errors) : null;
            var comune = lot.ComuneCode.Clean();
            if (comune is not null && ComuneCatalog.Shared.Find(comune) is null) errors[$"{at}.comuneCode"] = [FieldProblem.Of(ComuneCatalog.Unknown, ("code", comune))];
            var number = lot.Number;
            if (number == 0) number = nextLot++;
            else if (previous is null ? raw.Lots.Count(l => l.Number == number) > 1 : !previous.Lots.Any(l => l.Number == number) || raw.Lots.Count(l => l.Number == number) > 1)
                errors[$"{at}.number"] = [FieldProblem.Of(LotNumber)];
            var requirements = LotRequirementInput.Normalize(lot.Requirements, at, errors);
            lots.Add(new Lot(number, lotTitle ?? "", lotDescription, cpv, value, comune, requirements));
        }

        // One currency per tender, so that bids, a joint bid's shares and the value of the work won add up.
        if (lots.Count > 0 && lots.FindIndex(l => CurrencyOf(l) != CurrencyOf(lots[0])) is var other and > 0)
            errors.TryAdd($"lots[{other}].estimatedValue.currency", [FieldProblem.Of(OneCurrency, ("currency", CurrencyOf(lots[0])))]);

        var eligibility = new List<string>();
        if (raw.Eligibility.Length > MaxEligibility) errors["eligibility"] = [FieldProblem.Of(EligibilityCount, ("max", MaxEligibility))];
        for (var i = 0; i < raw.Eligibility.Length && i < MaxEligibility; i++)
        {
            var requirement = raw.Eligibility[i].Clean();
            if (requirement is null || requirement.Length > MaxRequirement) errors[$"eligibility[{i}]"] = [FieldProblem.Of(Requirement, ("max", MaxRequirement))];
            else eligibility.Add(requirement);
        }

        var criteria = NormalizeCriteria(raw.Criteria, previous, errors);
        if (raw.Documents.Length > MaxDocuments) errors["documents"] = [FieldProblem.Of(DocumentCount, ("max", MaxDocuments))];
        if (raw.ContractStart is { } start && raw.ContractEnd is { } end && end < start) errors["contractEnd"] = [FieldProblem.Of(ContractEnd)];
        if (raw.ContractStart is { } begins && begins < DateOnly.FromDateTime(raw.SubmissionDeadline.UtcDateTime)) errors["contractStart"] = [FieldProblem.Of(ContractStart)];
        // Compared as stored: two deadlines less than a microsecond apart become the same instant.
        var enquiryDeadline = raw.EnquiryDeadline.Stored();
        var submissionDeadline = raw.SubmissionDeadline.Stored();
        if (submissionDeadline <= enquiryDeadline) errors["submissionDeadline"] = [FieldProblem.Of(SubmissionAfterEnquiry)];

        return errors.Count > 0 ? Problem.Invalid(errors) : new TenderDetails(title!, description, [.. lots], [.. eligibility], criteria,
            enquiryDeadline, submissionDeadline, raw.ContractStart, raw.ContractEnd, raw.DisclosesBidCount, [.. raw.Documents.DistinctBy(d => d.Id)]);
    }

    /// <summary>Price only is one Price criterion weighing 100; otherwise the weights add up to 100 with exactly one Price.</summary>
    static AwardCriterion[] NormalizeCriteria(AwardCriterion[] raw, TenderDetails? previous, Dictionary<string, FieldProblem[]> errors)
    {
        if (raw.Length is 0 or > MaxCriteria) { errors["criteria"] = [FieldProblem.Of(CriteriaCount, ("max", MaxCriteria))]; return []; }
        var criteria = new List<AwardCriterion>();
        var next = Math.Max(previous?.Criteria.Max(c => c.Number) ?? 0, raw.Max(c => c.Number)) + 1;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            var name = c.Name.Clean();
            if (name is null || name.Length > MaxCriterionName) errors[$"criteria[{i}].name"] = [FieldProblem.Of(CriterionName, ("max", MaxCriterionName))];
            if (!Enum.IsDefined(c.Kind)) errors[$"criteria[{i}].kind"] = [FieldProblem.Of(PriceOrQuality)];
            if (c.Weight is < 1 or > 100) errors[$"criteria[{i}].weight"] = [FieldProblem.Of(CriterionWeight)];
            var number = c.Number;
            if (number == 0) number = next++;
            else if (raw.Count(x => x.Number == number) > 1 || (previous is not null && !previous.Criteria.Any(x => x.Number == number)))
                errors[$"criteria[{i}].number"] = [FieldProblem.Of(CriterionNumber)];
            criteria.Add(new AwardCriterion(number, name ?? "", c.Kind, c.Weight));
        }
        if (criteria.Count(c => c.Kind == CriterionKind.Price) != 1) errors["criteria"] = [FieldProblem.Of(OnePrice)];
        else if (criteria.Sum(c => c.Weight) != 100) errors["criteria"] = [FieldProblem.Of(WeightsSum, ("sum", criteria.Sum(c => c.Weight)))];
        return [.. criteria];
    }

    /// <summary>
    /// The one home of the deadline: a bid counts by the time it reached the server, from the end of the enquiry
    /// period to strictly before the submission deadline, while the tender has not closed or been cancelled. The
    /// tender judges bids by it, and the storage uses it as the last guard inside the transaction that stores a bid.
    /// </summary>
    public static bool TakesBidsAt(TenderStatus status, DateTimeOffset enquiryDeadline, DateTimeOffset submissionDeadline, DateTimeOffset receivedAt) =>
        status is TenderStatus.Enquiries or TenderStatus.Tendering && receivedAt >= enquiryDeadline && receivedAt < submissionDeadline;

    /// <summary>
    /// Why a bid received at <paramref name="receivedAt"/> does not count (<see cref="TakesBidsAt"/>); null when it does.
    /// The tender admits bids by it, and a joint bid lists it among what keeps the lead from submitting.
    /// </summary>
    public static Problem? CheckWindow(TenderStatus status, DateTimeOffset enquiryDeadline, DateTimeOffset submissionDeadline, DateTimeOffset receivedAt) =>
        TakesBidsAt(status, enquiryDeadline, submissionDeadline, receivedAt) ? null
        : status == TenderStatus.Cancelled ? Problem.Conflict(TenderState.Cancelled)
        : status == TenderStatus.Enquiries && receivedAt < enquiryDeadline ? Problem.Conflict(TenderState.TooEarly, ("deadline", enquiryDeadline))
        : Problem.Conflict(BidNotStoredException.DeadlinePassed, ("deadline", submissionDeadline));

    /// <summary>
    /// True when the tender takes no more bids at <paramref name="now"/> (by <see cref="CheckWindow"/>: not merely not
    /// yet open), or there is no tender: a submitted bid then stays as it is, and no firm could still join one.
    /// </summary>
    public static bool BidsClosedAt(TenderSnapshot? tender, DateTimeOffset now) =>
        tender is null || BidsClosedAt(tender.Status, tender.Details.EnquiryDeadline, tender.Details.SubmissionDeadline, now);

    /// <summary>The same rule read from a tender's list row (its status and deadlines).</summary>
    public static bool BidsClosedAt(TenderStatus status, DateTimeOffset enquiryDeadline, DateTimeOffset submissionDeadline, DateTimeOffset now) =>
        CheckWindow(status, enquiryDeadline, submissionDeadline, now) is { } no && no.Code != TenderState.TooEarly.Code;

    /// <summary>True once submissions have closed and the bids are (being) opened: what was sealed may be shown to the buyer.</summary>
    public static bool BidsOpened(TenderStatus status) =>
        status is TenderStatus.Opening or TenderStatus.Evaluation or TenderStatus.Awarded or TenderStatus.Unsuccessful or TenderStatus.Complete;

    /// <summary>Deadlines are in the future when a tender is published or amended.</summary>
    public static Problem? CheckFuture(TenderDetails details, DateTimeOffset now) =>
        details.EnquiryDeadline <= now ? Problem.Invalid("enquiryDeadline", EnquiryFuture) : null;

    /// <summary>
    /// A change firms must have time to react to: different lots, criteria, eligibility or documents. The buyer may
    /// call any other change material too.
    /// </summary>
    public static bool IsMaterial(TenderDetails before, TenderDetails after) =>
        !before.Lots.SequenceEqual(after.Lots, LotComparer.Instance) || !before.Criteria.SequenceEqual(after.Criteria)
        || !before.Eligibility.SequenceEqual(after.Eligibility) || !before.Documents.SequenceEqual(after.Documents);

    /// <summary>
    /// Which capabilities hear of a tender: those sharing a lot's first <paramref name="digits"/> digits (4: the same
    /// CPV class), and those that cover a lot from higher up the hierarchy (72000000, all IT services, covers 72260000).
    /// Capabilities are compared by their eight digits.
    /// </summary>
    public static (string[] Prefixes, string[] Ancestors) MatchKeys(TenderDetails details, int digits)
    {
        var codes = details.Lots.SelectMany(l => l.Cpv).Select(code => code[..8]).Distinct().ToList();
        return ([.. codes.Select(code => code[..digits]).Distinct()], [.. codes.SelectMany(Ancestors).Distinct()]);
    }

    /// <summary>The same match for one capability and one lot code, both as eight digits or full codes.</summary>
    public static bool Covers(string capability, string code, int digits) =>
        capability[..digits] == code[..digits] || Ancestors(code[..8]).Contains(capability[..8]);

    /// <summary>
    /// The lots a firm with these capabilities hears of: those with a code one of them covers (<see cref="Covers"/>),
    /// so its notice names the lots it was told of and no other.
    /// </summary>
    public static int[] MatchedLots(TenderDetails details, IReadOnlyCollection<string> capabilities, int digits) =>
        [.. details.Lots.Where(l => l.Cpv.Any(code => capabilities.Any(c => Covers(c, code, digits)))).Select(l => l.Number)];

    /// <summary>A code and the codes above it, each padded to eight digits: 72260000 → 72000000, 72200000, 72260000.</summary>
    public static IEnumerable<string> Ancestors(string code) => Enumerable.Range(2, 6).Select(k => code[..k].PadRight(8, '0')).Distinct();

    sealed class LotComparer : IEqualityComparer<Lot>
    {
        public static readonly LotComparer Instance = new();

        public bool Equals(Lot? x, Lot? y) => x is not null && y is not null && x with { Cpv = [], Requirements = null } == y with { Cpv = [], Requirements = null }
            && x.Cpv.SequenceEqual(y.Cpv) && (x.Requirements is null ? y.Requirements is null : x.Requirements.SameAs(y.Requirements));

        public int GetHashCode(Lot obj) => obj.Number;
    }
}
