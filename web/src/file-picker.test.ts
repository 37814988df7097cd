import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { chosenText } from "./file-picker";
import { setLanguage } from "./i18n";

describe("chosenText", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterAll(() => {
    setLanguage("it");
    vi.unstubAllGlobals();
  });

  it("says no file is chosen in the app's language, not the browser's", () => {
    setLanguage("it");
    expect(chosenText([])).toBe("Nessun file scelto");
    setLanguage("en");
    expect(chosenText([])).toBe("No file chosen");
  });

  it("names the files chosen", () => {
    expect(chosenText(["Relazione tecnica.pdf", "Computo.xlsx"])).toBe("Relazione tecnica.pdf, Computo.xlsx");
  });
});
