using System.Globalization;
using System.Text.Json.Serialization;
using Marketplace.Businesses;
using Marketplace.Spaces;

namespace Marketplace.Tenders;

/// <summary>
/// How the buyer stands in one space a tender names, for one user: whether the user administers the space, whether
/// the buyer's mandate to its admins is live (or was revoked), and whether the space approved the buyer.
/// </summary>
public sealed record TenderSpaceStanding(
    Guid SpaceId, string Name, bool ActorIsAdmin, bool Mandated, bool MandateRevoked, bool Approved, int MinimumTenderingDays = 0)
{
    public static TenderSpaceStanding Of(Guid spaceId, SpaceCard space, bool actorIsAdmin, BuyerStanding? buyer) =>
        new(spaceId, space.Name, actorIsAdmin, buyer?.Mandated == true, buyer?.MandateRevoked == true,
            buyer?.Approval == BuyerApproval.Approved, space.MinimumTenderingDays);
}

/// <summary>
/// Who asks a tender for something: the user, whether they edit for the buyer, and how the buyer stands in each
/// space named. A tender names its buyer only with the buyer's consent: its own Owners and Managers act for it, and
/// so do the admins of the spaces the buyer has mandated, when the tender is in those spaces only.
/// </summary>
/// <remarks>
/// A mandate counts while it is live. Once the buyer revokes it, the space's admins lose every power over the
/// buyer's tenders at once, drafts they started included (those stay the buyer's drafts, for its people to publish
/// or cancel). A tender already published stays published and runs its course: firms relied on the notice, so
/// their questions, bids and the opening at the deadline go on, managed by the buyer's own people from then on.
/// The same holds when a space revokes its approval of the buyer: it stops new publications, not published ones.
/// </remarks>
public sealed record TenderActor(Guid UserId, bool BuyerEditor, IReadOnlyList<TenderSpaceStanding> Spaces)
{
    public bool MandatedAdmin => Spaces.Count > 0 && Spaces.All(s => s.ActorIsAdmin && s.Mandated);

    public bool ActsForBuyer => BuyerEditor || MandatedAdmin;

    /// <summary>
    /// Why the user may not act for the buyer. Only an admin of every space named learns about the mandates (they
    /// are that space's business); anyone else gets the same answer whatever exists.
    /// </summary>
    public Problem Refusal() =>
        Spaces.Count > 0 && Spaces.All(s => s.ActorIsAdmin) && Spaces.FirstOrDefault(s => !s.Mandated) is { } space
            ? Problem.Forbidden(space.MandateRevoked ? MandateRevoked : NotMandated, ("space", space.Name))
            : Problem.Forbidden(NotTheBuyer);

    public static readonly Refusal
        NotTheBuyer = new("tender.notTheBuyer", "Only the buyer's Owners and Managers, or the admins of spaces the buyer has mandated, may do this."),
        MandateRevoked = new("tender.mandateRevoked", "The buyer revoked its mandate to the admins of \"{space}\": only the buyer's Owners and Managers act for it there now."),
        NotMandated = new("tender.notMandated", "The buyer has not mandated the admins of \"{space}\" to act for it.");
}

/// <summary>
/// A firm taking part (asking or bidding): its business as found (its kind and name) and whether it is a member of one of
/// the tender's spaces. Whether the actor acts for it is asked of <see cref="IActsFor"/>, never read from the snapshot.
/// </summary>
public sealed record TenderParticipant(Guid FirmId, BusinessCard? Firm, bool Eligible);

/// <summary>
/// One of a viewer's firms as its tender view needs it: the firm, whether it has a submitted bid of its own, the
/// lots it is bound to by another bidder (<see cref="ITenderBids.Bidding"/>), and whether it has a bid at all.
/// </summary>
public sealed record TenderViewerFirmFacts(TenderParticipant Firm, bool Submitted, int[] BoundLots, bool HasBid = false);

/// <summary>How the tender is configured on this server.</summary>
public sealed class TenderOptions
{
    /// <summary>
    /// How long after the submission deadline the bids are opened. A bid counts by the time it reached the server; the
    /// grace lets every bid that arrived before the deadline be stored before the tender reads them, however busy the
    /// server was in the last seconds.
    /// </summary>
    public TimeSpan OpeningGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After a material amendment, firms have at least this long until the submission deadline.</summary>
    public TimeSpan MinimumTenderingAfterAmendment { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How many leading CPV digits a firm's capability shares with a lot to be told of it (4: the CPV class).</summary>
    public int MatchDigits { get; set; } = 4;
}

/// <summary>The stored state of a tender, with the rules of its lifecycle, questions and evaluation.</summary>
public sealed partial class TenderState
{
    /// <summary>The kind of the event that opens the bids: the read models get the opened prices with it.</summary>
    public const string OpenedEvent = "BidsOpened";

    /// <summary>An amendment: its lots may differ, so the inboxes' matched lots are worked out again.</summary>
    public const string AmendedEvent = "Amended";

    /// <summary>The reason a lot nobody bid for is unsuccessful, decided when the bids are opened.</summary>
    public const string NoBidsReason = "No bids were received for this lot.";

    /// <summary>A lot's decision (<c>lot=N</c> in its detail): its bidders are told of it (the award notices).</summary>
    public const string LotAwardedEvent = "LotAwarded", LotUnsuccessfulEvent = "LotUnsuccessful";

    /// <summary>The buyer answered a question (<c>number=N</c> in its detail): the firm that asked it is told (the answer notices).</summary>
    public const string QuestionAnsweredEvent = "QuestionAnswered";

    public Guid Id { get; set; }
    public Guid BuyerId { get; set; }
    public Guid CreatedBy { get; set; }
    public List<Guid> Spaces { get; set; } = [];
    public TenderDetails? Details { get; set; }
    public TenderStatus Status { get; set; }
    public int Version { get; set; }
    public List<Amendment> Amendments { get; set; } = [];
    public List<Question> Questions { get; set; } = [];
    public List<OpenedBid> Bids { get; set; } = [];
    public List<BidScore> Scores { get; set; } = [];
    public List<LotDecision> Decisions { get; set; } = [];
    public string? CancelReason { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Every change, in order: the tender's part of its audit chain.</summary>
    public List<AuditEvent> History { get; set; } = [];
    /// <summary>Set for an external opportunity: a tender published on the buyer's own platform, imported by a space's admins.</summary>
    public ExternalSource? External { get; set; }

    public static readonly Refusal
        NotFound = new("tender.notFound", "No tender has this id."),
        AlreadyExists = new("tender.exists", "This tender already exists."),
        NoSuchBuyer = new("tender.noSuchBuyer", "No buyer has this id."),
        SpaceCount = new("tender.spaceCount", "A tender is published into 1 to {max} spaces."),
        NoSuchSpace = new("tender.noSuchSpace", "No space has this id."),
        NotApproved = new("tender.notApproved", "\"{space}\" has not approved this buyer to publish there: the buyer asks the space's admins first."),
        TenderingTooShort = new("tender.tenderingTooShort",
            "\"{space}\" gives firms at least {days} days to bid: published now, the submission deadline must be {earliest} or later."),
        AmendmentSummary = new("tender.amendmentSummary", "Say what the amendment changes, in at most {max} characters."),
        DeadlineForward = new("tender.deadlineForward", "An amendment never brings the submission deadline forward."),
        ContractStartMoved = new("tender.contractStartMoved", "The contract starts after the submission deadline, which this amendment moves to {deadline}."),
        EnquiriesClosed = new("tender.enquiriesClosed", "The enquiry period has ended: questions are no longer taken."),
        QuestionText = new("tender.questionText", "A question is 1 to {max} characters long."),
        NoSuchQuestion = new("tender.noSuchQuestion", "No question has this number."),
        QuestionAnswered = new("tender.questionAnswered", "This question is already answered; answers are not changed once given."),
        AnswerText = new("tender.answerText", "An answer is 1 to {max} characters long."),
        Tenderers = new("bid.tenderers", "A bid names its firms once each, with exactly one lead."),
        Cancelled = new("bid.tenderCancelled", "The tender was cancelled."),
        TooEarly = new("bid.tooEarly", "Bids are taken from the end of the enquiry period ({deadline})."),
        NoSuchFirm = new("bid.noSuchFirm", "No firm has this id."),
        FirmNotEligible = new("bid.firmNotEligible", "{firm} is not a member of a space this tender is published in."),
        NoSuchBid = new("tender.noSuchBid", "No opened bid has this id."),
        BidFailedIntegrity = new("tender.bidFailedIntegrity", "This bid failed its integrity check at opening: it is not evaluated."),
        NoSuchCriterion = new("tender.noSuchCriterion", "No criterion has this number."),
        PriceByFormula = new("tender.priceByFormula", "The price is scored by formula, not by hand."),
        BidDecided = new("tender.bidDecided", "Every lot of this bid is already decided."),
        Points = new("tender.points", "Points go from 0 to 100, with at most two decimals."),
        NoSuchLot = new("tender.noSuchLot", "No lot has this number."),
        LotDecided = new("tender.lotDecided", "This lot is already decided."),
        UnsuccessfulReason = new("tender.unsuccessfulReason", "Say why the lot is unsuccessful."),
        NoSuchLotBid = new("tender.noSuchLotBid", "No opened bid for this lot has this id."),
        ScoreFirst = new("tender.scoreFirst", "Score every bid for this lot on every criterion first."),
        AwardBest = new("tender.awardBest", "A lot is awarded to its best-ranked bid."),
        AlreadyAwarded = new("tender.alreadyAwarded", "A lot is already awarded: the tender can no longer be cancelled."),
        NoCancelReason = new("tender.cancelReason", "Say why the tender is cancelled."),
        NotTheAsker = new("tender.notTheAsker", "Only the firm's Owners and Managers ask for it."),
        NoSuchAsker = new("tender.noSuchFirm", "No firm has this id."),
        AskerNotEligible = new("tender.firmNotEligible", "Only member firms of a space this tender is published in take part."),
        WrongStatus = new("tender.wrongStatus", "Not possible while the tender is {status}."),
        ExternalBids = new("tender.externalBids", "This tender is published on the buyer's own platform: bids are submitted there, not here."),
        ExternalQuestions = new("tender.externalQuestions", "This tender is published on the buyer's own platform: questions are asked there, not here."),
        NotExternal = new("tender.notExternal", "This tender was published here: an import never changes it."),
        Stale = new("tender.stale", "The tender was changed by someone else: you edited version {expected}, the current one is {current}.");

    /// <summary>The statuses in which the buyer may take each action: the one home of each, for the commands and the views.</summary>
    static readonly TenderStatus[] DraftOnly = [TenderStatus.Draft], EnquiriesOnly = [TenderStatus.Enquiries],
        Answerable = [TenderStatus.Enquiries, TenderStatus.Tendering], EvaluationOnly = [TenderStatus.Evaluation],
        Cancellable = [TenderStatus.Draft, TenderStatus.Enquiries, TenderStatus.Tendering, TenderStatus.Opening, TenderStatus.Evaluation],
        AwardedOnly = [TenderStatus.Awarded];

    /// <summary>The statuses in which the buyer answers the firms' questions (a person's to-do list finds the questions waiting by them).</summary>
    public static IReadOnlyList<TenderStatus> AnswerableStatuses => Answerable;

    [JsonIgnore] public bool Exists => Version > 0;
    [JsonIgnore] TenderDetails Terms => Details!;

    public Outcome<TenderDetails> CheckDraft(DraftTender command, BusinessSnapshot? buyer, IReadOnlyCollection<Guid> existingSpaces, TenderActor actor)
    {
        if (Exists) return Problem.Conflict(AlreadyExists);
        if (CheckDrafter(buyer?.Kind, actor) is { } no) return no;
        return CheckSpaces(command.Spaces, existingSpaces) ?? TenderRules.Normalize(command.Details, null);
    }

    /// <summary>A tender is drafted for a buyer (<paramref name="buyerKind"/>: null when there is none) by someone who acts for it.</summary>
    public static Problem? CheckDrafter(BusinessKind? buyerKind, TenderActor actor) =>
        buyerKind != BusinessKind.Buyer ? Problem.Invalid("buyerId", NoSuchBuyer)
        : !actor.ActsForBuyer ? actor.Refusal()
        : null;

    static Problem? CheckSpaces(Guid[] spaces, IReadOnlyCollection<Guid> existing) =>
        spaces.Length is 0 or > TenderRules.MaxSpaces ? Problem.Invalid("spaces", SpaceCount, ("max", TenderRules.MaxSpaces))
        : spaces.FirstOrDefault(s => !existing.Contains(s)) is var missing && missing != Guid.Empty
            ? Problem.Invalid($"spaces[{Array.IndexOf(spaces, missing)}]", NoSuchSpace)
        : null;

    public void Draft(Guid id, DraftTender command, TenderDetails details, DateTimeOffset now)
    {
        Id = id;
        BuyerId = command.BuyerId;
        CreatedBy = command.ActorId;
        Spaces = [.. command.Spaces.Distinct()];
        Details = details;
        Status = TenderStatus.Draft;
        Record("Drafted", Detail(("details", BidSeal.Digest(details))), now);
    }

    public Outcome<TenderDetails> CheckEditDraft(EditTenderDraft command, IReadOnlyCollection<Guid> existingSpaces, TenderActor actor) =>
        Guard(actor, DraftOnly) ?? CheckVersion(command.ExpectedVersion) ?? CheckSpaces(command.Spaces, existingSpaces)
        ?? TenderRules.Normalize(command.Details, Details);

    public void EditDraft(EditTenderDraft command, TenderDetails details, DateTimeOffset now)
    {
        Spaces = [.. command.Spaces.Distinct()];
        Details = details;
        Record("DraftEdited", Detail(("details", BidSeal.Digest(details))), now);
    }

    /// <summary>
    /// Publishing into a space follows its rules: its admins have approved the buyer, and the firms get at least the
    /// space's minimum tendering period from now to the submission deadline.
    /// </summary>
    public Problem? CheckPublish(PublishTender command, TenderActor actor, DateTimeOffset now) =>
        Guard(actor, DraftOnly) ?? CheckVersion(command.ExpectedVersion) ?? TenderRules.CheckFuture(Terms, now)
        ?? (actor.Spaces.FirstOrDefault(s => !s.Approved) is { } space
            ? Problem.Forbidden(NotApproved, ("space", space.Name))
            : CheckTenderingPeriod(actor, now));

    /// <summary>
    /// The strictest space decides; the earliest deadline it takes is named, so the buyer knows what to set. A conflict
    /// (the draft is valid, just not publishable now), so the page shows it as the reason Publish is not offered.
    /// </summary>
    Problem? CheckTenderingPeriod(TenderActor actor, DateTimeOffset now) =>
        actor.Spaces.Where(s => Terms.SubmissionDeadline < now.AddDays(s.MinimumTenderingDays)).MaxBy(s => s.MinimumTenderingDays) is { } strictest
            ? Problem.Conflict(TenderingTooShort, ("space", strictest.Name), ("days", strictest.MinimumTenderingDays),
                ("earliest", now.AddDays(strictest.MinimumTenderingDays)))
            : null;

    public void Publish(DateTimeOffset now)
    {
        Status = TenderStatus.Enquiries;
        PublishedAt = now;
        Record("Published", Detail(("details", BidSeal.Digest(Terms))), now);
    }

    /// <summary>
    /// Moves past every deadline that has come: enquiries close, then (once <paramref name="openingGrace"/> after the
    /// submission deadline has passed too) submissions close and the tender waits to open its bids. Each transition is
    /// dated at its deadline, not when it was noticed.
    /// </summary>
    public bool CatchUp(DateTimeOffset now, TimeSpan openingGrace = default)
    {
        var moved = false;
        if (EnquiriesDue(now))
        {
            Status = TenderStatus.Tendering;
            Record("EnquiriesClosed", "", Terms.EnquiryDeadline);
            moved = true;
        }
        if (SubmissionsDue(now, openingGrace) && External is not null)
        {
            // Its bids went to the buyer's platform: nothing is opened here, the opportunity is over.
            Status = TenderStatus.Complete;
            Record("SubmissionsClosed", "", Terms.SubmissionDeadline);
            moved = true;
        }
        else if (SubmissionsDue(now, openingGrace))
        {
            Status = TenderStatus.Opening;
            Record("SubmissionsClosed", "", Terms.SubmissionDeadline);
            moved = true;
        }
        return CatchUpSoccorsi(now) | moved;
    }

    /// <summary>
    /// True when <see cref="CatchUp"/> has a transition to make, or bids wait to be opened: a reader of the stored
    /// state must let the tender move on first.
    /// </summary>
    public bool Due(DateTimeOffset now, TimeSpan openingGrace = default) =>
        EnquiriesDue(now) || SubmissionsDue(now, openingGrace) || Status == TenderStatus.Opening;

    bool EnquiriesDue(DateTimeOffset now) => Status == TenderStatus.Enquiries && now >= Terms.EnquiryDeadline;

    bool SubmissionsDue(DateTimeOffset now, TimeSpan openingGrace) =>
        Status == TenderStatus.Tendering && now >= Terms.SubmissionDeadline.Plus(openingGrace);

    /// <summary>
    /// Opens the bids stored before the deadline. A bid that failed its integrity check is in the audit chain as such
    /// and is never ranked. A lot nobody validly bid for is unsuccessful at once; when no lot has a bid, the whole
    /// tender is.
    /// </summary>
    public void Open(OpenedBid[] bids, DateTimeOffset now)
    {
        Bids = [.. bids.OrderBy(b => b.ReceivedAt)];
        Status = TenderStatus.Evaluation;
        Record(OpenedEvent, Detail(("bids", Bids.Count.ToString(CultureInfo.InvariantCulture)),
            ("digests", AuditChain.Sha256Hex(string.Join(',', Bids.Select(b => b.Digest))))), now);
        foreach (var failed in Bids.Where(b => b.Failure is not null))
            Record("BidIntegrityFailed", Detail(("bid", failed.BidId.ToString("N")), ("reason", failed.Failure.ToString()!)), now);
        foreach (var lot in Terms.Lots.Where(l => !Bids.Any(b => b.Lots.Any(p => p.Lot == l.Number))))
            Decisions.Add(new LotDecision(lot.Number, null, NoBidsReason, now));
        Conclude(now);
    }

    /// <summary>
    /// Checks an amendment and gives the details as they will stand: a material amendment gives firms at least
    /// <paramref name="minimumTendering"/> before submissions close, moving the deadline if needed.
    /// </summary>
    public Outcome<(TenderDetails Details, bool Material)> CheckAmend(AmendTender command, TenderActor actor, DateTimeOffset now, TimeSpan minimumTendering)
    {
        if ((Guard(actor, EnquiriesOnly) ?? CheckVersion(command.ExpectedVersion)) is { } no) return no;
        var summary = command.Summary.Clean();
        if (summary is null || summary.Length > TenderRules.MaxText) return Problem.Invalid("summary", AmendmentSummary, ("max", TenderRules.MaxText));
        var details = TenderRules.Normalize(command.Details, Details);
        if (details.Problem is { } bad) return bad;
        var amended = details.Value!;
        if (TenderRules.CheckFuture(amended, now) is { } past) return past;
        if (amended.SubmissionDeadline < Terms.SubmissionDeadline)
            return Problem.Invalid("submissionDeadline", DeadlineForward);
        var material = command.Material || TenderRules.IsMaterial(Terms, amended);
        var earliest = now.Plus(minimumTendering).Stored();
        if (material && amended.SubmissionDeadline < earliest) amended = amended with { SubmissionDeadline = earliest };
        if (amended.ContractStart is { } start && start < DateOnly.FromDateTime(amended.SubmissionDeadline.UtcDateTime))
            return Problem.Invalid("contractStart", ContractStartMoved, ("deadline", amended.SubmissionDeadline));
        return (amended, material);
    }

    public void Amend(string summary, TenderDetails details, bool material, DateTimeOffset now)
    {
        Details = details;
        Amendments.Add(new Amendment(Amendments.Count + 1, summary.Trim(), material, details.SubmissionDeadline, now));
        Record(AmendedEvent, Detail(("number", Amendments.Count.ToString(CultureInfo.InvariantCulture)), ("material", material ? "yes" : "no"),
            ("details", BidSeal.Digest(details))), now);
    }

    /// <param name="actor">The actor's roles as <see cref="IActsFor"/> answers them, as every check of a firm's step takes them.</param>
    public Problem? CheckAsk(AskQuestion command, ActingFor actor, TenderParticipant firm) =>
        CheckMayAsk(actor, firm) ?? (command.Text.Clean() is not { Length: <= TenderRules.MaxText }
            ? Problem.Invalid("text", QuestionText, ("max", TenderRules.MaxText)) : null);

    /// <summary>
    /// Whether the actor may ask for the firm now, whatever they ask. Who asks is checked before the tender's state:
    /// someone who may not ask for the firm learns nothing of the enquiry period from the refusal.
    /// </summary>
    Problem? CheckMayAsk(ActingFor actor, TenderParticipant firm) =>
        !Exists || Status == TenderStatus.Draft ? Problem.NotFound(NotFound)
        : CheckAsker(actor, firm) ?? (External is not null ? Problem.Conflict(ExternalQuestions)
            : Status != TenderStatus.Enquiries ? Problem.Conflict(EnquiriesClosed) : null);

    public void Ask(AskQuestion command, DateTimeOffset now)
    {
        Questions.Add(new Question(Questions.Count + 1, command.FirmId, command.Text.Trim(), now, null, null));
        Record("QuestionAsked", Detail(("number", Questions.Count.ToString(CultureInfo.InvariantCulture))), now);
    }

    public Problem? CheckAnswer(AnswerQuestion command, TenderActor actor) =>
        Guard(actor, Answerable)
        ?? (Questions.FirstOrDefault(q => q.Number == command.Number) is not { } question ? Problem.NotFound(NoSuchQuestion)
        : question.Answer is not null ? Problem.Conflict(QuestionAnswered)
        : command.Text.Clean() is not { Length: <= TenderRules.MaxText } ? Problem.Invalid("text", AnswerText, ("max", TenderRules.MaxText))
        : null);

    public void Answer(AnswerQuestion command, DateTimeOffset now)
    {
        var index = Questions.FindIndex(q => q.Number == command.Number);
        Questions[index] = Questions[index] with { Answer = command.Text.Trim(), AnsweredAt = now };
        Record(QuestionAnsweredEvent, Detail(("number", command.Number.ToString(CultureInfo.InvariantCulture))), now);
    }

    /// <summary>
    /// Bids that reached the server in the bidding window (<see cref="TenderRules.TakesBidsAt"/>) from member firms of its
    /// spaces. Judged on the stored state and the receipt time alone, so it changes nothing and many bids are judged at once.
    /// Who acts for the lead is checked before anything else about the bid or its firms: someone who does not is told the
    /// same whether the firm is a member of a space or not, and whatever the tender's state.
    /// </summary>
    public Problem? CheckAdmit(ActingFor actor, Tenderer[] tenderers, IReadOnlyList<TenderParticipant> firms, DateTimeOffset receivedAt)
    {
        if (!Exists || Status == TenderStatus.Draft) return Problem.NotFound(NotFound);
        if (tenderers.Length == 0 || tenderers.Count(t => t.Role == TendererRole.Lead) != 1 || tenderers.DistinctBy(t => t.FirmId).Count() != tenderers.Length)
            return Problem.Invalid("tenderers", Tenderers);
        var lead = tenderers.Single(t => t.Role == TendererRole.Lead).FirmId;
        if (!actor.Edits(lead)) return Problem.Forbidden(TenderRules.NotTheBidder);
        // Which firms take part comes before the bidding window, so a firm that takes no part is not told of it.
        foreach (var firm in firms)
        {
            if (firm.Firm?.Kind != BusinessKind.Firm) return Problem.Invalid("tenderers", NoSuchFirm);
            if (!firm.Eligible) return Problem.Forbidden(FirmNotEligible, ("firm", firm.Firm.Name));
        }
        if (External is not null) return Problem.Conflict(ExternalBids);
        return TenderRules.CheckWindow(Status, Terms.EnquiryDeadline, Terms.SubmissionDeadline, receivedAt);
    }

    public Problem? CheckScore(ScoreBid command, TenderActor actor) =>
        Guard(actor, EvaluationOnly)
        ?? (!Bids.Any(b => b.BidId == command.BidId) ? Problem.NotFound(NoSuchBid)
        : Bids.Single(b => b.BidId == command.BidId).Failure is not null ? Problem.Conflict(BidFailedIntegrity)
        : CheckNotExcluded(command.BidId) is { } excluded ? excluded
        : Terms.Criteria.FirstOrDefault(c => c.Number == command.Criterion) is not { } criterion ? Problem.Invalid("criterion", NoSuchCriterion)
        : criterion.Kind == CriterionKind.Price ? Problem.Invalid("criterion", PriceByFormula)
        : Bids.Single(b => b.BidId == command.BidId).Lots.All(l => Decided(l.Lot)) ? Problem.Conflict(BidDecided)
        : command.Points is < 0 or > 100 || decimal.Round(command.Points, 2) != command.Points ? Problem.Invalid("points", Points)
        : null);

    public void Score(ScoreBid command, DateTimeOffset now)
    {
        Scores.RemoveAll(s => s.BidId == command.BidId && s.Criterion == command.Criterion);
        Scores.Add(new BidScore(command.BidId, command.Criterion, command.Points));
        Record("Scored", Detail(("bid", command.BidId.ToString("N")), ("criterion", command.Criterion.ToString(CultureInfo.InvariantCulture)),
            ("points", command.Points.ToString(CultureInfo.InvariantCulture))), now);
    }

    public IReadOnlyList<RankedBid> Ranking(int lot) => TenderEvaluation.Rank(Terms, Bids, Scores, Exclusions, lot);

    /// <summary>
    /// A lot goes to its best-ranked admissible bid once every admissible bid for it is fully scored; or it is declared
    /// unsuccessful, with a reason. An excluded bid is refused as such, not as a bid the lot does not know.
    /// </summary>
    public Problem? CheckDecide(DecideLot command, TenderActor actor)
    {
        if (Guard(actor, EvaluationOnly) is { } no) return no;
        if (!Terms.Lots.Any(l => l.Number == command.Lot)) return Problem.Invalid("lot", NoSuchLot);
        if (Decided(command.Lot)) return Problem.Conflict(LotDecided);
        if (command.BidId is not { } bidId)
            return command.Reason.Clean() is { Length: <= TenderRules.MaxText } ? null : Problem.Invalid("reason", UnsuccessfulReason);
        if (CheckNotExcluded(bidId) is { } excluded) return excluded;
        var ranking = Ranking(command.Lot);
        if (!ranking.Any(r => r.BidId == bidId)) return Problem.Invalid("bidId", NoSuchLotBid);
        if (ranking.Any(r => !r.Complete)) return Problem.Conflict(ScoreFirst);
        return ranking[0].BidId == bidId ? null : Problem.Conflict(AwardBest);
    }

    public void Decide(DecideLot command, DateTimeOffset now)
    {
        var standstill = command.BidId is null ? null : Standstill.Ends(now, Ranking(command.Lot).Count);
        Decisions.Add(new LotDecision(command.Lot, command.BidId, command.BidId is null ? command.Reason!.Trim() : null, now, standstill));
        (string, string)[] parts = [("lot", command.Lot.ToString(CultureInfo.InvariantCulture)), ("bid", command.BidId?.ToString("N") ?? "")];
        // The standstill's end is part of the award as communicated: the public chain fixes it with the decision.
        if (standstill is { } ends) parts = [.. parts, ("standstillEnds", ends.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))];
        Record(command.BidId is null ? LotUnsuccessfulEvent : LotAwardedEvent, Detail(parts), now);
        Conclude(now);
    }

    /// <summary>Cancelling ends the tender at any point before a lot is awarded.</summary>
    public Problem? CheckCancel(CancelTender command, TenderActor actor) =>
        CheckMayCancel(actor) ?? (command.Reason.Clean() is not { Length: <= TenderRules.MaxText } ? Problem.Invalid("reason", NoCancelReason) : null);

    Problem? CheckMayCancel(TenderActor actor) =>
        Guard(actor, Cancellable) ?? (Decisions.Any(d => d.BidId is not null) ? Problem.Conflict(AlreadyAwarded) : null);

    public void Cancel(CancelTender command, DateTimeOffset now)
    {
        Status = TenderStatus.Cancelled;
        CancelReason = command.Reason.Trim();
        Record("Cancelled", "", now);
    }

    /// <summary>The buyer closes an awarded tender once its contracts are signed, so not while a standstill runs (art. 18 c. 3 D.Lgs. 36/2023).</summary>
    public Problem? CheckComplete(TenderActor actor, DateTimeOffset now) =>
        Guard(actor, AwardedOnly)
        ?? (Standstill.RunningUntil(Decisions, now) is { } until
            ? Problem.Conflict(StandstillRuns, ("until", until.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))) : null);

    public static readonly Refusal StandstillRuns = new("tender.standstill",
        "The standstill runs until {until}: no contract is signed before it ends (art. 18 c. 3 D.Lgs. 36/2023), so the tender is not completed yet.");

    public void Complete(DateTimeOffset now)
    {
        Status = TenderStatus.Complete;
        Record("Completed", "", now);
    }

    /// <summary>
    /// What the actor may do with the tender now, by the rules the commands run: for the buyer (each action judged as
    /// its command would be before looking at what is sent), and for each of the actor's <paramref name="firms"/>:
    /// asking, and bidding or withdrawing alone (<see cref="CheckAdmit"/>), blocked too for each lot the firm is bound
    /// to by another bidder (<see cref="OneBidPerLot"/>).
    /// <para>
    /// Two refusals that are no conflict are told as blockers all the same, to the one person each is about, in the
    /// words their refused request would get, so that the page says why rather than leaving them to wonder: the
    /// creator of a draft who no longer acts for the buyer (an admin whose mandate the buyer revoked: they still see
    /// the draft, <see cref="TenderVisibility.Sees"/>) is told so on each of the draft's actions; and a firm outside
    /// the tender's spaces is told so on asking and bidding, to its Owners and Managers only (the firm's memberships are
    /// theirs to know, and the tender's spaces are on its page).
    /// </para>
    /// </summary>
    /// <param name="roles">The actor's roles in <paramref name="firms"/>, as <see cref="IActsFor"/> answers them.</param>
    public TenderViewerActions ViewFor(TenderActor actor, ActingFor roles, IReadOnlyList<TenderViewerFirmFacts> firms, DateTimeOffset now)
    {
        var buyer = BuyerActions(actor, now);
        if (Status == TenderStatus.Draft && actor.UserId == CreatedBy && !actor.ActsForBuyer)
        {
            var refusal = actor.Refusal();
            buyer = new([], [.. BuyerActions(actor with { BuyerEditor = true }, now).Allowed.Select(action => Blocker(action, refusal))]);
        }
        return new(buyer, [.. firms.Select(f => new TenderViewerFirm(f.Firm.FirmId, FirmActions(roles, f, now), f.HasBid))]);
    }

    ViewerActions<TenderAction> BuyerActions(TenderActor actor, DateTimeOffset now) => ViewerActions<TenderAction>.Of(
        (TenderAction.Edit, Guard(actor, DraftOnly)),
        (TenderAction.Publish, Guard(actor, DraftOnly) ?? CheckTenderingPeriod(actor, now)),
        (TenderAction.Amend, Guard(actor, EnquiriesOnly)),
        (TenderAction.Answer, Guard(actor, Answerable)),
        (TenderAction.Score, Guard(actor, EvaluationOnly)),
        (TenderAction.Decide, Guard(actor, EvaluationOnly)),
        (TenderAction.Cancel, CheckMayCancel(actor)),
        (TenderAction.Complete, CheckComplete(actor, now)));

    ViewerActions<TenderFirmAction> FirmActions(ActingFor roles, TenderViewerFirmFacts facts, DateTimeOffset now)
    {
        var ask = CheckMayAsk(roles, facts.Firm);
        var admit = CheckAdmit(roles, [new Tenderer(facts.Firm.FirmId, TendererRole.Lead)], [facts.Firm], now);
        if (facts.Firm is { Eligible: false, Firm: not null } && roles.Edits(facts.Firm.FirmId) && ask is not null && admit is not null)
            return new([], [Blocker(TenderFirmAction.Ask, ask), Blocker(TenderFirmAction.Bid, admit)]);
        // Each lot the firm is bound to elsewhere blocks its bid for that lot, as storing it would (the same refusal);
        // bound to every lot, the firm has nothing left to bid for alone.
        (TenderFirmAction, Problem?)[] bound = admit is null
            ? [.. facts.BoundLots.Select(lot => (TenderFirmAction.Bid, (Problem?)BidNotStoredException.Clash(lot).Problem))] : [];
        (TenderFirmAction, Problem?)[] bid = admit is not null || Terms.Lots.Any(l => !facts.BoundLots.Contains(l.Number))
            ? [(TenderFirmAction.Bid, admit)] : [];
        return ViewerActions<TenderFirmAction>.Of([
            (TenderFirmAction.Ask, ask),
            .. bid,
            .. bound,
            (TenderFirmAction.Withdraw, admit ?? (facts.Submitted ? null : Problem.Conflict(BidState.NothingToWithdraw)))]);
    }

    static ActionBlocker<TAction> Blocker<TAction>(TAction action, Problem refusal) where TAction : struct, Enum => new(action, refusal.Code, refusal.Args);

    public TenderSnapshot ToSnapshot() => new(Id, BuyerId, CreatedBy, [.. Spaces], Terms, Status, Version, [.. Amendments], [.. Questions],
        [.. Bids], [.. Scores], [.. Decisions], CancelReason, PublishedAt, UpdatedAt, External, [.. Exclusions], [.. Soccorsi]);

    bool Decided(int lot) => Decisions.Any(d => d.Lot == lot);

    void Conclude(DateTimeOffset now)
    {
        if (Terms.Lots.Any(l => !Decided(l.Number))) return;
        Status = Decisions.Any(d => d.BidId is not null) ? TenderStatus.Awarded : TenderStatus.Unsuccessful;
        Record(Status.ToString(), "", now);
    }

    static Problem? CheckAsker(ActingFor actor, TenderParticipant firm) =>
        !actor.Edits(firm.FirmId) ? Problem.Forbidden(NotTheAsker)
        : firm.Firm?.Kind != BusinessKind.Firm ? Problem.Invalid("firmId", NoSuchAsker)
        : !firm.Eligible ? Problem.Forbidden(AskerNotEligible)
        : null;

    /// <summary>A tender the actor may not see does not exist (<see cref="TenderVisibility.Sees"/>); one they see but do not act for is refused.</summary>
    Problem? Guard(TenderActor actor, TenderStatus[] statuses) =>
        !Exists || !TenderVisibility.Sees(Status, CreatedBy, actor.UserId, actor.ActsForBuyer) ? Problem.NotFound(NotFound)
        : !actor.ActsForBuyer ? actor.Refusal()
        : !statuses.Contains(Status) ? Problem.Conflict(WrongStatus, ("status", Status))
        : null;

    Problem? CheckVersion(int expected) => expected != Version
        ? Problem.Conflict(Stale, ("expected", expected), ("current", Version)) : null;

    static string Detail(params (string Key, string Value)[] parts) => string.Join(';', parts.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Every change goes through here: the version moves and the audit chain gets its event.</summary>
    void Record(string kind, string detail, DateTimeOffset at)
    {
        Version++;
        UpdatedAt = at > UpdatedAt ? at : UpdatedAt;
        History.Add(new AuditEvent(History.Count + 1, kind, detail, at));
    }
}
