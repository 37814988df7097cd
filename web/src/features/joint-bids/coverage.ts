// The coverage matrix as shown: for each lot of the tender its CPV codes, each with the alliance's firms whose
// capabilities cover it; whether a code or a lot is covered is the server's word (CoverageDto), labelled and sorted here.
import type { CapabilityDto, CoverageDto, NamedDto } from "../../api/types";
import type { Lang } from "../../i18n";

export interface CodeRow {
  code: string;
  /** In the UI's language, else the other one, else the code itself. */
  label: string;
  /** The firms covering it, by name. */
  firms: NamedDto[];
  gap: boolean;
}

export interface LotRow {
  lot: number;
  title: string;
  /** Every code of the lot is covered by at least one firm, as the server says. */
  covered: boolean;
  codes: CodeRow[];
  coveredCount: number;
}

export interface CoverageModel {
  lots: LotRow[];
  /** The codes nobody in the alliance covers, each once. */
  gaps: { code: string; label: string }[];
  /** The firms that cover at least one code, by name: the matrix's legend. */
  firms: NamedDto[];
}

export const codeLabel = (c: Pick<CapabilityDto, "code" | "labelIt" | "labelEn">, lang: Lang): string => {
  const [first, second] = lang === "it" ? [c.labelIt, c.labelEn] : [c.labelEn, c.labelIt];
  return first?.trim() || second?.trim() || c.code;
};

const byName = (a: NamedDto, b: NamedDto): number => a.name.localeCompare(b.name, "it");

export function coverageModel(coverage: CoverageDto, lang: Lang): CoverageModel {
  const firms = new Map<string, NamedDto>();
  const lots = coverage.lots.map((lot) => {
    const codes = lot.codes.map((c) => {
      c.coveredBy.forEach((f) => firms.set(f.id.toLowerCase(), f));
      return { code: c.code.code, label: codeLabel(c.code, lang), firms: [...c.coveredBy].sort(byName), gap: !c.covered };
    });
    return { lot: lot.lot, title: lot.title, covered: lot.covered, codes, coveredCount: codes.filter((c) => !c.gap).length };
  });
  const seen = new Set<string>();
  const gaps = coverage.gaps.filter((g) => !seen.has(g.code) && seen.add(g.code)).map((g) => ({ code: g.code, label: codeLabel(g, lang) }));
  return { lots, gaps, firms: [...firms.values()].sort(byName) };
}
