import { coded } from "../../api/problem";
import { describe, expect, it } from "vitest";
import { LEAD, MEMBER } from "../alliances/test-fixtures";
import { tenderDto } from "../tenders/test-fixtures";
import { buildPackageRequest, newPackageFields, packageFields, samePackage } from "./package-form";
import { firm, workPackage } from "./test-fixtures";

const lots = tenderDto().lots;

describe("the work package form", () => {
  it("sends a new package in the lot's currency as the server gives it, the price as the exact decimal", () => {
    const fields = { ...newPackageFields(2, MEMBER), title: "  Impianto elettrico ", price: "98.500,10", description: " " };
    // Lot 2 states no estimated value: its currency is still the server's word, not a default of the client's.
    const francs = lots.map((l) => (l.number === 2 ? { ...l, currency: "CHF" } : l));
    const built = buildPackageRequest({ id: null, version: 7 }, fields, francs);
    expect(built).toEqual({
      errors: {},
      body: { id: null, version: 0, title: "Impianto elettrico", lot: 2, description: null, firmId: MEMBER, price: { amount: 98500.1, currency: "CHF" } },
    });
    expect(JSON.stringify(built.body.price)).toBe('{"amount":98500.1,"currency":"CHF"}');
  });

  it("sends an existing package at the version it was read", () => {
    const p = workPackage("p1", { version: 4, description: "Scavi e reinterri", price: { amount: 0.3, currency: "EUR" } });
    const built = buildPackageRequest({ id: p.id, version: p.version }, packageFields(p, "en"), lots);
    expect(built.errors).toEqual({});
    expect(built.body).toMatchObject({ id: "p1", version: 4, lot: 1, firmId: LEAD, description: "Scavi e reinterri", price: { amount: 0.3 } });
  });

  it("stops only a price it cannot read, and sends the rest for the server to check", () => {
    const built = buildPackageRequest({ id: null, version: 0 }, { title: " ", lot: "", firmId: "", price: "1,234", description: "x" }, lots);
    expect(built.errors).toEqual({ "price.amount": [coded("money.nonZeroAmount")] });
    expect(buildPackageRequest({ id: null, version: 0 }, { ...newPackageFields(9, ""), title: " ", price: "1" }, lots)).toEqual({
      errors: {},
      body: { id: null, version: 0, title: "", lot: 9, description: null, firmId: "00000000-0000-0000-0000-000000000000", price: { amount: 1, currency: "" } },
    });
  });

  it("tells the same package however it is written", () => {
    const p = packageFields(workPackage("p1", { firm: firm(LEAD), description: "Scavi" }), "it");
    expect(samePackage(p, { ...p, title: ` ${p.title} `, firmId: LEAD.toUpperCase(), price: "1.000,00", description: "Scavi\n" })).toBe(true);
    expect(samePackage(p, { ...p, lot: "2" })).toBe(false);
    expect(samePackage(p, { ...p, price: "1000,01" })).toBe(false);
  });
});
