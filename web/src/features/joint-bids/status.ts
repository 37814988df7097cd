// What a part of the workspace says after an action, on its status line. A success is about the joint bid its action
// produced ("earlier approvals are void", "approved", "submitted"): once the bid shown has moved on (anyone's later
// change, reloaded live), it no longer holds and goes. An error is about what the user tried: it stays until their
// next action.
import { html } from "lit-html";
import type { JointBidDto } from "../../api/types";

export type Status =
  | {
      readonly ok: true;
      readonly text: () => string;
      /** The joint bid's version the success is about: the one its action produced (or found, with nothing to do). */
      readonly version: number;
    }
  | { readonly ok: false; readonly text: () => string };

/** A success about the joint bid as it is now: nothing needed doing. */
export const nothingToDo = (text: () => string, bid: Pick<JointBidDto, "version">): Status => ({ ok: true, text, version: bid.version });

export const failed = (text: () => string): Status => ({ ok: false, text });

/** What the status line shows with this joint bid on screen: a success only while the bid is the version it is about. */
export function currentStatus(status: Status | null, bid: Pick<JointBidDto, "version"> | null): Status | null {
  if (status === null || !status.ok || bid === null) return status;
  return bid.version > status.version ? null : status;
}

/** The status line (always there, empty when there is nothing to say, so that screen readers hear what comes). */
export function statusView(status: Status | null, bid: Pick<JointBidDto, "version"> | null, testid: string) {
  const shown = currentStatus(status, bid);
  return html`<p class="status ${shown ? (shown.ok ? "ok" : "error") : ""}" role="status" data-testid=${testid}>${shown?.text() ?? ""}</p>`;
}
