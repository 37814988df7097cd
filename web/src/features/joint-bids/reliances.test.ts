import { describe, expect, it } from "vitest";
import { addedRequest, avvalimentoLots, contractRequest, lotCategories, removedRequest } from "./reliances";

const requirements = (avvalimentoAllowed: boolean) => ({
  prevailing: { category: "OG1", categoryIt: "", categoryEn: "", amount: 850000, class: "III" as const, classLabel: "III", classAmount: 1033000, maySubcontract: true },
  separable: [{ category: "OS30", categoryIt: "", categoryEn: "", amount: 200000, class: "I" as const, classLabel: "I", classAmount: 258000, maySubcontract: true }],
  subcontractingMaxPercent: null,
  minTurnover: null,
  minSimilarWork: null,
  avvalimentoAllowed,
});
const tender = {
  lots: [
    { number: 1, title: "Scuola", requirements: requirements(true) },
    { number: 2, title: "Palestra", requirements: requirements(false) },
    { number: 3, title: "Arredi", requirements: null },
  ],
} as unknown as Parameters<typeof avvalimentoLots>[0];
const declared = {
  lot: 1,
  auxiliary: { id: "aux", name: "Neri" },
  relyingFirm: { id: "member", name: "Bianchi" },
  kind: "Separable" as const,
  category: "OS30",
  class: "I" as const,
  classLabel: "I",
  amount: null,
};

describe("the reliances form", () => {
  it("offers only the lots whose requirements allow avvalimento, and their categories prevailing first", () => {
    expect(avvalimentoLots(tender).map((l) => l.number)).toEqual([1]);
    expect(lotCategories(tender, 1)).toEqual(["OG1", "OS30"]);
    expect(lotCategories(tender, 3)).toEqual([]);
  });

  it("sends the declared reliances with the new one last, a prevailing category as such, from the version read", () => {
    const request = addedRequest({ reliances: [declared], reliancesVersion: 3 }, tender,
      { lot: "1", relyingFirmId: "lead", auxiliaryId: "aux2", category: "OG1", class: "II" });

    expect(request.version).toBe(3);
    expect(request.reliances).toEqual([
      { lot: 1, auxiliaryId: "aux", relyingFirmId: "member", kind: "Separable", category: "OS30", class: "I", amount: null, contractId: null },
      { lot: 1, auxiliaryId: "aux2", relyingFirmId: "lead", kind: "Prevailing", category: "OG1", class: "II", amount: null },
    ]);
  });

  it("links one reliance's avvalimento contract and keeps the others' as they are", () => {
    const linked = { ...declared, contract: { id: "doc1", name: "Contratto.pdf", contentType: "application/pdf", size: 10, sha256: "ab" } };
    const request = contractRequest({ reliances: [linked, declared], reliancesVersion: 5 }, 1, "doc2");

    expect(request.version).toBe(5);
    expect(request.reliances!.map((r) => r.contractId)).toEqual(["doc1", "doc2"]);
    expect(contractRequest({ reliances: [linked], reliancesVersion: 5 }, 0, "").reliances![0]!.contractId).toBeNull();
  });

  it("sends the others when one is removed", () => {
    expect(removedRequest({ reliances: [declared], reliancesVersion: 4 }, 0)).toEqual({ version: 4, reliances: [] });
  });
});
