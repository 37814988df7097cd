// A failed sign-up, sign-in or password change, sorted for the form: the server names the field of each refusal
// (`displayName`, `email`, `password`, `currentPassword`) and codes it; anything else is said above the form.
import { ApiError } from "../../api/problem";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { describeRefusal } from "../../i18n/refusals";

export type AuthField = "displayName" | "email" | "password" | "currentPassword";

const authFields: readonly AuthField[] = ["displayName", "email", "password", "currentPassword"];

export interface AuthErrors {
  fields: Partial<Record<AuthField, string[]>>;
  general: string[];
}

/** The refusal's texts by form field, and those that belong to no field. */
export function authErrors(error: unknown): AuthErrors {
  if (!(error instanceof ApiError) || Object.keys(error.errors).length === 0) return { fields: {}, general: [describeRefusal(error)] };
  const fields: AuthErrors["fields"] = {};
  for (const field of authFields) {
    const texts = fieldMessages(error.errors, field);
    if (texts.length > 0) fields[field] = texts;
  }
  return { fields, general: otherFieldMessages(error.errors, authFields) };
}
