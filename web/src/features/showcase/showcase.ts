// The showcase's logic without views: the request a form sends, money as the UI's language writes it, and what
// the server says the viewer may do. Who may publish, answer, endorse or withdraw is the server's to say (each
// snapshot carries the viewer's actions, judged by Marketplace.Grains/Showcase/ShowcaseState.cs); nothing here restates it.
import { coded, type FieldErrors } from "../../api/problem";
import type { CapabilityDto, EndorserDto, EndorsementsDto, MemberRole, MoneyDto, PublishShowcaseRequest, ShowcaseDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { sameId } from "../../ids";
import type { Lang } from "../../i18n";

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

/** Whether the viewer is one of a firm's own people, who see every project with the partners' answers. */
export const isOwnPeople = (businessId: string, roles: Roles): boolean => roles.has(businessId.toLowerCase());

/**
 * The partners the viewer may answer for now, as the project says, whose answer is still awaited: a partner that has
 * answered is not asked again here (the server would take a changed answer).
 */
export function answerableFor(project: ShowcaseDto): string[] {
  return project.viewerFirms
    .filter((f) => allows(f.actions, "Answer"))
    .map((f) => f.firmId)
    .filter((firmId) => project.partners.some((p) => sameId(p.firmId, firmId) && p.confirmation === "Pending"));
}

/** The viewer's firms that may endorse the business now, as the endorsements say, each with the projects it may name. */
export const endorsers = (endorsements: EndorsementsDto): EndorserDto[] =>
  endorsements.endorsers.filter((e) => allows(e.actions, "Endorse") && e.projects.length > 0);
