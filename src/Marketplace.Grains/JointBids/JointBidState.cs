using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Alliances;
using Marketplace.Qualifications;
using Marketplace.Showcase;
using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>Who edits a joint bid: the user, the alliance's active firms they act for, and whether they act for its lead.</summary>
public sealed record JointActor(Guid UserId, Guid[] Firms, bool Lead);

/// <summary>
/// The stored state of a joint bid, with the rules of co-editing, shares and sign-off. Its drafts are bid content:
/// stored encrypted with its tender's key (<see cref="ISealedState"/>).
/// </summary>
public sealed class JointBidState : ISealedState
{
    public const int MaxTitle = 200, MaxDescription = 4000, MaxPackages = 200, MaxAnswer = 8000;

    public static readonly Refusal
        NotFound = new("jointBid.notFound", "No joint bid you may see has this id."),
        NotAnEditor = new("jointBid.notAnEditor", "Only the people of the alliance's firms (Owners and Managers) edit its bid."),
        Closed = new("jointBid.closed", "The tender no longer takes bids: the joint bid is closed."),
        PackageTitle = new("jointBid.packageTitle", "A work package has a title of at most {max} characters."),
        TooLong = new("jointBid.tooLong", "At most {max} characters."),
        NoSuchLot = new("jointBid.noSuchLot", "No lot of the tender has this number."),
        PackageFirm = new("jointBid.packageFirm", "A work package goes to a firm of the alliance."),
        LotCurrency = new("jointBid.lotCurrency", "This lot is priced in {currency}."),
        NoSuchPackage = new("jointBid.noSuchPackage", "No work package has this id."),
        PackageChanged = new("jointBid.packageChanged", "Someone else saved the work package \u201c{title}\u201d meanwhile (version {version}); here is the current one."),
        NotThePackageOwner = new("jointBid.notThePackageOwner", "This work package belongs to another firm: only its Owners and Managers change or delete it (the lead may give it to another firm)."),
        NotTheLeadToReassign = new("jointBid.notTheLeadToReassign", "A firm adds and keeps work packages for itself: only the lead gives work to another firm."),
        PackageChangedBeforeDelete = new("jointBid.packageChangedBeforeDelete", "Someone else saved this work package meanwhile (version {version})."),
        TooManyPackages = new("jointBid.tooManyPackages", "A joint bid has at most {max} work packages."),
        NoSuchCriterion = new("jointBid.noSuchCriterion", "No quality criterion has this number."),
        AnswerText = new("jointBid.answerText", "An answer is 1 to {max} characters long."),
        AnswerChanged = new("jointBid.answerChanged", "Someone else saved this answer meanwhile; here is the current one."),
        NotTheAttacher = new("jointBid.notTheAttacher", "A firm attaches its own files, by its Owners and Managers."),
        NoFiles = new("jointBid.noFiles", "Choose at least one file."),
        AlreadyAttached = new("jointBid.alreadyAttached", "{name} is already attached."),
        TooManyFiles = new("jointBid.tooManyFiles", "A bid carries at most {max} documents."),
        NoSuchDocument = new("jointBid.noSuchDocument", "No document of the joint bid has this id."),
        NotTheDetacher = new("jointBid.notTheDetacher", "The firm that attached a file, or the lead, takes it off."),
        NotASigner = new("jointBid.notASigner", "Only the lead and the members sign the joint bid, each by its own Owners and Managers."),
        NothingToSign = new("jointBid.nothingToSign", "There is nothing to sign yet: add the work packages first."),
        SignerAgreement = new("jointBid.signerAgreement", "Accept the alliance's agreement (version {version}) first: a firm signs the bid under the terms in force."),
        SignChanged = new("jointBid.signChanged", "The joint bid changed since you read it: review the current version and sign that."),
        AlreadySigned = new("jointBid.alreadySigned", "This firm already signed this version."),
        NotTheLeadToSubmit = new("jointBid.notTheLeadToSubmit", "Only the lead submits the joint bid."),
        NotTheLeadToWithdraw = new("jointBid.notTheLeadToWithdraw", "Only the lead withdraws the joint bid."),
        Unsigned = new("jointBid.unsigned", "{count} firm(s) have not signed the current version yet."),
        AgreementNotAccepted = new("jointBid.agreementNotAccepted", "Every bidding firm accepts the alliance's agreement (version {version}) before the bid goes in."),
        RemovedLot = new("jointBid.removedLot", "Some work packages or quotas are for a lot the tender no longer has (it was amended): move or delete them first."),
        DepartedFirm = new("jointBid.departedFirm", "Some work packages, files or quotas belong to a firm no longer in the alliance: reassign or remove them first."),
        Unanswered = new("jointBid.unanswered", "Answer every quality criterion before submitting: {criteria}."),
        AlreadySubmitted = new("jointBid.alreadySubmitted", "This very content is already submitted: a change, signed again by every firm, is submitted again.");

    /// <summary>
    /// The audit events that change nothing a firm approves (a submission's: a bid whose last event it is has not
    /// changed since); every other one is a change its firms are asked to approve (<c>SignOffNotices</c>).
    /// </summary>
    public const string SubmittedEvent = "Submitted", SignedOffEvent = "SignedOff", WithdrawnEvent = "Withdrawn";

    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public Guid AllianceId { get; set; }
    public Guid TenderId { get; set; }
    public List<WorkPackage> WorkPackages { get; set; } = [];
    public List<JointAnswer> Answers { get; set; } = [];
    public List<JointDocument> Documents { get; set; } = [];
    /// <summary>The bidding firms (lead and members) by id, as the joint bid last saw the alliance: who bids is part of the bid.</summary>
    public List<Tenderer> Bidders { get; set; } = [];
    public List<SignOff> SignOffs { get; set; } = [];
    /// <summary>Each bidding firm's participation and execution quota per lot, by lot (<see cref="QuotaRules"/>); saved as a whole.</summary>
    public List<BidQuota> Quotas { get; set; } = [];
    /// <summary>The quotas' own version: a save from an older one is refused, whatever else changed meanwhile.</summary>
    public int QuotasVersion { get; set; }
    /// <summary>The parts of each lot the grouping declares it subcontracts (<see cref="SubcontractRules"/>); saved as a whole.</summary>
    public List<BidSubcontract> Subcontracts { get; set; } = [];
    /// <summary>The declarations' own version: a save from an older one is refused.</summary>
    public int SubcontractsVersion { get; set; }
    /// <summary>The auxiliary firms' lendings the bidding firms rely on (avvalimento, <see cref="RelianceRules"/>); saved as a whole.</summary>
    public List<Lending> Reliances { get; set; } = [];
    /// <summary>The reliances' own version: a save from an older one is refused, whatever else changed meanwhile.</summary>
    public int ReliancesVersion { get; set; }
    /// <summary>Every answer the auxiliaries gave, each to one reliance's digest (<see cref="JointBidReliances"/>); kept, never rewritten.</summary>
    public List<AuxiliaryAnswer> AuxiliaryAnswers { get; set; } = [];
    /// <summary>The auxiliaries' names as their pages said at the last save of the reliances: a refused submission names them.</summary>
    public Dictionary<Guid, string> AuxiliaryNames { get; set; } = [];
    /// <summary>
    /// Each bidding and auxiliary firm's DGUE as the grain read it for this command (signing, submission, a stored change), never
    /// stored: a sign-off whose firm's DGUE changed since no longer counts (<see cref="JointBidDgues"/>). Null when not
    /// read: a sign-off then counts by the content it approved.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<Guid, DgueNow>? DguesNow { get; set; }
    public Receipt? Receipt { get; set; }
    /// <summary>The lead's person who submitted: the won project is published in the showcase in their name.</summary>
    public Guid? SubmittedBy { get; set; }
    /// <summary>The showcase project made of this bid once it won (its id is the bid's).</summary>
    public Guid? ShowcaseId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>
    /// The changes not yet in the tender's audit chain, in order: the joint bid's part of the chain goes there with the
    /// write that stores them (<c>JointBidProjector</c>, in the same transaction), and the grain then lets go of them
    /// (<see cref="Chained"/>), so the stored bid stays the size of its content, not of its history (issue #11: a bid
    /// edited a thousand times wrote its every earlier change again with each edit). A bid stored before that holds its
    /// whole history here, and goes on from it.
    /// </summary>
    public List<AuditEvent> History { get; set; } = [];
    /// <summary>The last of the bid's changes in the audit chain, once <see cref="History"/> let go of it (null before).</summary>
    public AuditEvent? LastChained { get; set; }

    /// <summary>The bid's last change, chained or not: the next one is numbered after it.</summary>
    AuditEvent? LastEvent => History.Count > 0 ? History[^1] : LastChained;

    /// <summary>
    /// The digest firms sign: SHA-256 of the content's canonical JSON (work packages by id, answers by criterion and
    /// documents by id with their own SHA-256, without edit versions) and of who bids, as lead or member, so it names
    /// exactly what is being approved.
    /// </summary>
    [JsonIgnore]
    public string Digest
    {
        get
        {
            // Every read of the bid asks for it several times (its snapshot, who has yet to sign, the submit and sign
            // checks). The content changes only with a new version (every change is recorded), or, for a bid not
            // started, with the alliance and tender it takes: so it is worked out once for each of those.
            var key = (Version, AllianceId, TenderId);
            if (digest is { } known && known.Key == key) return known.Value;
            var value = AuditChain.Sha256Hex(SignedContent());
            digest = (key, value);
            return value;
        }
    }

    /// <summary>
    /// The content firms sign, as the canonical JSON whose SHA-256 is <see cref="Digest"/>: the joint-bid package hands
    /// out these very characters, so anyone can hash them and compare with each sign-off.
    /// </summary>
    public string SignedContent()
    {
        var content = new
        {
            AllianceId, TenderId,
            WorkPackages = WorkPackages.OrderBy(w => w.Id).Select(w => new { w.Id, w.Title, w.Lot, w.Description, w.FirmId, w.Price }),
            Answers = Answers.OrderBy(a => a.Criterion).Select(a => new { a.Criterion, a.Text }),
            Documents = Documents.OrderBy(d => d.Document.Id).Select(d => new { d.Document.Id, d.Document.Sha256, d.FirmId }),
            Bidders = Bidders.Select(b => new { b.FirmId, b.Role }),
        };
        // The quotas and reliances are signed with the rest; a bid without either keeps the very content (and digest) it
        // had before they existed, so no firm's stored sign-off of such a bid is voided by this version of the product.
        var signed = Reliances.Count > 0
            ? JsonSerializer.Serialize(new
            {
                content.AllianceId, content.TenderId, content.WorkPackages, content.Answers, content.Documents, content.Bidders,
                Quotas = Quotas.Select(q => new { q.Lot, q.FirmId, q.Participation, q.Execution }),
                Reliances = Reliances.Select(r => new { r.Lot, r.AuxiliaryId, r.RelyingFirmId, r.Kind, r.Category, r.Class, r.Amount, r.ContractId }),
            }, Canonical)
            : Quotas.Count == 0 ? JsonSerializer.Serialize(content, Canonical)
            : JsonSerializer.Serialize(new
            {
                content.AllianceId, content.TenderId, content.WorkPackages, content.Answers, content.Documents, content.Bidders,
                Quotas = Quotas.Select(q => new { q.Lot, q.FirmId, q.Participation, q.Execution }),
            }, Canonical);
        // The subcontracting declarations go last, whatever came before them (JointBidSubcontracting.Signed).
        return JointBidSubcontracting.Signed(signed, Subcontracts, Canonical);
    }

    /// <summary>The last <see cref="Digest"/> worked out, and the version (with the alliance and tender) it is of.</summary>
    ((int Version, Guid AllianceId, Guid TenderId) Key, string Value)? digest;

    /// <summary>
    /// The joint bid as it stands with the alliance now: this one, or, when the bidding firms changed since it was
    /// stored (or it was never started), a copy that takes them and leaves this one as stored. A read shows the copy
    /// and changes nothing; a command checks and changes the copy, and stores it.
    /// </summary>
    public JointBidState Following(AllianceSnapshot alliance, DateTimeOffset now)
    {
        if (TenderId != Guid.Empty && alliance.Tenderers().OrderBy(t => t.FirmId).SequenceEqual(Bidders)) return this;
        var next = (JointBidState)MemberwiseClone();
        next.WorkPackages = [.. WorkPackages];
        next.Answers = [.. Answers];
        next.Documents = [.. Documents];
        next.Bidders = [.. Bidders];
        next.SignOffs = [.. SignOffs];
        next.Quotas = [.. Quotas];
        next.Subcontracts = [.. Subcontracts];
        next.Reliances = [.. Reliances];
        next.AuxiliaryAnswers = [.. AuxiliaryAnswers];
        next.History = [.. History];
        if (next.TenderId == Guid.Empty)
        {
            next.AllianceId = alliance.Id;
            next.TenderId = alliance.TenderId ?? Guid.Empty;
        }
        next.SyncBidders(alliance, now);
        return next;
    }

    /// <summary>
    /// Takes the alliance's bidding firms as they are now. A change (a firm joined, left or was removed, or the lead
    /// was handed over) is a change of the bid: it voids every sign-off.
    /// </summary>
    public void SyncBidders(AllianceSnapshot alliance, DateTimeOffset now)
    {
        var current = alliance.Tenderers().OrderBy(t => t.FirmId).ToList();
        if (current.SequenceEqual(Bidders)) return;
        Bidders = current;
        Edited("BiddersChanged", string.Join(",", current.Select(t => $"{t.FirmId:N}:{t.Role}")), now);
    }

    /// <summary>The bid's price per lot: the sum of its work packages, exactly (decimal, no rounding).</summary>
    public LotPrice[] LotPrices() => [.. WorkPackages.GroupBy(w => w.Lot).OrderBy(g => g.Key)
        .Select(g => new LotPrice(g.Key, new Money(g.Sum(w => w.Price.Amount), g.First().Price.Currency)))];

    /// <summary>
    /// Each firm's share: its packages' sum and the percentage of the total, to two decimals. The percentages are
    /// largest-remainder rounded, so they always add up to exactly 100.
    /// </summary>
    public FirmShare[] Shares()
    {
        var byFirm = WorkPackages.GroupBy(w => w.FirmId).Select(g => (Firm: g.Key, Amount: g.Sum(w => w.Price.Amount), Currency: g.First().Price.Currency)).ToList();
        var total = byFirm.Sum(f => f.Amount);
        if (total == 0) return [];
        var exact = byFirm.Select(f => (f.Firm, f.Amount, f.Currency, Percent: f.Amount * 100m / total)).ToList();
        var floored = exact.Select(f => Math.Floor(f.Percent * 100m) / 100m).ToList();
        var leftover = (int)Math.Round((100m - floored.Sum()) * 100m);
        var order = exact.Select((f, i) => (i, Remainder: f.Percent - floored[i])).OrderByDescending(x => x.Remainder).ThenBy(x => x.i).Select(x => x.i).ToList();
        for (var k = 0; k < leftover; k++) floored[order[k % order.Count]] += 0.01m;
        return [.. exact.Select((f, i) => new FirmShare(f.Firm, new Money(f.Amount, f.Currency), floored[i]))];
    }

    /// <summary>
    /// The firms co-author every part (a firm's sign-off protects what it agreed to), until the tender stops taking
    /// bids. A submitted bid may still be changed: the change voids the sign-offs, and the lead resubmits it once
    /// every firm signs again, which replaces the submission, as a single firm's resubmission does.
    /// </summary>
    public Problem? CheckEdit(JointActor actor, AllianceSnapshot? alliance, TenderSnapshot? tender) =>
        alliance is null || alliance.TenderId is null || tender is null ? Problem.NotFound(NotFound)
        : actor.Firms.Length == 0 ? Problem.Forbidden(NotAnEditor)
        : tender.Status is not (TenderStatus.Enquiries or TenderStatus.Tendering) ? Problem.Conflict(Closed)
        : null;

    /// <summary>
    /// A save of a work package. Its owner is the firm it is assigned to: only that firm's people change it, and they keep
    /// it for their firms; the lead's people also give any package to any active firm (a new one, or another firm's as it
    /// is: what the work is and what it costs stay its owner's word). A stale save is refused with the package's title
    /// and version, and the client keeps what its user typed (the web's stale.ts).
    /// </summary>
    public Outcome<WorkPackage> CheckSave(SaveWorkPackage command, JointActor actor, AllianceSnapshot alliance, TenderSnapshot tender)
    {
        var current = command.Id is { } id ? WorkPackages.FirstOrDefault(w => w.Id == id) : null;
        if (command.Id is not null && current is null) return Problem.NotFound(NoSuchPackage);
        var owns = current is null || actor.Firms.Contains(current.FirmId);
        if (!owns && !actor.Lead) return Problem.Forbidden(NotThePackageOwner);
        // A firm that is not in the alliance at all is a field error below, not a question of who gives work to whom.
        if (!actor.Lead && !actor.Firms.Contains(command.FirmId) && alliance.IsActive(command.FirmId)) return Problem.Forbidden(NotTheLeadToReassign);
        var errors = new Dictionary<string, FieldProblem[]>();
        var title = command.Title.Clean();
        if (title is null || title.Length > MaxTitle) errors["title"] = [FieldProblem.Of(PackageTitle, ("max", MaxTitle))];
        var description = command.Description.Clean();
        if (description?.Length > MaxDescription) errors["description"] = [FieldProblem.Of(TooLong, ("max", MaxDescription))];
        var lot = tender.Details.Lots.FirstOrDefault(l => l.Number == command.Lot);
        if (lot is null) errors["lot"] = [FieldProblem.Of(NoSuchLot)];
        if (!alliance.IsActive(command.FirmId)) errors["firmId"] = [FieldProblem.Of(PackageFirm)];
        var price = MoneyRules.Normalize(command.Price, "price", errors, allowZero: false);
        if (lot is not null && price.Currency != TenderRules.CurrencyOf(lot)) errors["price.currency"] = [FieldProblem.Of(LotCurrency, ("currency", TenderRules.CurrencyOf(lot)))];
        if (current is not null && current.Version != command.ExpectedVersion)
            return Problem.Conflict(PackageChanged, ("version", current.Version), ("title", current.Title));
        if (current is null && WorkPackages.Count >= MaxPackages) errors["workPackages"] = [FieldProblem.Of(TooManyPackages, ("max", MaxPackages))];
        if (errors.Count > 0) return Problem.Invalid(errors);
        var next = new WorkPackage(current?.Id ?? Guid.NewGuid(), title!, command.Lot, description, command.FirmId, price, command.ExpectedVersion + 1);
        if (!owns && next with { FirmId = current!.FirmId, Version = current.Version } != current) return Problem.Forbidden(NotThePackageOwner);
        return next;
    }

    /// <summary>Only the owner's people (the firm the package is assigned to) may change or delete it.</summary>
    static Problem? CheckOwner(WorkPackage package, JointActor actor) =>
        actor.Firms.Contains(package.FirmId) ? null : Problem.Forbidden(NotThePackageOwner);

    /// <summary>Only the lead's people give a package to another firm.</summary>
    static Problem? CheckReassign(JointActor actor) => actor.Lead ? null : Problem.Forbidden(NotTheLeadToReassign);

    public void Save(WorkPackage package, DateTimeOffset now)
    {
        var index = WorkPackages.FindIndex(w => w.Id == package.Id);
        if (index < 0) WorkPackages.Add(package with { Version = 1 });
        else WorkPackages[index] = package;
        Edited("WorkPackageSaved", $"package={package.Id:N}", now);
    }

    public Problem? CheckDelete(Guid id, int expectedVersion, JointActor actor) =>
        WorkPackages.FirstOrDefault(w => w.Id == id) is not { } current ? Problem.NotFound(NoSuchPackage)
        : CheckOwner(current, actor)
        ?? (current.Version != expectedVersion ? Problem.Conflict(PackageChangedBeforeDelete, ("version", current.Version))
        : null);

    public void Delete(Guid id, DateTimeOffset now)
    {
        WorkPackages.RemoveAll(w => w.Id == id);
        Edited("WorkPackageDeleted", $"package={id:N}", now);
    }

    /// <summary>
    /// A save of the quotas, by whoever edits the bid (<see cref="CheckEdit"/>, checked first): from the version read,
    /// and right by <see cref="QuotaRules.Check"/>, or nothing is stored.
    /// </summary>
    public Problem? CheckQuotas(SaveJointQuotas command, AllianceSnapshot alliance, TenderSnapshot tender) =>
        command.ExpectedVersion != QuotasVersion ? Problem.Conflict(QuotaRules.Changed, ("version", QuotasVersion))
        : QuotaRules.Check(command.Quotas, [.. tender.Details.Lots.Select(l => l.Number)], [.. alliance.Tenderers().Select(t => t.FirmId)], alliance.LeadId) is { } errors
            ? Problem.Invalid(errors)
        : null;

    /// <summary>Stores the quotas by lot (each lot's firms in the order given) and voids the sign-offs, like any change of content.</summary>
    public void SaveQuotas(SaveJointQuotas command, DateTimeOffset now)
    {
        Quotas = [.. command.Quotas.OrderBy(q => q.Lot)];
        QuotasVersion++;
        Edited("QuotasSaved", $"quotas={QuotasVersion.ToString(CultureInfo.InvariantCulture)}", now);
    }

    /// <summary>
    /// A save of the reliances, by whoever edits the bid (<see cref="CheckEdit"/>, checked first): from the version
    /// read, and right by <see cref="RelianceRules.Check"/> against the auxiliaries as they stand, or nothing is stored.
    /// </summary>
    public Problem? CheckReliances(SaveJointReliances command, JointActor actor, AllianceSnapshot alliance, TenderSnapshot tender,
        IReadOnlyDictionary<Guid, AuxiliaryFirm> auxiliaries, DateOnly today) =>
        command.ExpectedVersion != ReliancesVersion ? Problem.Conflict(RelianceRules.Changed, ("version", ReliancesVersion))
        : RelianceRules.Check(command.Reliances, tender.Details.Lots, [.. alliance.Tenderers().Select(t => t.FirmId)], actor.Firms, actor.Lead,
            auxiliaries, today, [.. Documents.Select(d => d.Document.Id)]) is { } errors ? Problem.Invalid(errors)
        : null;

    /// <summary>
    /// Stores the reliances by lot and voids the sign-offs, like any change of content; the history records their
    /// digest, not what they say (the audit chain is read by more people than the bid).
    /// </summary>
    public void SaveReliances(SaveJointReliances command, DateTimeOffset now)
    {
        Reliances = [.. command.Reliances.Select(RelianceRules.Normalize).OrderBy(r => r.Lot)];
        ReliancesVersion++;
        var digest = AuditChain.Sha256Hex(JsonSerializer.Serialize(Reliances, Canonical));
        Edited("ReliancesSaved", $"reliances={ReliancesVersion.ToString(CultureInfo.InvariantCulture)};sha256={digest}", now);
    }

    /// <summary>The quotas' warnings now, against the work packages as they stand (<see cref="QuotaRules.Warnings"/>).</summary>
    public QuotaWarning[] QuotaWarnings() =>
        QuotaRules.Warnings(Quotas, [.. WorkPackages.Select(w => (w.Lot, w.FirmId, w.Price.Amount))]);

    public Problem? CheckAnswer(SaveJointAnswer command, TenderSnapshot tender) =>
        !tender.Details.Criteria.Any(c => c.Number == command.Criterion && c.Kind == CriterionKind.Quality) ? Problem.Invalid("criterion", NoSuchCriterion)
        : command.Text.Clean() is not { Length: <= MaxAnswer } ? Problem.Invalid("text", AnswerText, ("max", MaxAnswer))
        : (Answers.FirstOrDefault(a => a.Criterion == command.Criterion)?.Version ?? 0) != command.ExpectedVersion
            ? Problem.Conflict(AnswerChanged)
        : null;

    public void Answer(SaveJointAnswer command, DateTimeOffset now)
    {
        Answers.RemoveAll(a => a.Criterion == command.Criterion);
        Answers.Add(new JointAnswer(command.Criterion, command.Text.Trim(), command.ExpectedVersion + 1));
        Edited("AnswerSaved", $"criterion={command.Criterion.ToString(CultureInfo.InvariantCulture)}", now);
    }

    /// <summary>A firm attaches its own files (the endpoint checked they are its uploads), each once, up to the bid's limit.</summary>
    public Problem? CheckAttach(AttachJointDocuments command, JointActor actor) =>
        CheckAttacher(command.FirmId, actor)
        ?? (command.Documents.Length == 0 ? Problem.Invalid("documents", NoFiles)
        : command.Documents.FirstOrDefault(d => Documents.Any(j => j.Document.Id == d.Id)) is { } twice
            ? Problem.Conflict(AlreadyAttached, ("name", twice.Name))
        : CheckRoomFor(command.Documents.DistinctBy(d => d.Id).Count()));

    static Problem? CheckAttacher(Guid firmId, JointActor actor) => !actor.Firms.Contains(firmId) ? Problem.Forbidden(NotTheAttacher) : null;

    /// <summary>
    /// The bid's one limit on files, from all its firms together (<see cref="BidState.MaxDocuments"/>, as a single
    /// firm's bid): the state of the bid refuses more, so a full bid blocks attaching before anything is uploaded.
    /// </summary>
    Problem? CheckRoomFor(int count) =>
        count > DocumentsLeft ? Problem.Conflict(TooManyFiles, ("max", BidState.MaxDocuments)) : null;

    /// <summary>How many more files the bid takes: the page uploads no more than this.</summary>
    [JsonIgnore] public int DocumentsLeft => Math.Max(0, BidState.MaxDocuments - Documents.Count);

    public void Attach(AttachJointDocuments command, DateTimeOffset now)
    {
        var added = command.Documents.DistinctBy(d => d.Id).ToList();
        Documents.AddRange(added.Select(d => new JointDocument(d, command.FirmId)));
        Edited("DocumentsAttached", $"firm={command.FirmId:N};documents={string.Join(",", added.Select(d => $"{d.Id:N}:{d.Sha256}"))}", now);
    }

    public Problem? CheckDetach(Guid documentId, JointActor actor) =>
        Documents.FirstOrDefault(d => d.Document.Id == documentId) is not { } attached ? Problem.NotFound(NoSuchDocument)
        : !actor.Lead && !actor.Firms.Contains(attached.FirmId) ? Problem.Forbidden(NotTheDetacher)
        : null;

    public void Detach(Guid documentId, DateTimeOffset now)
    {
        Documents.RemoveAll(d => d.Document.Id == documentId);
        Edited("DocumentDetached", $"document={documentId:N}", now);
    }

    /// <summary>A firm that bids (lead or member) signs the content it sees, by its digest.</summary>
    public Problem? CheckSign(SignJointBid command, JointActor actor, AllianceSnapshot alliance) =>
        !actor.Firms.Contains(command.FirmId) || !alliance.Tenderers().Any(t => t.FirmId == command.FirmId)
            ? Problem.Forbidden(NotASigner)
        : WorkPackages.Count == 0 ? Problem.Conflict(NothingToSign)
        : !alliance.HasAcceptedAgreement(command.FirmId)
            ? Problem.Conflict(SignerAgreement, ("version", alliance.Agreement.Version))
        : command.Digest != Digest ? Problem.Conflict(SignChanged)
        : SignOffs.Any(s => s.FirmId == command.FirmId && !this.DgueChangedSince(s)) ? Problem.Conflict(AlreadySigned)
        : null;

    /// <summary>Records the firm's sign-off with its DGUE as read now (<see cref="DguesNow"/>), in place of one its DGUE change voided.</summary>
    public void Sign(SignJointBid command, DateTimeOffset now)
    {
        SignOffs.RemoveAll(s => s.FirmId == command.FirmId);
        SignOffs.Add(new SignOff(command.FirmId, command.Digest, command.ActorId, now, DguesNow?.GetValueOrDefault(command.FirmId)?.Digest));
        Record(SignedOffEvent, $"firm={command.FirmId:N};digest={command.Digest}", now);
    }

    /// <summary>The bidding firms that have not signed the current content (its digest), or whose DGUE changed since they did.</summary>
    public Guid[] AwaitingSignature(AllianceSnapshot alliance)
    {
        var counting = CountingSignOffs();
        return [.. alliance.Tenderers().Where(t => !counting.Any(s => s.FirmId == t.FirmId)).Select(t => t.FirmId)];
    }

    /// <summary>The sign-offs that count now: of the current content, by firms whose DGUE did not change since.</summary>
    public List<SignOff> CountingSignOffs()
    {
        var digest = Digest;
        return [.. SignOffs.Where(s => s.Digest == digest && !this.DgueChangedSince(s))];
    }

    /// <summary>The bid was submitted and nothing changed since: submitting it again would change nothing.</summary>
    public bool SubmittedAsItIs => Receipt is not null && LastEvent?.Kind == SubmittedEvent;

    /// <summary>The lead submits only what every bidding firm signed (the current digest, signed by each of them), in the bidding period.</summary>
    public Problem? CheckSubmit(JointActor actor, AllianceSnapshot alliance, TenderSnapshot tender, DateTimeOffset receivedAt) =>
        SubmitBlockers(actor, alliance, tender, receivedAt).FirstOrDefault();

    /// <summary>
    /// Every reason the lead may not submit now, all at once so the workspace can list them; the command answers with
    /// the first.
    /// </summary>
    public List<Problem> SubmitBlockers(JointActor actor, AllianceSnapshot alliance, TenderSnapshot tender, DateTimeOffset receivedAt)
    {
        var blockers = new List<Problem>();
        if (!actor.Lead) blockers.Add(Problem.Forbidden(NotTheLeadToSubmit));
        if (SubmittedAsItIs) blockers.Add(Problem.Conflict(AlreadySubmitted));
        // A firm whose DGUE changed after it signed is named: its people may not know the sign-off went with it.
        blockers.AddRange(this.ChangedDgues());
        // Each firm presents its own current DGUE (JointBidDgues.MissingDgues says why): a bid without one would be excluded.
        blockers.AddRange(this.MissingDgues(receivedAt));
        if (AwaitingSignature(alliance) is { Length: > 0 } missing) blockers.Add(Problem.Conflict(Unsigned, ("count", missing.Length)));
        if (alliance.Tenderers().Any(t => !alliance.HasAcceptedAgreement(t.FirmId)))
            blockers.Add(Problem.Conflict(AgreementNotAccepted, ("version", alliance.Agreement.Version)));
        if (WorkPackages.Any(w => !tender.Details.Lots.Any(l => l.Number == w.Lot)) || Quotas.Any(q => !tender.Details.Lots.Any(l => l.Number == q.Lot)))
            blockers.Add(Problem.Conflict(RemovedLot));
        if (SubcontractRules.AreStale(Subcontracts, tender.Details.Lots, WorkPackages, JointBidSubcontracting.Subcontractors(alliance)))
            blockers.Add(Problem.Conflict(SubcontractRules.Stale));
        blockers.AddRange(this.UncommittedReliances());
        // A firm that left or was removed no longer bids: its work and its files go to another firm, or out, first.
        if (WorkPackages.Any(w => !alliance.IsActive(w.FirmId)) || Documents.Any(d => !alliance.IsActive(d.FirmId)) || Quotas.Any(q => !alliance.IsActive(q.FirmId)))
            blockers.Add(Problem.Conflict(DepartedFirm));
        var unanswered = tender.Details.Criteria.Where(c => c.Kind == CriterionKind.Quality && !Answers.Any(a => a.Criterion == c.Number)).ToList();
        if (unanswered.Count > 0) blockers.Add(Problem.Conflict(Unanswered, ("criteria", string.Join(", ", unanswered.Select(c => c.Name)))));
        // An external opportunity takes its bids on the buyer's own platform: the tender would refuse it, so say so first.
        if (tender.External is not null) blockers.Add(Problem.Conflict(TenderState.ExternalBids));
        else if (TenderRules.CheckWindow(tender.Status, tender.Details.EnquiryDeadline, tender.Details.SubmissionDeadline, receivedAt) is { } outside)
            blockers.Add(outside);
        return blockers;
    }

    /// <summary>The lead withdraws a submitted bid while the tender takes bids (the tender admits the withdrawal by the same window).</summary>
    public Problem? CheckWithdraw(JointActor actor, TenderSnapshot tender, DateTimeOffset at) =>
        !actor.Lead ? Problem.Forbidden(NotTheLeadToWithdraw)
        : Receipt is null ? Problem.Conflict(BidState.NothingToWithdraw)
        : TenderRules.CheckWindow(tender.Status, tender.Details.EnquiryDeadline, tender.Details.SubmissionDeadline, at);

    /// <summary>
    /// What the viewer may do now, by the checks the commands run (<see cref="ViewerActions{TAction}"/>): edit, submit
    /// (blocked by every reason at once) and withdraw; sign and attach files for each firm they edit for; take off each file.
    /// </summary>
    public (ViewerActions<JointBidAction> Actions, JointBidViewerFirm[] Firms, JointDocumentActions[] Documents) ActionsFor(
        JointActor actor, AllianceSnapshot? alliance, TenderSnapshot? tender, DateTimeOffset now)
    {
        var edit = CheckEdit(actor, alliance, tender);
        if (alliance is null || tender is null) return (ViewerActions<JointBidAction>.None, [], []);
        var digest = Digest;
        var submit = SubmitBlockers(actor, alliance, tender, now);
        if (edit is not null) submit.Insert(0, edit);
        var actions = ViewerActions<JointBidAction>.Of(
            [(JointBidAction.Edit, edit), .. Every(JointBidAction.Submit, submit), (JointBidAction.Withdraw, Within(edit, CheckWithdraw(actor, tender, now)))]);
        return (actions,
            [.. actor.Firms.Select(f => new JointBidViewerFirm(f, ViewerActions<JointBidFirmAction>.Of(
                (JointBidFirmAction.Sign, SignBlocker(edit, actor, f, alliance, digest)),
                (JointBidFirmAction.Attach, Within(edit, CheckAttacher(f, actor) ?? CheckRoomFor(1))))))],
            [.. Documents.Select(d => new JointDocumentActions(d.Document.Id,
                ViewerActions<JointDocumentAction>.Of((JointDocumentAction.Detach, Within(edit, CheckDetach(d.Document.Id, actor))))))]);
    }

    /// <summary>What the viewer may do with each work package: its owner's people edit and delete it, the lead's give it to another firm.</summary>
    public WorkPackageActions[] PackageActionsFor(JointActor actor, AllianceSnapshot? alliance, TenderSnapshot? tender)
    {
        var edit = CheckEdit(actor, alliance, tender);
        return [.. WorkPackages.Select(w => new WorkPackageActions(w.Id, PackageActions(w, actor, edit)))];
    }

    static ViewerActions<WorkPackageAction> PackageActions(WorkPackage package, JointActor actor, Problem? edit) =>
        ViewerActions<WorkPackageAction>.Of(
            (WorkPackageAction.Edit, Within(edit, CheckOwner(package, actor))),
            (WorkPackageAction.Delete, Within(edit, CheckOwner(package, actor))),
            (WorkPackageAction.Reassign, Within(edit, CheckReassign(actor))));

    /// <summary>
    /// The change just stored, as its watchers are told it (<see cref="JointBidNews"/>): the bid as a reader sees it, and
    /// for each active firm what a person who edits for it alone may now do. What a viewer may do depends only on the
    /// firms they edit for and whether the lead is one of them (<see cref="JointActor"/>), so these parts are what each
    /// of them would read; a person who edits for two firms reads the bid again.
    /// </summary>
    public JointBidNews News(JointBidEdit edit, Guid? packageId, AllianceSnapshot alliance, TenderSnapshot? tender, DateTimeOffset now,
        HashSet<(Guid Firm, ToDoMark Mark)>? toDoBefore)
    {
        var readers = ToSnapshot(new JointActor(Guid.Empty, [], false), alliance, tender, now);
        var since = readers.Version - 1; // every stored change moves the version by one
        if (edit == JointBidEdit.Other || toDoBefore is null) return new(edit, since, [], [], readers, [], [.. alliance.Tenderers().Select(t => t.FirmId)]);
        var toDo = ToDo(alliance, tender);
        toDo.SymmetricExceptWith(toDoBefore);
        var package = edit == JointBidEdit.PackageSaved ? WorkPackages.FirstOrDefault(w => w.Id == packageId) : null;
        return new(edit, since, package is null ? [] : [package.Id], edit == JointBidEdit.PackageDeleted && packageId is { } gone ? [gone] : [], readers,
            [.. alliance.Active.Select(m =>
            {
                var actor = new JointActor(Guid.Empty, [m.FirmId], m.FirmId == alliance.LeadId);
                var (actions, firms, _) = ActionsFor(actor, alliance, tender, now);
                return new JointBidFirmNews(m.FirmId, actions, firms.Single(),
                    package is null ? [] : [new WorkPackageActions(package.Id, PackageActions(package, actor, CheckEdit(actor, alliance, tender)))]);
            })], [.. toDo.Select(m => m.Firm).Distinct()]);
    }

    /// <summary>Why the viewer may not sign the content (<paramref name="digest"/>) for the firm now, if they may not: the workspace's action and the to-do list ask this alike.</summary>
    Problem? SignBlocker(Problem? edit, JointActor actor, Guid firm, AllianceSnapshot alliance, string digest) =>
        Within(edit, CheckSign(new SignJointBid(actor.UserId, firm, digest), actor, alliance));

    /// <summary>What a to-do list holds for a joint bid (the to-do page asks the bid's own actions for the same).</summary>
    public enum ToDoMark { Sign, Submit }

    /// <summary>
    /// What the bid puts on its bidding firms' to-do lists now: each firm that may sign it off, and the lead while it is
    /// not submitted as it stands. A change tells the firms whose part of this differs, and no one else.
    /// </summary>
    public HashSet<(Guid Firm, ToDoMark Mark)> ToDo(AllianceSnapshot alliance, TenderSnapshot? tender)
    {
        var digest = Digest;
        var marks = alliance.Tenderers().Select(t => new JointActor(Guid.Empty, [t.FirmId], t.FirmId == alliance.LeadId))
            .Where(a => SignBlocker(CheckEdit(a, alliance, tender), a, a.Firms[0], alliance, digest) is null)
            .Select(a => (a.Firms[0], ToDoMark.Sign)).ToHashSet();
        if (!SubmittedAsItIs) marks.Add((alliance.LeadId, ToDoMark.Submit));
        return marks;
    }

    /// <summary>The firms the viewer may give a work package to, as a save is judged: the lead every active firm, anyone else their own.</summary>
    public static Guid[] PackageFirmsFor(JointActor actor, AllianceSnapshot alliance) =>
        [.. alliance.Active.Select(m => m.FirmId).Where(f => actor.Lead || actor.Firms.Contains(f))];

    /// <summary>
    /// An action of the bid while the bid may or may not be edited: the action's own refusal of the viewer (not the
    /// lead, not a signer, not their file) comes first, so whoever could not take it anyway is told no reason about
    /// the bid's state (the window closed); for those who could, a closed bid blocks it before its own conflicts.
    /// </summary>
    static Problem? Within(Problem? edit, Problem? own) => own is { Kind: not ProblemKind.Conflict } ? own : edit ?? own;

    /// <summary>
    /// An action with all its blockers: allowed when there are none; left out when one says the viewer takes no part
    /// (the lead's submission, to a member); else blocked by each of them.
    /// </summary>
    static (TAction, Problem?)[] Every<TAction>(TAction action, List<Problem> blockers) =>
        blockers.Count == 0 ? [(action, null)]
        : blockers.FirstOrDefault(b => b.Kind != ProblemKind.Conflict) is { } notTheirs ? [(action, notTheirs)]
        : [.. blockers.Select(b => (action, (Problem?)b))];

    /// <summary>
    /// The bid as sealed: the bidding firms, the lots' prices, the answers to the tender's quality criteria as they
    /// are now (an answer to a criterion an amendment removed is left out), the quotas, subcontracting and reliances the
    /// firms signed.
    /// </summary>
    public SubmitBid ToBid(Guid actorId, AllianceSnapshot alliance, TenderSnapshot tender, DateTimeOffset receivedAt, BidDgue[]? dgues = null) =>
        new(actorId, [.. alliance.Tenderers()], LotPrices(), [.. Answers.OrderBy(a => a.Criterion)
            .Where(a => tender.Details.Criteria.Any(c => c.Number == a.Criterion && c.Kind == CriterionKind.Quality))
            .Select(a => new CriterionAnswer(a.Criterion, a.Text))],
            [.. Documents.Select(d => d.Document)], receivedAt, Quotas.Count == 0 ? null : [.. Quotas], JointBidSubcontracting.Sealed(Subcontracts, WorkPackages),
            this.Sealed(), dgues);

    /// <summary>The firms whose DGUE goes with the bid: each bidding firm, then each auxiliary it relies on.</summary>
    public Guid[] DgueFirms() => [.. Bidders.Select(b => b.FirmId).Concat(Reliances.Select(r => r.AuxiliaryId)).Distinct()];

    public void Submitted(Receipt receipt, Guid actorId, DateTimeOffset now)
    {
        Receipt = receipt;
        SubmittedBy = actorId;
        Record(SubmittedEvent, $"digest={receipt.Digest}", now);
    }

    /// <summary>A withdrawn bid is submitted again only after every firm signs again.</summary>
    public void Withdrawn(DateTimeOffset now)
    {
        Receipt = null;
        SubmittedBy = null;
        SignOffs.Clear();
        Record(WithdrawnEvent, "", now);
    }

    /// <summary>
    /// The won work as a showcase project: the tender's title, the buyer as client, the awarded lots' codes and value,
    /// published by the lead with the other bidding firms as partners. The award verifies it as joint work.
    /// </summary>
    public ShowcaseDetails? WonProject(TenderSnapshot tender, AllianceSnapshot alliance, string buyerName)
    {
        if (Receipt is null || tender.Status is not (TenderStatus.Awarded or TenderStatus.Complete)) return null;
        var won = tender.Awarded().Where(a => a.Bid.BidId == Receipt.BidId).ToList();
        if (won.Count == 0) return null;
        var lots = tender.Details.Lots.Where(l => won.Any(a => a.Decision.Lot == l.Number)).ToList();
        return new ShowcaseDetails(tender.Details.Title, string.Join("; ", lots.Select(l => l.Title)), buyerName, won.Max(a => a.Decision.At).Year,
            new Money(won.Sum(a => a.Price.Amount), won[0].Price.Currency), [.. lots.SelectMany(l => l.Cpv).Distinct().Take(20)],
            [.. alliance.Tenderers().Where(t => t.FirmId != alliance.LeadId).Select(t => t.FirmId)]);
    }

    /// <summary>The joint bid as <paramref name="actor"/> sees it, with what they may do now.</summary>
    public JointBidSnapshot ToSnapshot(JointActor actor, AllianceSnapshot alliance, TenderSnapshot? tender, DateTimeOffset now)
    {
        var (actions, firms, documents) = ActionsFor(actor, alliance, tender, now);
        return new(AllianceId, TenderId, [.. WorkPackages], [.. Answers.OrderBy(a => a.Criterion)], [.. Documents],
            LotPrices(), Shares(), Digest, [.. CountingSignOffs()], AwaitingSignature(alliance), Receipt, Receipt is not null && !SubmittedAsItIs,
            Version, UpdatedAt, actions, firms, documents, WindowAt(tender, now), DocumentsLeft, PackageActionsFor(actor, alliance, tender),
            actor.Firms.Length == 0 ? [] : PackageFirmsFor(actor, alliance), [.. Quotas], QuotasVersion, QuotaWarnings(),
            [.. Subcontracts], SubcontractsVersion, [.. Reliances], ReliancesVersion, this.Standings());
    }

    /// <summary>
    /// Where the tender stands for bids now, by the very window a submission is checked against (the tender's state
    /// and the server's clock), so every reader of the bid, whatever they may do, hears what the submit blockers say.
    /// </summary>
    public static BidWindow WindowAt(TenderSnapshot? tender, DateTimeOffset now) =>
        TenderRules.BidsClosedAt(tender, now) ? BidWindow.Closed
        : TenderRules.CheckWindow(tender!.Status, tender.Details.EnquiryDeadline, tender.Details.SubmissionDeadline, now) is null ? BidWindow.Open
        : BidWindow.NotYetOpen;

    /// <summary>Any change of content voids every sign-off: nobody has approved what it now says.</summary>
    internal void Edited(string kind, string detail, DateTimeOffset now)
    {
        SignOffs.Clear();
        Record(kind, detail, now);
    }

    internal void Record(string kind, string detail, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        History.Add(new AuditEvent((LastEvent?.Sequence ?? 0) + 1, kind, detail, now));
    }

    /// <summary>The bid was stored, and with it its changes went into the audit chain: it lets go of them (<see cref="History"/>).</summary>
    internal void Chained()
    {
        if (History.Count == 0) return;
        LastChained = History[^1];
        History.Clear();
    }
}
