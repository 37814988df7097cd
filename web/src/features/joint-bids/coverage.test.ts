import { describe, expect, it } from "vitest";
import type { CoverageDto } from "../../api/types";
import { LEAD, MEMBER } from "../alliances/test-fixtures";
import { codeLabel, coverageModel } from "./coverage";
import { ALLIANCE, firm } from "./test-fixtures";

const building = { code: "45210000-2", labelIt: "Lavori di costruzione di edifici", labelEn: "Building construction work" };
const electrical = { code: "45310000-3", labelIt: "Lavori di installazione elettrica", labelEn: "Electrical installation work" };
const roofing = { code: "45261000-4", labelIt: "Lavori di copertura", labelEn: "" };

const coverage: CoverageDto = {
  allianceId: ALLIANCE,
  lots: [
    {
      lot: 1,
      title: "Opere edili",
      covered: false,
      codes: [
        { code: building, coveredBy: [firm(MEMBER), firm(LEAD)], covered: true },
        { code: roofing, coveredBy: [], covered: false },
      ],
    },
    { lot: 2, title: "Impianti", covered: true, codes: [{ code: electrical, coveredBy: [firm(MEMBER)], covered: true }] },
    { lot: 3, title: "Coperture", covered: false, codes: [{ code: roofing, coveredBy: [], covered: false }] },
  ],
  gaps: [roofing, roofing],
};

describe("the coverage matrix", () => {
  it("shows each lot's codes with the firms covering them, and the gaps", () => {
    const model = coverageModel(coverage, "it");
    expect(model.lots.map((l) => [l.lot, l.covered, l.coveredCount, l.codes.length])).toEqual([
      [1, false, 1, 2],
      [2, true, 1, 1],
      [3, false, 0, 1],
    ]);
    expect(model.lots[0]!.codes.map((c) => [c.code, c.label, c.firms.map((f) => f.name), c.gap])).toEqual([
      ["45210000-2", "Lavori di costruzione di edifici", ["Edil Rossi", "Impianti Bianchi"], false],
      ["45261000-4", "Lavori di copertura", [], true],
    ]);
    expect(model.gaps).toEqual([{ code: "45261000-4", label: "Lavori di copertura" }]);
    expect(model.firms.map((f) => f.name)).toEqual(["Edil Rossi", "Impianti Bianchi"]);
  });

  it("labels the codes in the UI's language, else the other one, else the code", () => {
    expect(codeLabel(building, "en")).toBe("Building construction work");
    expect(codeLabel(roofing, "en")).toBe("Lavori di copertura");
    expect(codeLabel({ code: "99", labelIt: " ", labelEn: "" }, "it")).toBe("99");
  });

  it("takes the server's word on what is covered, with no rule of its own", () => {
    // A code the server calls covered counts as covered, whoever it names: the matching is the server's.
    const byServer: CoverageDto = {
      ...coverage,
      lots: [{ lot: 1, title: "Opere edili", covered: true, codes: [{ code: building, coveredBy: [], covered: true }] }],
    };
    const lot = coverageModel(byServer, "it").lots[0]!;
    expect([lot.covered, lot.coveredCount, lot.codes[0]!.gap]).toEqual([true, 1, false]);
  });
});
