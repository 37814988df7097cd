import { describe, expect, it } from "vitest";
import type { MemberRole } from "../../api/types";
import { allianceDto, LEAD, MEMBER, SUB } from "../alliances/test-fixtures";
import { tenderDto } from "../tenders/test-fixtures";
import { editorFirms, mayEdit, tenderWindow } from "./rules";
import { signers, submitReadiness, voidedSignatures } from "./sign-off";
import { DIGEST, firm, jointBidDto, workPackage } from "./test-fixtures";

const roles = (pairs: [string, MemberRole][]) => new Map(pairs.map(([id, role]) => [id.toLowerCase(), role]));
const OLD = "b".repeat(64);
const signOff = (id: string, digest = DIGEST) => ({ firm: firm(id), digest, at: "2026-02-20T10:00:00Z" });

describe("the sign-off", () => {
  it("lists every bidding firm, the lead first, signed or awaited, and what the viewer may sign", () => {
    const alliance = allianceDto({ myFirms: [MEMBER], canLead: false });
    const bid = jointBidDto({ signOffs: [signOff(LEAD)], awaitingSignature: [firm(MEMBER)] });
    expect(signers(bid, alliance, roles([[MEMBER, "Manager"]])).map((s) => [s.firm.id, s.role, s.state, s.mine, s.canSign])).toEqual([
      [LEAD, "Lead", "signed", false, false],
      [MEMBER, "Member", "awaiting", true, true],
    ]);
  });

  it("lets only the firm's Owners and Managers sign for it", () => {
    const alliance = allianceDto({ myFirms: [LEAD, MEMBER] });
    const bid = jointBidDto();
    expect(signers(bid, alliance, roles([[LEAD, "Owner"], [MEMBER, "Viewer"]])).map((s) => [s.firm.id, s.canSign])).toEqual([
      [LEAD, true],
      [MEMBER, false],
    ]);
  });

  it("counts only the sign-offs of the current digest", () => {
    const bid = jointBidDto({ signOffs: [signOff(LEAD, OLD)], awaitingSignature: [firm(LEAD), firm(MEMBER)] });
    expect(signers(bid, allianceDto(), roles([[LEAD, "Owner"]])).map((s) => s.state)).toEqual(["awaiting", "awaiting"]);
  });

  it("tells the viewer an edit voided their firms' approvals, once", () => {
    const before = jointBidDto({ version: 4, signOffs: [signOff(LEAD), signOff(MEMBER)], awaitingSignature: [] });
    const edited = jointBidDto({ version: 5, digest: OLD, signOffs: [], awaitingSignature: [firm(LEAD), firm(MEMBER)] });
    expect(voidedSignatures(before, edited, [MEMBER.toUpperCase(), SUB])).toEqual([firm(MEMBER)]);
    // The same version again (our own change, reloaded), an older one, or the first load: nothing new.
    expect(voidedSignatures(before, before, [MEMBER])).toEqual([]);
    expect(voidedSignatures(edited, before, [MEMBER])).toEqual([]);
    expect(voidedSignatures(null, edited, [MEMBER])).toEqual([]);
    // Another firm signing keeps the viewer's approval.
    const signedMore = jointBidDto({ version: 5, signOffs: [signOff(LEAD), signOff(MEMBER)], awaitingSignature: [] });
    expect(voidedSignatures(jointBidDto({ version: 4, signOffs: [signOff(MEMBER)] }), signedMore, [MEMBER])).toEqual([]);
  });
});

describe("the submission", () => {
  const tender = tenderDto({ status: "Tendering" });
  const complete = jointBidDto({
    workPackages: [workPackage("p1")],
    answers: [{ criterion: 2, text: "Relazione tecnica", version: 1 }],
    signOffs: [signOff(LEAD), signOff(MEMBER)],
    awaitingSignature: [],
  });

  it("is ready once every bidding firm signed and every quality criterion is answered, in the bidding period", () => {
    expect(submitReadiness(complete, tender)).toMatchObject({ ready: true, missingSignatures: [], missingAnswers: [], window: "open" });
    expect(submitReadiness(complete, tenderDto({ status: "Enquiries" }))).toMatchObject({ ready: false, window: "notYet" });
    expect(submitReadiness(complete, tenderDto({ status: "Evaluation" }))).toMatchObject({ ready: false, window: "closed" });
  });

  it("says who and what is missing", () => {
    const r = submitReadiness({ ...complete, answers: [{ criterion: 2, text: "  ", version: 2 }], awaitingSignature: [firm(MEMBER)] }, tender);
    expect(r.ready).toBe(false);
    expect(r.missingSignatures).toEqual([firm(MEMBER)]);
    expect(r.missingAnswers.map((c) => c.name)).toEqual(["Qualità tecnica"]);
    expect(submitReadiness({ ...complete, workPackages: [] }, tender)).toMatchObject({ ready: false, empty: true });
  });
});

describe("editing", () => {
  it("is for the Owners and Managers of the viewer's active firms, while the tender takes edits", () => {
    const alliance = allianceDto({ myFirms: [SUB, "aaaaaaaa-0000-0000-0000-000000000004"] });
    expect(editorFirms(alliance, roles([[SUB, "Manager"]])).map((m) => m.firmId)).toEqual([SUB]);
    // The invited firm is not active yet.
    expect(editorFirms(alliance, roles([["aaaaaaaa-0000-0000-0000-000000000004", "Owner"]]))).toEqual([]);
    expect(mayEdit(alliance, roles([[SUB, "Manager"]]), tenderDto({ status: "Enquiries" }))).toBe(true);
    expect(mayEdit(alliance, roles([[SUB, "Viewer"]]), tenderDto({ status: "Tendering" }))).toBe(false);
    expect(mayEdit(alliance, roles([[SUB, "Owner"]]), tenderDto({ status: "Evaluation" }))).toBe(false);
    expect(mayEdit(alliance, roles([[SUB, "Owner"]]), null)).toBe(false);
    expect(tenderWindow({ status: "Draft" })).toBe("notYet");
    expect(tenderWindow({ status: "Cancelled" })).toBe("closed");
  });
});

describe("a submitted joint bid", () => {
  const receipt = { tenderId: "t", bidId: "b", submission: 1, digest: "c".repeat(64), receivedAt: "2026-02-21T10:00:00Z", salt: "5a17" };
  const tender = tenderDto({ status: "Tendering" });
  const signed = (at: string) => [
    { firm: firm(LEAD), digest: DIGEST, at },
    { firm: firm(MEMBER), digest: DIGEST, at },
  ];
  const bid = (more: Parameters<typeof jointBidDto>[0]) =>
    jointBidDto({ workPackages: [workPackage("p1")], answers: [{ criterion: 2, text: "ok", version: 1 }], awaitingSignature: [], receipt, ...more });

  it("is the current content while every approval predates the receipt: nothing to submit again", () => {
    const r = submitReadiness(bid({ signOffs: signed("2026-02-21T09:59:00Z") }), tender);
    expect(r).toMatchObject({ submitted: "current", ready: false });
  });

  it("changed since when an edit voided the approvals, or they were given again after it", () => {
    expect(submitReadiness(bid({ signOffs: [], awaitingSignature: [firm(LEAD), firm(MEMBER)] }), tender)).toMatchObject({ submitted: "changed", ready: false });
    expect(submitReadiness(bid({ signOffs: signed("2026-02-21T11:00:00Z") }), tender)).toMatchObject({ submitted: "changed", ready: true });
    expect(submitReadiness(bid({ receipt: null, signOffs: signed("2026-02-21T11:00:00Z") }), tender)).toMatchObject({ submitted: "none", ready: true });
  });
});
