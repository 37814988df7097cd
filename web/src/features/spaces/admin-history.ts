// In a space's admin area: every change of a membership, newest first, with who made it and why.
import { html, nothing } from "lit";
import type { MembershipEventDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";
import { firmLink } from "./admin-section";

export const historyView = (events: readonly MembershipEventDto[]) =>
  html`<section class="card admin-section" id="admin-history" aria-labelledby="admin-history-title">
    <h3 id="admin-history-title">${t("admin.history.title")}</h3>
    ${events.length === 0
      ? html`<p class="muted">${t("admin.history.empty")}</p>`
      : html`<div class="table-wrap">
          <table class="history phone-cards" data-testid="admin-history">
            <thead><tr>
              <th scope="col">${t("admin.history.when")}</th><th scope="col">${t("admin.history.firm")}</th>
              <th scope="col">${t("admin.history.status")}</th><th scope="col">${t("admin.history.by")}</th>
              <th scope="col">${t("admin.history.reason")}</th>
            </tr></thead>
            <tbody>
              ${events.map(
                (e) => html`<tr data-testid="history-item" data-firm-id=${e.firmId} data-status=${e.status ?? ""}>
                  <td class="nowrap" data-label=${t("admin.history.when")}><span>${formatDateTime(e.at)}</span></td>
                  <td data-label=${t("admin.history.firm")}><span>${firmLink(e)}</span></td>
                  <td data-label=${t("admin.history.status")}><span>${e.status
                    ? html`<span class="badge status status-${e.status.toLowerCase()}" data-status=${e.status}>${t(`event.${e.status}`)}</span>`
                    : nothing}</span></td>
                  <td class="by" data-label=${t("admin.history.by")}><span>${e.actorName || "—"}</span></td>
                  <td data-label=${t("admin.history.reason")}><span>${e.reason ?? html`<span class="muted">—</span>`}</span></td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`}
  </section>`;
