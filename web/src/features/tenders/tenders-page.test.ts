import { describe, expect, it } from "vitest";
import { searchQuery } from "./tenders-page";

describe("searchQuery", () => {
  const none = { q: "", status: "" as const, minValue: "", maxValue: "", closingWithinDays: "" };

  it("leaves out the filters a person left empty", () => {
    expect(searchQuery(none, 1)).toEqual({ q: "", page: 1, pageSize: 20 });
  });

  it("sends the status, the value range and the days as numbers", () => {
    expect(searchQuery({ q: "idraulico a Modena", status: "Open", minValue: "50000", maxValue: " 200000 ", closingWithinDays: "14" }, 2))
      .toEqual({ q: "idraulico a Modena", status: "Open", minValue: 50000, maxValue: 200000, closingWithinDays: 14, page: 2, pageSize: 20 });
  });

  it("does not send a value that is not a number", () => {
    expect(searchQuery({ ...none, minValue: "abc" }, 1)).toEqual({ q: "", page: 1, pageSize: 20 });
  });
});
