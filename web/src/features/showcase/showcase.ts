// The showcase's logic without views: the request a form sends, money as the UI's language writes it, and who
// may answer for a partner or endorse a firm. The rules are those of Marketplace.Grains/Showcase (ShowcaseRules.cs,
// ShowcaseState.cs): only a firm's Owners and Managers publish, answer and endorse for it.
import { coded, type FieldErrors } from "../../api/problem";
import type { CapabilityDto, MemberRole, MoneyDto, PublishShowcaseRequest, ShowcaseDto } from "../../api/types";
import type { Lang } from "../../i18n";
import { canManage } from "../businesses/roles";

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A firm picked as a partner: its id is sent, its name shown (and quoted in error messages). */
export interface FirmChoice {
  id: string;
  name: string;
}

/** What the "publish a project" form holds, as typed. */
export interface ShowcaseForm {
  title: string;
  description: string;
  client: string;
  year: string;
  amount: string;
  currency: string;
  cpv: CapabilityDto[];
  partners: FirmChoice[];
}

export const emptyShowcaseForm = (): ShowcaseForm => ({
  title: "",
  description: "",
  client: "",
  year: "",
  amount: "",
  currency: "EUR",
  cpv: [],
  partners: [],
});

/**
 * An amount as typed in either language: "1.234,56" and "1,234.56" are the same; a lone comma is the decimal
 * separator ("12,5"), and so is a lone dot followed by one or two digits ("12.5"); NaN when it is not a number.
 */
export function parseAmount(text: string): number {
  const decimal = normalizeAmount(text);
  return decimal === null ? NaN : Number(decimal);
}

/** The amount typed, read as parseAmount reads it, as a plain decimal ("1234.56"); null when it is not a number. */
export function normalizeAmount(text: string): string | null {
  let s = text.replace(/[\s\u00a0'€]/g, "");
  if (s === "") return null;
  const comma = s.lastIndexOf(",");
  const dot = s.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    s = s.split(thousands).join("").replace(decimal, ".");
  } else if (comma >= 0) {
    s = s.split(",").length === 2 ? s.replace(",", ".") : s.split(",").join("");
  } else if (dot >= 0 && (s.split(".").length > 2 || /\.\d{3}$/.test(s))) {
    s = s.split(".").join(""); // "1.000" or "1.000.000": thousands.
  }
  return /^\d+(\.\d+)?$/.test(s) ? s : null;
}

/**
 * The request the form sends for the firm `firmId`, or, when the value cannot be read as an amount, the error
 * to show for it (keyed as the server would key it, so that it is translated the same way).
 */
export function buildShowcaseRequest(
  firmId: string,
  form: ShowcaseForm,
): { body: PublishShowcaseRequest } | { errors: FieldErrors } {
  const trimmed = (value: string): string | null => (value.trim() === "" ? null : value.trim());
  let value: MoneyDto | null = null;
  if (form.amount.trim() !== "") {
    const amount = parseAmount(form.amount);
    if (Number.isNaN(amount)) return { errors: { "value.amount": [coded("money.amount")] } };
    value = { amount, currency: form.currency.trim().toUpperCase() || "EUR" };
  }
  const year = Number.parseInt(form.year.trim(), 10);
  return {
    body: {
      firmId,
      title: form.title.trim(),
      description: trimmed(form.description),
      client: trimmed(form.client),
      year: Number.isNaN(year) ? 0 : year,
      value,
      cpv: form.cpv.map((c) => c.code),
      partners: form.partners.map((p) => p.id),
    },
  };
}

const locale = (lang: Lang): string => (lang === "it" ? "it-IT" : "en-GB");

/** "€ 1.250.000" / "€1,250,000.50": no decimals for a whole amount; an unknown code is written after the number. */
export function formatMoney(value: MoneyDto, lang: Lang): string {
  const digits = Number.isInteger(value.amount) ? 0 : 2;
  try {
    return new Intl.NumberFormat(locale(lang), {
      style: "currency",
      currency: value.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value.amount);
  } catch {
    const amount = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value.amount);
    return `${amount} ${value.currency}`;
  }
}

/** The publisher and the named partners. */
export const participants = (project: ShowcaseDto): string[] => [project.publisherId, ...project.partners.map((p) => p.firmId)];

export const takesPart = (project: ShowcaseDto, firmId: string): boolean => participants(project).some((id) => sameId(id, firmId));

/** The viewer's roles by business id (lower case), from /api/me/businesses. */
export type Roles = ReadonlyMap<string, MemberRole>;

const roleOf = (roles: Roles, firmId: string): MemberRole | null => roles.get(firmId.toLowerCase()) ?? null;

/** The partners of a project the viewer may still answer for: named, pending, and one of their firms they manage. */
export function answerableFor(project: ShowcaseDto, roles: Roles): string[] {
  return project.partners
    .filter((p) => p.confirmation === "Pending" && canManage(roleOf(roles, p.firmId)))
    .map((p) => p.firmId);
}

/** Whether the viewer is one of a firm's own people, who see every project with the partners' answers. */
export const isOwnPeople = (businessId: string, roles: Roles): boolean => roleOf(roles, businessId) !== null;

export interface EndorserChoice {
  firmId: string;
  /** The verified projects it shares with the endorsed firm. */
  projects: ShowcaseDto[];
}

/**
 * The firms the viewer may endorse `businessId` for: firms they manage, other than it, that share a verified
 * project with it and do not endorse it already (once per pair).
 */
export function endorsers(
  businessId: string,
  projects: readonly ShowcaseDto[],
  roles: Roles,
  alreadyEndorsing: readonly string[],
): EndorserChoice[] {
  const choices: EndorserChoice[] = [];
  for (const [firmId, role] of roles) {
    if (!canManage(role) || sameId(firmId, businessId) || alreadyEndorsing.some((id) => sameId(id, firmId))) continue;
    const shared = projects.filter((p) => p.verified && takesPart(p, businessId) && takesPart(p, firmId));
    if (shared.length > 0) choices.push({ firmId, projects: shared });
  }
  return choices;
}

/** Whether the viewer may withdraw an endorsement: they manage the endorsing firm. */
export const mayWithdraw = (endorserId: string, roles: Roles): boolean => canManage(roleOf(roles, endorserId));
