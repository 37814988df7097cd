import { describe, expect, it } from "vitest";
import { tenderDto } from "../tenders/test-fixtures";
import { jointBidDto, workPackage } from "./test-fixtures";
import { grandTotals, lotGroups } from "./lots";

const lots = tenderDto().lots;

describe("work packages by lot", () => {
  it("group by the tender's lots in its order, by title within a lot, each with the price the server added up", () => {
    const bid = jointBidDto({
      workPackages: [
        workPackage("p3", { lot: 2, title: "Quadri elettrici" }),
        workPackage("p1", { lot: 1, title: "Scavi" }),
        workPackage("p2", { lot: 2, title: "Cablaggio" }),
        workPackage("p4", { lot: 1, title: "Demolizioni" }),
      ],
      lotPrices: [
        { lot: 1, price: { amount: 1250000.99, currency: "EUR" } },
        { lot: 2, price: { amount: 0.3, currency: "EUR" } },
      ],
    });
    const groups = lotGroups(bid, lots);
    expect(groups.map((g) => [g.lot, g.title, g.packages.map((p) => p.id), g.price?.cents])).toEqual([
      [1, "Opere edili", ["p4", "p1"], 125000099],
      [2, "Impianti", ["p2", "p3"], 30],
    ]);
    expect(grandTotals(groups)).toEqual([{ currency: "EUR", cents: 125000129 }]);
  });

  it("keep the lots nobody bids for yet, and the lots an amendment removed", () => {
    const bid = jointBidDto({ workPackages: [workPackage("p1", { lot: 7 })], lotPrices: [{ lot: 7, price: { amount: 1000, currency: "EUR" } }] });
    expect(lotGroups(bid, lots).map((g) => [g.lot, g.title, g.packages.length, g.price?.cents ?? null])).toEqual([
      [1, "Opere edili", 0, null],
      [2, "Impianti", 0, null],
      [7, null, 1, 100000],
    ]);
    expect(grandTotals(lotGroups(jointBidDto(), lots))).toEqual([]);
  });

  it("never add amounts across currencies", () => {
    const bid = jointBidDto({
      lotPrices: [
        { lot: 1, price: { amount: 10, currency: "EUR" } },
        { lot: 2, price: { amount: 5.5, currency: "CHF" } },
      ],
    });
    expect(grandTotals(lotGroups(bid, lots))).toEqual([
      { currency: "EUR", cents: 1000 },
      { currency: "CHF", cents: 550 },
    ]);
  });
});
