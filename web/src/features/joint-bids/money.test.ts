import { describe, expect, it } from "vitest";
import { amountOf, centsOf, decimalToCents, formatCents, MAX_CENTS, parsePrice, priceInput, sumCents } from "./money";

describe("money in cents", () => {
  it("reads the API's amounts digit by digit", () => {
    expect(centsOf(1250000.5)).toBe(125000050);
    expect(centsOf(0.07)).toBe(7);
    expect(centsOf(19.99)).toBe(1999);
    expect(centsOf(1_000_000_000_000)).toBe(MAX_CENTS);
    expect(centsOf(999_999_999_999.99)).toBe(99_999_999_999_999);
    expect(decimalToCents("12.345")).toBeNull();
    expect(decimalToCents("-1")).toBeNull();
  });

  it("adds exactly where floats do not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumCents([0.1, 0.2].map(centsOf))).toBe(30);
    // A thousand packages of € 0,01 are € 10,00, not 9.999999999999831.
    expect(sumCents(Array.from({ length: 1000 }, () => centsOf(0.01)))).toBe(1000);
    expect(amountOf(sumCents([centsOf(1234.56), centsOf(0.44)]))).toBe(1235);
  });

  it("send back the decimal itself", () => {
    for (const cents of [1, 7, 10, 30, 1999, 123456, 125000050, 99_999_999_999_999])
      expect(JSON.stringify({ amount: amountOf(cents) })).toBe(`{"amount":${(cents / 100).toString()}}`);
    expect(JSON.stringify(amountOf(30))).toBe("0.3");
    expect(JSON.stringify(amountOf(99_999_999_999_999))).toBe("999999999999.99");
  });

  it("read a price typed in either language, or say what is wrong with it", () => {
    expect(parsePrice("1.234,56")).toEqual({ cents: 123456 });
    expect(parsePrice("1,234.56")).toEqual({ cents: 123456 });
    expect(parsePrice("1234,5")).toEqual({ cents: 123450 });
    expect(parsePrice("€ 98 500")).toEqual({ cents: 9850000 });
    expect(parsePrice("1.000")).toEqual({ cents: 100000 });
    expect(parsePrice(" ")).toEqual({ problem: "missing" });
    expect(parsePrice("molto")).toEqual({ problem: "notNumber" });
    expect(parsePrice("-5")).toEqual({ problem: "notNumber" });
    expect(parsePrice("12,345")).toEqual({ problem: "decimals" }); // a lone comma is the decimal separator
    expect(parsePrice("12.3456")).toEqual({ problem: "decimals" });
    expect(parsePrice("0,00")).toEqual({ problem: "notPositive" });
    expect(parsePrice("1000000000000,01")).toEqual({ problem: "tooLarge" });
    expect(parsePrice("99999999999999999999")).toEqual({ problem: "tooLarge" });
  });

  it("show money in the UI's language", () => {
    expect(formatCents(125000050, "EUR", "it")).toMatch(/^1\.250\.000,50\s€$/);
    expect(formatCents(125000000, "EUR", "en")).toBe("€1,250,000.00");
    expect(formatCents(30, "XYZ1", "it")).toBe("0,30 XYZ1");
    expect(priceInput({ amount: 1250000.5, currency: "EUR" }, "it")).toBe("1250000,5");
    expect(priceInput({ amount: 1250000.5, currency: "EUR" }, "en")).toBe("1250000.5");
  });
});
