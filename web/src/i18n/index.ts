// The one translation layer: every text the UI shows comes from t(). Each feature keeps its texts next to its pages
// (features/<feature>/i18n.ts, the app's frame in ./app.ts); refusals, by server code, are in ./refusals.
import * as app from "./app";
import * as auth from "../features/auth/i18n";
import * as businesses from "../features/businesses/i18n";
import * as spaces from "../features/spaces/i18n";
import * as showcase from "../features/showcase/i18n";
import * as board from "../features/board/i18n";
import * as tenders from "../features/tenders/i18n";
import * as inbox from "../features/inbox/i18n";
import * as buyerTenders from "../features/buyer-tenders/i18n";
import * as alliances from "../features/alliances/i18n";
import * as jointBids from "../features/joint-bids/i18n";
import * as todo from "../features/todo/i18n";
import * as notifications from "../features/notifications/i18n";
import * as conversations from "../features/conversations/i18n";
import * as reports from "../features/reports/i18n";
import * as qualifications from "../features/qualifications/i18n";
import * as soccorso from "../features/soccorso/i18n";

/** Each feature's texts; a key belongs to exactly one of them (i18n.test.ts checks it, as a spread would hide a twin). */
export const featureTexts = { app, auth, businesses, spaces, showcase, board, tenders, inbox, buyerTenders, alliances, jointBids, todo, notifications, conversations, qualifications, reports, soccorso };

const it = {
  ...app.it,
  ...auth.it,
  ...businesses.it,
  ...spaces.it,
  ...showcase.it,
  ...board.it,
  ...tenders.it,
  ...inbox.it,
  ...buyerTenders.it,
  ...alliances.it,
  ...jointBids.it,
  ...todo.it,
  ...notifications.it,
  ...conversations.it,
  ...qualifications.it,
  ...reports.it,
  ...soccorso.it,
};

/** Every text's key: t() with a key no feature defines in Italian fails the type check. */
export type MessageKey = keyof typeof it;

const en: Record<MessageKey, string> = {
  ...app.en,
  ...auth.en,
  ...businesses.en,
  ...spaces.en,
  ...showcase.en,
  ...board.en,
  ...tenders.en,
  ...inbox.en,
  ...buyerTenders.en,
  ...alliances.en,
  ...jointBids.en,
  ...todo.en,
  ...notifications.en,
  ...conversations.en,
  ...qualifications.en,
  ...reports.en,
  ...soccorso.en,
};

export type Lang = "it" | "en";
export const languages: readonly Lang[] = ["it", "en"];
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { it, en };

const STORAGE_KEY = "lang";
const isLang = (value: unknown): value is Lang => languages.includes(value as Lang);

/** The first browser language we support wins; English when none is supported. */
export function detectLanguage(browserLanguages: readonly string[]): Lang {
  for (const tag of browserLanguages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0];
    if (isLang(primary)) return primary;
  }
  return "en";
}

/** A choice the user made earlier beats the browser's languages. */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): Lang {
  return isLang(stored) ? stored : detectLanguage(browserLanguages);
}

let current: Lang = "en";
const listeners = new Set<() => void>();

export const currentLanguage = (): Lang => current;

function apply(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function initI18n(): void {
  const browser = navigator.languages?.length ? navigator.languages : [navigator.language];
  apply(initialLanguage(localStorage.getItem(STORAGE_KEY), browser));
}

export function setLanguage(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  if (lang === current) return;
  apply(lang);
  listeners.forEach((listener) => listener());
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text for `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return textIn(current, key, params);
}

/** The text for `key` in `lang`, whatever the UI's language: for a text meant for readers of both (an agreement). */
export function textIn(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}(\.?)/g, (whole, name: string, stop: string) =>
    name in params ? endWith(String(params[name]), stop) : whole,
  );
}

/** A value followed by the text's full stop, unless it ends with one already ("Rossi S.r.l." + "." is "Rossi S.r.l."). */
export function endWith(value: string, stop: string): string {
  return stop && value.endsWith(stop) ? value : value + stop;
}

/** Keys that come in a `.one` and `.other` form. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

/** The singular or plural text for `n`, with `{n}` filled in. */
export function tn(key: PluralKey, n: number, params: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(current).select(n) === "one" ? "one" : "other";
  return t(`${key}.${form}`, { ...params, n });
}

/** Picks the label in the current language, falling back to the other one when it is missing. */
export function localized(labelIt: string | null | undefined, labelEn: string | null | undefined): string {
  const [first, second] = current === "it" ? [labelIt, labelEn] : [labelEn, labelIt];
  return first?.trim() || second?.trim() || "";
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(current === "it" ? "it-IT" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(current === "it" ? "it-IT" : "en-GB", { dateStyle: "long" }).format(date);
}

/** A number as the UI's language writes it: "12,5" in Italian, "12.5" in English. */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(current === "it" ? "it-IT" : "en-GB", { maximumFractionDigits }).format(value);
}
