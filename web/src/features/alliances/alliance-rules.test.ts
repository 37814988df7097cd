import { describe, expect, it } from "vitest";
import type { AllianceEventDto, AllianceSummaryDto } from "../../api/types";
import {
  agreementState,
  alliancesForTender,
  canWatch,
  eventKind,
  hasAccess,
  invitationKey,
  invitedFirms,
  membersInOrder,
  newInvitations,
  summariesInOrder,
  viewerFirms,
} from "./alliance-rules";
import { allianceDto, INVITED, LEAD, member, MEMBER, SUB } from "./test-fixtures";

describe("the agreement's state", () => {
  it("reads the server's flag: accepted, to accept (again), and not yet accepted for an invitation", () => {
    expect(agreementState(member(MEMBER, "x", { acceptedAgreement: 2 }))).toBe("accepted");
    expect(agreementState(member(MEMBER, "x", { acceptedAgreement: 1, agreementPending: true }))).toBe("pending");
    expect(agreementState(member(INVITED, "x", { standing: "Invited", acceptedAgreement: null }))).toBe("invited");
  });
});

// Which actions the viewer has is the server's answer (AllianceViewTests); the page only puts the firms in order.
describe("the viewer's firms", () => {
  const none = { allowed: [], blocked: [] };

  it("list invitations first, each with the member it is and what the server lets the viewer do", () => {
    const alliance = allianceDto({
      myFirms: [SUB, INVITED],
      viewerFirms: [
        { firmId: SUB, actsFor: true, actions: { allowed: ["Leave"], blocked: [] } },
        { firmId: INVITED.toUpperCase(), actsFor: false, actions: none },
      ],
    });
    expect(viewerFirms(alliance).map((f) => [f.member.name, f.actsFor, f.actions.allowed])).toEqual([
      ["Neri Coperture", false, []],
      ["Verdi Serramenti", true, ["Leave"]],
    ]);
  });

  it("skip a firm the members' list no longer has", () => {
    const alliance = allianceDto({ viewerFirms: [{ firmId: "ffffffff-0000-0000-0000-000000000009", actsFor: true, actions: none }] });
    expect(viewerFirms(alliance)).toEqual([]);
  });
});

describe("access and live updates", () => {
  it("are for the viewer's active firms; an invited firm reads it but does not join the live group", () => {
    expect(hasAccess(allianceDto())).toBe(true);
    expect(canWatch(allianceDto())).toBe(true);
    const invitedOnly = allianceDto({ myFirms: [INVITED], actions: { allowed: [], blocked: [] } });
    expect(hasAccess(invitedOnly)).toBe(true);
    expect(canWatch(invitedOnly)).toBe(false);
    // The answer to leaving: the viewer's firm is no longer listed as theirs.
    expect(hasAccess(allianceDto({ myFirms: [] }))).toBe(false);
  });
});

describe("the members' table", () => {
  it("shows the lead, members, subcontractors, then invitations", () => {
    const alliance = allianceDto({
      members: [
        member(INVITED, "Aa Invitata", { standing: "Invited" }),
        member(SUB, "Bb Sub", { role: "Subcontractor" }),
        member(MEMBER, "Zz Mandante"),
        member("ffffffff-0000-0000-0000-000000000001", "Cc Mandante"),
        member(LEAD, "Zz Capofila", { role: "Lead" }),
        member("ffffffff-0000-0000-0000-000000000002", "Gone", { standing: "Removed" }),
      ],
    });
    expect(membersInOrder(alliance.members).map((m) => m.name)).toEqual(["Zz Capofila", "Cc Mandante", "Zz Mandante", "Bb Sub", "Aa Invitata"]);
  });
});

describe("the history", () => {
  const event = (kind: string, firmId: string): AllianceEventDto => ({ kind, firmId, firmName: "x", reason: null, at: "2026-02-01T10:00:00Z" });

  it("tells a withdrawn invitation from a removal", () => {
    // Newest first, as the server sends it.
    const history = [
      event("Removed", MEMBER),
      event("Removed", INVITED),
      event("Joined", MEMBER),
      event("Invited", INVITED),
      event("Invited", MEMBER),
      event("Formed", LEAD),
    ];
    expect(history.map((_, i) => eventKind(history, i))).toEqual(["Removed", "InvitationWithdrawn", "Joined", "Invited", "Invited", "Formed"]);
  });
});

describe("lists of alliances", () => {
  const summary = (id: string, firmId: string, more: Partial<AllianceSummaryDto> = {}): AllianceSummaryDto => ({
    id,
    name: `RTI ${id}`,
    tenderId: "33333333-3333-3333-3333-333333333333",
    tenderTitle: "Scuola Verdi",
    leadId: LEAD,
    leadName: "Edil Rossi",
    firmId,
    role: "Member",
    standing: "Active",
    ...more,
  });

  it("keep the alliances for one tender, each firm's once, invitations first", () => {
    const lists = [
      [summary("b", MEMBER), summary("c", MEMBER, { tenderId: null, tenderTitle: null })],
      [summary("a", SUB, { standing: "Invited" }), summary("b", MEMBER), summary("d", SUB, { tenderId: "44444444-4444-4444-4444-444444444444" })],
    ];
    expect(alliancesForTender(lists, "33333333-3333-3333-3333-333333333333").map((s) => [s.id, s.firmId])).toEqual([
      ["a", SUB],
      ["b", MEMBER],
    ]);
  });

  it("put invitations first, then by name", () => {
    const list = [summary("b", MEMBER, { name: "Beta" }), summary("a", MEMBER, { name: "Alfa" }), summary("z", SUB, { name: "Zeta", standing: "Invited" })];
    expect(summariesInOrder(list).map((s) => s.name)).toEqual(["Zeta", "Alfa", "Beta"]);
  });
});

describe("new invitations", () => {
  it("are news once; an ended invitation is forgotten, so that a new one is news again", () => {
    const alliance = allianceDto({ myFirms: [INVITED, MEMBER] });
    const known = new Set<string>();
    expect(newInvitations(known, alliance.id, invitedFirms(alliance))).toEqual([INVITED]);
    // Another change to the same alliance (a firm joined): no second notice.
    expect(newInvitations(known, alliance.id, invitedFirms(alliance))).toEqual([]);
    // The invitation was withdrawn (or answered), then the firm is invited again.
    expect(newInvitations(known, alliance.id, [])).toEqual([]);
    expect(known.size).toBe(0);
    expect(newInvitations(known, alliance.id.toUpperCase(), [{ firmId: INVITED.toUpperCase() }])).toEqual([INVITED]);
  });

  it("leave the invitations to other alliances alone", () => {
    const known = new Set([invitationKey("other", INVITED)]);
    expect(newInvitations(known, "this", [])).toEqual([]);
    expect([...known]).toEqual([`other:${INVITED}`]);
  });
});
