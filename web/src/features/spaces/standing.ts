// What a firm may do in a space from where it stands, and what the admins may decide about it. These mirror
// the server's rules (Marketplace.Grains/Spaces/SpaceState.cs) so that the UI offers only what will be accepted;
// the server still decides.
import type {
  FirmStandingDto,
  MemberRole,
  MembershipDecision,
  MembershipStatus,
  SpaceDetailDto,
  SpaceMembershipDto,
} from "../../api/types";

/** `acceptInvitation` goes through the application endpoint: an invited firm that accepts the policy is in at once. */
export type StandingAction = "apply" | "acceptInvitation" | "withdraw" | "leave" | "acceptPolicy";

/** Only a firm's Owners and Managers act for it in a space; Viewers see where it stands. */
export const actsForFirm = (role: MemberRole | null | undefined): boolean => role === "Owner" || role === "Manager";

/** A member that has not accepted the policy version in force. */
export const policyPending = (standing: Pick<FirmStandingDto, "status" | "acceptedPolicyVersion">, policyVersion: number): boolean =>
  standing.status === "Member" && standing.acceptedPolicyVersion !== policyVersion;

/** The actions a standing allows, most important first; none for someone who cannot act for the firm. */
export function standingActions(
  standing: Pick<FirmStandingDto, "status" | "acceptedPolicyVersion">,
  policyVersion: number,
  role: MemberRole | null | undefined,
): StandingAction[] {
  if (!actsForFirm(role)) return [];
  switch (standing.status) {
    case null:
    case "Rejected":
    case "Withdrawn":
    case "Left":
    case "Removed":
      return ["apply"];
    case "Invited":
      return ["acceptInvitation"];
    case "Applied":
      return ["withdraw"];
    case "Member":
      return policyPending(standing, policyVersion) ? ["acceptPolicy", "leave"] : ["leave"];
    case "Suspended":
      // A suspended firm cannot apply again, but it may go.
      return ["leave"];
  }
}

/** Standings that the admins chose and explained: the firm is shown their reason. */
export const hasAdminReason = (status: MembershipStatus | null): boolean =>
  status === "Rejected" || status === "Suspended" || status === "Removed";

const decisions: Record<MembershipStatus, readonly MembershipDecision[]> = {
  Applied: ["Approve", "Reject"],
  Invited: [],
  Member: ["Suspend", "Remove"],
  Rejected: [],
  Withdrawn: [],
  Suspended: ["Reinstate", "Remove"],
  Removed: [],
  Left: [],
};

/** The decisions the admins may take about a firm in this standing. */
export const decisionsFor = (status: MembershipStatus): readonly MembershipDecision[] => decisions[status];

/** Rejecting, suspending and removing must say why: the firm sees the reason. */
export const needsReason = (decision: MembershipDecision): boolean =>
  decision === "Reject" || decision === "Suspend" || decision === "Remove";

export interface MembershipGroups {
  /** Pending applications, oldest first: the admins' queue. */
  applications: SpaceMembershipDto[];
  /** Members and suspended members, by name. */
  members: SpaceMembershipDto[];
  /** Invitations not yet accepted. */
  invited: SpaceMembershipDto[];
  /** Firms no longer involved: rejected, withdrawn, removed, left; latest first. */
  former: SpaceMembershipDto[];
}

const byName = (a: SpaceMembershipDto, b: SpaceMembershipDto) => a.firmName.localeCompare(b.firmName, "it");
const bySince = (a: SpaceMembershipDto, b: SpaceMembershipDto) => a.since.localeCompare(b.since);

export function groupMemberships(list: readonly SpaceMembershipDto[]): MembershipGroups {
  const having = (...statuses: MembershipStatus[]) => list.filter((m) => m.status !== null && statuses.includes(m.status));
  return {
    applications: having("Applied").sort(bySince),
    members: having("Member", "Suspended").sort(byName),
    invited: having("Invited").sort(bySince),
    former: having("Rejected", "Withdrawn", "Removed", "Left").sort((a, b) => bySince(b, a)),
  };
}

/** Members that still have to accept the policy version in force, by name. */
export const awaitingPolicy = (list: readonly SpaceMembershipDto[]): SpaceMembershipDto[] =>
  list.filter((m) => m.status === "Member" && m.policyAcceptancePending).sort(byName);

/** Why an admin cannot invite a firm that already has this standing; null when an invitation is possible. */
export function invitationBlock(status: MembershipStatus | null | undefined): "member" | "invited" | "applied" | null {
  switch (status) {
    case "Member":
    case "Suspended":
      return "member";
    case "Invited":
      return "invited";
    case "Applied":
      return "applied";
    default:
      return null;
  }
}

/**
 * Whether the viewer may see the member directory (SpaceAccess.CanSeeDirectory on the server): anyone when it
 * is public, otherwise the admins and the people of a current member firm. A suspended firm sees nothing.
 */
export const canSeeMembers = (
  space: { summary: { visibility: SpaceDetailDto["summary"]["visibility"] }; viewerIsAdmin: boolean; viewerFirms: readonly Pick<FirmStandingDto, "status">[] },
): boolean => space.summary.visibility === "Public" || space.viewerIsAdmin || space.viewerFirms.some((f) => f.status === "Member");

/**
 * What the admins can do about a firm's verified mark: vouch for a member's current size and VAT number, or
 * revoke a mark that holds. Only a current member can be vouched for (MembershipState.CheckVouch); a mark that no
 * longer holds (the firm changed its profile since) shows as unverified, and vouching again renews it.
 */
export function vouchAction(m: Pick<SpaceMembershipDto, "status" | "verified">): "vouch" | "revoke" | null {
  if (m.verified) return "revoke";
  return m.status === "Member" ? "vouch" : null;
}
