// Where the tender form says a field's errors, so that the field's aria-describedby points at them (shared by the
// form's parts).
export const errorId = (path: string) => `tender-error-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;
export const describedBy = (path: string, messages: string[], hint?: string) =>
  [hint, messages.length ? errorId(path) : undefined].filter(Boolean).join(" ") || undefined;
export const invalid = (messages: string[]) => (messages.length ? "true" : "false");
