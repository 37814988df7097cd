import type { components } from "./schema";

/**
 * What is wrong with one request field as the server says it: the refusal's code and arguments (what the UI
 * translates, see i18n/refusals) and the server's English message (shown only for a code the UI does not know).
 */
export interface FieldRefusal {
  code: string;
  args: Record<string, string>;
  message: string;
}

/** Errors by request field, e.g. `vatNumber`, `capabilities[2]`, `lots[0].cpv[1]`: the server's, or the client's own said with the server's code (`coded`). */
export type FieldErrors = Record<string, FieldRefusal[]>;

/** The code of a refusal the server sent without one (older servers, refusals not yet coded). */
export const UNCODED = "uncoded";

/** An RFC 7807 ProblemDetails answer (or any failed response), reduced to what the UI shows. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    /** The refusal in English: shown only when the UI does not know the code. */
    readonly detail: string | null,
    /** Field errors by request field, each with its code and arguments. */
    readonly errors: Record<string, FieldRefusal[]>,
    /** Why the server refused (ProblemDetails extension `code`), e.g. `space.notMember`. */
    readonly code: string = UNCODED,
    /** The refusal's arguments (extension `args`), as invariant text: numbers, ISO 8601 instants, "12.50 EUR". */
    readonly args: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = "ApiError";
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** Text values only: an argument is always a string on the wire. */
function args(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * The field errors of a body: the English messages (`errors`) paired, in order, with their codes (`errorCodes`);
 * a message without a code (an older server, or another framework's answer such as Identity's) is uncoded.
 */
function fieldRefusals(problem: Record<string, unknown>): Record<string, FieldRefusal[]> {
  const messages = isRecord(problem.errors) ? problem.errors : {};
  const codes = isRecord(problem.errorCodes) ? problem.errorCodes : {};
  const result: Record<string, FieldRefusal[]> = {};
  for (const field of new Set([...Object.keys(messages), ...Object.keys(codes)])) {
    const texts = list(messages[field]).map(text);
    const coded = list(codes[field]).filter(isRecord);
    const refusals: FieldRefusal[] = [];
    for (let i = 0; i < Math.max(texts.length, coded.length); i++) {
      const code = text(coded[i]?.code);
      const message = texts[i] ?? null;
      if (code === null && message === null) continue;
      refusals.push({ code: code ?? UNCODED, args: args(coded[i]?.args), message: message ?? "" });
    }
    if (refusals.length > 0) result[field] = refusals;
  }
  return result;
}

/** Builds an ApiError from a response status and its parsed body, whatever shape the body has. */
export function toApiError(status: number, body: unknown, statusText = ""): ApiError {
  const problem = isRecord(body) ? body : {};
  const httpStatus = typeof problem.status === "number" ? problem.status : status;
  return new ApiError(
    httpStatus,
    text(problem.title) ?? text(statusText) ?? `HTTP ${status}`,
    text(problem.detail),
    fieldRefusals(problem),
    text(problem.code) ?? UNCODED,
    args(problem.args),
  );
}

/** A field error the client finds before sending, said with the server's code for the same rule (translated alike). */
export const coded = (code: components["schemas"]["ProblemCode"], args: Record<string, string> = {}): FieldRefusal => ({
  code,
  args,
  message: "",
});

/** The base field of an error key: `capabilities[2]` → `capabilities`, `Locality.Name` → `locality`. */
export function baseField(key: string): string {
  const head = key.split(/[.[]/, 1)[0] ?? key;
  return head.charAt(0).toLowerCase() + head.slice(1);
}

/** Turns one error entry into the texts to show; the default shows the messages as written. */
export type Describe = (key: string, errors: readonly FieldRefusal[]) => string[];

const asIs: Describe = (_key, errors) => errors.map((error) => error.message);

/** Keeps the first of equal texts: two failing items may well be described the same way. */
const distinct = (texts: string[]): string[] => [...new Set(texts)];

/** Messages for one form field, including those of its items (`capabilities[0]`, …). */
export function messagesFor(errors: FieldErrors, field: string, describe: Describe = asIs): string[] {
  return distinct(
    Object.entries(errors)
      .filter(([key]) => baseField(key) === field)
      .flatMap(([key, found]) => describe(key, found)),
  );
}

/** Whether an error key is `path` itself or names a part of it: `lots[0]` covers `lots[0].title` and `lots[0].cpv[1]`. */
export const isUnder = (key: string, path: string): boolean =>
  key === path || key.startsWith(`${path}[`) || key.startsWith(`${path}.`);

/** Messages for one part of a nested form, e.g. `lots[0].cpv` (its own and its items'), each once. */
export function messagesAt(errors: FieldErrors, path: string, describe: Describe = asIs): string[] {
  return distinct(
    Object.entries(errors)
      .filter(([key]) => isUnder(key, path))
      .flatMap(([key, found]) => describe(key, found)),
  );
}

/** Messages whose field is not one the form shows, so that none is silently dropped. */
export function otherMessages(
  errors: FieldErrors,
  shownFields: readonly string[],
  describe: Describe = asIs,
): string[] {
  return distinct(
    Object.entries(errors)
      .filter(([key]) => !shownFields.includes(baseField(key)))
      .flatMap(([key, found]) => describe(key, found)),
  );
}

/** The item index of a key: `capabilities[2]` → 2; null for a key that names no item. */
export function itemIndex(key: string): number | null {
  const match = /^[^[.]+\[(\d+)\]/.exec(key);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The item indexes that have errors, e.g. `capabilities[2]` → 2 for `capabilities`. */
export function invalidIndexes(errors: FieldErrors, field: string): Set<number> {
  const indexes = new Set<number>();
  for (const key of Object.keys(errors)) {
    const index = itemIndex(key);
    if (index !== null && baseField(key) === field) indexes.add(index);
  }
  return indexes;
}
