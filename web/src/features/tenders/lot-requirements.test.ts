import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../i18n";
import { requirementLines } from "./lot-requirements";

const school = {
  prevailing: { category: "OG1", categoryIt: "Edifici civili e industriali", categoryEn: "Civil and industrial buildings", amount: 850000, class: "III" as const, classLabel: "III", classAmount: 1033000, maySubcontract: true },
  separable: [
    { category: "OS30", categoryIt: "Impianti interni elettrici", categoryEn: "Indoor electrical installations", amount: 200000, class: "I" as const, classLabel: "I", classAmount: 258000, maySubcontract: true },
  ],
  subcontractingMaxPercent: 30,
  minTurnover: null,
  minSimilarWork: null,
  avvalimentoAllowed: false,
};

// Intl's grouping separator is a narrow or plain space depending on the runtime: compare words, not spacing.
const plain = (lines: { text: string }[]) => lines.map((l) => l.text.replace(/\s/g, " "));

beforeAll(() => {
  vi.stubGlobal("localStorage", { setItem: () => undefined });
  vi.stubGlobal("document", { documentElement: { lang: "" } });
});
afterAll(() => {
  setLanguage("it");
  vi.unstubAllGlobals();
});

describe("a lot's requirements in words", () => {
  it("say each category's class and what it allows, and whether its work may be subcontracted, in Italian", () => {
    setLanguage("it");
    expect(plain(requirementLines(school))).toEqual([
      "Categoria prevalente OG1 (Edifici civili e industriali), classe III (fino a 1.033.000 €): lavori per 850.000 €",
      "Scorporabile OS30 (Impianti interni elettrici), classe I (fino a 258.000 €): lavori per 200.000 €, subappaltabile",
      "Subappalto ammesso fino al 30% dell'importo del lotto",
    ]);
  });

  it("say no subcontracting when the lot allows none, without calling a category subcontractable, in English", () => {
    setLanguage("en");
    expect(plain(requirementLines({ ...school, subcontractingMaxPercent: null }))).toEqual([
      "Prevailing category OG1 (Civil and industrial buildings), class III (up to €1,033,000): works of €850,000",
      "Separable OS30 (Indoor electrical installations), class I (up to €258,000): works of €200,000",
      "No subcontracting: the bidder holds every category",
    ]);
  });

  it("say avvalimento is allowed when the buyer allows it, and nothing of it otherwise", () => {
    setLanguage("it");
    expect(plain(requirementLines({ ...school, avvalimentoAllowed: true })).at(-1)).toBe(
      "Avvalimento ammesso: un'impresa può avvalersi dei requisiti di un'impresa ausiliaria, che ne risponde in solido",
    );
    setLanguage("en");
    expect(plain(requirementLines({ ...school, avvalimentoAllowed: true })).at(-1)).toBe(
      "Avvalimento allowed: a firm may rely on an auxiliary firm's requirements, the auxiliary being jointly liable",
    );
    expect(plain(requirementLines(school)).some((l) => l.includes("vvaliment"))).toBe(false);
  });

  it("give services thresholds and class VIII's open upper end", () => {
    setLanguage("it");
    const lines = plain(requirementLines({ ...school, prevailing: { ...school.prevailing, class: "VIII", classLabel: "VIII", amount: 18000000 }, separable: [], minTurnover: 400000 }));
    expect(lines[0]).toContain("classe VIII (oltre 15.494.000 €)");
    expect(lines.at(-1)).toBe("Fatturato globale di almeno 400.000 € negli ultimi tre esercizi");
  });
});
