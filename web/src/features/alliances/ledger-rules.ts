// The relationship ledger's logic without views: who sees it, and the value of the joint work as the UI's language
// writes it. The numbers are the server's (GET /api/businesses/{id}/relationships): counted per partner, a joint
// bid with three firms counts for two partners, so the rows are not added up here.
import type { MoneyDto, PartnerLedgerDto } from "../../api/types";
import type { Lang } from "../../i18n";
import { formatMoney } from "../showcase/showcase";

/** The euro first (the tenders' currency in practice), then any other currency by its code. */
const byCurrency = (a: MoneyDto, b: MoneyDto): number =>
  a.currency === b.currency ? 0 : a.currency === "EUR" ? -1 : b.currency === "EUR" ? 1 : a.currency < b.currency ? -1 : 1;

/** The value of the joint work won, one amount per currency; none when they won no lot together. */
export const valueWonLines = (values: readonly MoneyDto[], lang: Lang): string[] =>
  values.filter((v) => v.amount > 0).sort(byCurrency).map((v) => formatMoney(v, lang));

/**
 * The partner's share of the joint work won against the whole, one line per currency ("€40,000 / €100,000"). When no
 * won lot's share is known (bids submitted before shares were recorded) only the whole is written: the ledger never
 * guesses a share, and the row says why (lotsWithoutShare).
 */
export const shareWonLines = (row: Pick<PartnerLedgerDto, "valueWon" | "shareWon" | "lotsWon" | "lotsWithoutShare">, lang: Lang): string[] => {
  if (row.lotsWithoutShare >= row.lotsWon) return valueWonLines(row.valueWon, lang);
  return row.valueWon
    .filter((v) => v.amount > 0)
    .sort(byCurrency)
    .map((whole) => {
      const share = row.shareWon.find((s) => s.currency === whole.currency) ?? { amount: 0, currency: whole.currency };
      return `${formatMoney(share, lang)} / ${formatMoney(whole, lang)}`;
    });
};
