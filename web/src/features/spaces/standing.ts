// How the admins' lists show the firms of a space: grouped by where they stand, in the order each list reads best.
// What anyone may do about a firm comes with it from the server (ViewerActions, api/viewer-actions); nothing here
// decides it.
import type { MembershipStatus, SpaceMembershipDto } from "../../api/types";

export interface MembershipGroups {
  /** Pending applications, oldest first: the admins' queue. */
  applications: SpaceMembershipDto[];
  /** Members and suspended members, by name. */
  members: SpaceMembershipDto[];
  /** Invitations not yet accepted. */
  invited: SpaceMembershipDto[];
  /** Firms no longer involved: rejected, withdrawn, declined, removed, left; latest first. */
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
    former: having("Rejected", "Withdrawn", "Declined", "Removed", "Left").sort((a, b) => bySince(b, a)),
  };
}

/** Members that still have to accept the policy version in force (the server says which), by name. */
export const awaitingPolicy = (list: readonly SpaceMembershipDto[]): SpaceMembershipDto[] =>
  list.filter((m) => m.policyAcceptancePending).sort(byName);
