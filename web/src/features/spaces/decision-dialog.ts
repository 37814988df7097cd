// The admins' dialog for a decision that must say why (reject, suspend, remove): the firm sees the reason.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { ref } from "lit-html/directives/ref.js";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { DecisionRequest, MembershipDecision, SpaceDetailDto } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { focusReturn, showModal } from "../../modal";
import { fieldErrorView } from "../../views";
import { buildDecisionRequest } from "./requests";

export interface DecisionTarget {
  firmId: string;
  firmName: string;
  decision: MembershipDecision;
}

export interface DecisionDialog {
  open(target: DecisionTarget): void;
  view(): unknown;
}

/**
 * `decide` sends the decision; `done` hears how it went: the space on success, or a problem the dialog does not
 * show itself (anything but field errors), after which the dialog closes.
 */
export function decisionDialog(
  decide: (target: DecisionTarget, request: DecisionRequest) => Promise<SpaceDetailDto>,
  done: (target: DecisionTarget, outcome: { ok: true; space: SpaceDetailDto } | { ok: false; error: unknown }) => void,
  redraw: Redraw,
): DecisionDialog {
  let target: DecisionTarget | null = null;
  let reason = "";
  let errors: FieldErrors = {};
  let sent: DecisionRequest | undefined;
  let general: (() => string) | null = null;
  let busy = false;
  /** Gives the focus back to where it was when the dialog opened. */
  let giveFocusBack: (() => void) | null = null;

  function close(): void {
    target = null;
    busy = false;
    redraw();
    giveFocusBack?.();
    giveFocusBack = null;
  }

  async function confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!target || busy) return;
    const current = target;
    busy = true;
    errors = {};
    general = null;
    sent = buildDecisionRequest(current.decision, reason);
    redraw();
    try {
      const space = await decide(current, sent);
      close();
      done(current, { ok: true, space });
    } catch (error) {
      busy = false;
      if (error instanceof ApiError && error.status === 400) {
        errors = error.errors;
        general = () => otherFieldMessages(errors, ["reason"]).join(" ");
        redraw();
        return;
      }
      close();
      done(current, { ok: false, error });
    }
  }

  return {
    open(next) {
      giveFocusBack = focusReturn();
      target = next;
      reason = "";
      errors = {};
      sent = undefined;
      general = null;
      busy = false;
      redraw();
    },
    view() {
      if (!target) return nothing;
      const messages = fieldMessages(errors, "reason");
      const { decision, firmName } = target;
      return html`<dialog class="dialog" ${ref(showModal)} aria-labelledby="decision-title" data-testid="decision-dialog"
        data-decision=${decision} @cancel=${(e: Event) => { e.preventDefault(); if (!busy) close(); }}>
        <form @submit=${confirm} novalidate>
          <h2 id="decision-title">${t(`decision.${decision}.title`, { firm: firmName })}</h2>
          <p class="muted">${t(`decision.${decision}.intro`, { firm: firmName })}</p>
          <div class="field">
            <label for="decision-reason">${t("decision.reason")}</label>
            <textarea id="decision-reason" rows="4" maxlength="1000" required data-testid="decision-reason" .value=${live(reason)}
              @input=${(e: InputEvent) => {
                reason = (e.target as HTMLTextAreaElement).value;
                // The message was about what was sent; once they type, it no longer applies.
                if (Object.keys(errors).length > 0) {
                  errors = {};
                  general = null;
                  redraw();
                }
              }}
              aria-invalid=${messages.length ? "true" : "false"}
              aria-describedby=${ifDefined(messages.length ? "decision-reason-error decision-reason-hint" : "decision-reason-hint")}></textarea>
            <small class="hint" id="decision-reason-hint">${t("decision.reasonHint")}</small>
            ${fieldErrorView("reason", messages, "decision-reason-error")}
          </div>
          ${general?.() ? html`<p class="alert error" role="alert">${general()}</p>` : nothing}
          <div class="actions dialog-actions">
            <button type="button" ?disabled=${busy} @click=${close} data-testid="decision-cancel">${t("decision.cancel")}</button>
            <button type="submit" class="danger" ?disabled=${busy} data-testid="decision-confirm">${t(`decision.${decision}.confirm`)}</button>
          </div>
        </form>
      </dialog>`;
    },
  };
}
