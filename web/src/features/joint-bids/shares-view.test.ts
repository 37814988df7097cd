import { describe, expect, it } from "vitest";
import { LEAD, MEMBER, SUB } from "../alliances/test-fixtures";
import { firm, workPackage } from "./test-fixtures";
import { barWidth, shareRows } from "./shares-view";

describe("shares", () => {
  it("list the firms by amount, with their packages, the percentages as the server sent them", () => {
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
    expect(shareRows(shares, packages).map((r) => [r.firm.name, r.cents, r.percent, r.packages])).toEqual([
      ["Edil Rossi", 100001, 33.34, 2],
      ["Impianti Bianchi", 100000, 33.33, 1],
      ["Verdi Serramenti", 100000, 33.33, 1],
    ]);
  });

  it("draw bars within the track, a sliver for a tiny share", () => {
    expect([barWidth(0), barWidth(0.01), barWidth(42.5), barWidth(100), barWidth(101)]).toEqual([0, 1, 42.5, 100, 100]);
  });
});
