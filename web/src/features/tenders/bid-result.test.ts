import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../i18n";
import { excludedText } from "./bid-result";

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
