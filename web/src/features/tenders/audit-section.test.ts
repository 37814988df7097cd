import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../i18n";
import { auditKind, auditVerdict } from "./audit-section";

beforeAll(() => {
  vi.stubGlobal("localStorage", { setItem: () => undefined });
  vi.stubGlobal("document", { documentElement: { lang: "" } });
});
afterAll(() => vi.unstubAllGlobals());

describe("auditKind", () => {
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

describe("auditVerdict", () => {
  it("says in plain words the public log is intact whether or not a seal covers it yet, and names what was altered otherwise", () => {
    setLanguage("en");
    expect(auditVerdict({ finding: "Holds", firstBroken: null, links: 4 })).toBe("The public log is intact: 4 entries verified.");
    expect(auditVerdict({ finding: "NotCheckpointed", firstBroken: null, links: 1 })).toBe("The public log is intact: 1 entry verified.");
    expect(auditVerdict({ finding: "BrokenLink", firstBroken: 3, links: 4 })).toContain("altered at entry 3");
    expect(auditVerdict({ finding: "Rewritten", firstBroken: 5, links: 4 })).toContain("no longer holds entry 5");
    setLanguage("it");
    expect(auditVerdict({ finding: "BadSignature", firstBroken: null, links: 4 })).toContain("non è firmato con la chiave del server");
  });
});
