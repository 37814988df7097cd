import { describe, expect, it } from "vitest";
import type { CriterionDto, LotEvaluationDto, RankedBidDto } from "../../api/types";
import { canAward, parsePoints, pointsOf, scoreRequests, shortDigest } from "./evaluation";

const bid = (bidId: string, points: Record<string, number>, complete: boolean): RankedBidDto => ({
  rank: 1,
  bidId,
  bidderId: `${bidId}-firm`,
  tenderers: [{ firmId: `${bidId}-firm`, name: "Edil Rossi", role: "Lead" }],
  price: { amount: 100000, currency: "EUR" },
  points,
  total: 50,
  complete,
  receivedAt: "2026-03-01T10:00:00Z",
  digest: "a".repeat(64),
});

const lot = (ranking: RankedBidDto[], decided = false): LotEvaluationDto => ({
  lot: 1,
  title: "Opere edili",
  ranking,
  decision: decided ? { lot: 1, bidId: ranking[0]?.bidId ?? null, winners: [], price: null, reason: null, at: "2026-03-05T10:00:00Z" } : null,
});

const quality: CriterionDto[] = [
  { number: 2, name: "Qualità tecnica", kind: "Quality", weight: 50 },
  { number: 3, name: "Tempi", kind: "Quality", weight: 20 },
];

describe("evaluation", () => {
  it("reads points by criterion number", () => {
    expect(pointsOf(bid("b1", { "1": 100, "2": 80 }, false), 2)).toBe(80);
    expect(pointsOf(bid("b1", { "1": 100 }, false), 3)).toBeUndefined();
  });

  it("awards a lot only when every bid is scored and nothing is decided yet", () => {
    expect(canAward(lot([bid("b1", {}, true), bid("b2", {}, true)]))).toBe(true);
    expect(canAward(lot([bid("b1", {}, true), bid("b2", {}, false)]))).toBe(false);
    expect(canAward(lot([]))).toBe(false);
    expect(canAward(lot([bid("b1", {}, true)], true))).toBe(false);
  });

  it("reads points in either language's notation, 0 to 100 with two decimals", () => {
    expect(parsePoints("85,5")).toBe(85.5);
    expect(parsePoints("85.25")).toBe(85.25);
    expect(parsePoints("100")).toBe(100);
    expect(parsePoints("0")).toBe(0);
    expect(parsePoints("100,01")).toBeNull();
    expect(parsePoints("12,345")).toBeNull();
    expect(parsePoints("-3")).toBeNull();
    expect(parsePoints("molto")).toBeNull();
  });

  it("sends only the scores that changed, and none while one is not a score", () => {
    const b = bid("b1", { "1": 100, "2": 80 }, false);
    expect(scoreRequests(b, quality, { 2: "80", 3: "60" })).toEqual({
      requests: [{ bidId: "b1", criterion: 3, points: 60 }],
      invalid: [],
    });
    expect(scoreRequests(b, quality, { 2: "75,5", 3: "" })).toEqual({
      requests: [{ bidId: "b1", criterion: 2, points: 75.5 }],
      invalid: [],
    });
    expect(scoreRequests(b, quality, { 2: "120", 3: "60" }).invalid).toEqual([2]);
  });

  it("shortens a digest to its ends", () => {
    const digest = "3f2504e04f8911d39a0c0305e82c3301a1b2c3d4e5f60718293a4b5c6d7e8f90";
    expect(shortDigest(digest)).toBe("3f2504…8f90");
    expect(shortDigest("abc")).toBe("abc");
  });
});
