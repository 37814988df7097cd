using Marketplace.Qualifications;
using Marketplace.JointBids;
using Marketplace.Tenders;

namespace Marketplace.Server.Endpoints;

public sealed record SaveWorkPackageRequest(Guid? Id, int Version, string? Title, int Lot, [LongText] string? Description, Guid FirmId, MoneyDto? Price);

public sealed record SaveAnswerRequest(int Version, [LongText] string? Text);

/// <summary>Files the firm uploaded (POST /api/businesses/{firmId}/documents) to attach to the joint bid.</summary>
public sealed record AttachDocumentsRequest(Guid FirmId, Guid[]? Documents);

/// <summary>A file of the joint bid, the firm that attached it, and what the viewer may do about it.</summary>
public sealed record JointDocumentDto(DocumentDto Document, NamedDto Firm, ViewerActions<JointDocumentAction> Actions);

public sealed record SignRequest(Guid FirmId, string? Digest);

/// <summary>
/// A work package. <see cref="Firm"/> is the firm it is assigned to and its owner: only that firm's people change or
/// delete it; the lead gives it to another firm. <see cref="Actions"/>: what the viewer may do with it.
/// </summary>
public sealed record WorkPackageDto(Guid Id, string Title, int Lot, string? Description, NamedDto Firm, MoneyDto Price, int Version,
    ViewerActions<WorkPackageAction> Actions)
{
    internal static WorkPackageDto From(WorkPackage w, Func<Guid, NamedDto> firm, ViewerActions<WorkPackageAction>? actions) =>
        new(w.Id, w.Title, w.Lot, w.Description, firm(w.FirmId), MoneyDto.From(w.Price), w.Version, actions ?? ViewerActions<WorkPackageAction>.None);
}

/// <summary>
/// The quotas as a whole, from the version the editor read (<c>quotasVersion</c> of the joint bid): per lot, each
/// bidding firm's participation and execution quota in percent, two decimals.
/// </summary>
public sealed record SaveQuotasRequest(int Version, QuotaRequest[]? Quotas);

public sealed record QuotaRequest(int Lot, Guid FirmId, decimal? Participation, decimal? Execution);

/// <summary>
/// The reliances (avvalimento) as a whole, from the version the editor read (<c>reliancesVersion</c> of the joint bid).
/// </summary>
public sealed record SaveReliancesRequest(int Version, RelianceRequest[]? Reliances);

/// <summary>
/// An auxiliary firm of the space lending a bidding firm, for one lot, a works category up to a class
/// (<c>kind</c> prevailing or separable, with <c>category</c> and <c>class</c>) or an amount of its turnover or
/// similar work (<c>kind</c> turnover or similarWork, with <c>amount</c> in euros); <c>contractId</c>: the bid's document
/// that is the avvalimento contract, which the auxiliary's commitment signs.
/// </summary>
public sealed record RelianceRequest(int Lot, Guid AuxiliaryId, Guid RelyingFirmId, RequirementKind Kind, string? Category, SoaClass? Class, decimal? Amount,
    Guid? ContractId = null)
{
    internal Lending ToLending() => new(Lot, AuxiliaryId, RelyingFirmId, Kind, Category, Class, Amount, ContractId);
}

/// <summary>
/// A declared reliance: who lends what to whom in a lot; the auxiliary is jointly liable with the firm it lends to.
/// <see cref="Commitment"/>: the auxiliary's signed commitment to it as it stands (null while it gave none);
/// <see cref="Status"/>: where it stands with the auxiliary (no contract yet, awaiting it, committed, declined);
/// <see cref="Contract"/>: the bid's document that is its avvalimento contract, once attached.
/// </summary>
public sealed record RelianceDto(int Lot, NamedDto Auxiliary, NamedDto RelyingFirm, RequirementKind Kind, string? Category, SoaClass? Class, string? ClassLabel,
    decimal? Amount, RelianceCommitmentDto? Commitment = null, RelianceStatus Status = RelianceStatus.NoContract, DocumentDto? Contract = null,
    DateTimeOffset? AnsweredAt = null)
{
    internal static RelianceDto From(Lending r, Func<Guid, NamedDto> firm, RelianceStanding? standing = null) =>
        new(r.Lot, firm(r.AuxiliaryId), firm(r.RelyingFirmId), r.Kind, r.Category, r.Class, r.Class is { } c ? SoaClasses.Label(c) : null, r.Amount,
            standing is { Status: RelianceStatus.Committed, Answer: { } a, Contract: { } contract } ? new RelianceCommitmentDto(a.At, standing.Digest!, DocumentDto.From(contract)) : null,
            standing?.Status ?? RelianceStatus.NoContract, standing?.Contract is { } doc ? DocumentDto.From(doc) : null, standing?.Answer?.At);

    internal static RelianceDto From(BidReliance r, Func<Guid, NamedDto> firm) =>
        new(r.Lot, firm(r.AuxiliaryId), firm(r.RelyingFirmId), r.Kind, r.Category, r.Class, r.Class is { } c ? SoaClasses.Label(c) : null, r.Amount,
            r.Commitment is { } signed ? new RelianceCommitmentDto(signed.At, signed.Digest, DocumentDto.From(signed.Contract)) : null,
            r.Commitment is null ? RelianceStatus.Awaiting : RelianceStatus.Committed, r.Commitment is { } with ? DocumentDto.From(with.Contract) : null,
            r.Commitment?.At);
}

/// <summary>An auxiliary's commitment as sealed: when it signed, the digest it signed (the reliance with its contract) and the avvalimento contract.</summary>
public sealed record RelianceCommitmentDto(DateTimeOffset At, string Digest, DocumentDto Contract);

/// <summary>A firm's declared quotas in one lot, in percent.</summary>
public sealed record QuotaDto(int Lot, NamedDto Firm, decimal Participation, decimal Execution);

/// <summary>A quota warning (stops nothing) as a code with its arguments, <c>firm</c> filled with the firm's name.</summary>
public sealed record QuotaWarningDto(int Lot, NamedDto? Firm, string Code, Dictionary<string, string> Args)
{
    internal static QuotaWarningDto From(QuotaWarning w, Func<Guid, NamedDto> firm)
    {
        var named = w.FirmId is { } id ? firm(id) : null;
        var args = new Dictionary<string, string>(w.Problem.Args);
        if (named is not null) args["firm"] = named.Name;
        return new(w.Lot, named, w.Problem.Code, args);
    }
}

public sealed record JointAnswerDto(int Criterion, string Text, int Version);

/// <summary>A firm's share: the sum of its work packages and its percentage of the whole (the percentages add up to exactly 100).</summary>
public sealed record FirmShareDto(NamedDto Firm, MoneyDto Amount, decimal Percent)
{
    internal static FirmShareDto From(FirmShare s, Func<Guid, NamedDto> firm) => new(firm(s.FirmId), MoneyDto.From(s.Amount), s.Percent);
}

public sealed record SignOffDto(NamedDto Firm, string Digest, DateTimeOffset At)
{
    internal static SignOffDto From(SignOff s, Func<Guid, NamedDto> firm) => new(firm(s.FirmId), s.Digest, s.At);
}

/// <summary>
/// The alliance's joint bid as its firms co-edit it, for the viewer. <see cref="Digest"/> names the current content: a
/// sign-off approves exactly that. <see cref="AwaitingSignature"/>: the bidding firms that have not signed it.
/// <see cref="ChangedSinceSubmission"/>: it was submitted and changed since. What the viewer may do, in the one shape
/// every snapshot uses (<see cref="ViewerActions{TAction}"/>): <see cref="Actions"/> with the bid (the submission
/// blocked by every reason at once), <see cref="ViewerFirms"/> for each firm they edit for, and each document's <c>Actions</c>.
/// <see cref="Window"/>: where the tender stands for bids now, as a submission would be judged (every reader is told
/// it, whatever they may do). <see cref="DocumentsLeft"/>: how many more files the bid takes (a page uploads no more).
/// <see cref="PackageFirms"/>: the firms the viewer may give a work package to, as a save is judged (the lead: the
/// alliance's active firms; anyone else: the active firms they edit for). <see cref="Quotas"/>: each firm's declared
/// participation and execution quota per lot, saved as a whole from <see cref="QuotasVersion"/>; <see cref="QuotaWarnings"/>:
/// what the firms should look at before they sign (a quota other than the work packages' share, …), stopping nothing.
/// <see cref="Subcontracts"/>: the parts of each lot declared as subcontracted, saved as a whole from <see cref="SubcontractsVersion"/>.
/// <see cref="Reliances"/>: the auxiliary firms' lendings declared (avvalimento), saved as a whole from <see cref="ReliancesVersion"/>.
/// </summary>
public sealed record JointBidDto(Guid AllianceId, Guid TenderId, WorkPackageDto[] WorkPackages, JointAnswerDto[] Answers, JointDocumentDto[] Documents,
    LotPriceDto[] LotPrices,
    FirmShareDto[] Shares, string Digest, SignOffDto[] SignOffs, NamedDto[] AwaitingSignature, ReceiptDto? Receipt, bool ChangedSinceSubmission,
    int Version, DateTimeOffset UpdatedAt, ViewerActions<JointBidAction> Actions, JointBidViewerFirm[] ViewerFirms, BidWindow Window, int DocumentsLeft,
    NamedDto[] PackageFirms, QuotaDto[] Quotas, int QuotasVersion, QuotaWarningDto[] QuotaWarnings,
    SubcontractDto[] Subcontracts, int SubcontractsVersion, RelianceDto[] Reliances, int ReliancesVersion);

/// <summary>
/// Pushed to the alliance's workspace watchers for stored changes, one message each: what every one of them sees alike.
/// It takes the bid from version <see cref="Since"/> to <see cref="Version"/>: one change, or several told as one when
/// they came faster than they could be told. It saves <see cref="Packages"/> and takes off <see cref="DeletedPackageIds"/>,
/// or says <c>Other</c> (<see cref="Edit"/>: read the joint bid again); the rest is the joint bid's as of
/// <see cref="Version"/>: lot prices, shares, sign-offs, the firms awaited, and what a person who edits for none of its
/// firms may do (<see cref="Actions"/>, and each package's actions). A person who edits for one of its firms gets the
/// same change with that firm's part (<see cref="ForFirm"/>); nobody else ever gets a firm's part.
/// </summary>
public sealed record JointBidChangedDto(Guid AllianceId, int Since, int Version, string Digest, DateTimeOffset UpdatedAt, JointBidEdit Edit,
    WorkPackageDto[] Packages, Guid[] DeletedPackageIds, LotPriceDto[] LotPrices, FirmShareDto[] Shares, SignOffDto[] SignOffs,
    NamedDto[] AwaitingSignature, bool ChangedSinceSubmission, BidWindow Window, ViewerActions<JointBidAction> Actions,
    JointBidActionsDto? ForFirm = null);

/// <summary>
/// The part of a <see cref="JointBidChangedDto"/> for the people who edit the joint bid for <see cref="FirmId"/> (its
/// Owners and Managers watching the workspace), and for nobody else: what one who edits for that firm alone may now do
/// with the bid, for the firm (<see cref="ViewerFirm"/>) and with each package the change saved.
/// </summary>
public sealed record JointBidActionsDto(Guid AllianceId, int Version, Guid FirmId, ViewerActions<JointBidAction> Actions,
    JointBidViewerFirm ViewerFirm, WorkPackageActions[] PackageActions);
