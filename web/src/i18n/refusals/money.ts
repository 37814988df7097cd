// Refusals of amounts of money: Marketplace.Grains/MoneyRules.cs.
import type { RefusalTexts } from "./texts";

export const money = {
  "money.amount": { it: "Un importo positivo con al massimo due decimali.", en: "A positive amount with at most two decimals." },
  "money.nonZeroAmount": {
    it: "Un importo positivo, diverso da zero, con al massimo due decimali.",
    en: "A non-zero positive amount with at most two decimals.",
  },
  "money.currency": {
    it: "Un codice valuta ISO 4217 di tre lettere, come EUR.",
    en: "A three-letter ISO 4217 currency code, such as EUR.",
  },
} satisfies RefusalTexts;
