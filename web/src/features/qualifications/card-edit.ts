// The edit-in-place of a card on a firm's page (its qualifications, its DGUE): what is being typed, the refusals by
// field, the line saying how the last save went, and whether one is under way. One home for the save's handling, so
// both cards answer a refusal alike.
import { html, nothing } from "lit-html";
import { ApiError, isUnder, type FieldErrors } from "../../api/problem";
import { t } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { describeFieldError, fieldMessagesAt } from "../../field-errors";
import type { Redraw } from "../../page";
import { fieldErrorView } from "../../views";

export class CardEdit<E> {
  editing: E | null = null;
  errors: FieldErrors = {};
  busy = false;
  #status: { ok: boolean; text: () => string } | null = null;

  constructor(
    private readonly redraw: Redraw,
    /** The fields the form shows next to an input: any other refusal is said on the status line, none dropped. */
    private readonly shownFields: () => string[],
  ) {}

  start(editing: E): void {
    this.editing = editing;
    this.errors = {};
    this.#status = null;
    this.redraw();
  }

  cancel(): void {
    this.editing = null;
    this.errors = {};
    this.#status = null;
    this.redraw();
  }

  /** Sends the edit; on success the card shows what was stored, on a 400 each refusal next to its field. */
  async save(send: () => Promise<void>, savedKey: Parameters<typeof t>[0]): Promise<void> {
    this.busy = true;
    this.errors = {};
    this.#status = null;
    this.redraw();
    try {
      await send();
      this.editing = null;
      this.#status = { ok: true, text: () => t(savedKey) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        this.errors = error.errors;
        this.#status = { ok: false, text: () => this.#otherMessages().join(" ") || t("form.invalid") };
      } else this.#status = { ok: false, text: () => describeRefusal(error) };
    } finally {
      this.busy = false;
      this.redraw();
    }
  }

  #otherMessages(): string[] {
    const shown = this.shownFields();
    return [...new Set(Object.entries(this.errors).filter(([key]) => !shown.some((path) => isUnder(key, path))).flatMap(([, found]) => describeFieldError(found)))];
  }

  // Fields are named by their path (`attestations[1].category`), so each row's field shows only its own refusals.
  error = (field: string) => fieldErrorView(field, fieldMessagesAt(this.errors, field));
  invalid = (field: string) => (fieldMessagesAt(this.errors, field).length ? "true" : "false");

  statusView = (testId: string) =>
    this.#status
      ? html`<p class="status ${this.#status.ok ? "ok" : "error"}" role="status" data-testid=${testId}>${this.#status.text()}</p>`
      : nothing;

  cancelButton = () =>
    html`<button type="button" class="link" ?disabled=${this.busy} @click=${() => this.cancel()}>${t("qualifications.cancel")}</button>`;
}
