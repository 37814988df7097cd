import { describe, expect, it } from "vitest";
import type { SpaceOutcomesDto } from "../../api/types";
import { currentRows, formatMeasure, plannableQuarters, quarterLabel, targetDraft, targetsRequest, trendSeries } from "./outcomes-data";

const quarter = (q: string, jointBids: { actual: number | null; target: number | null }) => ({
  quarter: q, start: "", end: "",
  measures: [
    { measure: "JointBids" as const, ...jointBids },
    { measure: "TerritoryShare" as const, actual: null, target: 60.5 },
  ],
});

const outcomes: SpaceOutcomesDto = {
  currentQuarter: "2026-Q4",
  hasTerritory: true,
  quarters: [quarter("2026-Q3", { actual: 3, target: 2 }), quarter("2026-Q4", { actual: 1, target: 2 }), quarter("2027-Q1", { actual: 0, target: 5 })],
};

describe("outcomes", () => {
  it("reads the quarter under way against its target and the previous quarter", () => {
    const joint = currentRows(outcomes).find((r) => r.measure === "JointBids")!;
    expect(joint).toMatchObject({ actual: 1, target: 2, progress: 0.5, previousActual: 3, previousTarget: 2 });
    expect(currentRows(outcomes).find((r) => r.measure === "LotsWon")!.progress).toBeNull();
  });

  it("draws the trend up to the quarter under way, not the quarters planned ahead", () => {
    expect(trendSeries(outcomes, "JointBids", "en")).toEqual({ labels: ["Q3 2026", "Q4 2026"], actual: [3, 1], target: [2, 2] });
  });

  it("names quarters and values in the reader's language", () => {
    expect(quarterLabel("2026-Q4", "it")).toBe("4° trim. 2026");
    expect(formatMeasure("TerritoryShare", 60.5, "it")).toBe("60,5%");
    expect(formatMeasure("JointBids", null, "en")).toBe("—");
  });

  it("offers the quarters shown and a year ahead, and fills the form as one types in the language", () => {
    expect(plannableQuarters(outcomes)).toEqual(["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]);
    expect(targetDraft(outcomes, "2026-Q4", "it").TerritoryShare).toBe("60,5");
    expect(targetDraft(outcomes, "2026-Q4", "en").TerritoryShare).toBe("60.5");
  });

  it("sends every measure, an empty field removing its target, and keeps back what is no number", () => {
    const draft = { ...targetDraft(outcomes, "2026-Q4", "it"), JointBids: " 3 ", ValueWon: "" };
    const request = targetsRequest("2026-Q4", draft);
    expect("targets" in request && request.targets.find((t) => t.measure === "JointBids")?.value).toBe(3);
    expect("targets" in request && request.targets.find((t) => t.measure === "TerritoryShare")?.value).toBe(60.5);
    expect("targets" in request && request.targets.find((t) => t.measure === "ValueWon")?.value).toBeNull();
    expect(targetsRequest("2026-Q4", { ...draft, LotsWon: "tre" })).toEqual({ invalid: ["LotsWon"] });
  });
});
