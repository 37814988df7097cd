// An external opportunity's page and list items: a tender the buyer published on its own platform, imported from
// its open data (OCDS) by the space's admins. The firms find it and prepare their joint bid here; its questions and
// bids go to the buyer's platform, which the page links.
import { html, nothing } from "lit-html";
import type { TenderDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";

/** The notice that replaces a tender's stepper: where it is published and where its bids go. */
export function externalNoticeView(d: TenderDto) {
  const external = d.external;
  if (!external) return nothing;
  return html`<section class="alert info external-notice" role="note" data-testid="tender-external" aria-labelledby="tender-external-title">
    <h2 id="tender-external-title">${t("tender.external.title")}</h2>
    <p>${t("tender.external.where", { buyer: external.buyerName })}</p>
    ${d.status === "Complete"
      ? html`<p data-testid="tender-external-closed">${t("tender.external.closed", { when: formatDateTime(d.submissionDeadline) })}</p>`
      : nothing}
    ${external.url
      ? html`<p><a class="button" href=${external.url} target="_blank" rel="noopener noreferrer" data-testid="tender-external-link">${t("tender.external.open")}</a></p>`
      : html`<p class="muted small">${t("tender.external.noLink")}</p>`}
    <p class="muted small" data-testid="tender-external-source">${external.publisher
      ? t("tender.external.source", { publisher: external.publisher, ocid: external.ocid })
      : t("tender.external.sourceOcid", { ocid: external.ocid })}</p>
  </section>`;
}

/** What an external opportunity's award criteria are: the buyer's, as its notice states them. */
export function externalCriteriaView(d: TenderDto) {
  const named = d.criteria[0]?.name;
  return html`<p data-testid="tender-external-criteria">${named && named !== "—"
    ? t("tender.external.criteria", { criteria: named })
    : t("tender.external.criteriaNone")}</p>`;
}

/** A list item's mark for a tender published on the buyer's own platform. */
export const externalBadge = (external: boolean) =>
  external ? html`<span class="badge external" data-testid="tender-external-badge">${t("tender.external.badge")}</span>` : nothing;
