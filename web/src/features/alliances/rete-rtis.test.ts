import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../i18n";
import { reteShown, stageText } from "./rete-rtis";
import { allianceDto } from "./test-fixtures";

beforeAll(() => {
  vi.stubGlobal("localStorage", { setItem: () => undefined });
  vi.stubGlobal("document", { documentElement: { lang: "" } });
});
afterAll(() => {
  setLanguage("it");
  vi.unstubAllGlobals();
});

describe("a rete's RTIs", () => {
  it("say how far each RTI got, the lots won counted, in both languages", () => {
    setLanguage("it");
    expect(stageText({ stage: "Forming", lotsWon: 0 })).toBe("In formazione");
    expect(stageText({ stage: "LotsWon", lotsWon: 1 })).toBe("1 lotto vinto");
    expect(stageText({ stage: "LotsWon", lotsWon: 2 })).toBe("2 lotti vinti");
    setLanguage("en");
    expect(stageText({ stage: "BidSubmitted", lotsWon: 0 })).toBe("Bid submitted");
    expect(stageText({ stage: "NoBid", lotsWon: 0 })).toBe("No bid submitted");
    expect(stageText({ stage: "Bidding", lotsWon: 0 })).toBe("In the tender (whether it bid is told when bids close)");
    expect(stageText({ stage: "LotsWon", lotsWon: 3 })).toBe("3 lots won");
  });

  it("are shown on a standing alliance's page to its active firms' people only, never on an RTI's", () => {
    const rete = allianceDto({ tender: null, actions: { allowed: ["Watch"], blocked: [] } });
    expect(reteShown(rete)).toBe(true);
    expect(reteShown({ ...rete, actions: { allowed: [], blocked: [] } })).toBe(false);
    expect(reteShown({ ...rete, tender: { id: "t", name: "Gara" } })).toBe(false);
  });
});
