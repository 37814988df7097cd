// The tender form's state, and the requests the server gets from it: a new draft (DraftTenderRequest), an edited
// draft (EditTenderRequest) and an amendment (AmendTenderRequest). Lots and criteria keep their numbers; new ones
// are sent with number 0 and numbered by the server (TenderRules.cs).
import { coded, type FieldErrors } from "../../api/problem";
import type {
  AmendTenderRequest,
  CapabilityDto,
  CriterionKind,
  CriterionRequest,
  DocumentDto,
  DraftTenderRequest,
  EditTenderRequest,
  LotDto,
  LotRequest,
  TenderDto,
} from "../../api/types";
import { currentLanguage, type Lang } from "../../i18n";
import { comuneLabel } from "../businesses/format";
import { parseAmount } from "../showcase/showcase";
import { isoToLocalInput, localInputToIso } from "./dates";

let nextUid = 1;
/** A client-side identity for a repeated row, so that its widgets follow it when a row above is removed. */
const uid = (): number => nextUid++;

export interface LotForm {
  uid: number;
  /** The lot's number on the server; 0 for a lot added here. */
  number: number;
  title: string;
  description: string;
  cpv: CapabilityDto[];
  /** The estimated value as typed, in either language's notation. */
  value: string;
  currency: string;
  comune: { code: string; label: string } | null;
  requirements: RequirementsForm;
}

/** A works category a lot asks for, as typed: the category's code ("" when none is chosen) and its amount. */
export interface CategoryForm {
  uid: number;
  category: string;
  amount: string;
  /** For a separable category: whether a bidder that lacks it may leave its work to a subcontractor. */
  maySubcontract: boolean;
}

/**
 * What a lot asks of a bidder, as typed: works (the prevailing category, the separable ones, whether and up to what
 * share subcontracting is allowed) or services and supplies (turnover and similar work). All blank: none.
 */
export interface RequirementsForm {
  prevailing: CategoryForm;
  separable: CategoryForm[];
  subcontracting: boolean;
  /** A whole percentage, as typed. */
  subcontractPercent: string;
  minTurnover: string;
  minSimilarWork: string;
  /** Whether a bidder may rely on another firm's qualifications (avvalimento). */
  avvalimento: boolean;
}

export const emptyCategory = (): CategoryForm => ({ uid: uid(), category: "", amount: "", maySubcontract: true });

export const emptyRequirements = (): RequirementsForm => ({
  prevailing: emptyCategory(),
  separable: [],
  subcontracting: false,
  subcontractPercent: "",
  minTurnover: "",
  minSimilarWork: "",
  avvalimento: false,
});

export interface CriterionForm {
  uid: number;
  number: number;
  name: string;
  kind: CriterionKind;
  /** As typed: a whole number from 1 to 100. */
  weight: string;
}

/** "Solo prezzo" (one Price criterion weighing 100) or "Offerta economicamente più vantaggiosa" (weighted rows). */
export type CriteriaMode = "price" | "weighted";

export interface TenderForm {
  /** The tender's version, for an edit or an amendment; 0 for a new draft. */
  version: number;
  spaces: string[];
  title: string;
  description: string;
  lots: LotForm[];
  /** One requirement per line. */
  eligibility: string;
  mode: CriteriaMode;
  /** The weighted criteria, as rows; kept while the price-only mode is chosen, in case the user goes back. */
  criteria: CriterionForm[];
  /** The price criterion when only the price counts: its number (0 when new) and name. */
  price: { number: number; name: string };
  /** datetime-local values, in the browser's time. */
  enquiryDeadline: string;
  submissionDeadline: string;
  /** yyyy-mm-dd, or "". */
  contractStart: string;
  contractEnd: string;
  disclosesBidCount: boolean;
  documents: DocumentDto[];
}

export const emptyLot = (): LotForm => ({
  uid: uid(),
  number: 0,
  title: "",
  description: "",
  cpv: [],
  value: "",
  currency: "EUR",
  comune: null,
  requirements: emptyRequirements(),
});

export function emptyCriterion(kind: CriterionKind = "Quality", name = "", weight = ""): CriterionForm {
  return { uid: uid(), number: 0, name, kind, weight };
}

/** A new tender: one empty lot, price only; `priceName` names the price criterion in the UI's language. */
export function emptyTenderForm(priceName: string): TenderForm {
  return {
    version: 0,
    spaces: [],
    title: "",
    description: "",
    lots: [emptyLot()],
    eligibility: "",
    mode: "price",
    criteria: [],
    price: { number: 0, name: priceName },
    enquiryDeadline: "",
    submissionDeadline: "",
    contractStart: "",
    contractEnd: "",
    disclosesBidCount: false,
    documents: [],
  };
}

/**
 * An amount as an input shows it, in the UI's language and without grouping ("1250000,5", "1250000.5"), so that
 * parseAmount reads it back the same whichever language it is typed in.
 */
export const amountInput = (amount: number, lang: Lang = currentLanguage()): string =>
  new Intl.NumberFormat(lang === "it" ? "it-IT" : "en-GB", { useGrouping: false, maximumFractionDigits: 2 }).format(amount);

function requirementsFromLot(lot: LotDto, lang: Lang): RequirementsForm {
  const r = lot.requirements;
  if (!r) return emptyRequirements();
  const amount = (value: number | null | undefined) => (value === null || value === undefined ? "" : amountInput(value, lang));
  return {
    prevailing: r.prevailing
      ? { uid: uid(), category: r.prevailing.category, amount: amount(r.prevailing.amount), maySubcontract: true }
      : emptyCategory(),
    separable: r.separable.map((s) => ({ uid: uid(), category: s.category, amount: amount(s.amount), maySubcontract: s.maySubcontract })),
    subcontracting: r.subcontractingMaxPercent !== null && r.subcontractingMaxPercent !== undefined,
    subcontractPercent: r.subcontractingMaxPercent ? String(r.subcontractingMaxPercent) : "",
    minTurnover: amount(r.minTurnover),
    minSimilarWork: amount(r.minSimilarWork),
    avvalimento: r.avvalimentoAllowed,
  };
}

/**
 * The lot's requirements as the server takes them; null when nothing is stated. An amount that is not a number is
 * named under its field, as the server would name it, and nothing is sent.
 */
export function requirementsRequest(form: RequirementsForm, at: string, errors: FieldErrors): NonNullable<LotRequest["requirements"]> | null {
  const path = `${at}.requirements`;
  const amountOf = (text: string, field: string): number => {
    const value = parseAmount(text);
    if (text.trim() !== "" && Number.isNaN(value)) errors[field] = [coded("money.nonZeroAmount")];
    return Number.isNaN(value) ? 0 : value;
  };
  const blank = (c: CategoryForm) => c.category === "" && c.amount.trim() === "";
  const prevailing = blank(form.prevailing)
    ? null
    : { category: form.prevailing.category, amount: amountOf(form.prevailing.amount, `${path}.prevailing.amount`), maySubcontract: true };
  // Every row is sent, a blank one too (the server names it), so a refusal's index is the row's on the form.
  const separable = form.separable.map((c, j) => ({
    category: c.category,
    amount: amountOf(c.amount, `${path}.separable[${j}].amount`),
    maySubcontract: c.maySubcontract,
  }));
  const threshold = (text: string, field: string) => (text.trim() === "" ? null : amountOf(text, `${path}.${field}`));
  const minTurnover = threshold(form.minTurnover, "minTurnover");
  const minSimilarWork = threshold(form.minSimilarWork, "minSimilarWork");
  let subcontractingMaxPercent: number | null = null;
  if (form.subcontracting && (prevailing || separable.length > 0)) {
    const percent = Number(form.subcontractPercent.trim());
    if (form.subcontractPercent.trim() === "" || !Number.isInteger(percent))
      errors[`${path}.subcontractingMaxPercent`] = [coded("qualification.subcontractPercent")];
    subcontractingMaxPercent = Number.isInteger(percent) ? percent : 0;
  }
  if (!prevailing && separable.length === 0 && minTurnover === null && minSimilarWork === null) return null;
  return { prevailing, separable, subcontractingMaxPercent, minTurnover, minSimilarWork, avvalimentoAllowed: form.avvalimento };
}

/** The form for an existing tender: to edit its draft or to amend it. */
export function formFromTender(tender: TenderDto, lang: Lang = currentLanguage()): TenderForm {
  const prices = tender.criteria.filter((c) => c.kind === "Price");
  const priceOnly = tender.criteria.length === 1 && prices.length === 1;
  return {
    version: tender.version,
    spaces: tender.spaces.map((s) => s.id),
    title: tender.title,
    description: tender.description ?? "",
    lots: tender.lots.map((lot) => ({
      uid: uid(),
      number: lot.number,
      title: lot.title,
      description: lot.description ?? "",
      cpv: lot.cpv,
      value: lot.estimatedValue ? amountInput(lot.estimatedValue.amount, lang) : "",
      currency: lot.estimatedValue?.currency ?? "EUR",
      comune: lot.comuneCode ? { code: lot.comuneCode, label: lot.comuneName ?? lot.comuneCode } : null,
      requirements: requirementsFromLot(lot, lang),
    })),
    eligibility: tender.eligibility.join("\n"),
    mode: priceOnly ? "price" : "weighted",
    criteria: priceOnly
      ? []
      : tender.criteria.map((c) => ({ uid: uid(), number: c.number, name: c.name, kind: c.kind, weight: String(c.weight) })),
    price: { number: prices[0]?.number ?? 0, name: prices[0]?.name ?? "" },
    enquiryDeadline: isoToLocalInput(tender.enquiryDeadline),
    submissionDeadline: isoToLocalInput(tender.submissionDeadline),
    contractStart: tender.contractStart ?? "",
    contractEnd: tender.contractEnd ?? "",
    disclosesBidCount: tender.disclosesBidCount,
    documents: tender.documents,
  };
}

/**
 * Switches between price only and weighted criteria. The first switch to weighted starts from the price (30)
 * and one quality criterion (70) to name; the price criterion keeps its number both ways.
 */
export function setCriteriaMode(form: TenderForm, mode: CriteriaMode): void {
  if (mode === form.mode) return;
  if (mode === "weighted" && form.criteria.length === 0) {
    form.criteria = [
      { uid: uid(), number: form.price.number, name: form.price.name, kind: "Price", weight: "30" },
      emptyCriterion("Quality", "", "70"),
    ];
  } else if (mode === "price") {
    const prices = form.criteria.filter((c) => c.kind === "Price");
    if (prices.length === 1) form.price = { number: prices[0]!.number, name: prices[0]!.name.trim() || form.price.name };
  }
  form.mode = mode;
}

export interface CriteriaSummary {
  /** The weights that are whole numbers, added up. */
  sum: number;
  priceCount: number;
  /** What to fix before saving, if anything: the weights must add up to 100, with exactly one price criterion. */
  hint: { key: "sum"; missing: number } | { key: "over"; extra: number } | { key: "price" } | null;
}

const weightOf = (text: string): number | null => {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(value) ? value : null;
};

/** The running sum of the weights and what it still needs (shown while the buyer types). */
export function criteriaSummary(criteria: readonly CriterionForm[]): CriteriaSummary {
  const sum = criteria.reduce((total, c) => total + (weightOf(c.weight) ?? 0), 0);
  const priceCount = criteria.filter((c) => c.kind === "Price").length;
  const hint: CriteriaSummary["hint"] =
    priceCount !== 1 ? { key: "price" } : sum < 100 ? { key: "sum", missing: 100 - sum } : sum > 100 ? { key: "over", extra: sum - 100 } : null;
  return { sum, priceCount, hint };
}

/** A full CPV code typed in the box without picking it from the list ("45210000" or "45210000-2"). */
export const typedCpvCode = (text: string): string | null => (/^\d{8}(-\d)?$/.test(text.trim()) ? text.trim() : null);

/** Requirements from the text, one per line, without blank lines. */
export const eligibilityLines = (text: string): string[] =>
  text.split("\n").map((line) => line.trim()).filter((line) => line !== "");

const optional = (value: string): string | null => (value.trim() === "" ? null : value.trim());

/** The fields every request shares (an amendment has no spaces; a draft has its buyer). */
type Details = Omit<DraftTenderRequest, "buyerId" | "spaces">;

export interface Built<T> {
  body: T;
  /** Problems found before sending, keyed as the server keys them: send nothing while there are any. */
  errors: FieldErrors;
}

function details(form: TenderForm, typedCpv: (lot: LotForm) => string | null): Built<Details> {
  const errors: FieldErrors = {};
  const lots: LotRequest[] = form.lots.map((lot, i) => {
    let estimatedValue: LotRequest["estimatedValue"] = null;
    if (lot.value.trim() !== "") {
      const amount = parseAmount(lot.value);
      if (Number.isNaN(amount)) errors[`lots[${i}].estimatedValue.amount`] = [coded("money.amount")];
      else estimatedValue = { amount, currency: lot.currency || "EUR" };
    }
    const codes = lot.cpv.map((c) => c.code);
    const typed = typedCpv(lot);
    if (typed && !codes.includes(typed)) codes.push(typed);
    return {
      number: lot.number,
      title: lot.title.trim(),
      description: optional(lot.description),
      cpv: codes,
      estimatedValue,
      comuneCode: lot.comune?.code ?? null,
      requirements: requirementsRequest(lot.requirements, `lots[${i}]`, errors),
    };
  });
  let criteria: CriterionRequest[];
  if (form.mode === "price") {
    criteria = [{ number: form.price.number, name: form.price.name.trim(), kind: "Price", weight: 100 }];
  } else {
    criteria = form.criteria.map((c, i) => {
      const weight = weightOf(c.weight);
      if (weight === null) errors[`criteria[${i}].weight`] = [coded("tender.criterionWeight")];
      return { number: c.number, name: c.name.trim(), kind: c.kind, weight: weight ?? 0 };
    });
  }
  return {
    errors,
    body: {
      title: form.title.trim(),
      description: optional(form.description),
      lots,
      eligibility: eligibilityLines(form.eligibility),
      criteria,
      enquiryDeadline: localInputToIso(form.enquiryDeadline),
      submissionDeadline: localInputToIso(form.submissionDeadline),
      contractStart: optional(form.contractStart),
      contractEnd: optional(form.contractEnd),
      disclosesBidCount: form.disclosesBidCount,
      documents: form.documents.map((d) => d.id),
    },
  };
}

/** `typedCpv` reads what is left in a lot's CPV box: a full code typed there counts as picked. */
export function buildDraftRequest(buyerId: string, form: TenderForm, typedCpv: (lot: LotForm) => string | null = () => null): Built<DraftTenderRequest> {
  const built = details(form, typedCpv);
  return { errors: built.errors, body: { buyerId, spaces: [...form.spaces], ...built.body } };
}

export function buildEditRequest(form: TenderForm, typedCpv: (lot: LotForm) => string | null = () => null): Built<EditTenderRequest> {
  const built = details(form, typedCpv);
  return { errors: built.errors, body: { version: form.version, spaces: [...form.spaces], ...built.body } };
}

export function buildAmendRequest(
  form: TenderForm,
  amendment: { summary: string; material: boolean },
  typedCpv: (lot: LotForm) => string | null = () => null,
): Built<AmendTenderRequest> {
  const built = details(form, typedCpv);
  return {
    errors: built.errors,
    body: { version: form.version, summary: amendment.summary.trim(), material: amendment.material, ...built.body },
  };
}

/** What error messages quote of a sent request: documents by file name rather than by id. */
export const quotedTenderRequest = <T extends { documents: string[] | null }>(body: T, form: TenderForm): T => ({
  ...body,
  documents: (body.documents ?? []).map((id) => form.documents.find((d) => d.id === id)?.name ?? id),
});

/** A lot's comune from the picker, as its chip shows it. */
export const lotComune = (c: { code: string; name: string; provinceSigla: string | null }) => ({
  code: c.code,
  label: comuneLabel(c.name, c.provinceSigla),
});
