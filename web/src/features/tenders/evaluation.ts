// The buyer's evaluation: reading the points of a ranked bid, the scores typed for it, and when a lot can be awarded.
// Rules as in Marketplace.Grains/Tenders (TenderEvaluation.cs, TenderState.CheckScore / CheckDecide).
import type { CriterionDto, LotEvaluationDto, RankedBidDto, ScoreRequest } from "../../api/types";
import { parseAmount } from "../showcase/showcase";

/** A bid's points on one criterion (the API keys them by criterion number); undefined while not scored. */
export const pointsOf = (bid: RankedBidDto, criterion: number): number | undefined => bid.points[String(criterion)];

/** A lot goes to its best-ranked bid once every bid for it is fully scored, and only once. */
export const canAward = (lot: LotEvaluationDto): boolean =>
  lot.decision === null && lot.ranking.length > 0 && lot.ranking.every((bid) => bid.complete);

/** The lot can still be decided (awarded or declared unsuccessful). */
export const undecided = (lot: LotEvaluationDto): boolean => lot.decision === null;

/** Points as typed: 0 to 100 with at most two decimals ("85,5" or "85.5"); null when not such a number. */
export function parsePoints(text: string): number | null {
  const value = parseAmount(text);
  if (Number.isNaN(value) || value < 0 || value > 100 || Number(value.toFixed(2)) !== value) return null;
  return value;
}

/**
 * The scores to send for one bid from what was typed per quality criterion: only the changed ones. `invalid`
 * lists the criteria whose text is not a score (nothing is sent then).
 */
export function scoreRequests(
  bid: RankedBidDto,
  quality: readonly CriterionDto[],
  typed: Readonly<Record<number, string>>,
): { requests: ScoreRequest[]; invalid: number[] } {
  const requests: ScoreRequest[] = [];
  const invalid: number[] = [];
  for (const criterion of quality) {
    const text = typed[criterion.number];
    if (text === undefined || text.trim() === "") continue;
    const points = parsePoints(text);
    if (points === null) invalid.push(criterion.number);
    else if (points !== pointsOf(bid, criterion.number)) requests.push({ bidId: bid.bidId, criterion: criterion.number, points });
  }
  return { requests, invalid };
}

/** "a3f9c2…71be": the start and end of a digest, enough to compare it with a receipt at a glance. */
export const shortDigest = (digest: string, keep = 6): string =>
  digest.length <= keep * 2 + 1 ? digest : `${digest.slice(0, keep)}…${digest.slice(-4)}`;
