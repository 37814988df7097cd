import type { AllianceDto, JointBidDto, TenderDto } from "../../api/types";
import type { ConfirmTexts } from "../../confirm-dialog";
import type { Redraw } from "../../page";
import type { AllianceContext, Outcome } from "../alliances/alliance-context";

/** How an action went; a success names the joint bid's version it produced, which its message is about (status.ts). */
export type JointOutcome = (Outcome & { ok: true; version: number }) | (Outcome & { ok: false });

export interface JointRunOptions {
  /** The fields the form shows next to their inputs; the status line says the others. */
  shown?: readonly string[];
  /** What was sent, for the messages that quote it. */
  sent?: object;
  /** The save was refused as out of date (409), or its item is gone (404): called before the reload that follows. */
  refused?: () => void;
  /** What to say once it is done. */
  done: () => string;
}

/** What the parts of an alliance's workspace share: the alliance, its tender and joint bid as last loaded, one action at a time. */
export interface WorkspaceContext {
  readonly allianceId: string;
  alliance(): AllianceDto | null;
  tender(): TenderDto | null;
  bid(): JointBidDto | null;
  /** An action is on its way: the others wait. */
  busy(): boolean;
  /** The viewer may change the work packages, answers and files now, as the joint bid last loaded says (JointBidDto.actions). */
  editable(): boolean;
  /**
   * Runs an action whose answer is the joint bid as it now is; a failure reloads what moved on. Null when another
   * action is still running.
   */
  run(call: () => Promise<JointBidDto>, options: JointRunOptions): Promise<JointOutcome | null>;
  /** Asks before an act whose effect reaches the buyer (the submission): true once confirmed. */
  confirm(texts: () => ConfirmTexts): Promise<boolean>;
  /** The thread of the answer to a quality criterion (AllianceContext.answerThread). */
  answerThread: AllianceContext["answerThread"];
  redraw: Redraw;
}
