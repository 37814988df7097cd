// The joint bid's documents: each firm attaches its own uploads, and the firm that attached a file, or the lead,
// takes it off (JointBidState.CheckAttach, CheckDetach). Rules as the server decides them; the server still decides.
import type { AllianceDto, JointDocumentDto, MemberRole } from "../../api/types";
import { editorFirms, sameId } from "./rules";

/** The most files a bid carries (BidState.MaxDocuments), the joint bid's included. */
export const MAX_JOINT_DOCUMENTS = 20;

/** How many hex characters of a file's SHA-256 the list shows; the whole digest is in its title. */
export const SHORT_DIGEST = 12;

export const shortDigest = (sha256: string): string => sha256.slice(0, SHORT_DIGEST).toLowerCase();

/**
 * The viewer may take the file off: they act (Owner or Manager) for the active firm that attached it, or for the
 * lead. Whether the tender still takes edits is the workspace's to say.
 */
export const mayDetach = (
  document: Pick<JointDocumentDto, "firm">,
  alliance: Pick<AllianceDto, "members" | "myFirms" | "canLead">,
  roles: ReadonlyMap<string, MemberRole>,
): boolean => alliance.canLead || editorFirms(alliance, roles).some((m) => sameId(m.firmId, document.firm.id));

/** How many more files the joint bid takes, with those already attached. */
export const roomFor = (bid: { documents: readonly unknown[] }): number => Math.max(0, MAX_JOINT_DOCUMENTS - bid.documents.length);
