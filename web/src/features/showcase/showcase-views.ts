// How a showcase project is shown: on a business's page and in a space's showcase.
import { html, nothing, type TemplateResult } from "lit-html";
import type { ShowcaseDto } from "../../api/types";
import { currentLanguage, formatDate, localized, t } from "../../i18n";
import { href } from "../../router";
import { formatMoney } from "./showcase";
import "../reports/report-form";

export interface ProjectViewOptions {
  /** The partners' answers (and reasons) are shown to the people of the project's firms. */
  showStates: boolean;
  /** Actions under the project (confirm / decline), if any. */
  actions?: TemplateResult | typeof nothing;
  /** A signed-in viewer may report it to a space's association, for a firm of theirs that has no part in it. */
  reportable?: boolean;
}

export function projectView(p: ShowcaseDto, options: ProjectViewOptions): TemplateResult {
  return html`<li class="showcase-item ${p.verified ? "verified" : "pending"}" data-testid="showcase-item"
    data-project-id=${p.id} data-verified=${p.verified ? "true" : "false"}>
    <div class="showcase-head">
      <h3>${p.title}</h3>
      ${p.verified
        ? html`<span class="badge verified-badge" data-testid="showcase-verified"><span aria-hidden="true">✓</span> ${t("showcase.verified")}</span>`
        : html`<span class="badge pending-badge">${t("showcase.unverified")}</span>`}
    </div>
    <p class="muted small">${t("showcase.publishedBy")} <a href=${href({ name: "business", id: p.publisherId })}>${p.publisherName}</a></p>
    ${p.verification
      ? html`<p class="small" data-testid="showcase-verified-by" data-by=${p.verification.by}>${t(`showcase.verifiedBy.${p.verification.by}`, {
          name: p.verification.verifierName, when: formatDate(p.verification.at) })}</p>`
      : nothing}
    ${p.description ? html`<p class="description">${p.description}</p>` : nothing}
    <dl class="facts showcase-facts">
      ${p.client ? html`<div><dt>${t("showcase.client")}</dt><dd>${p.client}</dd></div>` : nothing}
      <div><dt>${t("showcase.year")}</dt><dd data-testid="showcase-item-year">${p.year}</dd></div>
      ${p.value
        ? html`<div><dt>${t("showcase.value")}</dt><dd data-testid="showcase-value">${formatMoney(p.value, currentLanguage())}</dd></div>`
        : nothing}
    </dl>
    ${p.cpv.length
      ? html`<p class="chips" aria-label=${t("showcase.cpv")}>${p.cpv.map(
          (c) => html`<span class="chip" data-code=${c.code} title=${c.code}>${localized(c.labelIt, c.labelEn)}</span>`,
        )}</p>`
      : nothing}
    <div class="showcase-partners">
      <span class="muted small">${t("showcase.partners")}:</span>
      <ul>
        ${p.partners.map(
          (partner) => html`<li data-testid="showcase-partner" data-firm-id=${partner.firmId} data-state=${partner.confirmation}>
            <a href=${href({ name: "business", id: partner.firmId })}>${partner.firmName}</a>
            ${p.verified
              ? html`<span class="check" title=${t("showcase.verified")} aria-label=${t("showcase.verified")}>✓</span>`
              : options.showStates
                ? html`<span class="badge state-${partner.confirmation.toLowerCase()}">${t(`showcase.state.${partner.confirmation}`)}</span>`
                : nothing}
            ${options.showStates && partner.reason
              ? html`<span class="muted small reason">${t("showcase.declineReason", { reason: partner.reason })}</span>`
              : nothing}
          </li>`,
        )}
      </ul>
    </div>
    ${options.actions ?? nothing}
    ${options.reportable
      ? html`<report-form .subject=${"Project"} .subjectId=${p.id} .aboutFirmId=${p.publisherId}
          .excludedFirms=${[p.publisherId, ...p.partners.map((x) => x.firmId)]}></report-form>`
      : nothing}
  </li>`;
}
