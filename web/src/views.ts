// Small views that several pages show the same way.
import { html, nothing, type TemplateResult } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { t } from "./i18n";

export const loadingView = () => html`<p class="muted" aria-busy="true">${t("common.loading")}</p>`;

export const loadErrorView = () => html`<p class="alert error" role="alert">${t("error.load")}</p>`;

export const notFoundView = (title: string) =>
  html`<section class="card narrow"><h1>${title}</h1><p><a href="#/">${t("common.backToDirectory")}</a></p></section>`;

/**
 * The messages about one form field, each on its line; nothing when there are none. Spans, so that it may
 * sit inside a <label>; give it an id to point the input's aria-describedby at.
 */
export const fieldErrorView = (field: string, messages: readonly string[], id?: string) =>
  messages.length
    ? html`<span class="field-error" id=${ifDefined(id)} data-testid="form-error-${field}">${messages.map(
        (message) => html`<span>${message}</span>`,
      )}</span>`
    : nothing;

/** Transient notices from anywhere in the app (a firm's standing, a new tender in the inbox), in one corner. */
export const noticesView = (items: readonly TemplateResult[]) =>
  items.length ? html`<div class="notices" role="status" aria-live="polite">${items}</div>` : nothing;

/** "← Precedente · Pagina 2 di 5 · Successiva →" under a paged list; nothing when it fits one page. */
export function pagerView(page: number, pages: number, goTo: (page: number) => void) {
  return pages > 1
    ? html`<nav class="pager" aria-label=${t("directory.paging")}>
        <button type="button" ?disabled=${page <= 1} @click=${() => goTo(page - 1)}>${t("directory.previous")}</button>
        <span>${t("directory.pageOf", { page, pages })}</span>
        <button type="button" ?disabled=${page >= pages} @click=${() => goTo(page + 1)}>${t("directory.next")}</button>
      </nav>`
    : nothing;
}
