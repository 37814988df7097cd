import { describe, expect, it } from "vitest";
import type { MembershipStatus, SpaceMembershipDto } from "../../api/types";
import {
  actsForFirm,
  awaitingPolicy,
  canSeeMembers,
  decisionsFor,
  groupMemberships,
  hasAdminReason,
  invitationBlock,
  needsReason,
  policyPending,
  standingActions,
  vouchAction,
} from "./standing";

const standing = (status: MembershipStatus | null, acceptedPolicyVersion: number | null = null) => ({ status, acceptedPolicyVersion });

describe("standingActions", () => {
  it.each([
    [null, ["apply"]],
    ["Rejected", ["apply"]],
    ["Withdrawn", ["apply"]],
    ["Left", ["apply"]],
    ["Removed", ["apply"]],
    ["Invited", ["acceptInvitation"]],
    ["Applied", ["withdraw"]],
    ["Suspended", ["leave"]],
  ] as const)("a firm that is %s may %j", (status, actions) => {
    expect(standingActions(standing(status), 1, "Owner")).toEqual(actions);
    expect(standingActions(standing(status), 1, "Manager")).toEqual(actions);
  });

  it("lets a member that accepted the policy in force only leave", () => {
    expect(standingActions(standing("Member", 2), 2, "Owner")).toEqual(["leave"]);
  });

  it("puts accepting a newer policy first for a member that has not", () => {
    expect(standingActions(standing("Member", 1), 2, "Manager")).toEqual(["acceptPolicy", "leave"]);
  });

  it("offers nothing to a Viewer, or to someone whose role is unknown", () => {
    expect(standingActions(standing(null), 1, "Viewer")).toEqual([]);
    expect(standingActions(standing("Member", 1), 2, null)).toEqual([]);
    expect(standingActions(standing("Invited"), 1, undefined)).toEqual([]);
    expect(actsForFirm("Viewer")).toBe(false);
    expect(actsForFirm("Owner")).toBe(true);
  });
});

describe("policyPending", () => {
  it("is true only for a member behind the version in force", () => {
    expect(policyPending(standing("Member", 1), 2)).toBe(true);
    expect(policyPending(standing("Member", 2), 2)).toBe(false);
    // A suspended firm is not asked to accept: the server counts members only.
    expect(policyPending(standing("Suspended", 1), 2)).toBe(false);
    expect(policyPending(standing("Applied", 1), 2)).toBe(false);
  });
});

describe("hasAdminReason", () => {
  it("marks the standings the admins chose and had to explain", () => {
    expect((["Rejected", "Suspended", "Removed"] as const).every(hasAdminReason)).toBe(true);
    expect(([null, "Applied", "Invited", "Member", "Withdrawn", "Left"] as const).some(hasAdminReason)).toBe(false);
  });
});

describe("admin decisions", () => {
  it("follow the server's table of admissible decisions", () => {
    expect(decisionsFor("Applied")).toEqual(["Approve", "Reject"]);
    expect(decisionsFor("Member")).toEqual(["Suspend", "Remove"]);
    expect(decisionsFor("Suspended")).toEqual(["Reinstate", "Remove"]);
    for (const status of ["Invited", "Rejected", "Withdrawn", "Removed", "Left"] as const) expect(decisionsFor(status)).toEqual([]);
  });

  it("ask for a reason when the firm is turned down, suspended or removed", () => {
    expect(["Reject", "Suspend", "Remove"].every((d) => needsReason(d as never))).toBe(true);
    expect(needsReason("Approve")).toBe(false);
    expect(needsReason("Reinstate")).toBe(false);
  });
});

const membership = (firmName: string, status: MembershipStatus, since: string, pending = false): SpaceMembershipDto => ({
  firmId: `id-${firmName}`,
  firmName,
  status,
  acceptedPolicyVersion: 1,
  policyAcceptancePending: pending,
  message: null,
  reason: null,
  since,
  verified: false,
  actions: { allowed: [], blocked: [] },
  reasonRequired: [],
});

describe("groupMemberships", () => {
  const list = [
    membership("Zeta", "Member", "2026-01-05T00:00:00Z", true),
    membership("Alfa", "Suspended", "2026-01-04T00:00:00Z"),
    membership("Beta", "Applied", "2026-01-03T00:00:00Z"),
    membership("Gamma", "Applied", "2026-01-01T00:00:00Z"),
    membership("Delta", "Invited", "2026-01-02T00:00:00Z"),
    membership("Eta", "Left", "2026-01-01T00:00:00Z"),
    membership("Theta", "Rejected", "2026-01-06T00:00:00Z"),
    membership("Iota", "Member", "2026-01-01T00:00:00Z"),
  ];

  it("queues applications oldest first and lists members by name", () => {
    const groups = groupMemberships(list);
    expect(groups.applications.map((m) => m.firmName)).toEqual(["Gamma", "Beta"]);
    expect(groups.members.map((m) => m.firmName)).toEqual(["Alfa", "Iota", "Zeta"]);
    expect(groups.invited.map((m) => m.firmName)).toEqual(["Delta"]);
    expect(groups.former.map((m) => m.firmName)).toEqual(["Theta", "Eta"]);
  });

  it("names the members that still have to accept the policy", () => {
    expect(awaitingPolicy(list).map((m) => m.firmName)).toEqual(["Zeta"]);
  });
});

describe("invitationBlock", () => {
  it("says why a firm cannot be invited, and lets former firms be invited again", () => {
    expect(invitationBlock("Member")).toBe("member");
    expect(invitationBlock("Suspended")).toBe("member");
    expect(invitationBlock("Invited")).toBe("invited");
    expect(invitationBlock("Applied")).toBe("applied");
    for (const status of [null, undefined, "Rejected", "Withdrawn", "Removed", "Left"] as const) expect(invitationBlock(status)).toBeNull();
  });
});

describe("canSeeMembers", () => {
  const space = (visibility: "Public" | "MembersOnly", viewerIsAdmin: boolean, ...statuses: (MembershipStatus | null)[]) => ({
    summary: { visibility },
    viewerIsAdmin,
    viewerFirms: statuses.map((status) => ({ status })),
  });

  it("shows a public directory to anyone", () => expect(canSeeMembers(space("Public", false))).toBe(true));

  it("shows a members-only directory to admins and to people of a member firm", () => {
    expect(canSeeMembers(space("MembersOnly", true))).toBe(true);
    expect(canSeeMembers(space("MembersOnly", false, "Applied", "Member"))).toBe(true);
  });

  it("hides it from visitors, applicants and suspended firms", () => {
    expect(canSeeMembers(space("MembersOnly", false))).toBe(false);
    expect(canSeeMembers(space("MembersOnly", false, "Applied", "Invited", null))).toBe(false);
    expect(canSeeMembers(space("MembersOnly", false, "Suspended"))).toBe(false);
  });
});

describe("vouchAction", () => {
  it.each([
    ["Member", false, "vouch"],
    ["Member", true, "revoke"],
    // A suspended firm cannot be vouched for, but a mark it still has can be revoked.
    ["Suspended", false, null],
    ["Suspended", true, "revoke"],
    ["Applied", false, null],
    ["Invited", false, null],
    ["Left", false, null],
  ] as [MembershipStatus, boolean, "vouch" | "revoke" | null][])("%s, verified %s → %s", (status, verified, expected) => {
    expect(vouchAction({ status, verified })).toBe(expected);
  });
});
