// Refusals in the reader's language: the server refuses with a stable code and arguments (ProblemDetails `code`,
// `args` and, per field, `errorCodes`); the UI translates the code. Every code the server lists in its OpenAPI
// document (schema ProblemCode) must have a text here: a missing one fails the type check.
import type { components } from "../../api/schema";
import { ApiError, UNCODED } from "../../api/problem";
import { formatMoney } from "../../features/showcase/showcase";
import { currentLanguage, endWith, t, type Lang } from "..";
import type { RefusalText } from "./texts";
import { input } from "./input";
import { service } from "./service";
import { account } from "./account";
import { businesses } from "./businesses";
import { spaces } from "./spaces";
import { inbox } from "./inbox";
import { notifications } from "./notifications";
import { hub } from "./hub";
import { showcase } from "./showcase";
import { board } from "./board";
import { documents } from "./documents";
import { money } from "./money";
import { reference } from "./reference";
import { bids } from "./bids";
import { tenders } from "./tenders";
import { alliances } from "./alliances";
import { jointBids } from "./jointBids";
import { opportunities } from "./opportunities";
import { outcomes } from "./outcomes";
import { feeds } from "./feeds";
import { qualifications } from "./qualifications";
import { conversations } from "./conversations";
import { proposals } from "./proposals";
import { reports } from "./reports";
import { soccorso } from "./soccorso";
import { announcements } from "./announcements";
import { quotas } from "./quotas";
import { avvalimento } from "./avvalimento";
import { subcontracts } from "./subcontracts";

/** Every code the server refuses with; `uncoded` marks a refusal without one, shown in the server's English. */
export type ProblemCode = components["schemas"]["ProblemCode"];

/** The codes the UI translates: all of them. */
export type TranslatedCode = Exclude<ProblemCode, typeof UNCODED>;

export const refusals: Record<TranslatedCode, RefusalText> = {
  ...input,
  ...service,
  ...account,
  ...businesses,
  ...spaces,
  ...outcomes,
  ...inbox,
  ...notifications,
  ...hub,
  ...showcase,
  ...board,
  ...documents,
  ...money,
  ...reference,
  ...tenders,
  ...bids,
  ...alliances,
  ...jointBids,
  ...opportunities,
  ...feeds,
  ...qualifications,
  ...conversations,
  ...proposals,
  ...reports,
  ...soccorso,
  ...announcements,
  ...quotas,
  ...avvalimento,
  ...subcontracts,
};

export const isTranslated = (code: string): code is TranslatedCode => Object.hasOwn(refusals, code);

const locale = (lang: Lang): string => (lang === "it" ? "it-IT" : "en-GB");

/** The time zone the marketplace's dates are written in, whatever the reader's browser says. */
const TIME_ZONE = "Europe/Rome";

/** One argument written as the placeholder asks; a value that is not what the placeholder expects is shown as sent. */
function formatArg(value: string, format: string | undefined, lang: Lang): string {
  switch (format) {
    case "number": {
      const n = Number(value);
      return value.trim() === "" || Number.isNaN(n) ? value : new Intl.NumberFormat(locale(lang)).format(n);
    }
    case "money": {
      // The server writes money as "1250000.5 EUR".
      const match = /^(-?\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(value);
      return match ? formatMoney({ amount: Number(match[1]), currency: match[2]! }, lang) : value;
    }
    case "date":
    case "dateTime": {
      const at = new Date(value);
      if (Number.isNaN(at.getTime())) return value;
      const style: Intl.DateTimeFormatOptions =
        format === "date" ? { dateStyle: "long" } : { dateStyle: "medium", timeStyle: "short" };
      return new Intl.DateTimeFormat(locale(lang), { ...style, timeZone: TIME_ZONE }).format(at);
    }
    default:
      return value;
  }
}

/** `text` with its placeholders filled from `args`, each written as it asks; one without an argument stays as it is. */
export function fillPlaceholders(text: string, args: Record<string, string>, lang: Lang): string {
  return text.replace(/\{(\w+)(?::(\w+))?\}(\.?)/g, (whole, name: string, format: string | undefined, stop: string) =>
    Object.hasOwn(args, name) ? endWith(formatArg(args[name]!, format, lang), stop) : whole,
  );
}

/** A coded refusal's text in `lang`, its placeholders filled from `args`; null for a code the UI does not know. */
export function refusalText(code: string, args: Record<string, string>, lang: Lang = currentLanguage()): string | null {
  const text = isTranslated(code) ? refusals[code] : undefined;
  return text ? fillPlaceholders(text[lang], args, lang) : null;
}

/**
 * What to tell the user about a failed request, in the current language: the refusal's text, or for a code the UI
 * does not know (an older or newer server) the server's English detail; no answer at all or a server fault says so.
 */
export function describeRefusal(error: unknown): string {
  if (!(error instanceof ApiError)) return t("error.network");
  const text = refusalText(error.code, error.args);
  if (text !== null) return text;
  if (error.status === 401) return t("error.signedOut");
  if (error.status >= 500) return t("error.unexpected");
  return error.detail ?? error.title;
}

/** A refused action as a page handles it: what to tell the user (made when shown, so it follows a change of language). */
export interface RefusedAction {
  text: () => string;
  /**
   * What the page shows is out of date: someone else acted first or a deadline passed (409), or the viewer's part
   * changed (403, 404). The page loads it again.
   */
  reload: boolean;
}

export function refusedAction(error: unknown): RefusedAction {
  const status = error instanceof ApiError ? error.status : 0;
  return { text: () => describeRefusal(error), reload: status === 403 || status === 404 || status === 409 };
}

/** Whether a request was refused for this reason: a code the server does not list fails the type check. */
export const refusedFor = (error: unknown, ...codes: TranslatedCode[]): boolean =>
  error instanceof ApiError && (codes as string[]).includes(error.code);
