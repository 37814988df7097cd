// #/businesses/new — kind and name; the rest is filled in on the edit page.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError, messagesFor, otherMessages } from "../../api/problem";
import type { BusinessKind } from "../../api/types";
import { t } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { navigate } from "../../router";

const kinds: readonly BusinessKind[] = ["Firm", "Association", "Buyer"];

export function newBusinessPage(redraw: Redraw): Page {
  let errors: Record<string, string[]> = {};
  let general: string | null = null;
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
      const created = await api.createBusiness({
        kind,
        name: String(data.get("name") ?? "").trim(),
      });
      navigate({ name: "editBusiness", id: created.id });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        errors = error.errors;
        general = [t("form.invalid"), ...otherMessages(errors, ["kind", "name"])].join(" ");
      } else general = error instanceof ApiError ? (error.detail ?? error.title) : t("error.network");
    } finally {
      busy = false;
      redraw();
    }
  }

  const fieldError = (field: "kind" | "name") => {
    const messages = messagesFor(errors, field);
    return messages.length ? html`<p class="field-error" data-testid="form-error-${field}">${messages.join(" ")}</p>` : nothing;
  };

  return {
    title: () => t("newBusiness.title"),
    view: () => html`
      <section class="card narrow">
        <h1>${t("newBusiness.title")}</h1>
        <p class="muted">${t("newBusiness.intro")}</p>
        <form @submit=${submit} novalidate>
          <label class="field">
            <span>${t("newBusiness.kind")}</span>
            <select name="kind" data-testid="new-business-kind"
              @change=${(e: Event) => { kind = (e.target as HTMLSelectElement).value as BusinessKind; redraw(); }}>
              ${kinds.map((k) => html`<option value=${k} ?selected=${k === kind}>${t(`kind.${k}`)}</option>`)}
            </select>
            <small class="hint">${t(`kind.${kind}.hint`)}</small>
            ${fieldError("kind")}
          </label>
          <label class="field">
            <span>${t("newBusiness.name")}</span>
            <input name="name" required maxlength="200" autocomplete="organization" data-testid="new-business-name" />
            ${fieldError("name")}
          </label>
          ${general ? html`<p class="alert error" role="alert">${general}</p>` : nothing}
          <div class="actions">
            <button class="primary" type="submit" ?disabled=${busy} data-testid="new-business-submit">${t("newBusiness.submit")}</button>
          </div>
        </form>
      </section>
    `,
  };
}
