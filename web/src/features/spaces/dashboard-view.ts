// The space dashboard, for its admins: tiles with the figures that need attention, members over time, CPV
// divisions covered and not, members by province. Shown in the admin area's Dashboard tab and on its own page
// (#/spaces/{id}/dashboard); whoever shows it calls load() on SpaceMembershipsChanged.
import { html, nothing } from "lit-html";
import { cssProps } from "../../css-props";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { SpaceDashboardDto } from "../../api/types";
import { currentLanguage, t, tn, type Lang } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { findProvince } from "../../reference/provinces";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import type { Chart } from "./charts";
import { outcomesPanel } from "./outcomes-view";
import { dashboardChanges } from "./dashboard-changes";
import { coveredDivisions, kpis, membersSeries, provinceRows, uncoveredDivisions, type ProvinceRow } from "./dashboard-data";

type Charts = typeof import("./charts");
type State = "loading" | "ok" | "forbidden" | "notFound" | "error";

interface Slot {
  signature: string;
  config: (lib: Charts) => Parameters<Charts["draw"]>[1];
}

export interface SpaceDashboardView {
  /** Loads the figures (again): on opening, and on every SpaceMembershipsChanged. */
  load(): void;
  /** `territory`: the space's own provinces, listed even without members; `fullPageLink` links the page of its own. */
  view(options: { territory: readonly string[]; fullPageLink?: boolean }): unknown;
  /** Not shown any more (another tab): its charts are let go. */
  hide(): void;
  dispose(): void;
  state(): State;
}

let instances = 0;

export function spaceDashboard(spaceId: string, redraw: Redraw): SpaceDashboardView {
  const uid = `dash${++instances}`;
  let data: SpaceDashboardDto | null = null;
  let state: State = "loading";
  let lib: Charts | null = null;
  let libState: "idle" | "loading" | "failed" = "idle";
  /** The charts the last view asked for, by key, and the ones drawn. */
  let wanted = new Map<string, Slot>();
  const drawn = new Map<string, { chart: Chart; canvas: HTMLCanvasElement; signature: string }>();
  let syncQueued = false;
  const outcomes = outcomesPanel(spaceId, redraw);
  const changes = dashboardChanges(spaceId, redraw);

  const fetch = latestOnly(
    () => api.spaceDashboard(spaceId),
    (fresh) => {
      data = fresh;
      state = "ok";
      redraw();
    },
    (error) => {
      // A failed refresh keeps the figures shown.
      if (data === null || (error instanceof ApiError && (error.status === 403 || error.status === 404))) {
        state = error instanceof ApiError ? (error.status === 403 ? "forbidden" : error.status === 404 ? "notFound" : "error") : "error";
        if (state !== "error") data = null;
      }
      redraw();
    },
  );

  function loadLib(): void {
    if (lib || libState === "loading") return;
    libState = "loading";
    import("./charts").then(
      (loaded) => {
        lib = loaded;
        libState = "idle";
        redraw();
      },
      () => {
        libState = "failed";
        redraw();
      },
    );
  }

  /** After a render: draws the charts whose data or language changed, lets go of those no longer shown. */
  function sync(): void {
    syncQueued = false;
    for (const [key, current] of drawn) {
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-chart="${uid}-${key}"]`);
      if (!wanted.has(key) || canvas !== current.canvas || !canvas?.isConnected) {
        current.chart.destroy();
        drawn.delete(key);
      }
    }
    if (!lib) return;
    for (const [key, slot] of wanted) {
      const current = drawn.get(key);
      if (current?.signature === slot.signature) continue;
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-chart="${uid}-${key}"]`);
      if (canvas?.isConnected)
        drawn.set(key, { chart: lib.draw(canvas, slot.config(lib), current?.chart ?? null), canvas, signature: slot.signature });
    }
  }

  function queueSync(): void {
    if (syncQueued) return;
    syncQueued = true;
    queueMicrotask(sync);
  }

  const chartCanvas = (key: string, label: string) =>
    html`<canvas data-chart="${uid}-${key}" role="img" aria-label=${label}></canvas>`;

  const kpiTile = (testid: string, value: number, label: string, options: { todo?: boolean; note?: string } = {}) =>
    html`<div class="kpi ${options.todo && value > 0 ? "todo" : ""}" data-testid=${testid} data-value=${value}>
      <span class="kpi-value">${value}</span>
      <span class="kpi-label">${label}</span>
      ${options.note ? html`<span class="kpi-note">${options.note}</span>` : nothing}
    </div>`;

  function provincesView(rows: ProvinceRow[]) {
    if (rows.length === 0) return html`<p class="muted">${t("dashboard.provincesNone")}</p>`;
    return html`<table class="province-table" data-testid="dashboard-provinces">
      <thead><tr><th scope="col">${t("dashboard.province")}</th><th scope="col" class="num">${t("dashboard.firms")}</th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr class=${r.members === 0 ? "gap" : ""} data-sigla=${r.sigla} data-members=${r.members}>
            <th scope="row">
              <span class="province-name">${r.name} <span class="muted">(${r.sigla})</span></span>
              ${!r.inTerritory ? html`<span class="badge plain-note">${t("dashboard.outsideTerritory")}</span>` : nothing}
              <span class="bar" aria-hidden="true"><span ${cssProps({ width: `${Math.round(r.share * 100)}%` })}></span></span>
            </th>
            <td class="num">${r.members === 0 ? html`<span class="muted">${t("dashboard.noMembersHere")}</span>` : r.members}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  function dashboardView(d: SpaceDashboardDto, territory: readonly string[], fullPageLink: boolean) {
    const lang: Lang = currentLanguage();
    const k = kpis(d);
    const series = membersSeries(d.membersOverTime, lang);
    const covered = coveredDivisions(d.divisions, lang);
    const uncovered = uncoveredDivisions(d.divisions, lang);
    const provinces = provinceRows(d.provinces, territory, (sigla) => findProvince(sigla)?.name ?? sigla);
    const membersText = (n: number) => tn("spaces.memberCount", n);

    if (series.values.length > 0)
      wanted.set("members", {
        signature: JSON.stringify([lang, series]),
        config: (charts) => charts.membersConfig(series, { members: membersText }),
      });
    if (covered.length > 0)
      wanted.set("divisions", {
        signature: JSON.stringify([lang, covered]),
        config: (charts) => charts.divisionsConfig(covered, { members: membersText }),
      });
    const chartsPending = !lib && libState !== "failed";
    const outcomesView = outcomes.view(uid, (trend) => {
      if (trend) wanted.set("outcomes", { signature: trend.signature, config: (charts) => charts.outcomesConfig(trend.series, trend.texts) });
    }, chartsPending);
    if (wanted.size > 0) loadLib();
    queueSync();

    const chartFailed = libState === "failed" ? html`<p class="alert error">${t("dashboard.chartsFailed")}</p>` : nothing;
    // Tall enough for each bar to be read; the canvas is redrawn to the box's size.
    const divisionsHeight = Math.max(140, covered.length * 42 + 48);

    return html`
      ${changes.view()}
      <div class="kpis" role="list">
        <div role="listitem">${kpiTile("dashboard-kpi-members", k.members, t("dashboard.kpi.members"))}</div>
        <div role="listitem">${kpiTile("dashboard-kpi-pending", k.pending, t("dashboard.kpi.pending"), { todo: true })}</div>
        <div role="listitem">${kpiTile("dashboard-kpi-invitations", k.invitations, t("dashboard.kpi.invitations"))}</div>
        <div role="listitem">${kpiTile("dashboard-kpi-policy", k.policyPending, t("dashboard.kpi.policy"), { todo: true })}</div>
        <div role="listitem">${kpiTile("dashboard-kpi-verified", k.verified, t("dashboard.kpi.verified"),
          k.verifiedPercent === null ? {} : { note: t("dashboard.kpi.verifiedShare", { percent: k.verifiedPercent }) })}</div>
        <div role="listitem">${kpiTile("dashboard-kpi-showcase", k.showcase, t("dashboard.kpi.showcase"))}</div>
        <div role="listitem">${kpiTile("dashboard-kpi-endorsements", k.endorsements, t("dashboard.kpi.endorsements"))}</div>
        <div role="listitem">${kpiTile("dashboard-kpi-posts", k.openPosts, t("board.dashboardOpen"))}</div>
        <div role="listitem">${kpiTile("dashboard-kpi-posts-awaiting", k.postsAwaiting, t("board.dashboardAwaiting"), { todo: true })}</div>
        <div role="listitem">${kpiTile("dashboard-kpi-interests", k.postInterests, t("board.dashboardInterests"))}</div>
      </div>

      ${outcomesView}

      <div class="dashboard-grid">
        <section class="card chart-card" aria-labelledby="${uid}-members-title">
          <h3 id="${uid}-members-title">${t("dashboard.membersTitle")}</h3>
          <p class="muted small">${t("dashboard.membersHint")}</p>
          <div class="chart-box" ${cssProps({ height: "240px" })} data-testid="dashboard-chart-members" data-kind=${series.kind}>
            ${chartsPending ? html`<p class="muted chart-wait">${t("common.loading")}</p>` : nothing}
            ${chartCanvas("members", t("dashboard.membersAria", {
              list: series.labels.map((label, i) => `${label}: ${series.values[i]}`).join("; "),
            }))}
          </div>
          ${chartFailed}
        </section>

        <section class="card chart-card" aria-labelledby="${uid}-provinces-title">
          <h3 id="${uid}-provinces-title">${t("dashboard.provincesTitle")}</h3>
          <p class="muted small">${territory.length ? t("dashboard.provincesHint") : t("dashboard.provincesHintNoTerritory")}</p>
          ${provincesView(provinces)}
        </section>
      </div>

      <section class="card chart-card" aria-labelledby="${uid}-divisions-title">
        <h3 id="${uid}-divisions-title">${t("dashboard.divisionsTitle")}</h3>
        <p class="muted small">${t("dashboard.divisionsHint", { covered: k.covered, total: k.divisions })}</p>
        ${covered.length === 0
          ? html`<p class="empty-chart" data-testid="dashboard-chart-divisions" data-bars="0">${t("dashboard.divisionsNone")}</p>`
          : html`<div class="chart-box" ${cssProps({ height: `${divisionsHeight}px` })} data-testid="dashboard-chart-divisions" data-bars=${covered.length}>
              ${chartsPending ? html`<p class="muted chart-wait">${t("common.loading")}</p>` : nothing}
              ${chartCanvas("divisions", t("dashboard.divisionsAria", {
                list: covered.map((c) => `${c.division} ${c.label}: ${c.members}`).join("; "),
              }))}
            </div>`}
        ${chartFailed}

        <div class="uncovered" data-testid="dashboard-uncovered" data-count=${uncovered.length}>
          <h4>${t("dashboard.uncoveredTitle")} <span class="count">${uncovered.length}</span></h4>
          ${uncovered.length === 0
            ? html`<p class="ok-text">${t("dashboard.uncoveredNone")}</p>`
            : html`<p class="muted small">${t("dashboard.uncoveredHint")}</p>
                <ul class="uncovered-list">
                  ${uncovered.map((u) => html`<li data-division=${u.division} title=${`${u.division} · ${u.label}`}><code>${u.division}</code> <span>${u.label}</span></li>`)}
                </ul>`}
        </div>
      </section>
      ${fullPageLink
        ? html`<p><a href=${href({ name: "spaceDashboard", id: spaceId })} data-testid="dashboard-full-link">${t("dashboard.openFull")}</a></p>`
        : nothing}
    `;
  }

  return {
    load: () => {
      fetch();
      outcomes.load();
      changes.load();
    },
    state: () => state,
    hide() {
      wanted = new Map();
      queueSync();
    },
    dispose() {
      fetch.cancel();
      outcomes.cancel();
      changes.cancel();
      for (const { chart } of drawn.values()) chart.destroy();
      drawn.clear();
      wanted = new Map();
    },
    view({ territory, fullPageLink = false }) {
      // dashboardView() names the charts it shows; in any other state there are none.
      wanted = new Map();
      queueSync();
      return html`<section class="dashboard" data-testid="space-dashboard" data-state=${state}>
        ${state === "forbidden"
          ? html`<p class="alert warn" data-testid="dashboard-forbidden">${t("dashboard.forbidden")}</p>`
          : state === "notFound"
            ? html`<p class="alert error">${t("spaces.problem.notFound")}</p>`
            : state === "error" && data === null
              ? loadErrorView()
              : data === null
                ? loadingView()
                : dashboardView(data, territory, fullPageLink)}
      </section>`;
    },
  };
}
