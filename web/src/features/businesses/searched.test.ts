import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../i18n";
import { searchedParts } from "./searched";

const plumbing = { code: "45330000-9", labelIt: "Lavori di idraulica e posa di tubature", labelEn: "Plumbing and sanitary works" };
const drains = { code: "45332000-3", labelIt: "Lavori di installazione di impianti idraulici", labelEn: "Plumbing and drain-laying work" };

describe("what the directory searched", () => {
  // setLanguage remembers the choice and marks the page's language: stand-ins for the browser's.
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterEach(() => setLanguage("it"));
  afterAll(() => vi.unstubAllGlobals());

  it("says the trade with its first code's label, the place and the codes typed, in the reader's language", () => {
    setLanguage("it");
    const searched = {
      codes: [{ code: "45000000-7", labelIt: "Lavori di costruzione", labelEn: "Construction work" }],
      tradeWords: ["idraulico"],
      tradeCodes: [plumbing, drains],
      place: { kind: "Province" as const, name: "Modena" },
      words: ["rossi"],
    };
    const parts = searchedParts(searched);
    expect(parts.map((p) => p.text)).toEqual([
      "mestiere «idraulico»: Lavori di idraulica e posa di tubature (+1)",
      "provincia di Modena",
      "codice 45000000-7 Lavori di costruzione",
    ]);
    expect(parts[0]?.title).toBe("45330000-9 Lavori di idraulica e posa di tubature\n45332000-3 Lavori di installazione di impianti idraulici");

    setLanguage("en");
    expect(searchedParts(searched)[1]?.text).toBe("province of Modena");
  });

  it("says nothing when only plain words were typed", () => {
    expect(searchedParts({ codes: [], tradeWords: [], tradeCodes: [], place: null, words: ["rossi"] })).toEqual([]);
  });
});
