import { describe, expect, it } from "vitest";
import { firmTeamShown } from "../businesses/firm-team-feed";
import { shareWonLines, valueWonLines } from "./ledger-rules";

describe("relationship ledger", () => {
  it("(like the firm's alliances) is shown on a firm's page to its people in any role, and to nobody else", () => {
    expect(firmTeamShown("Firm", "Owner")).toBe(true);
    expect(firmTeamShown("Firm", "Manager")).toBe(true);
    expect(firmTeamShown("Firm", "Viewer")).toBe(true);
    expect(firmTeamShown("Firm", null)).toBe(false);
    expect(firmTeamShown("Buyer", "Owner")).toBe(false);
    expect(firmTeamShown("Association", "Owner")).toBe(false);
    expect(firmTeamShown(null, "Owner")).toBe(false);
  });

  it("writes the value won in the UI's language, whole amounts without cents", () => {
    expect(valueWonLines([{ amount: 1250000, currency: "EUR" }], "it")).toEqual([expect.stringMatching(/^1\.250\.000\s€$/)]);
    expect(valueWonLines([{ amount: 1250000, currency: "EUR" }], "en")).toEqual(["€1,250,000"]);
    expect(valueWonLines([{ amount: 98500.5, currency: "EUR" }], "it")).toEqual([expect.stringMatching(/^98\.500,50\s€$/)]);
  });

  it("puts the euro first, then other currencies by code, and leaves out nothing won", () => {
    const values = [
      { amount: 300, currency: "USD" },
      { amount: 200, currency: "CHF" },
      { amount: 100, currency: "EUR" },
      { amount: 0, currency: "GBP" },
    ];
    // Intl puts a no-break space between a currency code and the amount.
    expect(valueWonLines(values, "en").map((line) => line.replace(/\s/g, " "))).toEqual(["€100", "CHF 200", "US$300"]);
    expect(values.map((v) => v.currency)).toEqual(["USD", "CHF", "EUR", "GBP"]);
    expect(valueWonLines([], "it")).toEqual([]);
  });

  it("writes the partner's share against the whole, and a partner with no part as nothing of it", () => {
    const row = { lotsWon: 2, lotsWithoutShare: 0, valueWon: [{ amount: 100000, currency: "EUR" }], shareWon: [{ amount: 40000, currency: "EUR" }] };
    expect(shareWonLines(row, "en")).toEqual(["€40,000 / €100,000"]);
    expect(shareWonLines(row, "it")).toEqual([expect.stringMatching(/^40\.000\s€ \/ 100\.000\s€$/)]);
    expect(shareWonLines({ ...row, shareWon: [] }, "en")).toEqual(["€0 / €100,000"]);
  });

  it("never guesses a share it does not know: with none known, only the whole is written", () => {
    const row = { lotsWon: 1, lotsWithoutShare: 1, valueWon: [{ amount: 100000, currency: "EUR" }], shareWon: [] };
    expect(shareWonLines(row, "en")).toEqual(["€100,000"]);
    expect(shareWonLines({ lotsWon: 0, lotsWithoutShare: 0, valueWon: [], shareWon: [] }, "en")).toEqual([]);
  });
});
