// The work packages by lot with each lot's subtotal and the grand total, and each firm's share: all in integer
// cents (money.ts), as the server adds them (JointBidState.LotPrices and Shares).
import type { FirmShareDto, LotDto, NamedDto, WorkPackageDto } from "../../api/types";
import { centsOf, sumCents } from "./money";

/** The currency a lot is priced in: its estimated value's, else EUR (as the server checks a package's price). */
export const lotCurrency = (lot: Pick<LotDto, "estimatedValue"> | undefined): string => lot?.estimatedValue?.currency ?? "EUR";

export interface LotGroup {
  lot: number;
  /** The lot's title; null for a lot the tender no longer has (an amendment removed it). */
  title: string | null;
  currency: string;
  /** By title, as the server lists them; ties by id so that the order never jumps. */
  packages: WorkPackageDto[];
  totalCents: number;
}

const byTitle = (a: WorkPackageDto, b: WorkPackageDto): number =>
  a.title.localeCompare(b.title, "it") || a.id.localeCompare(b.id);

/**
 * One group per lot of the tender, in the tender's order, even those without packages (the bid does not cover
 * them yet); then any lot the packages name that the tender no longer has.
 */
export function lotGroups(packages: readonly WorkPackageDto[], lots: readonly Pick<LotDto, "number" | "title" | "estimatedValue">[]): LotGroup[] {
  const group = (lot: number, title: string | null, currency: string): LotGroup => {
    const own = packages.filter((p) => p.lot === lot).sort(byTitle);
    return { lot, title, currency: own[0]?.price.currency ?? currency, packages: own, totalCents: sumCents(own.map((p) => centsOf(p.price.amount))) };
  };
  const known = new Set(lots.map((l) => l.number));
  const others = [...new Set(packages.map((p) => p.lot).filter((n) => !known.has(n)))].sort((a, b) => a - b);
  return [...lots.map((l) => group(l.number, l.title, lotCurrency(l))), ...others.map((n) => group(n, null, "EUR"))];
}

export interface Total {
  currency: string;
  cents: number;
}

/** The grand total: one sum per currency (every lot is in EUR today, but an amount is never added across currencies). */
export function grandTotals(groups: readonly LotGroup[]): Total[] {
  const totals = new Map<string, number>();
  for (const g of groups) if (g.packages.length > 0) totals.set(g.currency, (totals.get(g.currency) ?? 0) + g.totalCents);
  return [...totals].map(([currency, cents]) => ({ currency, cents }));
}

export interface ShareRow {
  firm: NamedDto;
  cents: number;
  currency: string;
  /** As the server rounds it: two decimals, the rows adding up to exactly 100. */
  percent: number;
  /** How many packages the firm takes on. */
  packages: number;
}

/** The firms' shares, the largest first (then by name), with the count of their packages. */
export function shareRows(shares: readonly FirmShareDto[], packages: readonly WorkPackageDto[]): ShareRow[] {
  return shares
    .map((s) => ({
      firm: s.firm,
      cents: centsOf(s.amount.amount),
      currency: s.amount.currency,
      percent: s.percent,
      packages: packages.filter((p) => p.firm.id.toLowerCase() === s.firm.id.toLowerCase()).length,
    }))
    .sort((a, b) => b.cents - a.cents || a.firm.name.localeCompare(b.firm.name, "it"));
}

/** A bar's width for a percentage: never beyond the track, and a sliver for a share too small to see. */
export const barWidth = (percent: number): number => (percent <= 0 ? 0 : Math.min(100, Math.max(1, percent)));
