// The dashboard's plan-do-check-act section, for the space's admins: per measure the quarter under way's target and
// actual, the previous quarter, a measure's trend over the quarters shown, the targets form and the CSV download.
// The figures are read again with the rest of the dashboard (on opening, on a live change of the space, on reload):
// a bid or an award elsewhere sends no message to the space, so the section says when it was read.
import { html, nothing } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { OutcomeMeasure, SpaceOutcomesDto } from "../../api/types";
import { cssProps } from "../../css-props";
import { fieldMessages, fieldMessagesAt, otherFieldMessages } from "../../field-errors";
import { describeRefusal } from "../../i18n/refusals";
import { currentLanguage, formatDateTime, t, type Lang } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { fieldErrorView } from "../../views";
import type { TrendTexts } from "./charts";
import {
  currentRows, formatMeasure, kindOf, MEASURES, plannableQuarters, quarterLabel, targetDraft, targetsRequest, trendSeries, type MeasureRow,
} from "./outcomes-data";

export interface OutcomesChart {
  signature: string;
  series: ReturnType<typeof trendSeries>;
  texts: TrendTexts;
}

export interface OutcomesPanel {
  load(): void;
  cancel(): void;
  /** The section; `chart` is told which trend to draw (none while there is nothing to show). */
  view(uid: string, chart: (wanted: OutcomesChart | null) => void, chartsPending: boolean): unknown;
}

/** The columns' headings, repeated on each cell: on a phone a row is a block and each figure says what it is. */
interface Headings {
  target: string;
  actual: string;
  previous: string;
}

export function outcomesPanel(spaceId: string, redraw: Redraw): OutcomesPanel {
  let data: SpaceOutcomesDto | null = null;
  let readAt: Date | null = null;
  let failed = false;
  let trend: OutcomeMeasure = "JointBids";
  let quarter: string | null = null;
  let draft: Record<OutcomeMeasure, string> | null = null;
  let errors: FieldErrors = {};
  /** Fields that hold no number: told before anything is sent. */
  let notNumbers = new Set<OutcomeMeasure>();
  let message: { kind: "ok" | "error"; text: () => string } | null = null;
  let busy = false;

  const fetch = latestOnly(
    () => api.spaceOutcomes(spaceId),
    (fresh) => {
      data = fresh;
      readAt = new Date();
      failed = false;
      redraw();
    },
    () => {
      failed = true;
      redraw();
    },
  );

  function startForm(q: string): void {
    if (!data) return;
    quarter = q;
    draft = targetDraft(data, q, currentLanguage());
    errors = {};
    notNumbers = new Set();
    message = null;
    redraw();
  }

  async function save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!quarter || !draft || busy) return;
    const request = targetsRequest(quarter, draft);
    if ("invalid" in request) {
      notNumbers = new Set(request.invalid);
      errors = {};
      message = { kind: "error", text: () => t("form.invalid") };
      redraw();
      return;
    }
    notNumbers = new Set();
    busy = true;
    redraw();
    try {
      data = await api.setSpaceTargets(spaceId, request);
      readAt = new Date();
      const saved = quarter;
      draft = null;
      quarter = null;
      errors = {};
      message = { kind: "ok", text: () => t("outcomes.saved", { quarter: quarterLabel(saved, currentLanguage()) }) };
    } catch (error) {
      errors = error instanceof ApiError ? error.errors : {};
      // Each measure's field shows its own; anything else (none the form can cause) is said beside the button.
      const shown = ["targets", "quarter"];
      message = {
        kind: "error",
        text: () => (Object.keys(errors).length ? [t("form.invalid"), ...otherFieldMessages(errors, shown)].join(" ") : describeRefusal(error)),
      };
    } finally {
      busy = false;
      redraw();
    }
  }

  const fieldMessagesOf = (m: OutcomeMeasure, i: number) =>
    notNumbers.has(m) ? [t("outcomes.notANumber")] : fieldMessagesAt(errors, `targets[${i}]`);

  function formView(d: SpaceOutcomesDto, lang: Lang) {
    if (!quarter || !draft) {
      return html`<div class="actions">
        <button type="button" class="primary" data-testid="outcomes-set-targets" @click=${() => startForm(d.currentQuarter)}>
          ${t("outcomes.setTargets")}</button>
        <a class="button" href=${api.spaceOutcomesCsvUrl(spaceId, lang)} download data-testid="outcomes-csv">${t("outcomes.csv")}</a>
      </div>`;
    }
    const values = draft;
    return html`<form class="targets-form" data-testid="outcomes-targets-form" @submit=${(e: SubmitEvent) => void save(e)} novalidate>
      <div class="field">
        <label for="targets-quarter">${t("outcomes.quarter")}</label>
        <select id="targets-quarter" data-testid="outcomes-quarter" @change=${(e: Event) => startForm((e.target as HTMLSelectElement).value)}>
          ${plannableQuarters(d).map((q) => html`<option value=${q} ?selected=${q === quarter}>${quarterLabel(q, lang)}</option>`)}
        </select>
        ${fieldErrorView("quarter", fieldMessages(errors, "quarter"))}
      </div>
      <div class="targets-grid">
        ${MEASURES.map((m, i) => {
          const messages = fieldMessagesOf(m, i);
          return html`<div class="field">
            <label for="target-${m}">${t(`outcomes.measure.${m}`)}</label>
            <input id="target-${m}" inputmode=${kindOf(m) === "count" ? "numeric" : "decimal"} data-testid="outcomes-target-${m}"
              .value=${live(values[m])} placeholder=${t("outcomes.noTarget")} aria-invalid=${messages.length ? "true" : "false"}
              @input=${(e: InputEvent) => (values[m] = (e.target as HTMLInputElement).value)} />
            <small class="hint">${t(`outcomes.unit.${kindOf(m)}`)}</small>
            ${fieldErrorView(`targets-${m}`, messages)}
          </div>`;
        })}
      </div>
      <div class="actions">
        <button class="primary" type="submit" data-testid="outcomes-save" ?disabled=${busy}>${t("outcomes.save")}</button>
        <button type="button" class="link" @click=${() => { quarter = null; draft = null; errors = {}; message = null; redraw(); }}>${t("outcomes.cancel")}</button>
      </div>
    </form>`;
  }

  function rowView(r: MeasureRow, lang: Lang, headings: Headings) {
    const status = r.progress === null ? "none" : r.progress >= 1 ? "met" : "behind";
    return html`<tr data-testid="outcome-${r.measure}" data-actual=${r.actual ?? ""} data-target=${r.target ?? ""} data-status=${status}>
      <th scope="row">${t(`outcomes.measure.${r.measure}`)}</th>
      <td class="num" data-label=${headings.target} data-testid="outcome-${r.measure}-target">${formatMeasure(r.measure, r.target, lang)}</td>
      <td class="num outcome-actual" data-label=${headings.actual}>
        <span data-testid="outcome-${r.measure}-actual">${formatMeasure(r.measure, r.actual, lang)}</span>
        ${r.progress !== null
          ? html`<span class="bar ${status}" aria-hidden="true"><span ${cssProps({ width: `${Math.min(100, Math.round(r.progress * 100))}%` })}></span></span>
              <span class="small ${status === "met" ? "ok-text" : "muted"}">${status === "met" ? t("outcomes.met") : t("outcomes.progress", { percent: Math.round(r.progress * 100) })}</span>`
          : nothing}
      </td>
      <td class="num muted" data-label=${headings.previous}>${formatMeasure(r.measure, r.previousActual, lang)}${r.previousTarget !== null
        ? html`<span class="small"> / ${formatMeasure(r.measure, r.previousTarget, lang)}</span>` : nothing}</td>
    </tr>`;
  }

  return {
    load: () => fetch(),
    cancel: () => fetch.cancel(),
    view(uid, chart, chartsPending) {
      if (data === null) {
        chart(null);
        return html`<section class="card outcomes" data-testid="outcomes">
          <h3>${t("outcomes.title")}</h3>
          ${failed ? html`<p class="alert error">${t("outcomes.failed")}</p>` : html`<p class="muted">${t("common.loading")}</p>`}
        </section>`;
      }
      const d = data;
      const lang = currentLanguage();
      const series = trendSeries(d, trend, lang);
      chart({
        signature: JSON.stringify([lang, trend, series]),
        series,
        texts: { whole: kindOf(trend) === "count", actual: t("outcomes.actual"), target: t("outcomes.target"), format: (v) => formatMeasure(trend, v, lang) },
      });
      const index = d.quarters.findIndex((q) => q.quarter === d.currentQuarter);
      const previous = index > 0 ? d.quarters[index - 1]?.quarter : undefined;
      const headings: Headings = {
        target: t("outcomes.targetOf", { quarter: quarterLabel(d.currentQuarter, lang) }),
        actual: t("outcomes.actual"),
        previous: previous ? quarterLabel(previous, lang) : t("outcomes.previous"),
      };
      return html`<section class="card outcomes" data-testid="outcomes" aria-labelledby="${uid}-outcomes-title">
        <h3 id="${uid}-outcomes-title">${t("outcomes.title")}</h3>
        <p class="muted small">${t("outcomes.hint")}${readAt ? html` <span data-testid="outcomes-read-at">${t("outcomes.readAt", { time: formatDateTime(readAt.toISOString()) })}</span>` : nothing}</p>
        <div class="table-scroll">
          <table class="outcomes-table">
            <thead><tr>
              <th scope="col">${t("outcomes.measure")}</th>
              <th scope="col" class="num">${headings.target}</th>
              <th scope="col" class="num">${headings.actual}</th>
              <th scope="col" class="num">${headings.previous}</th>
            </tr></thead>
            <tbody>${currentRows(d).map((r) => rowView(r, lang, headings))}</tbody>
          </table>
        </div>
        ${d.hasTerritory ? nothing : html`<p class="muted small" data-testid="outcomes-no-territory">${t("outcomes.noTerritory")}</p>`}
        <p class="muted small">${t("outcomes.sealedNote")}</p>

        <div class="field trend-pick">
          <label for="${uid}-trend">${t("outcomes.trend")}</label>
          <select id="${uid}-trend" data-testid="outcomes-trend" @change=${(e: Event) => { trend = (e.target as HTMLSelectElement).value as OutcomeMeasure; redraw(); }}>
            ${MEASURES.map((m) => html`<option value=${m} ?selected=${m === trend}>${t(`outcomes.measure.${m}`)}</option>`)}
          </select>
        </div>
        <div class="chart-box" ${cssProps({ height: "240px" })} data-testid="outcomes-chart" data-measure=${trend}>
          ${chartsPending ? html`<p class="muted chart-wait">${t("common.loading")}</p>` : nothing}
          <canvas data-chart="${uid}-outcomes" role="img" aria-label=${t("outcomes.trendAria", {
            measure: t(`outcomes.measure.${trend}`),
            list: series.labels.map((label, i) => `${label}: ${formatMeasure(trend, series.actual[i], lang)} / ${formatMeasure(trend, series.target[i], lang)}`).join("; "),
          })}></canvas>
        </div>

        ${formView(d, lang)}
        ${message ? html`<p class="alert ${message.kind === "ok" ? "success" : "error"}" role="status" data-testid="outcomes-message">${message.text()}</p>` : nothing}
      </section>`;
    },
  };
}
