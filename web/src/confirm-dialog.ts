// A question before an action that cannot be taken back (handing over the lead, leaving, declining): a native modal
// <dialog> whose answer is the promise of ask(). Escape or "Annulla" answers no; the focus goes back where it was.
import { html, nothing } from "lit-html";
import { ref } from "lit-html/directives/ref.js";
import { t } from "./i18n";
import { focusReturn, showModal } from "./modal";
import type { Redraw } from "./page";

/** What the dialog says; read at every render, so that it follows a change of language. */
export interface ConfirmTexts {
  title: string;
  body: string;
  /** The confirm button says the action itself ("Lascia"), not "OK". */
  confirm: string;
}

export interface ConfirmDialog {
  /** Opens the dialog: true once confirmed; false when cancelled, dismissed, or replaced by another question. */
  ask(texts: () => ConfirmTexts): Promise<boolean>;
  /** Closes an open question as not confirmed: the page goes, or what it asked about is gone. */
  dismiss(): void;
  view(): unknown;
}

export function confirmDialog(redraw: Redraw): ConfirmDialog {
  let question: { texts: () => ConfirmTexts; reply: (yes: boolean) => void } | null = null;
  /** Gives the focus back to where it was when the dialog opened. */
  let giveFocusBack: (() => void) | null = null;

  function answer(yes: boolean): void {
    if (!question) return;
    const { reply } = question;
    question = null;
    redraw();
    giveFocusBack?.();
    giveFocusBack = null;
    reply(yes);
  }

  return {
    ask(texts) {
      answer(false);
      giveFocusBack = focusReturn();
      const answered = new Promise<boolean>((reply) => (question = { texts, reply }));
      redraw();
      return answered;
    },
    dismiss: () => answer(false),
    view() {
      if (!question) return nothing;
      const texts = question.texts();
      // Cancel comes first and takes the focus: Enter on an unread question must not take the action. Chromium may
      // close the dialog on a repeated Escape even though its cancel event was prevented: that answers no as well.
      return html`<dialog class="dialog confirm-dialog" role="alertdialog" ${ref(showModal)} aria-labelledby="confirm-title"
        aria-describedby="confirm-body" data-testid="confirm-dialog"
        @cancel=${(e: Event) => { e.preventDefault(); answer(false); }} @close=${() => answer(false)}>
        <h2 id="confirm-title">${texts.title}</h2>
        <p id="confirm-body">${texts.body}</p>
        <div class="actions dialog-actions">
          <button type="button" autofocus data-testid="confirm-no" @click=${() => answer(false)}>${t("confirm.cancel")}</button>
          <button type="button" class="danger" data-testid="confirm-yes" @click=${() => answer(true)}>${texts.confirm}</button>
        </div>
      </dialog>`;
    },
  };
}
