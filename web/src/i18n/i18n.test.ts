import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  currentLanguage,
  detectLanguage,
  dictionaries,
  featureTexts,
  initI18n,
  initialLanguage,
  localized,
  setLanguage,
  t,
  tn,
} from ".";

describe("dictionaries", () => {
  it("have the same keys in Italian and English", () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.it).sort());
  });

  it("take each key from one feature only, so no feature's text silently replaces another's", () => {
    const owners = new Map<string, string[]>();
    for (const [feature, texts] of Object.entries(featureTexts)) {
      for (const key of Object.keys(texts.it)) owners.set(key, [...(owners.get(key) ?? []), feature]);
    }
    const twins = [...owners].filter(([, features]) => features.length > 1);
    expect(twins).toEqual([]);
    expect(owners.size).toBe(Object.keys(dictionaries.it).length);
  });

  it("have no empty text and the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, italian] of Object.entries(dictionaries.it)) {
      const english = dictionaries.en[key as keyof typeof dictionaries.en];
      expect(italian.trim(), key).not.toBe("");
      expect(english.trim(), key).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(italian));
    }
  });

  it("use the glossary's Italian names", () => {
    expect(dictionaries.it["kind.Firm"]).toBe("Impresa");
    expect(dictionaries.it["kind.Association"]).toBe("Associazione");
    expect(dictionaries.it["kind.Buyer"]).toBe("Committente");
    expect(dictionaries.it["role.Owner"]).toBe("Titolare");
    expect(dictionaries.it["role.Manager"]).toBe("Gestore");
    expect(dictionaries.it["role.Viewer"]).toBe("Lettore");
    expect(dictionaries.it["size.Small"]).toBe("Piccola impresa");
  });
});

describe("detectLanguage", () => {
  it.each([
    [["it-IT", "en"], "it"],
    [["it"], "it"],
    [["en-US", "it-IT"], "en"],
    [["de-DE", "it-CH", "en"], "it"],
    [["fr-FR", "en-GB", "it"], "en"],
    [["IT_it"], "it"],
    [["de", "fr"], "en"],
    [[], "en"],
  ] as [string[], string][])("%j → %s", (languages, expected) => {
    expect(detectLanguage(languages)).toBe(expected);
  });

  it("prefers a remembered choice over the browser", () => {
    expect(initialLanguage("en", ["it-IT"])).toBe("en");
    expect(initialLanguage("it", ["en-US"])).toBe("it");
    expect(initialLanguage("xx", ["it-IT"])).toBe("it");
    expect(initialLanguage(null, ["en-US"])).toBe("en");
  });
});

describe("switching language", () => {
  const stored = new Map<string, string>();

  beforeEach(() => {
    stored.clear();
    vi.stubGlobal("localStorage", {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    vi.stubGlobal("navigator", { languages: ["it-IT", "en"], language: "it-IT" });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("writes one full stop after a name that ends with one (S.r.l., S.n.c.)", () => {
    initI18n();
    expect(t("inbox.empty", { firm: "Edil Rossi S.r.l." })).toBe("Nessun avviso per Edil Rossi S.r.l.");
    expect(t("inbox.empty", { firm: "Edil Rossi" })).toBe("Nessun avviso per Edil Rossi.");
  });

  it("starts from the browser, then remembers the switch and updates <html lang>", () => {
    initI18n();
    expect(currentLanguage()).toBe("it");
    expect(document.documentElement.lang).toBe("it");
    expect(t("role.Owner")).toBe("Titolare");

    setLanguage("en");
    expect(stored.get("lang")).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    expect(t("role.Owner")).toBe("Owner");

    initI18n(); // a later visit
    expect(currentLanguage()).toBe("en");
  });

  it("fills placeholders, plural forms and localized labels", () => {
    setLanguage("it");
    expect(t("directory.pageOf", { page: 2, pages: 5 })).toBe("Pagina 2 di 5");
    expect(tn("directory.capabilities", 1)).toBe("1 competenza");
    expect(tn("directory.capabilities", 3)).toBe("3 competenze");
    expect(localized("Lavori di costruzione", "Construction work")).toBe("Lavori di costruzione");
    expect(localized("", "Construction work")).toBe("Construction work");

    setLanguage("en");
    expect(tn("directory.count", 1)).toBe("1 result");
    expect(tn("directory.count", 0)).toBe("0 results");
    expect(localized("Lavori di costruzione", "Construction work")).toBe("Construction work");
  });
});
