using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Alliances;
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

    static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    public Guid AllianceId { get; set; }
    public Guid TenderId { get; set; }
    public List<WorkPackage> WorkPackages { get; set; } = [];
    public List<JointAnswer> Answers { get; set; } = [];
    public List<JointDocument> Documents { get; set; } = [];
    /// <summary>The bidding firms (lead and members) by id, as the joint bid last saw the alliance: who bids is part of the bid.</summary>
    public List<Tenderer> Bidders { get; set; } = [];
    public List<SignOff> SignOffs { get; set; } = [];
    public Receipt? Receipt { get; set; }
    /// <summary>The lead's person who submitted: the won project is published in the showcase in their name.</summary>
    public Guid? SubmittedBy { get; set; }
    /// <summary>The showcase project made of this bid once it won (its id is the bid's).</summary>
    public Guid? ShowcaseId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Every change, in order: the joint bid's part of the tender's audit chain.</summary>
    public List<AuditEvent> History { get; set; } = [];

    /// <summary>
    /// The digest firms sign: SHA-256 of the content's canonical JSON (work packages by id, answers by criterion and
    /// documents by id with their own SHA-256, without edit versions) and of who bids, as lead or member, so it names
    /// exactly what is being approved.
    /// </summary>
    [JsonIgnore]
    public string Digest => AuditChain.Sha256Hex(JsonSerializer.Serialize(new
    {
        AllianceId, TenderId,
        WorkPackages = WorkPackages.OrderBy(w => w.Id).Select(w => new { w.Id, w.Title, w.Lot, w.Description, w.FirmId, w.Price }),
        Answers = Answers.OrderBy(a => a.Criterion).Select(a => new { a.Criterion, a.Text }),
        Documents = Documents.OrderBy(d => d.Document.Id).Select(d => new { d.Document.Id, d.Document.Sha256, d.FirmId }),
        Bidders = Bidders.Select(b => new { b.FirmId, b.Role }),
    }, Canonical));

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
        alliance is null || alliance.TenderId is null || tender is null ? Problem.NotFound("No joint bid you may see has this id.")
        : actor.Firms.Length == 0 ? Problem.Forbidden("Only the people of the alliance's firms (Owners and Managers) edit its bid.")
        : tender.Status is not (TenderStatus.Enquiries or TenderStatus.Tendering) ? Problem.Conflict("The tender no longer takes bids: the joint bid is closed.")
        : null;

    public Outcome<WorkPackage> CheckSave(SaveWorkPackage command, AllianceSnapshot alliance, TenderSnapshot tender)
    {
        var errors = new Dictionary<string, string[]>();
        var title = command.Title.Clean();
        if (title is null || title.Length > MaxTitle) errors["title"] = [$"A work package has a title of at most {MaxTitle} characters."];
        var description = command.Description.Clean();
        if (description?.Length > MaxDescription) errors["description"] = [$"At most {MaxDescription} characters."];
        var lot = tender.Details.Lots.FirstOrDefault(l => l.Number == command.Lot);
        if (lot is null) errors["lot"] = ["No lot of the tender has this number."];
        if (!alliance.IsActive(command.FirmId)) errors["firmId"] = ["A work package goes to a firm of the alliance."];
        var price = MoneyRules.Normalize(command.Price, "price", errors, allowZero: false);
        if (lot is not null && price.Currency != TenderRules.CurrencyOf(lot)) errors["price.currency"] = [$"This lot is priced in {TenderRules.CurrencyOf(lot)}."];
        if (command.Id is { } id)
        {
            if (WorkPackages.FirstOrDefault(w => w.Id == id) is not { } current) return Problem.NotFound("No work package has this id.");
            if (current.Version != command.ExpectedVersion)
                return Problem.Conflict($"Someone else saved this work package meanwhile (version {current.Version}); here is the current one.");
        }
        else if (WorkPackages.Count >= MaxPackages) errors["workPackages"] = [$"A joint bid has at most {MaxPackages} work packages."];
        if (errors.Count > 0) return Problem.Invalid(errors);
        return new WorkPackage(command.Id ?? Guid.NewGuid(), title!, command.Lot, description, command.FirmId, price, command.ExpectedVersion + 1);
    }

    public void Save(WorkPackage package, DateTimeOffset now)
    {
        var index = WorkPackages.FindIndex(w => w.Id == package.Id);
        if (index < 0) WorkPackages.Add(package with { Version = 1 });
        else WorkPackages[index] = package;
        Edited("WorkPackageSaved", $"package={package.Id:N}", now);
    }

    public Problem? CheckDelete(Guid id, int expectedVersion) =>
        WorkPackages.FirstOrDefault(w => w.Id == id) is not { } current ? Problem.NotFound("No work package has this id.")
        : current.Version != expectedVersion ? Problem.Conflict($"Someone else saved this work package meanwhile (version {current.Version}).")
        : null;

    public void Delete(Guid id, DateTimeOffset now)
    {
        WorkPackages.RemoveAll(w => w.Id == id);
        Edited("WorkPackageDeleted", $"package={id:N}", now);
    }

    public Problem? CheckAnswer(SaveJointAnswer command, TenderSnapshot tender) =>
        !tender.Details.Criteria.Any(c => c.Number == command.Criterion && c.Kind == CriterionKind.Quality) ? Problem.Invalid("criterion", "No quality criterion has this number.")
        : command.Text.Clean() is not { Length: <= MaxAnswer } ? Problem.Invalid("text", $"An answer is 1 to {MaxAnswer} characters long.")
        : (Answers.FirstOrDefault(a => a.Criterion == command.Criterion)?.Version ?? 0) != command.ExpectedVersion
            ? Problem.Conflict("Someone else saved this answer meanwhile; here is the current one.")
        : null;

    public void Answer(SaveJointAnswer command, DateTimeOffset now)
    {
        Answers.RemoveAll(a => a.Criterion == command.Criterion);
        Answers.Add(new JointAnswer(command.Criterion, command.Text.Trim(), command.ExpectedVersion + 1));
        Edited("AnswerSaved", $"criterion={command.Criterion.ToString(CultureInfo.InvariantCulture)}", now);
    }

    /// <summary>A firm attaches its own files (the endpoint checked they are its uploads), each once, up to the bid's limit.</summary>
    public Problem? CheckAttach(AttachJointDocuments command, JointActor actor) =>
        !actor.Firms.Contains(command.FirmId) ? Problem.Forbidden("A firm attaches its own files, by its Owners and Managers.")
        : command.Documents.Length == 0 ? Problem.Invalid("documents", "Choose at least one file.")
        : command.Documents.FirstOrDefault(d => Documents.Any(j => j.Document.Id == d.Id)) is { } twice
            ? Problem.Conflict($"{twice.Name} is already attached.")
        : Documents.Count + command.Documents.DistinctBy(d => d.Id).Count() > BidState.MaxDocuments
            ? Problem.Invalid("documents", $"A bid carries at most {BidState.MaxDocuments} documents.")
        : null;

    public void Attach(AttachJointDocuments command, DateTimeOffset now)
    {
        var added = command.Documents.DistinctBy(d => d.Id).ToList();
        Documents.AddRange(added.Select(d => new JointDocument(d, command.FirmId)));
        Edited("DocumentsAttached", $"firm={command.FirmId:N};documents={string.Join(",", added.Select(d => $"{d.Id:N}:{d.Sha256}"))}", now);
    }

    public Problem? CheckDetach(Guid documentId, JointActor actor) =>
        Documents.FirstOrDefault(d => d.Document.Id == documentId) is not { } attached ? Problem.NotFound("No document of the joint bid has this id.")
        : !actor.Lead && !actor.Firms.Contains(attached.FirmId) ? Problem.Forbidden("The firm that attached a file, or the lead, takes it off.")
        : null;

    public void Detach(Guid documentId, DateTimeOffset now)
    {
        Documents.RemoveAll(d => d.Document.Id == documentId);
        Edited("DocumentDetached", $"document={documentId:N}", now);
    }

    /// <summary>A firm that bids (lead or member) signs the content it sees, by its digest.</summary>
    public Problem? CheckSign(SignJointBid command, JointActor actor, AllianceSnapshot alliance) =>
        !actor.Firms.Contains(command.FirmId) || !alliance.Tenderers().Any(t => t.FirmId == command.FirmId)
            ? Problem.Forbidden("Only the lead and the members sign the joint bid, each by its own Owners and Managers.")
        : WorkPackages.Count == 0 ? Problem.Conflict("There is nothing to sign yet: add the work packages first.")
        : !alliance.HasAcceptedAgreement(command.FirmId)
            ? Problem.Conflict($"Accept the alliance's agreement (version {alliance.Agreement.Version}) first: a firm signs the bid under the terms in force.")
        : command.Digest != Digest ? Problem.Conflict("The joint bid changed since you read it: review the current version and sign that.")
        : SignOffs.Any(s => s.FirmId == command.FirmId) ? Problem.Conflict("This firm already signed this version.")
        : null;

    public void Sign(SignJointBid command, DateTimeOffset now)
    {
        SignOffs.Add(new SignOff(command.FirmId, command.Digest, command.ActorId, now));
        Record("SignedOff", $"firm={command.FirmId:N};digest={command.Digest}", now);
    }

    /// <summary>The lead submits only what every bidding firm signed: the current digest, signed by each of them.</summary>
    public Problem? CheckSubmit(JointActor actor, AllianceSnapshot alliance, TenderSnapshot tender)
    {
        if (!actor.Lead) return Problem.Forbidden("Only the lead submits the joint bid.");
        var missing = alliance.Tenderers().Where(t => !SignOffs.Any(s => s.FirmId == t.FirmId && s.Digest == Digest)).ToList();
        if (missing.Count > 0) return Problem.Conflict($"{missing.Count} firm(s) have not signed the current version yet.");
        if (alliance.Tenderers().Any(t => !alliance.HasAcceptedAgreement(t.FirmId)))
            return Problem.Conflict($"Every bidding firm accepts the alliance's agreement (version {alliance.Agreement.Version}) before the bid goes in.");
        if (WorkPackages.Any(w => !tender.Details.Lots.Any(l => l.Number == w.Lot)))
            return Problem.Conflict("Some work packages are for a lot the tender no longer has (it was amended): move or delete them first.");
        // A firm that left or was removed no longer bids: its work and its files go to another firm, or out, first.
        if (WorkPackages.Any(w => !alliance.IsActive(w.FirmId)) || Documents.Any(d => !alliance.IsActive(d.FirmId)))
            return Problem.Conflict("Some work packages or files belong to a firm no longer in the alliance: reassign or remove them first.");
        var criteria = tender.Details.Criteria.Where(c => c.Kind == CriterionKind.Quality).Select(c => c.Number);
        return criteria.All(c => Answers.Any(a => a.Criterion == c)) ? null : Problem.Conflict("Answer every quality criterion before submitting.");
    }

    /// <summary>
    /// The bid as sealed: the bidding firms, the lots' prices and the answers to the tender's quality criteria as they
    /// are now (an answer to a criterion an amendment removed is left out).
    /// </summary>
    public SubmitBid ToBid(Guid actorId, AllianceSnapshot alliance, TenderSnapshot tender, DateTimeOffset receivedAt) =>
        new(actorId, [.. alliance.Tenderers()], LotPrices(), [.. Answers.OrderBy(a => a.Criterion)
            .Where(a => tender.Details.Criteria.Any(c => c.Number == a.Criterion && c.Kind == CriterionKind.Quality))
            .Select(a => new CriterionAnswer(a.Criterion, a.Text))],
            [.. Documents.Select(d => d.Document)], receivedAt);

    public void Submitted(Receipt receipt, Guid actorId, DateTimeOffset now)
    {
        Receipt = receipt;
        SubmittedBy = actorId;
        Record("Submitted", $"digest={receipt.Digest}", now);
    }

    /// <summary>A withdrawn bid is submitted again only after every firm signs again.</summary>
    public void Withdrawn(DateTimeOffset now)
    {
        Receipt = null;
        SubmittedBy = null;
        SignOffs.Clear();
        Record("Withdrawn", "", now);
    }

    /// <summary>
    /// The won work as a showcase project: the tender's title, the buyer as client, the awarded lots' codes and value,
    /// published by the lead with the other bidding firms as partners. The award verifies it as joint work.
    /// </summary>
    public ShowcaseDetails? WonProject(TenderSnapshot tender, AllianceSnapshot alliance, string buyerName)
    {
        if (Receipt is null || tender.Status is not (TenderStatus.Awarded or TenderStatus.Complete)) return null;
        var won = tender.Decisions.Where(d => d.BidId == Receipt.BidId).ToList();
        if (won.Count == 0) return null;
        var bid = tender.Bids.Single(b => b.BidId == Receipt.BidId);
        var lots = tender.Details.Lots.Where(l => won.Any(d => d.Lot == l.Number)).ToList();
        var value = bid.Lots.Where(l => won.Any(d => d.Lot == l.Lot)).Sum(l => l.Price.Amount);
        return new ShowcaseDetails(tender.Details.Title, string.Join("; ", lots.Select(l => l.Title)), buyerName, won.Max(d => d.At).Year,
            new Money(value, bid.Lots[0].Price.Currency), [.. lots.SelectMany(l => l.Cpv).Distinct().Take(20)],
            [.. alliance.Tenderers().Where(t => t.FirmId != alliance.LeadId).Select(t => t.FirmId)]);
    }

    public JointBidSnapshot ToSnapshot(Guid allianceId, Guid tenderId) => new(allianceId, tenderId, [.. WorkPackages], [.. Answers.OrderBy(a => a.Criterion)], [.. Documents],
        LotPrices(), Shares(), Digest, [.. SignOffs], Receipt, Version, UpdatedAt);

    /// <summary>Any change of content voids every sign-off: nobody has approved what it now says.</summary>
    void Edited(string kind, string detail, DateTimeOffset now)
    {
        SignOffs.Clear();
        Record(kind, detail, now);
    }

    void Record(string kind, string detail, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        History.Add(new AuditEvent(History.Count + 1, kind, detail, now));
    }
}
