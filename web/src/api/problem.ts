/** An RFC 7807 ProblemDetails answer (or any failed response), reduced to what the UI shows. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null,
    /** Validation messages by request field, e.g. `vatNumber`, `capabilities[2]`. */
    readonly errors: Record<string, string[]>,
  ) {
    super(detail ?? title);
    this.name = "ApiError";
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

/** Builds an ApiError from a response status and its parsed body, whatever shape the body has. */
export function toApiError(status: number, body: unknown, statusText = ""): ApiError {
  const problem = isRecord(body) ? body : {};
  const errors: Record<string, string[]> = {};
  if (isRecord(problem.errors)) {
    for (const [field, messages] of Object.entries(problem.errors)) {
      const list = (Array.isArray(messages) ? messages : [messages]).map(text).filter((m) => m !== null);
      if (list.length > 0) errors[field] = list;
    }
  }
  const code = typeof problem.status === "number" ? problem.status : status;
  return new ApiError(code, text(problem.title) ?? text(statusText) ?? `HTTP ${status}`, text(problem.detail), errors);
}

/** The base field of an error key: `capabilities[2]` → `capabilities`, `Locality.Name` → `locality`. */
export function baseField(key: string): string {
  const head = key.split(/[.[]/, 1)[0] ?? key;
  return head.charAt(0).toLowerCase() + head.slice(1);
}

/** Turns one error entry into the texts to show; the default shows the server's own messages. */
export type Describe = (key: string, messages: string[]) => string[];

const asIs: Describe = (_key, messages) => messages;

/** Keeps the first of equal texts: two failing items may well be described the same way. */
const distinct = (texts: string[]): string[] => [...new Set(texts)];

/** Messages for one form field, including those of its items (`capabilities[0]`, …). */
export function messagesFor(errors: Record<string, string[]>, field: string, describe: Describe = asIs): string[] {
  return distinct(
    Object.entries(errors)
      .filter(([key]) => baseField(key) === field)
      .flatMap(([key, messages]) => describe(key, messages)),
  );
}

/** Whether an error key is `path` itself or names a part of it: `lots[0]` covers `lots[0].title` and `lots[0].cpv[1]`. */
export const isUnder = (key: string, path: string): boolean =>
  key === path || key.startsWith(`${path}[`) || key.startsWith(`${path}.`);

/** Messages for one part of a nested form, e.g. `lots[0].cpv` (its own and its items'), each once. */
export function messagesAt(errors: Record<string, string[]>, path: string, describe: Describe = asIs): string[] {
  return distinct(
    Object.entries(errors)
      .filter(([key]) => isUnder(key, path))
      .flatMap(([key, messages]) => describe(key, messages)),
  );
}

/** Messages whose field is not one the form shows, so that none is silently dropped. */
export function otherMessages(
  errors: Record<string, string[]>,
  shownFields: readonly string[],
  describe: Describe = asIs,
): string[] {
  return distinct(
    Object.entries(errors)
      .filter(([key]) => !shownFields.includes(baseField(key)))
      .flatMap(([key, messages]) => describe(key, messages)),
  );
}

/** The item index of a key: `capabilities[2]` → 2; null for a key that names no item. */
export function itemIndex(key: string): number | null {
  const match = /^[^[.]+\[(\d+)\]/.exec(key);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The item indexes that have errors, e.g. `capabilities[2]` → 2 for `capabilities`. */
export function invalidIndexes(errors: Record<string, string[]>, field: string): Set<number> {
  const indexes = new Set<number>();
  for (const key of Object.keys(errors)) {
    const index = itemIndex(key);
    if (index !== null && baseField(key) === field) indexes.add(index);
  }
  return indexes;
}
