// A firm's bid form: a price per lot it bids for and an answer per quality criterion (the "offerta tecnica"),
// and the SubmitBidRequest it sends. Rules as in Marketplace.Grains/Tenders/BidState.cs (Seal).
import { coded, type FieldErrors } from "../../api/problem";
import type { BidDto, DocumentDto, LotPriceRequest, SubmitBidRequest, TenderDto } from "../../api/types";
import { currentLanguage, type Lang } from "../../i18n";
import { parseAmount } from "../showcase/showcase";
import { amountInput, type Built } from "./tender-form";

export interface BidForm {
  /** By lot number, as typed; empty: not bidding for that lot. */
  prices: Record<number, string>;
  /** By criterion number. */
  answers: Record<number, string>;
  documents: DocumentDto[];
}

export const emptyBidForm = (): BidForm => ({ prices: {}, answers: {}, documents: [] });

/** The form filled from the firm's current bid, to change and submit it again. */
export function bidFormFrom(bid: BidDto, lang: Lang = currentLanguage()): BidForm {
  return {
    prices: Object.fromEntries(bid.lots.map((l) => [l.lot, amountInput(l.price.amount, lang)])),
    answers: Object.fromEntries(bid.answers.map((a) => [a.criterion, a.text])),
    documents: bid.documents,
  };
}

export const qualityCriteria = (tender: TenderDto) => tender.criteria.filter((c) => c.kind === "Quality");

/**
 * The request for the lots given a price, in the tender's lot order, each in its lot's currency; and the problems
 * found first (keyed as the server keys them: `lots[i].price.amount` is the i-th lot sent, `answers[n]` criterion n).
 */
export function buildBidRequest(tender: TenderDto, form: BidForm): Built<SubmitBidRequest> {
  const errors: FieldErrors = {};
  const lots: LotPriceRequest[] = [];
  for (const lot of tender.lots) {
    const text = form.prices[lot.number]?.trim() ?? "";
    if (text === "") continue;
    const amount = parseAmount(text);
    if (Number.isNaN(amount) || amount <= 0) errors[`lots[${lots.length}].price.amount`] = [coded("money.nonZeroAmount")];
    lots.push({ lot: lot.number, price: { amount: Number.isNaN(amount) ? 0 : amount, currency: lot.currency } });
  }
  if (lots.length === 0) errors.lots = [coded("bid.noLots")];
  const answers = qualityCriteria(tender).map((c) => {
    const text = form.answers[c.number]?.trim() ?? "";
    if (text === "") errors[`answers[${c.number}]`] = [coded("input.fieldRequired")];
    return { criterion: c.number, text };
  });
  return { errors, body: { lots, answers, documents: form.documents.map((d) => d.id) } };
}

/** The lot an error is about: `lots[1].price.amount` is about the lot sent second. */
export function lotOfError(key: string, sent: SubmitBidRequest | undefined): number | null {
  const match = /^lots\[(\d+)\]/.exec(key);
  return match ? (sent?.lots?.[Number(match[1])]?.lot ?? null) : null;
}

/** The criterion an error is about: the server names a missing answer by its criterion's number (`answers[3]`). */
export function criterionOfError(key: string): number | null {
  const match = /^answers\[(\d+)\]$/.exec(key);
  return match ? Number(match[1]) : null;
}
