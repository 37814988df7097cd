import { describe, expect, it } from "vitest";
import { whyBlocked } from "./tender-actions";

describe("why the tender's actions wait", () => {
  it("tells each reason once in the server's words, and not the tender's stage, which its status already shows", () => {
    const revoked = { code: "tender.mandateRevoked", args: { space: "Spazio Gare" } };
    const texts = whyBlocked([
      { code: "tender.wrongStatus", args: { status: "Draft" } },
      revoked,
      revoked,
    ]);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("Spazio Gare");
    expect(whyBlocked([{ code: "tender.wrongStatus", args: { status: "Completed" } }])).toEqual([]);
  });
});
