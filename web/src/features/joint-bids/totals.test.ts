import { describe, expect, it } from "vitest";
import { LEAD, MEMBER, SUB } from "../alliances/test-fixtures";
import { tenderDto } from "../tenders/test-fixtures";
import { firm, workPackage } from "./test-fixtures";
import { barWidth, grandTotals, lotCurrency, lotGroups, shareRows } from "./totals";

const lots = tenderDto().lots;

describe("work packages by lot", () => {
  it("group by the tender's lots in its order, by title within a lot, with exact subtotals", () => {
    const packages = [
      workPackage("p3", { lot: 2, title: "Quadri elettrici", price: { amount: 0.2, currency: "EUR" } }),
      workPackage("p1", { lot: 1, title: "Scavi", price: { amount: 1250000.5, currency: "EUR" } }),
      workPackage("p2", { lot: 2, title: "Cablaggio", price: { amount: 0.1, currency: "EUR" } }),
      workPackage("p4", { lot: 1, title: "Demolizioni", price: { amount: 0.49, currency: "EUR" } }),
    ];
    const groups = lotGroups(packages, lots);
    expect(groups.map((g) => [g.lot, g.title, g.packages.map((p) => p.id), g.totalCents])).toEqual([
      [1, "Opere edili", ["p4", "p1"], 125000099],
      [2, "Impianti", ["p2", "p3"], 30],
    ]);
    expect(grandTotals(groups)).toEqual([{ currency: "EUR", cents: 125000129 }]);
  });

  it("keep the lots nobody bids for yet, and the lots an amendment removed", () => {
    const groups = lotGroups([workPackage("p1", { lot: 7 })], lots);
    expect(groups.map((g) => [g.lot, g.title, g.packages.length, g.totalCents])).toEqual([
      [1, "Opere edili", 0, 0],
      [2, "Impianti", 0, 0],
      [7, null, 1, 100000],
    ]);
    expect(grandTotals(lotGroups([], lots))).toEqual([]);
  });

  it("never add amounts across currencies", () => {
    const groups = lotGroups(
      [workPackage("a", { lot: 1, price: { amount: 10, currency: "EUR" } }), workPackage("b", { lot: 2, price: { amount: 5.5, currency: "CHF" } })],
      lots,
    );
    expect(grandTotals(groups)).toEqual([
      { currency: "EUR", cents: 1000 },
      { currency: "CHF", cents: 550 },
    ]);
    expect(lotCurrency(lots[1])).toBe("EUR");
    expect(lotCurrency({ estimatedValue: { amount: 1, currency: "CHF" } })).toBe("CHF");
  });
});

describe("shares", () => {
  it("list the firms by amount, with their packages, the percentages as the server rounds them", () => {
    const packages = [
      workPackage("a", { firm: firm(MEMBER) }),
      workPackage("b", { firm: firm(LEAD) }),
      workPackage("c", { firm: firm(SUB) }),
      workPackage("d", { firm: firm(LEAD) }),
    ];
    const shares = [
      { firm: firm(MEMBER), amount: { amount: 1000, currency: "EUR" }, percent: 33.33 },
      { firm: firm(LEAD), amount: { amount: 1000.01, currency: "EUR" }, percent: 33.34 },
      { firm: firm(SUB), amount: { amount: 1000, currency: "EUR" }, percent: 33.33 },
    ];
    const rows = shareRows(shares, packages);
    expect(rows.map((r) => [r.firm.name, r.cents, r.percent, r.packages])).toEqual([
      ["Edil Rossi", 100001, 33.34, 2],
      ["Impianti Bianchi", 100000, 33.33, 1],
      ["Verdi Serramenti", 100000, 33.33, 1],
    ]);
    expect(rows.reduce((sum, r) => sum + Math.round(r.percent * 100), 0)).toBe(10000);
  });

  it("draw bars within the track, a sliver for a tiny share", () => {
    expect([barWidth(0), barWidth(0.01), barWidth(42.5), barWidth(100), barWidth(101)]).toEqual([0, 1, 42.5, 100, 100]);
  });
});
