// The sign-off as shown: each bidding firm and where it stands with the current digest, in the alliance's order,
// with what the server says the viewer may do for it; and which of the viewer's approvals a newer joint bid no
// longer has. Who may sign and whether the lead may submit is the server's answer (JointBidDto.viewerFirms, actions).
import type { AllianceDto, AllianceRole, JointBidDto, JointBidViewerFirm, NamedDto } from "../../api/types";
import { membersInOrder } from "../alliances/alliance-rules";
import { sameId } from "../../ids";

export type SignerState = "signed" | "awaiting";

export interface Signer {
  firm: NamedDto;
  role: AllianceRole | null;
  state: SignerState;
  /** When it signed the current digest. */
  at: string | null;
  /** One of the viewer's firms. */
  mine: boolean;
  /** What the viewer may do for it (sign, or why not yet); null when they do not edit for it. */
  actions: JointBidViewerFirm["actions"] | null;
}

/**
 * The joint bid went in or came out (submitted, withdrawn) since the one shown: the alliance's own actions depend on
 * it (leaving, removing and handing over wait while it is submitted), so its page loads the alliance again.
 */
export const submissionChanged = (shown: Pick<JointBidDto, "receipt"> | null, fresh: Pick<JointBidDto, "receipt">): boolean =>
  shown !== null && (shown.receipt === null) !== (fresh.receipt === null);

/** The sign-offs of the current content: those of an older digest no longer count. */
export const currentSignOffs = (bid: Pick<JointBidDto, "signOffs" | "digest">) => bid.signOffs.filter((s) => s.digest === bid.digest);

/** Every bidding firm as the server lists it (signed this digest, or awaited), the lead first. */
export function signers(
  bid: Pick<JointBidDto, "signOffs" | "digest" | "awaitingSignature" | "viewerFirms">,
  alliance: Pick<AllianceDto, "members" | "myFirms">,
): Signer[] {
  const order = membersInOrder(alliance.members);
  const rank = (id: string): number => {
    const i = order.findIndex((m) => sameId(m.firmId, id));
    return i < 0 ? order.length : i;
  };
  const mine = (id: string): boolean => alliance.myFirms.some((f) => sameId(f, id));
  const role = (id: string): AllianceRole | null => order.find((m) => sameId(m.firmId, id))?.role ?? null;
  const signed: Signer[] = currentSignOffs(bid).map((s) => ({ firm: s.firm, role: role(s.firm.id), state: "signed", at: s.at, mine: mine(s.firm.id), actions: null }));
  const awaiting: Signer[] = bid.awaitingSignature
    .filter((f) => !signed.some((s) => sameId(s.firm.id, f.id)))
    .map((firm) => ({
      firm,
      role: role(firm.id),
      state: "awaiting",
      at: null,
      mine: mine(firm.id),
      actions: bid.viewerFirms.find((f) => sameId(f.firmId, firm.id))?.actions ?? null,
    }));
  return [...signed, ...awaiting].sort((a, b) => rank(a.firm.id) - rank(b.firm.id) || a.firm.name.localeCompare(b.firm.name, "it"));
}

/**
 * The viewer's firms whose approval a change voided: they had signed the content shown before, and have not
 * signed the content now. Nothing for an older or the same version (a reload that brings nothing new).
 */
export function voidedSignatures(
  previous: Pick<JointBidDto, "signOffs" | "digest" | "version"> | null,
  next: Pick<JointBidDto, "signOffs" | "digest" | "version">,
  myFirms: readonly string[],
): NamedDto[] {
  if (previous === null || next.version <= previous.version) return [];
  const signedNow = currentSignOffs(next);
  return currentSignOffs(previous)
    .filter((s) => myFirms.some((f) => sameId(f, s.firm.id)))
    .filter((s) => !signedNow.some((n) => sameId(n.firm.id, s.firm.id)))
    .map((s) => s.firm);
}
