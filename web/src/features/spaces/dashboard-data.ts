// The space dashboard's figures, shaped for the tiles, the charts and the tables (GET /api/spaces/{id}/dashboard,
// Marketplace.Server/Endpoints/SpaceDashboard.cs). Pure: the language is passed in, so each shape can be tested.
import type { DivisionCoverageDto, MembersAtMonthDto, ProvinceCountDto, SpaceDashboardDto } from "../../api/types";
import type { Lang } from "../../i18n";

const locale = (lang: Lang): string => (lang === "it" ? "it-IT" : "en-GB");

/** "2026-11" → "nov 2026" / "Nov 2026"; anything else is shown as it came. */
export function monthLabel(month: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
  return new Intl.DateTimeFormat(locale(lang), { month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

export interface MembersSeries {
  labels: string[];
  values: number[];
  /** A line needs a few months to say anything; a young space's first months read better as bars. */
  kind: "line" | "bar";
}

/** Fewer months than this are drawn as bars. */
export const LINE_FROM_MONTHS = 4;

/** The members at the end of each month, oldest first. */
export function membersSeries(points: readonly MembersAtMonthDto[], lang: Lang): MembersSeries {
  const sorted = [...points].sort((a, b) => a.month.localeCompare(b.month));
  return {
    labels: sorted.map((p) => monthLabel(p.month, lang)),
    values: sorted.map((p) => p.members),
    kind: sorted.length >= LINE_FROM_MONTHS ? "line" : "bar",
  };
}

/** A division's label in the UI's language, the other language when that one is missing. */
export function divisionLabel(division: Pick<DivisionCoverageDto, "labelIt" | "labelEn" | "division">, lang: Lang): string {
  const [first, second] = lang === "it" ? [division.labelIt, division.labelEn] : [division.labelEn, division.labelIt];
  return first?.trim() || second?.trim() || division.division;
}

export interface DivisionRow {
  division: string;
  label: string;
  members: number;
}

/** Divisions that at least one member covers: most members first, then by code. */
export function coveredDivisions(divisions: readonly DivisionCoverageDto[], lang: Lang): DivisionRow[] {
  return divisions
    .filter((d) => d.members > 0)
    .map((d) => ({ division: d.division, label: divisionLabel(d, lang), members: d.members }))
    .sort((a, b) => b.members - a.members || a.division.localeCompare(b.division));
}

/** Divisions no member covers, by code: the gaps an association wants to fill. */
export function uncoveredDivisions(divisions: readonly DivisionCoverageDto[], lang: Lang): DivisionRow[] {
  return divisions
    .filter((d) => d.members <= 0)
    .map((d) => ({ division: d.division, label: divisionLabel(d, lang), members: 0 }))
    .sort((a, b) => a.division.localeCompare(b.division));
}

export interface ProvinceRow {
  sigla: string;
  name: string;
  members: number;
  /** Members as a share of the province with most, 0–1, for the bar beside the figure. */
  share: number;
  /** One of the space's own provinces. */
  inTerritory: boolean;
}

/**
 * Members by province, most first; the space's own provinces without members follow (a gap as well), each
 * once. `name` gives a province's name from its sigla (the sigla itself when unknown).
 */
export function provinceRows(
  provinces: readonly ProvinceCountDto[],
  territory: readonly string[],
  name: (sigla: string) => string,
): ProvinceRow[] {
  const own = new Set(territory.map((s) => s.toUpperCase()));
  const counts = new Map<string, number>();
  for (const p of provinces) {
    const sigla = p.provinceSigla.toUpperCase();
    counts.set(sigla, (counts.get(sigla) ?? 0) + p.members);
  }
  for (const sigla of own) if (!counts.has(sigla)) counts.set(sigla, 0);
  const most = Math.max(0, ...counts.values());
  return [...counts.entries()]
    .map(([sigla, members]) => ({ sigla, name: name(sigla), members, share: most > 0 ? members / most : 0, inTerritory: own.has(sigla) }))
    .sort((a, b) => b.members - a.members || a.name.localeCompare(b.name, "it"));
}

export interface Kpis {
  members: number;
  pending: number;
  invitations: number;
  policyPending: number;
  verified: number;
  /** Verified showcase projects published by members, and endorsements members received for them. */
  showcase: number;
  endorsements: number;
  /** Verified members as a whole percentage of the members; null without members. */
  verifiedPercent: number | null;
  /** Divisions covered, of all. */
  covered: number;
  divisions: number;
  /** The notice board: open posts, posts waiting for the admins' approval, interests in the open posts. */
  openPosts: number;
  postsAwaiting: number;
  postInterests: number;
}

export function kpis(dashboard: SpaceDashboardDto): Kpis {
  return {
    members: dashboard.members,
    pending: dashboard.pendingApplications,
    invitations: dashboard.pendingInvitations,
    policyPending: dashboard.policyAcceptancePending,
    verified: dashboard.verified,
    showcase: dashboard.showcaseProjects,
    endorsements: dashboard.endorsements,
    verifiedPercent: dashboard.members > 0 ? Math.round((100 * dashboard.verified) / dashboard.members) : null,
    covered: dashboard.divisions.filter((d) => d.members > 0).length,
    divisions: dashboard.divisions.length,
    openPosts: dashboard.openPosts,
    postsAwaiting: dashboard.postsAwaitingApproval,
    postInterests: dashboard.postInterests,
  };
}

/** A label cut to `max` characters at a word where it can be, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, "")}…`;
}

/**
 * A label broken into lines of at most `width` characters, at words, in at most `lines` lines; the last line is
 * shortened with an ellipsis when the label does not fit.
 */
export function wrapLabel(text: string, width: number, lines: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const out: string[] = [];
  let line = "";
  for (const [i, word] of words.entries()) {
    const next = line === "" ? word : `${line} ${word}`;
    if (next.length <= width || line === "") {
      line = next;
      continue;
    }
    out.push(line);
    line = word;
    if (out.length === lines - 1) {
      // The last line takes the rest, shortened to fit.
      out.push(shorten(words.slice(i).join(" "), width));
      return out;
    }
  }
  if (line !== "") out.push(shorten(line, width));
  return out;
}

/** Whole numbers for a chart's axis: the step that gives at most `ticks` ticks up to `max`. */
export function integerStep(max: number, ticks = 6): number {
  if (max <= ticks) return 1;
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (factor * magnitude >= raw) return factor * magnitude;
  return 10 * magnitude;
}
