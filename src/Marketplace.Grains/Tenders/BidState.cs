using System.Globalization;
using System.Text.Json.Serialization;

namespace Marketplace.Tenders;

/// <summary>
/// The stored state of a bid: its sealed content, its receipts and its history. Its audit events say only what the
/// receipt says (digest and time), so the chain can be shown to the buyer without unsealing anything. Stored
/// encrypted with its tender's key (<see cref="ISealedState"/>) until the tender opens it.
/// </summary>
public sealed class BidState : ISealedState
{
    public const int MaxAnswer = 8000, MaxDocuments = 20;

    /// <summary>The kinds of a bid's audit events that say whether it stands: the opening reads them back.</summary>
    public const string SubmittedEvent = "BidSubmitted", WithdrawnEvent = "BidWithdrawn";

    public Guid BidId { get; set; }
    public Guid TenderId { get; set; }
    public Guid BidderId { get; set; }
    public BidStatus Status { get; set; }
    public SealedBid? Content { get; set; }
    public Receipt? Receipt { get; set; }
    /// <summary>Who submitted or withdrew, kept inside the seal.</summary>
    public Guid LastActorId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<AuditEvent> History { get; set; } = [];

    public static readonly Refusal
        NoLots = new("bid.noLots", "A bid offers a price for at least one lot."),
        NoSuchLot = new("bid.noSuchLot", "No lot has this number."),
        LotTwice = new("bid.lotTwice", "Each lot is offered once."),
        LotCurrency = new("bid.lotCurrency", "This lot is priced in {currency}."),
        Answer = new("bid.answer", "Answer '{criterion}' in 1 to {max} characters."),
        NoSuchCriterion = new("bid.noSuchCriterion", "No quality criterion has this number."),
        DocumentCount = new("bid.documentCount", "At most {max} documents."),
        NothingToWithdraw = new("bid.nothingToWithdraw", "There is no submitted bid to withdraw."),
        QuotaFirm = new("bid.quotaFirm", "A quota is declared for one of the bid's own firms."),
        RelianceFirm = new("bid.relianceFirm", "A firm relies on an auxiliary only when it is one of the bid's own firms.");

    [JsonIgnore] public bool Exists => History.Count > 0;

    /// <summary>
    /// Checks the content against the tender's terms and puts it in canonical form: each lot once, in the lot's
    /// currency, and an answer for every quality criterion.
    /// </summary>
    public static Outcome<SealedBid> Seal(SubmitBid command, TenderSnapshot tender, Guid bidId, int submission)
    {
        var errors = new Dictionary<string, FieldProblem[]>();
        var terms = tender.Details;
        if (command.Lots.Length == 0) errors["lots"] = [FieldProblem.Of(NoLots)];
        var lots = new List<LotPrice>();
        for (var i = 0; i < command.Lots.Length; i++)
        {
            var offer = command.Lots[i];
            if (terms.Lots.FirstOrDefault(l => l.Number == offer.Lot) is not { } lot) { errors[$"lots[{i}].lot"] = [FieldProblem.Of(NoSuchLot)]; continue; }
            if (lots.Any(l => l.Lot == offer.Lot)) { errors[$"lots[{i}].lot"] = [FieldProblem.Of(LotTwice)]; continue; }
            var price = MoneyRules.Normalize(offer.Price, $"lots[{i}].price", errors, allowZero: false);
            var currency = TenderRules.CurrencyOf(lot);
            if (price.Currency != currency) errors[$"lots[{i}].price.currency"] = [FieldProblem.Of(LotCurrency, ("currency", currency))];
            lots.Add(new LotPrice(offer.Lot, price));
        }
        var answers = new List<CriterionAnswer>();
        foreach (var criterion in terms.Criteria.Where(c => c.Kind == CriterionKind.Quality))
        {
            var text = command.Answers.FirstOrDefault(a => a.Criterion == criterion.Number)?.Text.Clean();
            var at = $"answers[{criterion.Number}]";
            if (text is null || text.Length > MaxAnswer) errors[at] = [FieldProblem.Of(Answer, ("criterion", criterion.Name), ("max", MaxAnswer))];
            else answers.Add(new CriterionAnswer(criterion.Number, text));
        }
        for (var i = 0; i < command.Answers.Length; i++)
            if (!terms.Criteria.Any(c => c.Number == command.Answers[i].Criterion && c.Kind == CriterionKind.Quality))
                errors[$"answers[{i}].criterion"] = [FieldProblem.Of(NoSuchCriterion)];
        if (command.Documents.Length > MaxDocuments) errors["documents"] = [FieldProblem.Of(DocumentCount, ("max", MaxDocuments))];
        // A grouping's quotas were checked by the joint bid's rules before its firms signed them; the seal only makes
        // sure they speak of this tender's lots and of the bid's own firms.
        var quotas = command.Quotas ?? [];
        for (var i = 0; i < quotas.Length; i++)
        {
            if (!terms.Lots.Any(l => l.Number == quotas[i].Lot)) errors[$"quotas[{i}].lot"] = [FieldProblem.Of(NoSuchLot)];
            if (!command.Tenderers.Any(t => t.FirmId == quotas[i].FirmId)) errors[$"quotas[{i}].firmId"] = [FieldProblem.Of(QuotaFirm)];
        }
        // Likewise the subcontracting declarations: the joint bid's rules judged them; the seal checks their lots.
        var subcontracts = command.Subcontracts ?? [];
        for (var i = 0; i < subcontracts.Length; i++)
            if (!terms.Lots.Any(l => l.Number == subcontracts[i].Lot)) errors[$"subcontracts[{i}].lot"] = [FieldProblem.Of(NoSuchLot)];
        // Likewise the reliances: their lots, and the bid's own firms relying on them.
        var reliances = command.Reliances ?? [];
        for (var i = 0; i < reliances.Length; i++)
        {
            if (!terms.Lots.Any(l => l.Number == reliances[i].Lot)) errors[$"reliances[{i}].lot"] = [FieldProblem.Of(NoSuchLot)];
            if (!command.Tenderers.Any(t => t.FirmId == reliances[i].RelyingFirmId)) errors[$"reliances[{i}].relyingFirmId"] = [FieldProblem.Of(RelianceFirm)];
        }
        if (errors.Count > 0) return Problem.Invalid(errors);
        return new SealedBid(tender.Id, bidId, submission, command.Tenderers, [.. lots.OrderBy(l => l.Lot)], [.. answers],
            [.. command.Documents.DistinctBy(d => d.Id)], BidSeal.NewSalt(), command.Quotas is { Length: > 0 } declared ? declared : null,
            subcontracts.Length > 0 ? subcontracts : null, reliances.Length > 0 ? reliances : null, command.Dgues is { Length: > 0 } dgues ? dgues : null);
    }

    /// <summary>
    /// True when <paramref name="content"/> says exactly what the submitted bid already says (tenderers, prices, answers,
    /// documents, quotas, subcontracting, reliances, DGUEs): a repeated submission, such as a retry by a bidder whose first request timed out after it was
    /// stored. It is answered with the receipt already given, and stores nothing: no second submission, no new receipt.
    /// </summary>
    public bool Repeats(SealedBid content) =>
        Status == BidStatus.Submitted && Content is { } stored && stored.Tenderers.SequenceEqual(content.Tenderers)
        && stored.Lots.SequenceEqual(content.Lots) && stored.Answers.SequenceEqual(content.Answers) && stored.Documents.SequenceEqual(content.Documents)
        && (stored.Quotas ?? []).SequenceEqual(content.Quotas ?? []) && (stored.Subcontracts ?? []).SequenceEqual(content.Subcontracts ?? [])
        && (stored.Reliances ?? []).SequenceEqual(content.Reliances ?? [])
        // A DGUE holds arrays, which a record compares by reference: compared as the seal writes them.
        && System.Text.Json.JsonSerializer.Serialize(stored.Dgues) == System.Text.Json.JsonSerializer.Serialize(content.Dgues);

    public void Submit(Guid tenderId, Guid bidderId, Guid actorId, SealedBid content, DateTimeOffset receivedAt)
    {
        TenderId = tenderId;
        BidderId = bidderId;
        BidId = content.BidId;
        Content = content;
        Status = BidStatus.Submitted;
        Receipt = new Receipt(tenderId, content.BidId, content.Submission, BidSeal.Digest(content), receivedAt, content.Salt);
        Record(actorId, SubmittedEvent, BidSeal.ReceiptDetail(content.Submission, Receipt.Digest), receivedAt);
    }

    public Problem? CheckWithdraw() =>
        Status != BidStatus.Submitted ? Problem.Conflict(NothingToWithdraw) : null;

    public void Withdraw(Guid actorId, DateTimeOffset now)
    {
        Status = BidStatus.Withdrawn;
        Record(actorId, WithdrawnEvent, $"submission={Receipt!.Submission.ToString(CultureInfo.InvariantCulture)}", now);
    }

    /// <summary>The next submission's number: resubmitting after a withdrawal or an edit gives a new receipt.</summary>
    public int NextSubmission => (Content?.Submission ?? 0) + 1;

    public BidSnapshot ToSnapshot() => new(BidId, TenderId, Status, Content, Receipt, UpdatedAt);

    void Record(Guid actorId, string kind, string detail, DateTimeOffset at)
    {
        LastActorId = actorId;
        UpdatedAt = at;
        History.Add(new AuditEvent(History.Count + 1, kind, detail, at));
    }
}
