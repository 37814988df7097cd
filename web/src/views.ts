// Small views that several pages show the same way.
import { html } from "lit-html";
import { t } from "./i18n";

export const loadingView = () => html`<p class="muted" aria-busy="true">${t("common.loading")}</p>`;

export const loadErrorView = () => html`<p class="alert error" role="alert">${t("error.load")}</p>`;

export const notFoundView = (title: string) =>
  html`<section class="card narrow"><h1>${title}</h1><p><a href="#/">${t("common.backToDirectory")}</a></p></section>`;
