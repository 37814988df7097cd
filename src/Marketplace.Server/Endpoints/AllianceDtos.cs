using Marketplace.Alliances;
using Marketplace.Qualifications;

namespace Marketplace.Server.Endpoints;

public sealed record FormAllianceRequest(Guid LeadId, Guid SpaceId, Guid? TenderId, string? Name, [LongText] string? AgreementText);

/// <summary>A space a firm could lead an alliance in, and whether the viewer may form it there now (or why not).</summary>
public sealed record AllianceSpaceChoiceDto(NamedDto Space, ViewerActions<AllianceFormAction> Actions);

/// <summary>A firm the viewer forms alliances for (an Owner or Manager of it), with the spaces it could lead one in.</summary>
public sealed record AllianceLeadChoiceDto(NamedDto Firm, AllianceSpaceChoiceDto[] Spaces);

public sealed record AllianceInviteRequest(Guid FirmId, AllianceRole? Role);

public sealed record AllianceAnswerRequest(bool? Accept, int AgreementVersion);

/// <summary>
/// A firm of the alliance; <see cref="Actions"/>: what the viewer (for the lead) may do about it; <see cref="Logo"/>:
/// where its logo is served, if it has one.
/// </summary>
public sealed record AllianceMemberDto(Guid FirmId, string Name, AllianceRole Role, AllianceStanding Standing, int? AcceptedAgreement,
    bool AgreementPending, string? Reason, DateTimeOffset Since, ViewerActions<AllianceMemberAction> Actions, string? Logo);

public sealed record AllianceEventDto(string Kind, Guid FirmId, string FirmName, string? Reason, DateTimeOffset At);

public sealed record AllianceAgreementDto(int Version, string Text, DateTimeOffset PublishedAt);

/// <summary>
/// An alliance as one viewer sees it. <see cref="MyFirms"/> are the viewer's firms in it (active or invited). What
/// the viewer may do is said in the one shape every
/// snapshot uses (<see cref="ViewerActions{TAction}"/>, see ViewerActions.cs): <see cref="Actions"/> for the alliance,
/// <see cref="ViewerFirms"/> for each of their own firms, and each member's <c>Actions</c> about that firm.
/// <see cref="FormedFrom"/>: the rete d'impresa that formed this RTI, if one did.
/// </summary>
public sealed record AllianceDto(Guid Id, NamedDto Space, NamedDto? Tender, string Name, NamedDto Lead, AllianceMemberDto[] Members,
    AllianceAgreementDto Agreement, AllianceEventDto[] History, int Version, Guid[] MyFirms,
    ViewerActions<AllianceAction> Actions, AllianceViewerFirm[] ViewerFirms, DateTimeOffset UpdatedAt, NamedDto? FormedFrom = null);

public sealed record AllianceSummaryDto(Guid Id, string Name, Guid? TenderId, string? TenderTitle, Guid LeadId, string LeadName,
    Guid FirmId, AllianceRole Role, AllianceStanding Standing);

/// <summary>Pushed to an alliance's watchers and to the people of its firms (invited ones included): reload it.</summary>
public sealed record AllianceChangedDto(Guid AllianceId, int Version);

/// <summary>A person looking at the workspace, by the name others see.</summary>
public sealed record ViewerDto(Guid UserId, string Name);

/// <summary>Pushed to an alliance's workspace watchers whenever someone opens or leaves it: who is looking now.</summary>
public sealed record PresenceDto(Guid AllianceId, ViewerDto[] Viewers);

/// <summary>One CPV code of a lot: the alliance's firms that cover it; <see cref="Covered"/> false makes it a gap.</summary>
public sealed record CodeCoverageDto(CapabilityDto Code, NamedDto[] CoveredBy, bool Covered);

/// <summary>A lot of the tender: <see cref="Covered"/> when every one of its codes is.</summary>
public sealed record LotCoverageDto(int Lot, string Title, bool Covered, CodeCoverageDto[] Codes);

/// <summary>The coverage matrix of an alliance for its tender; <see cref="Gaps"/> are the codes none of its firms covers.</summary>
public sealed record CoverageDto(Guid AllianceId, LotCoverageDto[] Lots, CapabilityDto[] Gaps);

/// <summary>
/// A requirement of a lot a suggested firm would complete by joining: the works category with the class the lot names
/// (<see cref="ClassLabel"/>, "I"…"VIII"), or turnover / similar work; <see cref="LotQualifies"/> when with it the
/// alliance qualifies for the lot, as the qualification rules judge it.
/// </summary>
public sealed record RequirementCompletionDto(int Lot, RequirementKind Kind, string? Category, string? CategoryIt, string? CategoryEn, string? ClassLabel, bool LotQualifies);

/// <summary>
/// A firm that could fill gaps: the lots' requirements it would complete, the gap codes it covers, how far it is from
/// the work, its marks, and its score.
/// </summary>
public sealed record SuggestedFirmDto(NamedDto Firm, CapabilityDto[] Covers, double? DistanceKm, bool Verified, int JointProjects, decimal Score,
    RequirementCompletionDto[] Completes);

/// <summary>
/// Partners for an alliance's gaps: <see cref="Ranked"/> best first; <see cref="Cover"/> a small set that covers every
/// gap it can, found by the greedy method (good, not always the very smallest); <see cref="Uncoverable"/> the gaps no
/// firm of the space covers.
/// </summary>
/// <param name="Closed">Why no firm is suggested however many gaps there are (a refusal code: bids are closed, or the joint bid is submitted); null while partners may join.</param>
public sealed record SuggestionsDto(Guid AllianceId, CapabilityDto[] Gaps, SuggestedFirmDto[] Ranked, SuggestedFirmDto[] Cover, CapabilityDto[] Uncoverable, string? Closed);

/// <summary>
/// One partner in a firm's relationship ledger: the bids they made together (as tenderers of one bid), how many lots
/// those bids won, the value of the joint work won (the awarded prices, per currency; EUR in practice) and the
/// partner's own share of it.
/// </summary>
/// <param name="ShareWon">The partner's share of the won lots whose shares are known, per currency: its execution quota of each lot, or, where the bid declared none, its work packages' part of the lot's price, both as the bid was submitted.</param>
/// <param name="LotsWithoutShare">Won lots whose bid was submitted before shares were recorded: the partner's share of them is not known, and <paramref name="ShareWon"/> leaves them out.</param>
public sealed record PartnerLedgerDto(NamedDto Partner, int JointBids, int LotsWon, MoneyDto[] ValueWon, MoneyDto[] ShareWon, int LotsWithoutShare);

/// <summary>A rete d'impresa forms an RTI for this tender of its space.</summary>
public sealed record FormRtiRequest(Guid TenderId);

/// <summary>
/// How far an RTI formed by a rete got: forming it (bids still open), its bid submitted, lots won (from awards), or no
/// bid once bids closed. <see cref="Bidding"/> is what the rete's other firms read while bids are taken: whether an RTI
/// has bid is told then only to its own firms (a rete firm that declined it may bid against it).
/// </summary>
public enum ReteRtiStage
{
    Forming,
    BidSubmitted,
    LotsWon,
    NoBid,
    Bidding,
}

/// <summary>An RTI a rete formed, as the rete's page lists it.</summary>
public sealed record ReteRtiDto(Guid Id, string Name, NamedDto Tender, ReteRtiStage Stage, int LotsWon);

/// <summary>A rete the viewer leads (for its lead firm) that could bid for a tender, and whether it may form its RTI now or why not.</summary>
public sealed record ReteChoiceDto(NamedDto Rete, NamedDto Lead, ViewerActions<AllianceFormAction> Actions);
