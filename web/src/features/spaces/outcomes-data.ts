// The association's outcomes (GET /api/spaces/{id}/outcomes, Marketplace.Server/Endpoints/OutcomeMeasures.cs):
// plan against actual shaped for the table, the trend chart and the targets form. Pure: the language is passed in.
import type { OutcomeMeasure, OutcomeQuarterDto, SpaceOutcomesDto } from "../../api/types";
import type { Lang } from "../../i18n";

/** The measures in the order the association reads them: members, then what they do together, then what they win. */
export const MEASURES: readonly OutcomeMeasure[] = [
  "Members", "AlliancesFormed", "JointBids", "SingleBids", "TendersWon", "LotsWon", "ValueWon", "TerritoryShare",
];

export type MeasureKind = "count" | "euro" | "percent";

export const kindOf = (measure: OutcomeMeasure): MeasureKind =>
  measure === "ValueWon" ? "euro" : measure === "TerritoryShare" ? "percent" : "count";

const locale = (lang: Lang): string => (lang === "it" ? "it-IT" : "en-GB");

/** "2026-Q4" → "4° trim. 2026" / "Q4 2026"; anything else as it came. */
export function quarterLabel(quarter: string, lang: Lang): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  return lang === "it" ? `${match[2]}° trim. ${match[1]}` : `Q${match[2]} ${match[1]}`;
}

/** A value as the measure reads it: "12", "€ 950.000", "42,1 %"; an empty value is a dash. */
export function formatMeasure(measure: OutcomeMeasure, value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  const kind = kindOf(measure);
  if (kind === "euro")
    return new Intl.NumberFormat(locale(lang), { style: "currency", currency: "EUR", maximumFractionDigits: value % 1 === 0 ? 0 : 2 }).format(value);
  if (kind === "percent") return new Intl.NumberFormat(locale(lang), { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
  return new Intl.NumberFormat(locale(lang)).format(value);
}

export interface MeasureRow {
  measure: OutcomeMeasure;
  actual: number | null;
  target: number | null;
  /** Actual as a share of the target, 0–1 and above; null without a target (or a zero one). */
  progress: number | null;
  previousActual: number | null;
  previousTarget: number | null;
}

const valueIn = (quarter: OutcomeQuarterDto | undefined, measure: OutcomeMeasure) =>
  quarter?.measures.find((m) => m.measure === measure) ?? null;

/** The quarter under way and the one before it, per measure. */
export function currentRows(outcomes: SpaceOutcomesDto): MeasureRow[] {
  const index = outcomes.quarters.findIndex((q) => q.quarter === outcomes.currentQuarter);
  const current = outcomes.quarters[index];
  const previous = index > 0 ? outcomes.quarters[index - 1] : undefined;
  return MEASURES.map((measure) => {
    const now = valueIn(current, measure);
    const before = valueIn(previous, measure);
    const actual = now?.actual ?? null;
    const target = now?.target ?? null;
    return {
      measure, actual, target,
      progress: target !== null && target > 0 && actual !== null ? actual / target : null,
      previousActual: before?.actual ?? null,
      previousTarget: before?.target ?? null,
    };
  });
}

export interface TrendSeries {
  labels: string[];
  actual: (number | null)[];
  target: (number | null)[];
}

/** One measure over the quarters shown up to the one under way, oldest first (quarters planned ahead have no actual yet). */
export function trendSeries(outcomes: SpaceOutcomesDto, measure: OutcomeMeasure, lang: Lang): TrendSeries {
  const shown = outcomes.quarters.filter((q) => q.quarter <= outcomes.currentQuarter);
  return {
    labels: shown.map((q) => quarterLabel(q.quarter, lang)),
    actual: shown.map((q) => valueIn(q, measure)?.actual ?? null),
    target: shown.map((q) => valueIn(q, measure)?.target ?? null),
  };
}

/** The quarters a target may be set for here: those shown, then up to a year after the one under way. */
export function plannableQuarters(outcomes: SpaceOutcomesDto): string[] {
  const quarters = new Set(outcomes.quarters.map((q) => q.quarter));
  let [year, number] = outcomes.currentQuarter.split("-Q").map(Number) as [number, number];
  for (let i = 0; i < 4; i++) {
    [year, number] = number === 4 ? [year + 1, 1] : [year, number + 1];
    quarters.add(`${year}-Q${number}`);
  }
  return [...quarters].sort();
}

/** The targets a quarter has now, as the form's fields start: a number as one types it in the language (60,5 in Italian), or empty. */
export function targetDraft(outcomes: SpaceOutcomesDto, quarter: string, lang: Lang): Record<OutcomeMeasure, string> {
  const q = outcomes.quarters.find((x) => x.quarter === quarter);
  const typed = (value: number) => (lang === "it" ? value.toString().replace(".", ",") : value.toString());
  return Object.fromEntries(MEASURES.map((m) => [m, valueIn(q, m)?.target ?? null]).map(([m, v]) => [m, v === null ? "" : typed(v as number)])) as Record<OutcomeMeasure, string>;
}

/**
 * The request for the form's fields: every measure, an empty field removing its target. A number may be typed with a
 * decimal comma ("60,5"); anything that is not a number is sent as it is for the server to name, never guessed.
 */
export function targetsRequest(quarter: string, draft: Record<OutcomeMeasure, string>): { quarter: string; targets: { measure: OutcomeMeasure; value: number | null }[] } | { invalid: OutcomeMeasure[] } {
  const invalid: OutcomeMeasure[] = [];
  const targets = MEASURES.map((measure) => {
    const text = draft[measure].trim().replace(/\s/g, "").replace(",", ".");
    if (text === "") return { measure, value: null };
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) invalid.push(measure);
    return { measure, value };
  });
  return invalid.length > 0 ? { invalid } : { quarter, targets };
}
