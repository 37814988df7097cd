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

/** Messages for one form field, including those of its items (`capabilities[0]`, …). */
export function messagesFor(errors: Record<string, string[]>, field: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => baseField(key) === field)
    .flatMap(([, messages]) => messages);
}

/** Messages whose field is not one the form shows, so that none is silently dropped. */
export function otherMessages(errors: Record<string, string[]>, shownFields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !shownFields.includes(baseField(key)))
    .flatMap(([, messages]) => messages);
}

/** The item indexes that have errors, e.g. `capabilities[2]` → 2 for `capabilities`. */
export function invalidIndexes(errors: Record<string, string[]>, field: string): Set<number> {
  const indexes = new Set<number>();
  for (const key of Object.keys(errors)) {
    const match = /^([^[.]+)\[(\d+)\]/.exec(key);
    if (match?.[1] !== undefined && match[2] !== undefined && baseField(match[1]) === field) indexes.add(Number(match[2]));
  }
  return indexes;
}
