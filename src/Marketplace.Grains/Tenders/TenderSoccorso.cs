using System.Globalization;

namespace Marketplace.Tenders;

/// <summary>
/// Soccorso istruttorio (art. 101 D.Lgs. 36/2023): during evaluation the buyer asks the bidder of an opened bid to
/// complete a missing document or declaration by a deadline; the bidder's lead firm answers once, in the app. The
/// answer is kept beside the bid and never touches its sealed content (prices, work packages, quotas): art. 101 c. 1
/// excludes the technical and economic offer from what may be completed. A request not answered by its deadline
/// lapses, and the buyer may then exclude the bid (art. 101 c. 2) with the existing exclusion.
/// </summary>
/// <remarks>
/// The deadline window, 5 to 10 days from the request, is art. 101 c. 1's "termine non inferiore a cinque giorni e
/// non superiore a dieci giorni". That wording was checked against a commentary quoting the article, not against the
/// Gazzetta Ufficiale's text itself (docs/architecture.md says so too).
/// </remarks>
public sealed partial class TenderState
{
    public const int MaxSoccorsoSubject = 2000, MaxSoccorsiPerBid = 20;

    /// <summary>The shortest and longest time a bidder is given to answer (art. 101 c. 1).</summary>
    public static readonly TimeSpan SoccorsoMinimum = TimeSpan.FromDays(5), SoccorsoMaximum = TimeSpan.FromDays(10);

    public const string SoccorsoRequestedEvent = "SoccorsoRequested";

    public List<SoccorsoRequest> Soccorsi { get; set; } = [];

    public static readonly Refusal
        SoccorsoSubject = new("tender.soccorsoSubject", "Say what the bidder must complete, in 1 to {max} characters: its firms read it."),
        SoccorsoDeadline = new("tender.soccorsoDeadline",
            "The bidder is given 5 to 10 days to answer (art. 101, c. 1, D.Lgs. 36/2023): the deadline is between {earliest} and {latest}."),
        SoccorsoLimit = new("tender.soccorsoLimit", "This bid already has {max} requests: withdraw one that is no longer needed."),
        NoSuchSoccorso = new("tender.noSuchSoccorso", "This bid has no request with this number."),
        SoccorsoAnswered = new("tender.soccorsoAnswered", "This request was answered on {at}: an answer is given once and not changed."),
        SoccorsoWithdrawn = new("tender.soccorsoWithdrawn", "The buyer withdrew this request on {at}: it needs no answer."),
        SoccorsoLapsed = new("tender.soccorsoLapsed", "The deadline of this request passed on {deadline} with no answer: it can no longer be answered."),
        SoccorsoText = new("tender.soccorsoText", "Write the answer, in 1 to {max} characters."),
        NotTheLead = new("tender.soccorsoNotTheLead", "Only the Owners and Managers of the bid's lead firm answer the buyer's requests.");

    public Problem? CheckRequestSoccorso(RequestSoccorso command, TenderActor actor, DateTimeOffset now)
    {
        if (Guard(actor, EvaluationOnly) is { } no) return no;
        if (Bids.FirstOrDefault(b => b.BidId == command.BidId) is not { } bid) return Problem.NotFound(NoSuchBid);
        if (bid.Failure is not null) return Problem.Conflict(BidFailedIntegrity);
        if (CheckNotExcluded(bid.BidId) is { } excluded) return excluded;
        if (bid.Lots.All(l => Decided(l.Lot))) return Problem.Conflict(BidDecided);
        if (Soccorsi.Count(s => s.BidId == bid.BidId) >= MaxSoccorsiPerBid) return Problem.Conflict(SoccorsoLimit, ("max", MaxSoccorsiPerBid));
        var errors = new Dictionary<string, FieldProblem[]>();
        if (command.Subject.Clean() is not { Length: <= MaxSoccorsoSubject })
            errors["subject"] = [FieldProblem.Of(SoccorsoSubject, ("max", MaxSoccorsoSubject))];
        if (command.Deadline < now + SoccorsoMinimum || command.Deadline > now + SoccorsoMaximum)
            errors["deadline"] = [FieldProblem.Of(SoccorsoDeadline, ("earliest", Iso(now + SoccorsoMinimum)), ("latest", Iso(now + SoccorsoMaximum)))];
        return errors.Count > 0 ? Problem.Invalid(errors) : null;
    }

    /// <summary>
    /// The public chain records the request's number, the bid, the deadline and the digest of what is asked, not the
    /// words: those are the buyer's and the bidder's, and the digest lets either prove later what was asked.
    /// </summary>
    public SoccorsoRequest RequestSoccorso(RequestSoccorso command, DateTimeOffset now)
    {
        var request = new SoccorsoRequest(Soccorsi.Count + 1, command.BidId, command.Subject.Trim(), command.Deadline, now);
        Soccorsi.Add(request);
        Record(SoccorsoRequestedEvent, Detail(("number", Number(request)), ("bid", request.BidId.ToString("N")),
            ("deadline", Iso(request.Deadline)), ("subject", AuditChain.Sha256Hex(request.Subject))), now);
        return request;
    }

    public Problem? CheckWithdrawSoccorso(WithdrawSoccorso command, TenderActor actor, DateTimeOffset now) =>
        Guard(actor, EvaluationOnly)
        ?? (Soccorsi.FirstOrDefault(s => s.Number == command.Number) is not { } request ? Problem.NotFound(NoSuchSoccorso)
        : CheckOpen(request, now));

    public void WithdrawSoccorso(WithdrawSoccorso command, DateTimeOffset now)
    {
        Replace(command.Number, r => r with { WithdrawnAt = now });
        Record("SoccorsoWithdrawn", Detail(("number", command.Number.ToString(CultureInfo.InvariantCulture))), now);
    }

    /// <summary>
    /// The bidder's answer. Who may answer is judged first, from the bid alone (its lead firm's Owners and Managers);
    /// only then whether the request exists and is still open, so that nobody else learns anything about requests.
    /// </summary>
    /// <param name="leadEditors">Whether the actor edits for the lead firm of the bid <see cref="AnswerSoccorso.BidderId"/> names.</param>
    public Problem? CheckAnswerSoccorso(AnswerSoccorso command, Func<Guid, bool> leadEditors, DateTimeOffset now)
    {
        if (!Exists || Bids.FirstOrDefault(b => b.BidderId == command.BidderId) is not { } bid) return Problem.NotFound(NoSuchSoccorso);
        if (!leadEditors(LeadOf(bid))) return Problem.Forbidden(NotTheLead);
        if (Soccorsi.FirstOrDefault(s => s.Number == command.Number && s.BidId == bid.BidId) is not { } request) return Problem.NotFound(NoSuchSoccorso);
        if (CheckOpen(request, now) is { } closed) return closed;
        if (Status != TenderStatus.Evaluation) return Problem.Conflict(WrongStatus, ("status", Status));
        return command.Text.Clean() is { Length: <= TenderRules.MaxText } ? null
            : Problem.Invalid("text", SoccorsoText, ("max", TenderRules.MaxText));
    }

    /// <summary>The lead firm of an opened bid: the firm itself when it bid alone, the RTI's lead otherwise.</summary>
    public static Guid LeadOf(OpenedBid bid) => bid.Tenderers.FirstOrDefault(t => t.Role == TendererRole.Lead)?.FirmId ?? bid.BidderId;

    /// <summary>The chain records the digests of the answer's text and document, so either side can prove later what was sent.</summary>
    public void AnswerSoccorso(AnswerSoccorso command, DateTimeOffset now)
    {
        var text = command.Text.Trim();
        Replace(command.Number, r => r with { Answer = new SoccorsoAnswer(text, command.Document, command.ActorId, now) });
        Record("SoccorsoAnswered", Detail(("number", command.Number.ToString(CultureInfo.InvariantCulture)), ("answer", AuditChain.Sha256Hex(text)),
            ("document", command.Document?.Sha256 ?? "")), now);
    }

    /// <summary>
    /// Records in the chain each request whose deadline has passed with no answer, dated at its deadline (as the
    /// tender's other deadlines are). The clock, not this record, decides whether a request may still be answered.
    /// </summary>
    bool CatchUpSoccorsi(DateTimeOffset now)
    {
        var lapsed = Soccorsi.Where(s => !s.LapseRecorded && s.StatusAt(now) == SoccorsoStatus.Lapsed).OrderBy(s => s.Deadline).ToList();
        foreach (var request in lapsed)
        {
            Replace(request.Number, r => r with { LapseRecorded = true });
            Record("SoccorsoLapsed", Detail(("number", Number(request))), request.Deadline);
        }
        return lapsed.Count > 0;
    }

    static Problem? CheckOpen(SoccorsoRequest request, DateTimeOffset now) => request.StatusAt(now) switch
    {
        SoccorsoStatus.Answered => Problem.Conflict(SoccorsoAnswered, ("at", Iso(request.Answer!.At))),
        SoccorsoStatus.Withdrawn => Problem.Conflict(SoccorsoWithdrawn, ("at", Iso(request.WithdrawnAt!.Value))),
        SoccorsoStatus.Lapsed => Problem.Conflict(SoccorsoLapsed, ("deadline", Iso(request.Deadline))),
        _ => null,
    };

    void Replace(int number, Func<SoccorsoRequest, SoccorsoRequest> change)
    {
        var i = Soccorsi.FindIndex(s => s.Number == number);
        Soccorsi[i] = change(Soccorsi[i]);
    }

    static string Number(SoccorsoRequest request) => request.Number.ToString(CultureInfo.InvariantCulture);

    static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
