import { describe, expect, it } from "vitest";
import type { MembershipStatus, SpaceMembershipDto } from "../../api/types";
import { awaitingPolicy, groupMemberships } from "./standing";

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
