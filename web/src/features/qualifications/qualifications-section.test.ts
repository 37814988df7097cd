import { describe, expect, it } from "vitest";
import { qualificationsRequest } from "./qualifications-section";

describe("qualificationsRequest", () => {
  const row = { category: "OG1", class: "III" as const, expires: "2028-03-31", issuedBy: "SOA Centro S.p.A." };

  it("reads amounts as typed in Italian or English and sends the year as a number", () => {
    const body = qualificationsRequest(4, [row], { lastYear: "2025", turnover: "1.250.000,50", similarWork: "300.000" });

    expect(body).toEqual({
      version: 4,
      attestations: [{ category: "OG1", class: "III", expires: "2028-03-31", issuedBy: "SOA Centro S.p.A." }],
      figures: { lastYear: 2025, turnover: 1250000.5, similarWork: 300000 },
    });
  });

  it("sends no figures when all three are blank, and no expiry when none is chosen, so the server names it", () => {
    const body = qualificationsRequest(1, [{ ...row, expires: "" }], { lastYear: " ", turnover: "", similarWork: "" });

    expect(body.figures).toBeNull();
    expect(body.attestations?.[0]?.expires).toBeNull();
  });

  it("sends a figure that is no number as such, and a blank one beside others as zero", () => {
    const body = qualificationsRequest(1, [], { lastYear: "2024", turnover: "molto", similarWork: "" });

    expect(body.figures?.turnover).toBeNaN();
    expect(body.figures?.similarWork).toBe(0);
  });
});
