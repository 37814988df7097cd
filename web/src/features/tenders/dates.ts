// Deadlines: the datetime-local inputs of the tender form and the ISO date-times of the API, and how a deadline
// is shown (local time with its zone, and a countdown).
import { currentLanguage, t, tn, type Lang } from "../../i18n";

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value ("2026-03-02T12:00", the browser's local time) as an ISO date-time with the local
 * offset ("2026-03-02T12:00:00+01:00"); null when empty or not a real date. A time that does not exist locally
 * (the hour skipped when summer time starts) moves forward as the clock does.
 */
export function localInputToIso(value: string): string | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // 31 April would become 1 May: refuse a day the month does not have.
  if (Number.isNaN(date.getTime()) || date.getDate() !== d || date.getMonth() !== mo - 1) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** An ISO date-time as a datetime-local value in the browser's time ("" when it cannot be read). */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The browser's time zone, e.g. "Europe/Rome", to say in which time the deadlines are typed and shown. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** What is left until `deadline` at `now` (both in ms); null once it has passed. */
export function countdownParts(deadline: number, now: number): Countdown | null {
  const left = Math.floor((deadline - now) / 1000);
  if (left <= 0) return null;
  return {
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3600),
    minutes: Math.floor((left % 3600) / 60),
    seconds: left % 60,
  };
}

/** "2 giorni 4 h 5 min", or with seconds on the last day ("4 h 5 min 9 s"); "scaduto" once passed. */
export function formatCountdown(deadlineIso: string, now: number): string {
  const parts = countdownParts(Date.parse(deadlineIso), now);
  if (!parts) return t("tender.countdown.passed");
  const { days, hours, minutes, seconds } = parts;
  const time = days > 0
    ? `${tn("tender.countdown.days", days)} ${t("tender.countdown.hm", { h: hours, m: minutes })}`
    : t("tender.countdown.hms", { h: hours, m: minutes, s: seconds });
  return t("tender.countdown.left", { time });
}

const locale = (lang: Lang): string => (lang === "it" ? "it-IT" : "en-GB");

/** A deadline as people read it: "lunedì 2 marzo 2026, 12:00 CET", in the browser's time zone. */
export function formatDeadline(iso: string, lang: Lang = currentLanguage()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

/** A moment to the second, for a receipt: "2 mar 2026, 11:59:58". */
export function formatSeconds(iso: string, lang: Lang = currentLanguage()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "medium", timeStyle: "medium" }).format(date);
}

/** A date of the contract (yyyy-mm-dd, no time): read as a calendar day, never shifted by the time zone. */
export function formatDay(day: string, lang: Lang = currentLanguage()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "long" }).format(date);
}

/**
 * What a date field holds, read in the app's language next to it: the browser shows its native date inputs in its
 * own language and format (mm/dd/yyyy in an English browser), so the field also says "martedì 25 dicembre 2026,
 * 08:48 CET" for a deadline (datetime-local) or "venerdì 25 dicembre 2026" for a day (date); null when empty or not a date.
 */
export function readDateInput(value: string, type: "datetime-local" | "date", lang: Lang = currentLanguage()): string | null {
  if (type === "datetime-local") {
    const iso = localInputToIso(value);
    return iso === null ? null : formatDeadline(iso, lang);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (date.getDate() !== Number(match[3])) return null;
  return new Intl.DateTimeFormat(locale(lang), { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(date);
}
