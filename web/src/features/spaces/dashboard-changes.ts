// "Since your last check" on the space's dashboard: what moved since this admin last marked it checked (new and
// departed members, alliances formed, bids, wins, this quarter's targets reached), counted by the server as the
// outcomes count (GET /api/spaces/{id}/dashboard/changes), and the button that marks it checked up to the moment
// those figures were counted, so what moves meanwhile is still news next time.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { DashboardChangesDto, OutcomeMeasure } from "../../api/types";
import { currentLanguage, formatDateTime, t, tn, type PluralKey } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { formatMeasure } from "./outcomes-data";

/** The counts shown, in the order a secretary reads them, each with its plural text. */
const counts: [keyof DashboardChangesDto & string, PluralKey][] = [
  ["joined", "changes.joined"],
  ["left", "changes.left"],
  ["alliancesFormed", "changes.alliancesFormed"],
  ["jointBids", "changes.jointBids"],
  ["singleBids", "changes.singleBids"],
  ["tendersWon", "changes.tendersWon"],
  ["lotsWon", "changes.lotsWon"],
];

export function dashboardChanges(spaceId: string, redraw: Redraw) {
  let data: DashboardChangesDto | null = null;
  let failed = false;
  let busy = false;
  let status: { ok: boolean; text: () => string } | null = null;

  const fetch = latestOnly(
    () => api.dashboardChanges(spaceId),
    (fresh) => {
      data = fresh;
      failed = false;
      redraw();
    },
    () => {
      failed = data === null;
      redraw();
    },
  );

  async function check(): Promise<void> {
    if (!data || busy) return;
    busy = true;
    status = null;
    redraw();
    try {
      fetch.cancel();
      data = await api.checkDashboard(spaceId, { until: data.until });
      status = { ok: true, text: () => t("changes.checked") };
    } catch (error) {
      status = { ok: false, text: () => describeRefusal(error) };
    } finally {
      busy = false;
      redraw();
    }
  }

  function listView(d: DashboardChangesDto) {
    const lang = currentLanguage();
    const items = [
      ...counts.filter(([field]) => (d[field] as number) > 0).map(([field, key]) =>
        html`<li data-testid="changes-item" data-kind=${field}>${tn(key, d[field] as number)}</li>`),
      ...(d.valueWon > 0
        ? [html`<li data-testid="changes-item" data-kind="valueWon">${t("changes.valueWon", { value: formatMeasure("ValueWon", d.valueWon, lang) })}</li>`]
        : []),
      ...d.targetsReached.map((r) => html`<li class="reached" data-testid="changes-item" data-kind="targetReached" data-measure=${r.measure}>
        ${t("changes.targetReached", { measure: t(`outcomes.measure.${r.measure as OutcomeMeasure}`), value: formatMeasure(r.measure, r.value, lang) })}</li>`),
    ];
    return items.length > 0
      ? html`<ul class="changes-list">${items}</ul>`
      : html`<p class="muted" data-testid="changes-none">${t("changes.none")}</p>`;
  }

  return {
    load: () => fetch(),
    cancel: () => fetch.cancel(),
    view() {
      if (failed) return html`<section class="card dashboard-changes"><p class="alert error">${t("changes.failed")}</p></section>`;
      if (!data) return nothing;
      const d = data;
      return html`<section class="card dashboard-changes" data-testid="dashboard-changes">
        <h3 data-testid="changes-title">${d.lastCheck ? t("changes.title", { when: formatDateTime(d.lastCheck) }) : t("changes.titleFirst")}</h3>
        ${listView(d)}
        <p class="muted small">${t("changes.note")}</p>
        <p class="actions">
          <button type="button" data-testid="dashboard-check" ?disabled=${busy} @click=${() => void check()}>${t("changes.check")}</button>
        </p>
        ${status ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status" data-testid="changes-status">${status.text()}</p>` : nothing}
      </section>`;
    },
  };
}
