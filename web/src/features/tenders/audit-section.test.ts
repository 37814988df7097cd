import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../i18n";
import { auditKind } from "./audit-section";

describe("auditKind", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterAll(() => vi.unstubAllGlobals());

  it("names the chain's events in the UI's language, and keeps an unknown one as the server names it", () => {
    setLanguage("it");
    expect(auditKind("BidSubmitted")).toBe("Offerta ricevuta");
    expect(auditKind("BidsOpened")).toBe("Apertura delle offerte");
    expect(auditKind("SomethingNew")).toBe("SomethingNew");
    expect(auditKind("toString")).toBe("toString");
    setLanguage("en");
    expect(auditKind("LotAwarded")).toBe("Lot awarded");
  });
});
