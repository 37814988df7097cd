import { describe, expect, it } from "vitest";
import type { JointBidActionsChange, JointBidChange } from "../../realtime/hub";
import { LEAD, MEMBER } from "../alliances/test-fixtures";
import { liveStep } from "./live-change";
import { ALLIANCE, firm, jointBidDto, workPackage } from "./test-fixtures";

const NEW_DIGEST = "c".repeat(64);
const readers = { allowed: [], blocked: [] };

/** The member saved its package "p2" (version 2 of the bid), as every watcher hears it. */
function change(more: Partial<JointBidChange> = {}): JointBidChange {
  return {
    allianceId: ALLIANCE,
    since: 1,
    version: 2,
    digest: NEW_DIGEST,
    updatedAt: "2026-02-20T11:00:00Z",
    edit: "PackageSaved",
    packages: [workPackage("p2", { title: "Impianti", firm: firm(MEMBER), price: { amount: 500, currency: "EUR" }, actions: readers })],
    deletedPackageIds: [],
    lotPrices: [{ lot: 1, price: { amount: 1500, currency: "EUR" } }],
    shares: [
      { firm: firm(LEAD), amount: { amount: 1000, currency: "EUR" }, percent: 66.67 },
      { firm: firm(MEMBER), amount: { amount: 500, currency: "EUR" }, percent: 33.33 },
    ],
    signOffs: [],
    awaitingSignature: [firm(LEAD), firm(MEMBER)],
    changedSinceSubmission: false,
    window: "Open",
    actions: readers,
    ...more,
  };
}

/** The lead's part of the same change. */
function leadPart(more: Partial<JointBidActionsChange> = {}): JointBidActionsChange {
  return {
    allianceId: ALLIANCE,
    version: 2,
    firmId: LEAD,
    actions: { allowed: ["Edit"], blocked: [{ action: "Submit", code: "jointBid.unsigned", args: { count: "2" } }] },
    viewerFirm: { firmId: LEAD, actions: { allowed: ["Sign", "Attach"], blocked: [] } },
    packageActions: [{ workPackageId: "p2", actions: { allowed: ["Reassign"], blocked: [] } }],
    ...more,
  };
}

const shown = () => jointBidDto({ workPackages: [workPackage("p1", { title: "Opere" })] });

describe("a change heard live", () => {
  it("is applied with the viewer's firm's part: the package, the totals, the digest and what the viewer may do", () => {
    const step = liveStep(shown(), change(), leadPart());
    expect(step.kind).toBe("apply");
    if (step.kind !== "apply") return;
    expect(step.bid.workPackages.map((w) => [w.title, w.actions.allowed])).toEqual([
      ["Impianti", ["Reassign"]],
      ["Opere", ["Edit", "Delete", "Reassign"]],
    ]);
    expect(step.bid.lotPrices.map((l) => l.price.amount)).toEqual([1500]);
    expect(step.bid.shares.map((s) => s.percent)).toEqual([66.67, 33.33]);
    expect([step.bid.version, step.bid.digest]).toEqual([2, NEW_DIGEST]);
    expect(step.bid.viewerFirms).toEqual([leadPart().viewerFirm]);
    expect(step.bid.actions).toEqual(leadPart().actions);
  });

  it("waits for the viewer's firm's part of the same version, whichever comes first", () => {
    expect(liveStep(shown(), change(), null).kind).toBe("wait");
    expect(liveStep(shown(), change(), leadPart({ version: 1 })).kind).toBe("wait");
    expect(liveStep(shown(), change(), leadPart()).kind).toBe("apply");
  });

  it("takes the readers' part for a viewer who edits for no firm", () => {
    const step = liveStep(jointBidDto({ viewerFirms: [], actions: readers }), change(), null);
    expect(step.kind).toBe("apply");
    if (step.kind === "apply") expect([step.bid.workPackages.map((w) => w.actions), step.bid.actions, step.bid.viewerFirms]).toEqual([[readers], readers, []]);
  });

  it("takes a deleted package off", () => {
    const step = liveStep(shown(), change({ edit: "PackageDeleted", packages: [], deletedPackageIds: ["p1"], lotPrices: [], shares: [] }), leadPart({ packageActions: [] }));
    expect(step.kind === "apply" && step.bid.workPackages).toEqual([]);
  });

  it("reads the bid again after a version it missed", () => {
    expect(liveStep(shown(), change({ since: 2, version: 3 }), leadPart({ version: 3 })).kind).toBe("reload");
  });

  it("applies changes told as one: each package's last change, from the version the first one started at", () => {
    const told = change({
      since: 1,
      version: 4,
      edit: "PackageDeleted",
      packages: [workPackage("p3", { title: "Finiture", lot: 1, actions: readers })],
      deletedPackageIds: ["p1"],
    });
    const part = leadPart({ version: 4, packageActions: [{ workPackageId: "p3", actions: { allowed: ["Edit", "Delete", "Reassign"], blocked: [] } }] });
    for (const at of [1, 2, 3]) {
      const step = liveStep(jointBidDto({ version: at, workPackages: [workPackage("p1", { title: "Opere" })] }), told, part);
      expect(step.kind).toBe("apply");
      if (step.kind === "apply") expect(step.bid.workPackages.map((w) => [w.title, w.actions.allowed, step.bid.version])).toEqual([["Finiture", ["Edit", "Delete", "Reassign"], 4]]);
    }
  });

  it("reads the bid again for a change the message does not carry, or a viewer who edits for two firms", () => {
    expect(liveStep(shown(), change({ edit: "Other", packages: [] }), leadPart()).kind).toBe("reload");
    const twoFirms = jointBidDto({
      viewerFirms: [
        { firmId: LEAD, actions: readers },
        { firmId: MEMBER, actions: readers },
      ],
    });
    expect(liveStep(twoFirms, change(), leadPart()).kind).toBe("reload");
  });

  it("does nothing for a version already shown (the viewer's own change)", () => {
    expect(liveStep(jointBidDto({ version: 2 }), change(), leadPart()).kind).toBe("shown");
  });
});
