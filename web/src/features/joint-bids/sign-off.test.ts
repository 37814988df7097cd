import { describe, expect, it } from "vitest";
import { allianceDto, LEAD, MEMBER, SUB } from "../alliances/test-fixtures";
import { signers, submissionChanged, voidedSignatures } from "./sign-off";
import { DIGEST, firm, jointBidDto } from "./test-fixtures";

const OLD = "b".repeat(64);
const signOff = (id: string, digest = DIGEST) => ({ firm: firm(id), digest, at: "2026-02-20T10:00:00Z" });

describe("the sign-off", () => {
  it("lists every bidding firm, the lead first, signed or awaited, with the signature the server offers the viewer", () => {
    const alliance = allianceDto({ myFirms: [MEMBER] });
    const actions = { allowed: ["Sign" as const], blocked: [] };
    const bid = jointBidDto({ signOffs: [signOff(LEAD)], awaitingSignature: [firm(MEMBER)], viewerFirms: [{ firmId: MEMBER, actions }] });
    expect(signers(bid, alliance).map((s) => [s.firm.id, s.role, s.state, s.mine, s.actions])).toEqual([
      [LEAD, "Lead", "signed", false, null],
      [MEMBER, "Member", "awaiting", true, actions],
    ]);
  });

  it("counts only the sign-offs of the current digest", () => {
    const bid = jointBidDto({ signOffs: [signOff(LEAD, OLD)], awaitingSignature: [firm(LEAD), firm(MEMBER)] });
    expect(signers(bid, allianceDto()).map((s) => s.state)).toEqual(["awaiting", "awaiting"]);
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

  it("tells the page to load the alliance again when the bid goes in or comes out, and only then", () => {
    const receipt = { tenderId: "t1", bidId: "b1", submission: 1, digest: DIGEST, receivedAt: "2026-02-20T10:00:00Z", salt: "s" };
    const draft = jointBidDto({ receipt: null });
    const submitted = jointBidDto({ receipt });
    expect(submissionChanged(draft, submitted)).toBe(true);
    expect(submissionChanged(submitted, draft)).toBe(true);
    expect(submissionChanged(draft, jointBidDto({ receipt: null, version: 9 }))).toBe(false);
    expect(submissionChanged(submitted, jointBidDto({ receipt, version: 9 }))).toBe(false);
    expect(submissionChanged(null, submitted)).toBe(false);
  });
});
