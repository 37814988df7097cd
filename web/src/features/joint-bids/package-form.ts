// A work package's form: its values as typed, whether two sets of values are the same package, and the
// SaveWorkPackageRequest it sends. What the server checks (title, lot, firm, description) it answers with coded field
// errors; only a price that cannot be read as an amount is stopped here, since it cannot be sent at all.
import { coded, type FieldErrors } from "../../api/problem";
import type { LotDto, SaveWorkPackageRequest, WorkPackageDto } from "../../api/types";
import { currentLanguage, type Lang } from "../../i18n";
import type { Built } from "../tenders/tender-form";
import { amountOf, parsePrice, priceInput } from "./money";

/** No firm chosen: the server answers that a work package goes to a firm of the alliance. */
const NO_FIRM = "00000000-0000-0000-0000-000000000000";

export interface PackageFields {
  title: string;
  /** The lot's number, as the select holds it; "" when none is chosen. */
  lot: string;
  firmId: string;
  /** As typed, in the UI's language ("1250000,5"). */
  price: string;
  description: string;
}

export const packageFields = (p: WorkPackageDto, lang: Lang = currentLanguage()): PackageFields => ({
  title: p.title,
  lot: String(p.lot),
  firmId: p.firm.id,
  price: priceInput(p.price, lang),
  description: p.description ?? "",
});

/** A new package: for the lot and firm the user is most likely to want (the only lot; one of their own firms). */
export const newPackageFields = (lot: number | null, firmId: string): PackageFields => ({
  title: "",
  lot: lot === null ? "" : String(lot),
  firmId,
  price: "",
  description: "",
});

const priceKey = (text: string): string => {
  const read = parsePrice(text);
  return "cents" in read ? String(read.cents) : text.trim();
};

/** The same package content: what the server would store the same (trimmed texts, equal amounts however written). */
export const samePackage = (a: PackageFields, b: PackageFields): boolean =>
  a.title.trim() === b.title.trim() &&
  a.lot === b.lot &&
  a.firmId.toLowerCase() === b.firmId.toLowerCase() &&
  a.description.trim() === b.description.trim() &&
  priceKey(a.price) === priceKey(b.price);

/**
 * The request for the package: a new one (id null, version 0) or the package at the version the form started from.
 * The price goes in the lot's currency.
 */
export function buildPackageRequest(
  target: { id: string | null; version: number },
  fields: PackageFields,
  lots: readonly Pick<LotDto, "number" | "currency">[],
): Built<SaveWorkPackageRequest> {
  const errors: FieldErrors = {};
  const lotNumber = Number.parseInt(fields.lot, 10);
  const price = parsePrice(fields.price);
  if ("problem" in price) errors["price.amount"] = [coded("money.nonZeroAmount")];
  const description = fields.description.trim();
  return {
    errors,
    body: {
      id: target.id,
      version: target.id === null ? 0 : target.version,
      title: fields.title.trim(),
      lot: Number.isNaN(lotNumber) ? 0 : lotNumber,
      description: description === "" ? null : description,
      firmId: fields.firmId === "" ? NO_FIRM : fields.firmId,
      price: { amount: "cents" in price ? amountOf(price.cents) : 0, // The lot's currency as the server prices it; none for a lot the tender does not have (refused anyway).
      currency: lots.find((l) => l.number === lotNumber)?.currency ?? "" },
    },
  };
}
