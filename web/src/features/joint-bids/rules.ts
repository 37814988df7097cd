// Who may do what in an alliance's workspace, as the server decides it (Marketplace.Grains/JointBids): the people
// of its active firms read the joint bid; their Owners and Managers edit it while the tender takes bids; the lead
// and the members sign it, each for itself; the lead's editors submit and withdraw it. The server still decides.
import type { AllianceDto, AllianceMemberDto, MemberRole, TenderDto } from "../../api/types";
import { actsForFirm } from "../alliances/alliance-rules";

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The alliance's active firms: a work package goes to one of them (subcontractors included). */
export const activeFirms = (alliance: Pick<AllianceDto, "members">): AllianceMemberDto[] =>
  alliance.members.filter((m) => m.standing === "Active");

/** The firms that bid, and so sign: the lead and the members (a subcontractor works under the lead). */
export const biddingFirms = (alliance: Pick<AllianceDto, "members">): AllianceMemberDto[] =>
  activeFirms(alliance).filter((m) => m.role === "Lead" || m.role === "Member");

/** The viewer's active firms in the alliance that they act for (Owner or Manager): they edit the bid for them. */
export const editorFirms = (alliance: Pick<AllianceDto, "members" | "myFirms">, roles: ReadonlyMap<string, MemberRole>): AllianceMemberDto[] =>
  activeFirms(alliance).filter((m) => alliance.myFirms.some((f) => sameId(f, m.firmId)) && actsForFirm(roles.get(m.firmId.toLowerCase())));

/** Where the tender is for the joint bid: edited until the deadline, submitted only in the bidding period. */
export type TenderWindow = "notYet" | "open" | "closed";

export function tenderWindow(tender: Pick<TenderDto, "status">): TenderWindow {
  switch (tender.status) {
    case "Draft":
    case "Enquiries":
      return "notYet";
    case "Tendering":
      return "open";
    default:
      return "closed";
  }
}

/** The work packages and answers change while the tender is in its enquiry or bidding period. */
export const takesEdits = (tender: Pick<TenderDto, "status">): boolean => tender.status === "Enquiries" || tender.status === "Tendering";

/** The viewer may change the joint bid: an Owner or Manager of an active firm, while the tender takes edits. */
export const mayEdit = (
  alliance: Pick<AllianceDto, "members" | "myFirms">,
  roles: ReadonlyMap<string, MemberRole>,
  tender: Pick<TenderDto, "status"> | null,
): boolean => tender !== null && takesEdits(tender) && editorFirms(alliance, roles).length > 0;
