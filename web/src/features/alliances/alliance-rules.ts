// How an alliance reads on the page, from what the server says of it: who the viewer's firms are and what the
// viewer may do come with the snapshot (AllianceDto.actions, viewerFirms, each member's actions, judged by the
// server's own rules in Marketplace.Grains/Alliances/AllianceState.cs); what is here only orders, groups and
// names what the server gave.
import type {
  AllianceDto,
  AllianceEventDto,
  AllianceMemberDto,
  AllianceSummaryDto,
  AllianceViewerFirm,
} from "../../api/types";
import { allows } from "../../api/viewer-actions";

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The viewer still has a firm in the alliance (active or invited): anyone else gets 404 for it. */
export const hasAccess = (alliance: Pick<AllianceDto, "myFirms">): boolean => alliance.myFirms.length > 0;

const isMine = (alliance: Pick<AllianceDto, "myFirms">, firmId: string): boolean => alliance.myFirms.some((f) => same(f, firmId));

/** Whether the viewer may join the alliance's live group, as the server says (the people of its active firms only). */
export const canWatch = (alliance: Pick<AllianceDto, "actions">): boolean => allows(alliance.actions, "Watch");

/** Where a firm stands with the agreement in force, as the server says: accepted it, must accept it (again), or invited to. */
export type AgreementState = "accepted" | "pending" | "invited";

export function agreementState(member: Pick<AllianceMemberDto, "standing" | "agreementPending">): AgreementState {
  if (member.standing === "Invited") return "invited";
  return member.agreementPending ? "pending" : "accepted";
}

/** One of the viewer's firms in the alliance, with what the server says the viewer may do for it. */
export interface ViewerFirm extends AllianceViewerFirm {
  member: AllianceMemberDto;
}

/** The viewer's firms in the alliance, invitations first: what the viewer should look at first. */
export function viewerFirms(alliance: Pick<AllianceDto, "members" | "viewerFirms">): ViewerFirm[] {
  return alliance.viewerFirms
    .flatMap((firm) => {
      const member = alliance.members.find((m) => same(m.firmId, firm.firmId));
      return member ? [{ ...firm, member }] : [];
    })
    .sort((a, b) => (a.member.standing === b.member.standing ? 0 : a.member.standing === "Invited" ? -1 : 1));
}

/** The members' table: the lead first, then members, subcontractors, and the invited firms last, each by name. */
export function membersInOrder(members: readonly AllianceMemberDto[]): AllianceMemberDto[] {
  const rank = (m: AllianceMemberDto) => (m.standing === "Invited" ? 3 : m.role === "Lead" ? 0 : m.role === "Member" ? 1 : 2);
  return members
    .filter((m) => m.standing === "Active" || m.standing === "Invited")
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "it"));
}

/**
 * How a history entry reads. The server records one `Removed` for both a firm removed and an invitation taken
 * back: it was an invitation when the firm's previous entry is its invitation. History comes newest first.
 */
export function eventKind(history: readonly AllianceEventDto[], index: number): string {
  const event = history[index];
  if (!event) return "";
  if (event.kind !== "Removed") return event.kind;
  const previous = history.slice(index + 1).find((e) => same(e.firmId, event.firmId));
  return previous?.kind === "Invited" ? "InvitationWithdrawn" : "Removed";
}

/** Pending invitations first, then by name: what a firm's people should look at first. */
export const summariesInOrder = (list: readonly AllianceSummaryDto[]): AllianceSummaryDto[] =>
  [...list].sort((a, b) => (a.standing === b.standing ? a.name.localeCompare(b.name, "it") : a.standing === "Invited" ? -1 : 1));

/**
 * The viewer's alliances for one tender, from their firms' lists: one entry per alliance and firm (a person may
 * act for two firms of the same alliance).
 */
export function alliancesForTender(lists: readonly (readonly AllianceSummaryDto[])[], tenderId: string): AllianceSummaryDto[] {
  const seen = new Set<string>();
  const found: AllianceSummaryDto[] = [];
  for (const s of lists.flat()) {
    const key = `${s.id.toLowerCase()}:${s.firmId.toLowerCase()}`;
    if (s.tenderId === null || !same(s.tenderId, tenderId) || seen.has(key)) continue;
    seen.add(key);
    found.push(s);
  }
  return summariesInOrder(found);
}

/** An invitation of one of the viewer's firms, as `allianceId:firmId`. */
export const invitationKey = (allianceId: string, firmId: string): string => `${allianceId.toLowerCase()}:${firmId.toLowerCase()}`;

/** The viewer's firms invited to the alliance, as the alliance now says. */
export const invitedFirms = (alliance: Pick<AllianceDto, "myFirms" | "members">): AllianceMemberDto[] =>
  alliance.members.filter((m) => m.standing === "Invited" && isMine(alliance, m.firmId));

/**
 * Which of the viewer's invitations to this alliance are new since last known (`known`, updated in place): a
 * change to an alliance the firm is already invited to (another firm joined) brings no second notice, and an
 * invitation that ended is forgotten, so that a new one later is news again.
 */
export function newInvitations(known: Set<string>, allianceId: string, invited: readonly Pick<AllianceMemberDto, "firmId">[]): string[] {
  const prefix = `${allianceId.toLowerCase()}:`;
  const now = new Set(invited.map((m) => invitationKey(allianceId, m.firmId)));
  for (const key of [...known]) if (key.startsWith(prefix) && !now.has(key)) known.delete(key);
  const fresh = [...now].filter((key) => !known.has(key));
  fresh.forEach((key) => known.add(key));
  return fresh.map((key) => key.slice(prefix.length));
}
