import { describe, expect, it } from "vitest";
import { rowsOf, sameRows, subcontractableLots, subcontractsRequest, typedLotSum, workChoices, type SubcontractRow } from "./subcontracts";

const installer = "6F1C0C2E-0000-4000-8000-000000000001";
const pkg = "AB000000-0000-4000-8000-000000000002";

const lots = [
  {
    number: 1,
    title: "Scuola",
    requirements: {
      prevailing: { category: "OG1", categoryIt: "Edifici civili e industriali", categoryEn: "Civil and industrial buildings", maySubcontract: true },
      separable: [
        { category: "OS30", categoryIt: "Impianti interni elettrici", categoryEn: "Internal electrical systems", maySubcontract: true },
        { category: "OS28", categoryIt: "Impianti termici", categoryEn: "Heating systems", maySubcontract: false },
      ],
      subcontractingMaxPercent: 30,
    },
  },
  { number: 2, title: "Rete", requirements: null },
] as unknown as Parameters<typeof subcontractableLots>[0]["lots"];

const row = (patch: Partial<SubcontractRow>): SubcontractRow => ({ lot: "1", work: "cat:OS30", percent: "30", who: "later", name: "", ...patch });

describe("subcontracting declarations as the form holds them", () => {
  it("offers only the lots the buyer lets be subcontracted, and only the categories it does not keep", () => {
    expect(subcontractableLots({ lots })).toEqual([{ number: 1, title: "Scuola", max: 30 }]);
    const choices = workChoices({ lots }, { workPackages: [{ id: pkg, lot: 1, title: "Impianti" }] as never }, 1, "it");
    expect(choices.map((c) => c.value)).toEqual(["cat:OG1", "cat:OS30", `pkg:${pkg.toLowerCase()}`]);
    expect(choices[1]!.label).toBe("OS30 · Impianti interni elettrici");
  });

  it("sends each row with its work, share as a number and subcontractor, and names a share that is not a number", () => {
    const { request, invalid } = subcontractsRequest(
      [row({ percent: "12,5", who: `firm:${installer.toLowerCase()}` }), row({ work: `pkg:${pkg}`, percent: "", who: "name", name: "Gialli" }), row({ percent: "tre" })],
      4,
    );
    expect(invalid).toEqual([2]);
    expect(request).toEqual({
      version: 4,
      subcontracts: [
        { lot: 1, packageId: null, category: "OS30", percent: 12.5, firmId: installer.toLowerCase(), name: null },
        { lot: 1, packageId: pkg, category: null, percent: null, firmId: null, name: "Gialli" },
        { lot: 1, packageId: null, category: "OS30", percent: null, firmId: null, name: null },
      ],
    });
  });

  it("reads the saved declarations back in the reader's language and sums a lot as typed", () => {
    const rows = rowsOf(
      {
        subcontracts: [
          { lot: 1, packageId: null, packageTitle: null, category: "OS30", categoryIt: "", categoryEn: "", percent: 12.5, firm: { id: installer, name: "Bianchi" }, name: null },
          { lot: 1, packageId: pkg, packageTitle: "Impianti", category: null, categoryIt: null, categoryEn: null, percent: 5, firm: null, name: null },
        ],
      },
      "it",
    );
    expect(rows).toEqual([
      { lot: "1", work: "cat:OS30", percent: "12,5", who: `firm:${installer.toLowerCase()}`, name: "" },
      { lot: "1", work: `pkg:${pkg.toLowerCase()}`, percent: "5", who: "later", name: "" },
    ]);
    expect(typedLotSum(rows, 1)).toBe(17.5);
    expect(typedLotSum([...rows, row({ percent: "x" })], 1)).toBeNull();
    expect(sameRows(rows, rows.map((r) => ({ ...r, percent: r.percent.replace(",", ".") })))).toBe(true);
    expect(sameRows(rows, rows.slice(1))).toBe(false);
  });
});
