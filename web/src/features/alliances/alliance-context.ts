import type { FieldErrors } from "../../api/problem";
import type { AllianceDto, MemberRole } from "../../api/types";
import type { ConfirmTexts } from "../../confirm-dialog";
import type { Redraw } from "../../page";

/** Why a viewer who saw the alliance sees it no more: their firm left, declined, or the lead removed it. */
export type GoneReason = "left" | "declined" | "removed";

/** How an action went: the messages by field for a refused form (400), and the text to show next to it. */
export interface Outcome {
  ok: boolean;
  errors: FieldErrors;
  text: () => string;
}

export interface RunOptions {
  /** The fields the form shows next to their inputs; the status line says the others. */
  shown?: readonly string[];
  /** What was sent, for the messages that quote it. */
  sent?: object;
  /** The viewer's part in the alliance ends with this action (leaving, declining). */
  gone?: GoneReason;
  /** What to say once it is done. */
  done: () => string;
}

/** What the parts of an alliance's page share: the alliance as last loaded, the viewer's roles, one action at a time. */
export interface AllianceContext {
  readonly allianceId: string;
  /** The alliance as last loaded; null before the first load, or when the viewer no longer sees it. */
  alliance(): AllianceDto | null;
  /** The viewer's role in each of their businesses, by lower-case id. */
  roles(): ReadonlyMap<string, MemberRole>;
  /** An action is on its way: the others wait. */
  busy(): boolean;
  /**
   * Runs an action whose answer is the alliance as it now is (the newest there is: a reload on its way would be
   * older). A failure reloads when the alliance moved on; null when another action is still running.
   */
  run(call: () => Promise<AllianceDto>, options: RunOptions): Promise<Outcome | null>;
  /** Loads the alliance again (the viewer's part in it may have changed). */
  reload(): void;
  /** Asks before an action that cannot be taken back (hand-over, leaving, declining): true once confirmed. */
  confirm(texts: () => ConfirmTexts): Promise<boolean>;
  /**
   * The thread of the joint bid's answer to a quality criterion, for the viewer who has the conversation: how many
   * messages it holds and how to open it (the conversation tab, on that thread); null for anyone else.
   */
  answerThread(criterion: number): { messages: number; open: () => void } | null;
  redraw: Redraw;
}
