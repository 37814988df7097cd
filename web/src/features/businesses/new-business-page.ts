// #/businesses/new — kind and name; the rest is filled in on the edit page.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { BusinessKind, CreateBusinessRequest } from "../../api/types";
import { t } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { navigate } from "../../router";
import { fieldErrorView } from "../../views";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { describeRefusal } from "../../i18n/refusals";
import { myBusinessesChangedHere } from "../../realtime/hub";

const kinds: readonly BusinessKind[] = ["Firm", "Association", "Buyer"];

export function newBusinessPage(redraw: Redraw): Page {
  let errors: FieldErrors = {};
  let sent: CreateBusinessRequest | undefined;
  /** Made when shown, so that it follows a change of language. */
  let general: (() => string) | null = null;
  let busy = false;
  let kind: BusinessKind = "Firm";

  async function submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    busy = true;
    errors = {};
    general = null;
    redraw();
    try {
      sent = { kind, name: String(data.get("name") ?? "").trim() };
      const created = await api.createBusiness(sent);
      myBusinessesChangedHere({ businessId: created.id, member: true });
      navigate({ name: "editBusiness", id: created.id });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        errors = error.errors;
        general = () => [t("form.invalid"), ...otherFieldMessages(errors, ["kind", "name"])].join(" ");
      } else general = () => describeRefusal(error);
    } finally {
      busy = false;
      redraw();
    }
  }

  const messages = (field: "kind" | "name") => fieldMessages(errors, field);
  const fieldError = (field: "kind" | "name") => fieldErrorView(field, messages(field), `error-${field}`);
  const invalid = (field: "kind" | "name") => (messages(field).length ? "true" : "false");
  const describedBy = (field: "kind" | "name", hint?: string) =>
    [hint, messages(field).length ? `error-${field}` : undefined].filter(Boolean).join(" ") || undefined;

  return {
    title: () => t("newBusiness.title"),
    view: () => html`
      <section class="card narrow">
        <h1>${t("newBusiness.title")}</h1>
        <p class="muted">${t("newBusiness.intro")}</p>
        <form @submit=${submit} novalidate>
          <div class="field">
            <label for="new-business-kind">${t("newBusiness.kind")}</label>
            <select id="new-business-kind" name="kind" data-testid="new-business-kind"
              aria-invalid=${invalid("kind")} aria-describedby=${ifDefined(describedBy("kind", "new-business-kind-hint"))}
              @change=${(e: Event) => { kind = (e.target as HTMLSelectElement).value as BusinessKind; redraw(); }}>
              ${kinds.map((k) => html`<option value=${k} ?selected=${k === kind}>${t(`kind.${k}`)}</option>`)}
            </select>
            <small class="hint" id="new-business-kind-hint">${t(`kind.${kind}.hint`)}</small>
            ${fieldError("kind")}
          </div>
          <div class="field">
            <label for="new-business-name">${t("newBusiness.name")}</label>
            <input id="new-business-name" name="name" required maxlength="200" autocomplete="organization"
              data-testid="new-business-name" aria-invalid=${invalid("name")} aria-describedby=${ifDefined(describedBy("name"))} />
            ${fieldError("name")}
          </div>
          ${general ? html`<p class="alert error" role="alert">${general()}</p>` : nothing}
          <div class="actions">
            <button class="primary" type="submit" ?disabled=${busy} data-testid="new-business-submit">${t("newBusiness.submit")}</button>
          </div>
        </form>
      </section>
    `,
  };
}
