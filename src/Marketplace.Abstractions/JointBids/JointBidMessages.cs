using Marketplace.Tenders;

namespace Marketplace.JointBids;

/// <summary>
/// A piece of a joint bid assigned to one firm of the alliance, with its price; each keeps its own version. The firm it
/// is assigned to (<paramref name="FirmId"/>) owns it: only that firm's people change or delete it, and only the lead
/// gives it to another firm.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.WorkPackage")]
public sealed record WorkPackage(Guid Id, string Title, int Lot, string? Description, Guid FirmId, Money Price, int Version);

/// <summary>The joint bid's answer to one quality criterion, with its own version.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointAnswer")]
public sealed record JointAnswer(int Criterion, string Text, int Version);

/// <summary>
/// A firm's approval of one exact content of the joint bid, named by its digest, and of its own DGUE as it stood then
/// (<paramref name="Dgue"/>: its digest, <c>JointBidDgues.Digest</c>; null for a sign-off given before it was recorded).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SignOff")]
public sealed record SignOff(Guid FirmId, string Digest, Guid ActorId, DateTimeOffset At, string? Dgue = null);

/// <summary>
/// Saves a work package: a new one (no <paramref name="Id"/>), or an edit of <paramref name="Id"/> at
/// <paramref name="ExpectedVersion"/>; a later save by someone else is refused with the current package.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SaveWorkPackage")]
public sealed record SaveWorkPackage(Guid ActorId, Guid? Id, int ExpectedVersion, string Title, int Lot, string? Description, Guid FirmId, Money Price);

[GenerateSerializer, Immutable, Alias("Marketplace.SaveJointAnswer")]
public sealed record SaveJointAnswer(Guid ActorId, int Criterion, int ExpectedVersion, string Text);

/// <summary>A file a firm of the alliance attached to the joint bid: one of that firm's own uploads.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointDocument")]
public sealed record JointDocument(DocumentRef Document, Guid FirmId);

/// <summary>A firm attaches some of its own uploaded files (already checked as its own) to the joint bid.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.AttachJointDocuments")]
public sealed record AttachJointDocuments(Guid ActorId, Guid FirmId, DocumentRef[] Documents);

/// <summary>
/// A bidding or auxiliary firm's DGUE as read now: its digest (<c>JointBidDgues.Digest</c>), the firm's name, to name
/// it, and when the DGUE was confirmed (null when the firm has none), to judge whether it is current.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.DgueNow")]
public sealed record DgueNow(string Digest, string Name, DateTimeOffset? ConfirmedAt = null);

[GenerateSerializer, Immutable, Alias("Marketplace.SignJointBid")]
public sealed record SignJointBid(Guid ActorId, Guid FirmId, string Digest);

/// <summary>A firm's share of the joint bid: the sum of its work packages, and that sum as a percentage of the total.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.FirmShare")]
public sealed record FirmShare(Guid FirmId, Money Amount, decimal Percent);

/// <summary>
/// A quota rule's warning (<c>QuotaRules.Warnings</c>) for one lot and, where it is about one firm, that firm: its name
/// fills the <c>{firm}</c> of the sentence. Shown to the firms before they sign; it stops nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.QuotaWarning")]
public sealed record QuotaWarning(int Lot, Guid? FirmId, FieldProblem Problem);

/// <summary>
/// Replaces the joint bid's declared quotas (<see cref="BidQuota"/>) as a whole, from the version of them the editor
/// read (<paramref name="ExpectedVersion"/>): a later save by someone else is refused with the current ones.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SaveJointQuotas")]
public sealed record SaveJointQuotas(Guid ActorId, int ExpectedVersion, BidQuota[] Quotas);

/// <summary>
/// Replaces the joint bid's subcontracting declarations (<see cref="BidSubcontract"/>) as a whole, from the version of
/// them the editor read (<paramref name="ExpectedVersion"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SaveJointSubcontracts")]
public sealed record SaveJointSubcontracts(Guid ActorId, int ExpectedVersion, BidSubcontract[] Subcontracts);

/// <summary>What the viewer may do with the joint bid as a whole.</summary>
[GenerateSerializer, Alias("Marketplace.JointBidAction")]
public enum JointBidAction
{
    /// <summary>Save and delete work packages, answer the criteria, attach files (for <see cref="JointBidSnapshot.ViewerFirms"/>).</summary>
    Edit,
    Submit,
    Withdraw,
}

/// <summary>What the viewer may do for one of the firms they act for in the joint bid.</summary>
[GenerateSerializer, Alias("Marketplace.JointBidFirmAction")]
public enum JointBidFirmAction
{
    /// <summary>Approve the current content (its digest) for the firm.</summary>
    Sign,
    /// <summary>Attach the firm's own files; blocked while the bid has no room for one more.</summary>
    Attach,
}

/// <summary>Where the tender stands for bids now, as the server judges a submission: not open yet, open, or closed.</summary>
[GenerateSerializer, Alias("Marketplace.BidWindow")]
public enum BidWindow
{
    NotYetOpen,
    Open,
    Closed,
}

/// <summary>What the viewer may do with one work package.</summary>
[GenerateSerializer, Alias("Marketplace.WorkPackageAction")]
public enum WorkPackageAction
{
    /// <summary>Change its content (for its owner's people).</summary>
    Edit,
    /// <summary>Take it off the bid (for its owner's people).</summary>
    Delete,
    /// <summary>Give it, as it is, to another firm of the alliance (for the lead's people).</summary>
    Reassign,
}

/// <summary>What the viewer may do with one work package.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.WorkPackageActions")]
public sealed record WorkPackageActions(Guid WorkPackageId, ViewerActions<WorkPackageAction> Actions);

/// <summary>What the viewer may do about one file of the joint bid.</summary>
[GenerateSerializer, Alias("Marketplace.JointDocumentAction")]
public enum JointDocumentAction
{
    Detach,
}

/// <summary>One of the alliance's active firms the viewer edits the joint bid for (Owner or Manager), and what they may do for it.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointBidViewerFirm")]
public sealed record JointBidViewerFirm(Guid FirmId, ViewerActions<JointBidFirmAction> Actions);

/// <summary>What the viewer may do about one file of the joint bid.</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointDocumentActions")]
public sealed record JointDocumentActions(Guid DocumentId, ViewerActions<JointDocumentAction> Actions);

/// <summary>
/// The joint bid as one viewer sees it: its content, the bidding firms whose signature the current content awaits,
/// whether it changed since it was submitted, and what the viewer may do (<see cref="ViewerActions{TAction}"/>): with
/// the bid, for each firm they edit for, and about each file. <see cref="Window"/>: where the tender stands for bids;
/// <see cref="DocumentsLeft"/>: how many more files it takes; <see cref="PackageActions"/>: what the viewer may do with
/// each work package; <see cref="PackageFirms"/>: the firms the viewer may give a work package to (the lead: every active
/// firm; anyone else: the active firms they edit for). <see cref="Reliances"/>: the auxiliary firms' lendings declared
/// (avvalimento), saved as a whole from <see cref="ReliancesVersion"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointBidSnapshot")]
public sealed record JointBidSnapshot(
    Guid AllianceId,
    Guid TenderId,
    WorkPackage[] WorkPackages,
    JointAnswer[] Answers,
    JointDocument[] Documents,
    LotPrice[] LotPrices,
    FirmShare[] Shares,
    string Digest,
    SignOff[] SignOffs,
    Guid[] AwaitingSignature,
    Receipt? Receipt,
    bool ChangedSinceSubmission,
    int Version,
    DateTimeOffset UpdatedAt,
    ViewerActions<JointBidAction> Actions,
    JointBidViewerFirm[] ViewerFirms,
    JointDocumentActions[] DocumentActions,
    BidWindow Window,
    int DocumentsLeft,
    WorkPackageActions[] PackageActions,
    Guid[] PackageFirms,
    BidQuota[] Quotas,
    int QuotasVersion,
    QuotaWarning[] QuotaWarnings,
    BidSubcontract[] Subcontracts,
    int SubcontractsVersion,
    Qualifications.Lending[]? Reliances = null,
    int ReliancesVersion = 0,
    RelianceStanding[]? RelianceStandings = null);

/// <summary>What a stored change of the joint bid was, as far as its watchers can apply it without reading the bid again.</summary>
[GenerateSerializer, Alias("Marketplace.JointBidEdit")]
public enum JointBidEdit
{
    /// <summary>Anything a watcher reads again (an answer, a file, the bidding firms, a submission or withdrawal).</summary>
    Other,
    /// <summary>A work package was added, changed or given to another firm (<see cref="JointBidNews.Saved"/>).</summary>
    PackageSaved,
    /// <summary>A work package was taken off the bid (<see cref="JointBidNews.Deleted"/>).</summary>
    PackageDeleted,
    /// <summary>A firm signed the current content: only the sign-offs and what each firm may do changed.</summary>
    SignedOff,
}

/// <summary>
/// One active firm's part of a change of the joint bid: what a person who edits for that firm alone may now do with
/// the bid, for the firm, and with each package the change saved (<see cref="JointBidNews.Saved"/>). Told to that
/// firm's editors only.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointBidFirmNews")]
public sealed record JointBidFirmNews(Guid FirmId, ViewerActions<JointBidAction> Actions, JointBidViewerFirm ViewerFirm,
    WorkPackageActions[] PackageActions);

/// <summary>
/// A stored change of the joint bid as its workspace's watchers are told it, worked out once for all of them:
/// <see cref="Readers"/> is the bid as a person who edits for none of its firms sees it (what every watcher shares, and
/// the readers' actions), and <see cref="Firms"/> the part of each active firm's editors (empty for
/// <see cref="JointBidEdit.Other"/>, which every watcher reads again). It takes the bid from version
/// <see cref="Since"/> to the readers' version, saving the packages <see cref="Saved"/> (as they now are in
/// <see cref="Readers"/>) and taking off <see cref="Deleted"/>. <see cref="ToDoFirms"/> are the bidding firms whose
/// people's to-do lists the change alters (a sign-off to give or no longer to give, a bid to submit again);
/// <see cref="LendingFirms"/> the auxiliary firms whose lending page (and to-do list) it alters.
/// </summary>
[GenerateSerializer, Immutable, Alias("Marketplace.JointBidNews")]
public sealed record JointBidNews(JointBidEdit Edit, int Since, Guid[] Saved, Guid[] Deleted, JointBidSnapshot Readers, JointBidFirmNews[] Firms,
    Guid[] ToDoFirms, Guid[]? LendingFirms = null)
{
    /// <summary>
    /// This change and a <paramref name="later"/> one told as one, from this one's <see cref="Since"/>: what a watcher
    /// who heard neither must apply to show the bid as the later one left it. Watchers who cannot be told each change
    /// before the next is stored (many edits a second) are told fewer, larger ones. A package's last change decides
    /// whether it is saved or deleted, and each firm may do with it what that change said; anything read again
    /// (<see cref="JointBidEdit.Other"/>) makes the whole of it read again.
    /// </summary>
    public JointBidNews Then(JointBidNews later)
    {
        var toDo = ToDoFirms.Union(later.ToDoFirms).ToArray();
        Guid[]? lending = LendingFirms is null && later.LendingFirms is null ? null : [.. (LendingFirms ?? []).Union(later.LendingFirms ?? [])];
        if (Edit == JointBidEdit.Other || later.Edit == JointBidEdit.Other)
            return new(JointBidEdit.Other, Since, [], [], later.Readers, [], toDo, lending);
        Guid[] saved = [.. Saved.Except(later.Deleted).Union(later.Saved)];
        Guid[] deleted = [.. Deleted.Except(later.Saved).Union(later.Deleted)];
        var firms = later.Firms.Select(part =>
        {
            var earlier = Firms.FirstOrDefault(f => f.FirmId == part.FirmId)?.PackageActions ?? [];
            var renewed = part.PackageActions.Select(a => a.WorkPackageId).ToHashSet();
            return part with { PackageActions = [.. earlier.Where(a => saved.Contains(a.WorkPackageId) && !renewed.Contains(a.WorkPackageId)), .. part.PackageActions] };
        });
        return new(later.Edit, Since, saved, deleted, later.Readers, [.. firms], toDo, lending);
    }
}

/// <summary>A joint bid with the exact content its firms sign (<see cref="JointBidSnapshot.Digest"/> is its SHA-256).</summary>
[GenerateSerializer, Immutable, Alias("Marketplace.SignedJointBid")]
public sealed record SignedJointBid(JointBidSnapshot Bid, string Content);
