using Marketplace.Businesses;
using Marketplace.Spaces;

namespace Marketplace.Server.Endpoints;

/// <summary>A space as lists and its public page show it; anyone may see this.</summary>
public sealed record SpaceSummaryDto(
    Guid Id, Guid HostId, string HostName, string Name, string? Description, DirectoryVisibility Visibility,
    int PolicyVersion, int MemberCount);

public sealed record SpacePolicyDto(int Version, string Text, DateTimeOffset PublishedAt);

/// <summary>
/// Where one of the viewer's firms stands in the space (<see cref="Status"/> null: never involved), whether it has
/// yet to accept the policy in force, the admins' reason for a standing they had to explain, whether the viewer acts
/// for the firm (Owner or Manager), and what they may do for it now (<see cref="ViewerActions{TAction}"/>).
/// </summary>
public sealed record FirmStandingDto(
    Guid FirmId, string FirmName, MembershipStatus? Status, int? AcceptedPolicyVersion, bool PolicyAcceptancePending, string? Reason,
    bool ActsFor, ViewerActions<StandingAction> Actions);

/// <summary>
/// A space's page: public facts, the current policy, and what the viewer may do there: administer it, see its
/// members (<see cref="SpaceAccess.CanSeeDirectory"/>), act for each of their firms, and what they may do with the
/// space itself (<see cref="Actions"/>: edit it, publish its policy, appoint moderators; nothing for outsiders).
/// Buyers read how many days at least the space gives firms to bid (<see cref="SpaceSettings.MinimumTenderingDays"/>).
/// </summary>
public sealed record SpaceDetailDto(
    SpaceSummaryDto Summary,
    string[] TerritoryComuni,
    string[] TerritoryProvinces,
    SpacePolicyDto Policy,
    bool ViewerIsAdmin,
    bool ViewerSeesMembers,
    FirmStandingDto[] ViewerFirms,
    ModeratorDto[] Moderators,
    int Version,
    int MinimumTenderingDays,
    ViewerActions<SpaceAction> Actions,
    bool PostsNeedApproval,
    bool ViewerSeesBoard);

/// <summary>A moderator the association appointed; listed to the space's admins only.</summary>
/// <summary>A moderator, as the space's admins see them: by name, with the e-mail they were appointed by.</summary>
public sealed record ModeratorDto(Guid UserId, string Email, string Name);

/// <summary>
/// A firm in a space, as admins see it (members, applications, invitations, past members), with what the viewer may
/// do about it now (<see cref="ViewerActions{TAction}"/>) and which of the decisions allowed must say why.
/// </summary>
public sealed record SpaceMembershipDto(
    Guid FirmId, string FirmName, MembershipStatus Status, int? AcceptedPolicyVersion, bool PolicyAcceptancePending,
    string? Message, string? Reason, DateTimeOffset Since, bool Verified,
    ViewerActions<MembershipAction> Actions, MembershipDecision[] ReasonRequired);

/// <summary>A member firm found in a space's directory search; <see cref="Logo"/>: where its logo is served, if it has one.</summary>
public sealed record SpaceDirectoryEntryDto(
    Guid Id, string Name, string? ComuneName, string? ProvinceSigla, string? RegionName, FirmSize? Size,
    int CapabilityCount, bool Verified, double? DistanceKm, string? Logo);

/// <param name="TotalIsLowerBound">True when more firms match than <paramref name="Total"/> (counting stops at 200).</param>
public sealed record SpaceDirectoryPageDto(SpaceDirectoryEntryDto[] Items, int Total, bool TotalIsLowerBound, int Page, int PageSize);

/// <summary>An association's mark on a firm's profile: it vouches for the firm's current size class and VAT number.</summary>
public sealed record VerificationDto(Guid SpaceId, string SpaceName, Guid AssociationId, string AssociationName, DateTimeOffset VouchedAt);

public sealed record MembershipEventDto(Guid FirmId, string FirmName, MembershipStatus Status, string ActorName, string? Reason, DateTimeOffset At);

/// <summary>A space to create; a minimum tendering period left out is <see cref="SpaceRules.DefaultMinimumTenderingDays"/>.</summary>
public sealed record CreateSpaceRequest(
    Guid HostId, string? Name, [LongText] string? Description, string[]? TerritoryComuni, string[]? TerritoryProvinces,
    DirectoryVisibility? Visibility, [LongText] string? PolicyText, int? MinimumTenderingDays = null)
{
    public SpaceSettings ToSettings(DirectoryVisibility visibility) =>
        new(Name ?? "", Description, TerritoryComuni ?? [], TerritoryProvinces ?? [], visibility,
            MinimumTenderingDays ?? SpaceRules.DefaultMinimumTenderingDays);
}

/// <summary>
/// The space's settings as they are to be; a minimum tendering period or a notice-board approval left out keeps the
/// current one.
/// </summary>
public sealed record EditSpaceSettingsRequest(
    int Version, string? Name, [LongText] string? Description, string[]? TerritoryComuni, string[]? TerritoryProvinces, DirectoryVisibility? Visibility,
    int? MinimumTenderingDays = null, bool? PostsNeedApproval = null)
{
    public SpaceSettings ToSettings(DirectoryVisibility visibility, SpaceSettings? current) =>
        new(Name ?? "", Description, TerritoryComuni ?? [], TerritoryProvinces ?? [], visibility,
            MinimumTenderingDays ?? current?.MinimumTenderingDays ?? 0, PostsNeedApproval ?? current?.PostsNeedApproval ?? false);
}

public sealed record PublishPolicyRequest([LongText] string? Text);

public sealed record ApplyRequest(Guid FirmId, [LongText] string? Message, int AcceptedPolicyVersion);

public sealed record AcceptPolicyRequest(int Version);

public sealed record DecisionRequest(MembershipDecision? Decision, [LongText] string? Reason);

public sealed record InviteRequest(Guid FirmId);

public sealed record ModeratorRequest(string? Email);

/// <summary>Only which space changed: each viewer reloads through the API, which decides what that viewer may see.</summary>
public sealed record SpaceChangedDto(Guid SpaceId);

/// <summary>Pushed to a firm's own members when its standing in a space changes.</summary>
public sealed record SpaceStandingChangedDto(Guid SpaceId, string SpaceName, Guid FirmId, MembershipStatus Status, string? Reason, int PolicyVersion);

/// <summary>Members in good standing at the end of a month.</summary>
public sealed record MembersAtMonthDto(string Month, int Members);

/// <summary>A CPV division (two digits) and how many member firms offer something in it; zero means uncovered.</summary>
public sealed record DivisionCoverageDto(string Division, string LabelIt, string LabelEn, int Members);

public sealed record ProvinceCountDto(string ProvinceSigla, int Members);

/// <summary>
/// The association's view of its space (plan-do-check-act): growth, pending work, what members cover, and the joint
/// work they show: verified showcase projects published by members and endorsements members received.
/// </summary>
public sealed record SpaceDashboardDto(
    int Members,
    int PendingApplications,
    int PendingInvitations,
    int PolicyAcceptancePending,
    int Verified,
    int ShowcaseProjects,
    int Endorsements,
    MembersAtMonthDto[] MembersOverTime,
    DivisionCoverageDto[] Divisions,
    ProvinceCountDto[] Provinces,
    int OpenPosts,
    int PostsAwaitingApproval,
    int PostInterests);

/// <summary>A space admin's decision on a buyer: Approve a request, or Revoke an approval (or decline a request).</summary>
public sealed record BuyerDecisionRequest(BuyerDecision? Decision);

/// <summary>The space whose admins the buyer mandates to draft, publish and manage its tenders there.</summary>
public sealed record MandateRequest(Guid SpaceId);

/// <summary>One step of a buyer's standing in a space, with the e-mail of the user who took it.</summary>
public sealed record SpaceBuyerEventDto(SpaceBuyerStep Step, string ActorName, DateTimeOffset At);

/// <summary>
/// A buyer's standing in a space: <see cref="Approval"/> (null before it ever asked) decides whether its tenders may
/// be published there; <see cref="Mandated"/> whether the space's admins may act for it there. Newest step first.
/// <see cref="Actions"/>: what the viewer may do with it now (<see cref="ViewerActions{TAction}"/>).
/// </summary>
public sealed record SpaceBuyerDto(
    NamedDto Space, NamedDto Buyer, BuyerApproval? Approval, bool Mandated, SpaceBuyerEventDto[] History, ViewerActions<BuyerStandingAction> Actions);

/// <summary>
/// A space the buyer has not dealt with yet, with what the viewer may do there for the buyer now: ask to publish
/// (<see cref="BuyerStandingAction.RequestPublishing"/>), or ask and mandate its admins at once
/// (<see cref="BuyerStandingAction.GrantMandate"/>).
/// </summary>
public sealed record BuyerSpaceChoiceDto(NamedDto Space, string HostName, ViewerActions<BuyerStandingAction> Actions);
