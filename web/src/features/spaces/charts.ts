// The dashboard's charts. Loaded on demand (a dynamic import) by the dashboard only, so that chart.js, and only
// the parts of it that these charts use, is fetched by the admins who open it.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type TooltipItem,
} from "chart.js";
import { integerStep, wrapLabel, type DivisionRow, type MembersSeries } from "./dashboard-data";
import type { TrendSeries } from "./outcomes-data";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Filler, Tooltip);

/** A short grow-in, none for those who asked their system for less motion. */
const animation = () =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches ? (false as const) : { duration: 300 };

/** The app's colours and font, read from the design tokens (styles/tokens.css) when a chart is made. */
function palette() {
  const css = getComputedStyle(document.documentElement);
  const token = (name: string) => css.getPropertyValue(name).trim();
  return {
    primary: token("--primary"),
    primaryStrong: token("--primary-strong"),
    fill: token("--chart-fill"),
    fillHover: token("--chart-fill-hover"),
    text: token("--text"),
    textInverse: token("--text-inverse"),
    muted: token("--muted"),
    border: token("--border"),
    font: token("--font-sans"),
  };
}

const tooltip = (colors: ReturnType<typeof palette>) => ({
  backgroundColor: colors.text,
  titleColor: colors.textInverse,
  bodyColor: colors.textInverse,
  padding: 10,
  cornerRadius: 6,
  displayColors: false,
});

export interface MembersTexts {
  /** "{n} member firms" for a tooltip. */
  members: (n: number) => string;
}

type Config = ChartConfiguration<"line" | "bar", number[], string>;

/**
 * Draws a chart on the canvas. A chart already there of the same type takes the new data and options and moves
 * to them, rather than being drawn again from nothing.
 */
export function draw(canvas: HTMLCanvasElement, config: Config, previous: Chart | null): Chart {
  if (previous && previous.canvas === canvas && (previous.config as { type?: string }).type === config.type) {
    previous.data = config.data;
    previous.options = config.options ?? {};
    previous.update();
    return previous;
  }
  previous?.destroy();
  return new Chart(canvas, config);
}

export function membersConfig(series: MembersSeries, texts: MembersTexts): Config {
  const colors = palette();
  const max = Math.max(1, ...series.values);
  const config: ChartConfiguration<"line" | "bar", number[], string> = {
    type: series.kind,
    data: {
      labels: series.labels,
      datasets: [
        {
          data: series.values,
          borderColor: colors.primary,
          backgroundColor: series.kind === "line" ? colors.fill : colors.primary,
          hoverBackgroundColor: series.kind === "line" ? colors.fillHover : colors.primaryStrong,
          fill: series.kind === "line" ? "origin" : false,
          tension: 0.25,
          pointRadius: 3,
          pointHoverRadius: 5,
          pointBackgroundColor: colors.primary,
          borderWidth: 2,
          borderRadius: 4,
          maxBarThickness: 56,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: animation(),
      font: { family: colors.font },
      plugins: {
        legend: { display: false },
        tooltip: { ...tooltip(colors), callbacks: { label: (item) => texts.members(Number(item.raw)) } },
      },
      scales: {
        x: {
          grid: { display: false },
          border: { color: colors.border },
          ticks: { color: colors.muted, font: { family: colors.font, size: 12 }, maxRotation: 0, autoSkipPadding: 12 },
        },
        y: {
          beginAtZero: true,
          suggestedMax: max + Math.max(1, Math.round(max * 0.1)),
          grid: { color: colors.border },
          border: { display: false },
          ticks: { color: colors.muted, font: { family: colors.font, size: 12 }, precision: 0, stepSize: integerStep(max) },
        },
      },
    },
  } as Config;
  return config;
}

export interface DivisionTexts {
  members: (n: number) => string;
}

/** One horizontal bar per division some member covers; the code leads each label, which is cut to fit. */
export function divisionsConfig(rows: readonly DivisionRow[], texts: DivisionTexts): Config {
  const colors = palette();
  const max = Math.max(1, ...rows.map((r) => r.members));
  const labels = rows.map((r) => `${r.division} · ${r.label}`);
  const config: ChartConfiguration<"bar", number[], string> = {
    type: "bar",
    data: {
      labels,
      datasets: [
        {
          data: rows.map((r) => r.members),
          backgroundColor: colors.primary,
          hoverBackgroundColor: colors.primaryStrong,
          borderRadius: 4,
          barPercentage: 0.8,
          categoryPercentage: 0.85,
          maxBarThickness: 26,
        },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: animation(),
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltip(colors),
          callbacks: {
            title: (items) => labels[items[0]?.dataIndex ?? 0] ?? "",
            label: (item) => texts.members(Number(item.raw)),
          },
        },
      },
      scales: {
        x: {
          beginAtZero: true,
          suggestedMax: max,
          grid: { color: colors.border },
          border: { display: false },
          ticks: { color: colors.muted, font: { family: colors.font, size: 12 }, precision: 0, stepSize: integerStep(max) },
        },
        y: {
          grid: { display: false },
          border: { color: colors.border },
          ticks: {
            color: colors.text,
            font: { family: colors.font, size: 12 },
            autoSkip: false,
            // The label takes at most about 45% of the chart's width, in up to two lines, so that the bars keep
            // room on a phone; the tooltip has the whole label.
            callback(value) {
              const label = labels[Number(value)] ?? "";
              const chars = Math.max(14, Math.floor((this.chart.width * 0.45) / 6.4));
              return wrapLabel(label, chars, 2);
            },
          },
        },
      },
    },
  };
  return config as Config;
}

export interface TrendTexts {
  /** A count is drawn on whole-number ticks. */
  whole: boolean;
  actual: string;
  target: string;
  /** A value as its measure reads it (a count, euro, a percentage). */
  format: (value: number) => string;
}

/** One measure per quarter: the actual as bars, the target as a dashed line over them (a gap where none was set). */
export function outcomesConfig(series: TrendSeries, texts: TrendTexts): Config {
  const colors = palette();
  const config = {
    type: "bar",
    data: {
      labels: series.labels,
      datasets: [
        {
          type: "bar",
          label: texts.actual,
          data: series.actual,
          backgroundColor: colors.primary,
          hoverBackgroundColor: colors.primaryStrong,
          borderRadius: 4,
          maxBarThickness: 44,
          order: 2,
        },
        {
          type: "line",
          label: texts.target,
          data: series.target,
          borderColor: colors.text,
          backgroundColor: colors.text,
          borderDash: [6, 4],
          borderWidth: 2,
          pointRadius: 4,
          pointStyle: "rectRot",
          spanGaps: false,
          fill: false,
          order: 1,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: animation(),
      plugins: {
        legend: { display: true, position: "bottom", labels: { color: colors.text, font: { family: colors.font, size: 12 }, boxWidth: 14 } },
        tooltip: { ...tooltip(colors), displayColors: true, callbacks: { label: (item: TooltipItem<"bar" | "line">) => `${item.dataset.label ?? ""}: ${texts.format(Number(item.raw))}` } },
      },
      scales: {
        x: {
          grid: { display: false },
          border: { color: colors.border },
          ticks: { color: colors.muted, font: { family: colors.font, size: 12 }, maxRotation: 0, autoSkipPadding: 8 },
        },
        y: {
          beginAtZero: true,
          grid: { color: colors.border },
          border: { display: false },
          ticks: {
            color: colors.muted,
            font: { family: colors.font, size: 12 },
            ...(texts.whole ? { precision: 0, stepSize: integerStep(Math.max(1, ...series.actual.concat(series.target).map((v) => v ?? 0))) } : {}),
            callback: (value: string | number) => texts.format(Number(value)),
          },
        },
      },
    },
  };
  return config as unknown as Config;
}

export type { Chart };
