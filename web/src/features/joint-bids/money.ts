// Money in a joint bid, counted in integer cents so that sums are exact: the server keeps amounts as decimals with
// at most two places (MoneyRules.Normalize) and adds them up without rounding; adding the JSON numbers as floats
// would not (0.1 + 0.2). Amounts go back to the API as cents / 100, which JSON writes as the same decimal.
import type { MoneyDto } from "../../api/types";
import { currentLanguage, type Lang } from "../../i18n";
import { normalizeAmount } from "../showcase/showcase";
import { amountInput } from "../tenders/tender-form";

/** The server's largest amount (MoneyRules.MaxAmount), in cents: still well inside a double's exact integers. */
export const MAX_CENTS = 1_000_000_000_000 * 100;

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/** A plain decimal with at most two places ("1234.5") as cents; null for anything else (three places, a sign, …). */
export function decimalToCents(decimal: string): number | null {
  const match = DECIMAL.exec(decimal);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * An amount as the API sends it, in cents. The number's shortest form ("1250000.5") is its decimal, read
 * digit by digit; a number written otherwise (an exponent) is rounded to the nearest cent.
 */
export function centsOf(amount: number): number {
  return decimalToCents(String(amount)) ?? Math.round(amount * 100);
}

/** Cents as the amount the API takes: the division is correctly rounded, so JSON writes the decimal itself. */
export const amountOf = (cents: number): number => cents / 100;

export const sumCents = (values: Iterable<number>): number => {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
};

/** Why a typed price is refused before it is sent. */
export type PriceProblem = "missing" | "notNumber" | "decimals" | "notPositive" | "tooLarge";

/** A price as typed in either language ("1.234,56", "1,234.56", "1234,5"), as cents; or what is wrong with it. */
export function parsePrice(text: string): { cents: number } | { problem: PriceProblem } {
  if (text.trim() === "") return { problem: "missing" };
  const decimal = normalizeAmount(text);
  if (decimal === null) return { problem: "notNumber" };
  const cents = decimalToCents(decimal);
  if (cents === null) return { problem: /\.\d{3,}$/.test(decimal) ? "decimals" : "tooLarge" };
  if (cents === 0) return { problem: "notPositive" };
  if (cents > MAX_CENTS) return { problem: "tooLarge" };
  return { cents };
}

/**
 * Cents as money for the views, always with the cents ("1.250.000,00 €"): the prices of a joint bid are added up
 * in columns, where "412.300 €" over "185.000,50 €" would not line up.
 */
export function formatCents(cents: number, currency: string, lang: Lang = currentLanguage()): string {
  const options = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  const locale = lang === "it" ? "it-IT" : "en-GB";
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, ...options }).format(amountOf(cents));
  } catch {
    return `${new Intl.NumberFormat(locale, options).format(amountOf(cents))} ${currency}`;
  }
}

/** Money as the edit form shows it, in the UI's language and without grouping: "1250000,5". */
export const priceInput = (price: MoneyDto, lang: Lang = currentLanguage()): string => amountInput(amountOf(centsOf(price.amount)), lang);
