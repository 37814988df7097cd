// A firm's bid form: a price per lot it bids for and an answer per quality criterion (the "offerta tecnica"),
// and the SubmitBidRequest it sends. Only what the user typed is read here; the bid's rules are the server's
// (BidState.Seal), whose refusals come back keyed by field.
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
 * The request for the lots given a price, in the tender's lot order, each in its lot's currency; and the prices that
 * are not numbers at all (keyed as the server keys its refusals: `lots[i].price.amount` is the i-th lot sent).
 */
export function buildBidRequest(tender: TenderDto, form: BidForm): Built<SubmitBidRequest> {
  const errors: FieldErrors = {};
  const lots: LotPriceRequest[] = [];
  for (const lot of tender.lots) {
    const text = form.prices[lot.number]?.trim() ?? "";
    if (text === "") continue;
    const amount = parseAmount(text);
    if (Number.isNaN(amount)) errors[`lots[${lots.length}].price.amount`] = [coded("input.notFinite")];
    lots.push({ lot: lot.number, price: { amount: Number.isNaN(amount) ? 0 : amount, currency: lot.currency } });
  }
  const answers = qualityCriteria(tender).map((c) => ({ criterion: c.number, text: form.answers[c.number]?.trim() ?? "" }));
  return { errors, body: { lots, answers, documents: form.documents.map((d) => d.id) } };
}

/**
 * Whether the stored bid is a submitted one that says exactly what `sent` said (prices, answers, documents): then a
 * submission whose answer was lost (a network error, a timeout) was stored, and its receipt is the stored bid's.
 */
export function saysWhatWasSent(bid: BidDto, sent: SubmitBidRequest): boolean {
  const lots = [...(sent.lots ?? [])].sort((a, b) => a.lot - b.lot);
  const answers = [...(sent.answers ?? [])].filter((a) => (a.text ?? "") !== "").sort((a, b) => a.criterion - b.criterion);
  const documents = [...new Set(sent.documents ?? [])];
  return bid.status === "Submitted"
    && bid.lots.length === lots.length
    && bid.lots.every((l, i) => l.lot === lots[i]?.lot && l.price.amount === lots[i]?.price?.amount && l.price.currency === lots[i]?.price?.currency)
    && bid.answers.length === answers.length
    && bid.answers.every((a, i) => a.criterion === answers[i]?.criterion && a.text === answers[i]?.text)
    && bid.documents.length === documents.length
    && bid.documents.every((d, i) => d.id === documents[i]);
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
