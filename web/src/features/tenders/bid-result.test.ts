import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../i18n";
import { excludedByBuyerText, excludedText } from "./bid-result";

beforeAll(() => {
  vi.stubGlobal("localStorage", { setItem: () => undefined });
  vi.stubGlobal("document", { documentElement: { lang: "" } });
});
afterAll(() => vi.unstubAllGlobals());

describe("excludedText", () => {
  it("tells a bidder its bid was excluded at opening and why, in the UI's language", () => {
    setLanguage("it");
    expect(excludedText("Unreadable")).toBe(
      "La vostra offerta è stata esclusa all'apertura e non entra in graduatoria. Motivo: Il contenuto memorizzato non si può decifrare: è stato alterato. Il committente vede lo stesso motivo; per chiarimenti rivolgetevi al committente.",
    );
    setLanguage("en");
    expect(excludedText("DoesNotMatchReceipt")).toContain("Your bid was excluded at opening and is not ranked. Reason: Its stored content does not match the check code on its receipt.");
  });
});

describe("excludedByBuyerText", () => {
  it("tells a bidder the buyer excluded its bid, when and for the buyer's reason, ending it as a sentence once", () => {
    setLanguage("it");
    const text = excludedByBuyerText({ reason: "DURC irregolare", at: "2026-03-05T10:00:00Z" });
    expect(text).toMatch(/^Il committente ha escluso la vostra offerta il 5 mar 2026, [0-9:]+: non entra in graduatoria\. Motivo: DURC irregolare\.$/);
    setLanguage("en");
    expect(excludedByBuyerText({ reason: "Unpaid social security contributions.", at: "2026-03-05T10:00:00Z" })).toMatch(
      /^The buyer excluded your bid on .*: it is not ranked\. Reason: Unpaid social security contributions\.$/,
    );
  });
});
