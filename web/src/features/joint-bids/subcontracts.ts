// The joint bid's subcontracting declarations as the form holds them: one row per subcontracted part of a lot, with
// the work (a category of the lot or a work package), the share as typed and the subcontractor. The server judges
// them (SubcontractRules); here they are only read from the bid, typed, and sent.
import type { AllianceDto, JointBidDto, SaveSubcontractsRequest, TenderDto } from "../../api/types";
import { parsePercent, typedPercent } from "./quotas";

/** Who carries the work out: a firm of the alliance (`firm:<id>`), a firm named in words (`name`), or `later` (to be named). */
export interface SubcontractRow {
  lot: string;
  /** `cat:OS30` or `pkg:<work package id>`; empty until chosen. */
  work: string;
  percent: string;
  who: string;
  name: string;
}

export const emptyRow = (lot: number | undefined): SubcontractRow => ({ lot: lot === undefined ? "" : String(lot), work: "", percent: "", who: "later", name: "" });

/** The declarations the bid holds, as the form starts from them. */
export function rowsOf(bid: Pick<JointBidDto, "subcontracts">, lang: "it" | "en"): SubcontractRow[] {
  return bid.subcontracts.map((d) => ({
    lot: String(d.lot),
    work: d.packageId ? `pkg:${d.packageId.toLowerCase()}` : `cat:${d.category ?? ""}`,
    percent: typedPercent(d.percent, lang),
    who: d.firm ? `firm:${d.firm.id.toLowerCase()}` : d.name ? "name" : "later",
    name: d.name ?? "",
  }));
}

/** Two forms say the same declarations: the same rows in the same order, the shares read as numbers. */
export function sameRows(a: SubcontractRow[], b: SubcontractRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.lot === y.lot && x.work === y.work && parsePercent(x.percent) === parsePercent(y.percent) && x.who === y.who
        && (x.who !== "name" || x.name.trim() === y.name.trim());
    })
  );
}

/** The lots whose buyer lets part be subcontracted, with the share allowed. */
export function subcontractableLots(tender: Pick<TenderDto, "lots">): { number: number; title: string; max: number }[] {
  return tender.lots.flatMap((l) =>
    l.requirements?.subcontractingMaxPercent != null ? [{ number: l.number, title: l.title, max: l.requirements.subcontractingMaxPercent }] : [],
  );
}

/** What may be chosen as the work of a lot: its categories the buyer lets be subcontracted, then its work packages. */
export function workChoices(tender: Pick<TenderDto, "lots">, bid: Pick<JointBidDto, "workPackages">, lot: number, lang: "it" | "en") {
  const requirements = tender.lots.find((l) => l.number === lot)?.requirements;
  const categories = requirements
    ? [...(requirements.prevailing ? [requirements.prevailing] : []), ...requirements.separable.filter((s) => s.maySubcontract)]
    : [];
  return [
    ...categories.map((c) => ({ value: `cat:${c.category}`, label: `${c.category} · ${lang === "it" ? c.categoryIt : c.categoryEn}` })),
    ...bid.workPackages.filter((p) => p.lot === lot).map((p) => ({ value: `pkg:${p.id.toLowerCase()}`, label: p.title })),
  ];
}

/** The alliance's active firms in the Subcontractor role: the firms a declaration may name. */
export function subcontractorFirms(alliance: Pick<AllianceDto, "members">): { id: string; name: string }[] {
  return alliance.members
    .filter((m) => m.standing === "Active" && m.role === "Subcontractor")
    .map((m) => ({ id: m.firmId, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "it"));
}

/**
 * The request for what is typed. A share that is not a number is returned apart by its row (the form names it
 * itself); an empty one is sent as missing, for the server to name.
 */
export function subcontractsRequest(rows: SubcontractRow[], version: number): { request: SaveSubcontractsRequest; invalid: number[] } {
  const invalid: number[] = [];
  const subcontracts = rows.map((r, i) => {
    const percent = parsePercent(r.percent);
    if (percent !== null && Number.isNaN(percent)) invalid.push(i);
    const firm = r.who.startsWith("firm:") ? r.who.slice(5) : null;
    return {
      lot: Number(r.lot) || 0,
      packageId: r.work.startsWith("pkg:") ? r.work.slice(4) : null,
      category: r.work.startsWith("cat:") ? r.work.slice(4) : null,
      percent: percent === null || Number.isNaN(percent) ? null : percent,
      firmId: firm,
      name: r.who === "name" ? r.name : null,
    };
  });
  return { request: { version, subcontracts }, invalid };
}

/** The share typed in a lot, summed; null while any row of it is not a number yet. */
export function typedLotSum(rows: SubcontractRow[], lot: number): number | null {
  let sum = 0;
  for (const r of rows.filter((x) => x.lot === String(lot))) {
    const p = parsePercent(r.percent);
    if (p === null || Number.isNaN(p)) return null;
    sum += p;
  }
  return Math.round(sum * 100) / 100;
}

