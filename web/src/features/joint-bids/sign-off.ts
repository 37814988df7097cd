// The sign-off of a joint bid: each bidding firm approves one exact content, named by its digest; any edit makes
// a new digest and voids every approval (JointBidState.Edited). What each firm's state is, what the viewer may sign,
// which of the viewer's approvals an edit just voided, and whether the lead may submit.
import type { AllianceDto, AllianceRole, CriterionDto, JointBidDto, MemberRole, NamedDto, TenderDto } from "../../api/types";
import { actsForFirm, membersInOrder } from "../alliances/alliance-rules";
import { sameId, tenderWindow, type TenderWindow } from "./rules";

export type SignerState = "signed" | "awaiting";

export interface Signer {
  firm: NamedDto;
  role: AllianceRole | null;
  state: SignerState;
  /** When it signed the current digest. */
  at: string | null;
  /** One of the viewer's firms. */
  mine: boolean;
  /** The viewer may sign for it now: theirs, an Owner or Manager of it, and it has not signed this digest. */
  canSign: boolean;
}

/** The sign-offs of the current content: those of an older digest no longer count. */
export const currentSignOffs = (bid: Pick<JointBidDto, "signOffs" | "digest">) => bid.signOffs.filter((s) => s.digest === bid.digest);

/**
 * Every bidding firm and where it stands with the current digest, in the alliance's order (the lead first). The
 * server's lists are the truth: the firms that signed this digest, and those it awaits.
 */
export function signers(
  bid: Pick<JointBidDto, "signOffs" | "digest" | "awaitingSignature">,
  alliance: Pick<AllianceDto, "members" | "myFirms">,
  roles: ReadonlyMap<string, MemberRole>,
): Signer[] {
  const order = membersInOrder(alliance.members);
  const rank = (id: string): number => {
    const i = order.findIndex((m) => sameId(m.firmId, id));
    return i < 0 ? order.length : i;
  };
  const mine = (id: string): boolean => alliance.myFirms.some((f) => sameId(f, id));
  const role = (id: string): AllianceRole | null => order.find((m) => sameId(m.firmId, id))?.role ?? null;
  const signed: Signer[] = currentSignOffs(bid).map((s) => ({
    firm: s.firm,
    role: role(s.firm.id),
    state: "signed",
    at: s.at,
    mine: mine(s.firm.id),
    canSign: false,
  }));
  const awaiting: Signer[] = bid.awaitingSignature
    .filter((f) => !signed.some((s) => sameId(s.firm.id, f.id)))
    .map((firm) => ({
      firm,
      role: role(firm.id),
      state: "awaiting",
      at: null,
      mine: mine(firm.id),
      canSign: mine(firm.id) && actsForFirm(roles.get(firm.id.toLowerCase())),
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

/**
 * Where the joint bid stands with its submission: none yet (or withdrawn); the current content is the one submitted;
 * or it changed since. Any edit voids the approvals, so the content is still the submitted one while every bidding
 * firm's approval of it predates the receipt.
 */
export type Submitted = "none" | "current" | "changed";

export function submittedState(bid: Pick<JointBidDto, "receipt" | "signOffs" | "digest" | "awaitingSignature">): Submitted {
  if (bid.receipt === null) return "none";
  const received = Date.parse(bid.receipt.receivedAt);
  const approvals = currentSignOffs(bid);
  return bid.awaitingSignature.length === 0 && approvals.length > 0 && approvals.every((s) => Date.parse(s.at) <= received) ? "current" : "changed";
}

export interface Readiness {
  /** The lead may submit now (again, when the content changed since the last submission). */
  ready: boolean;
  submitted: Submitted;
  /** No work package yet: nothing to sign or submit. */
  empty: boolean;
  missingSignatures: NamedDto[];
  missingAnswers: CriterionDto[];
  window: TenderWindow;
}

/**
 * Whether the lead may submit: content to submit, signed in its current version by every bidding firm, every
 * quality criterion answered, in the bidding period, and not the very content already submitted.
 */
export function submitReadiness(
  bid: Pick<JointBidDto, "workPackages" | "awaitingSignature" | "answers" | "receipt" | "signOffs" | "digest">,
  tender: Pick<TenderDto, "criteria" | "status">,
): Readiness {
  const empty = bid.workPackages.length === 0;
  const missingAnswers = tender.criteria
    .filter((c) => c.kind === "Quality")
    .filter((c) => !bid.answers.some((a) => a.criterion === c.number && a.text.trim() !== ""));
  const window = tenderWindow(tender);
  const submitted = submittedState(bid);
  return {
    ready: !empty && bid.awaitingSignature.length === 0 && missingAnswers.length === 0 && window === "open" && submitted !== "current",
    submitted,
    empty,
    missingSignatures: bid.awaitingSignature,
    missingAnswers,
    window,
  };
}
