// ASP.NET Core Identity answers with its own error codes instead of field names; this maps them
// to the form field they belong to and to a translated message.
import { ApiError, messageOf } from "../../api/problem";
import { t, type MessageKey } from "../../i18n";

export type AuthField = "email" | "password" | "currentPassword";

const known: Record<string, { field: AuthField; key: MessageKey }> = {
  InvalidEmail: { field: "email", key: "auth.error.invalidEmail" },
  InvalidUserName: { field: "email", key: "auth.error.invalidEmail" },
  PasswordTooShort: { field: "password", key: "auth.error.passwordTooShort" },
  PasswordRequiresDigit: { field: "password", key: "auth.error.passwordRequiresDigit" },
  PasswordRequiresLower: { field: "password", key: "auth.error.passwordRequiresLower" },
  PasswordRequiresUpper: { field: "password", key: "auth.error.passwordRequiresUpper" },
  PasswordRequiresNonAlphanumeric: { field: "password", key: "auth.error.passwordRequiresNonAlphanumeric" },
  PasswordRequiresUniqueChars: { field: "password", key: "auth.error.passwordRequiresUniqueChars" },
  PasswordTooCommon: { field: "password", key: "auth.error.passwordTooCommon" },
  PasswordMismatch: { field: "currentPassword", key: "auth.error.passwordMismatch" },
};

const dictionaryNeedsNumber = (key: MessageKey): boolean => t(key).includes("{n}");

export interface AuthErrors {
  fields: Partial<Record<AuthField, string[]>>;
  general: string[];
}

/** Sorts a register/login failure into messages per field and general ones. */
export function authErrors(error: unknown): AuthErrors {
  const result: AuthErrors = { fields: {}, general: [] };
  if (!(error instanceof ApiError)) {
    result.general.push(t("error.network"));
    return result;
  }
  if (error.status === 401) {
    // Identity's login puts the sign-in result in `detail`: Failed, LockedOut (spelled "Lockedout"), NotAllowed…
    const detail = (error.detail ?? "").toLowerCase();
    result.general.push(
      t(detail === "lockedout" ? "auth.error.lockedOut" : detail === "notallowed" ? "auth.error.notAllowed" : "auth.error.failed"),
    );
    return result;
  }
  if (error.status === 429) {
    result.general.push(t("auth.error.tooManyRequests"));
    return result;
  }
  for (const [code, refusals] of Object.entries(error.errors)) {
    const messages = refusals.map(messageOf);
    const match = known[code];
    const field: AuthField | null = match?.field ?? (code === "email" || code === "password" || code === "currentPassword" ? code : null);
    // Identity's messages carry the configured limits ("at least 8 characters"); keep the number.
    const n = /\d+/.exec(messages.join(" "))?.[0];
    const texts = match && (n !== undefined || !dictionaryNeedsNumber(match.key)) ? [t(match.key, n ? { n } : {})] : messages;
    const target = field ? (result.fields[field] ??= []) : result.general;
    for (const text of texts) if (!target.includes(text)) target.push(text);
  }
  if (Object.keys(error.errors).length === 0) result.general.push(error.detail ?? error.title);
  return result;
}
