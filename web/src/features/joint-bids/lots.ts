// The work packages as the table shows them: one group per lot of the tender with the lot's price as the server
// adds it up (JointBidDto.lotPrices), and the grand total of those prices per currency.
import type { JointBidDto, LotDto, WorkPackageDto } from "../../api/types";
import { centsOf } from "./money";

export interface LotGroup {
  lot: number;
  /** The lot's title; null for a lot the tender no longer has (an amendment removed it). */
  title: string | null;
  /** By title, as the server lists them; ties by id so that the order never jumps. */
  packages: WorkPackageDto[];
  /** The lot's price as the server added it up; null while the bid has no package for it. */
  price: { cents: number; currency: string } | null;
}

const byTitle = (a: WorkPackageDto, b: WorkPackageDto): number =>
  a.title.localeCompare(b.title, "it") || a.id.localeCompare(b.id);

/**
 * One group per lot of the tender, in the tender's order, even those without packages (the bid does not cover
 * them yet); then any lot the packages name that the tender no longer has.
 */
export function lotGroups(bid: Pick<JointBidDto, "workPackages" | "lotPrices">, lots: readonly Pick<LotDto, "number" | "title">[]): LotGroup[] {
  const group = (lot: number, title: string | null): LotGroup => {
    const price = bid.lotPrices.find((p) => p.lot === lot)?.price;
    return {
      lot,
      title,
      packages: bid.workPackages.filter((p) => p.lot === lot).sort(byTitle),
      price: price ? { cents: centsOf(price.amount), currency: price.currency } : null,
    };
  };
  const known = new Set(lots.map((l) => l.number));
  const others = [...new Set(bid.workPackages.map((p) => p.lot).filter((n) => !known.has(n)))].sort((a, b) => a - b);
  return [...lots.map((l) => group(l.number, l.title)), ...others.map((n) => group(n, null))];
}

export interface Total {
  currency: string;
  cents: number;
}

/** The grand total of the lots' prices: one sum per currency (an amount is never added across currencies). */
export function grandTotals(groups: readonly LotGroup[]): Total[] {
  const totals = new Map<string, number>();
  for (const g of groups) if (g.price) totals.set(g.price.currency, (totals.get(g.price.currency) ?? 0) + g.price.cents);
  return [...totals].map(([currency, cents]) => ({ currency, cents }));
}
