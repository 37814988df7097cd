// Field errors in the UI's language, for every form. The server codes each field's refusal (ProblemDetails
// `errorCodes`) and the UI translates it by its code (i18n/refusals), whatever the field: `name`, `capabilities[2]`,
// `lots[0].cpv[1]`. A refusal whose code the UI does not know (an older or newer server) shows the server's text as
// written.
import { messagesAt, messagesFor, otherMessages, type Describe, type FieldErrors, type FieldRefusal } from "./api/problem";
import { refusalText } from "./i18n/refusals";

/** The texts to show for one field's errors, in the current language. */
export function describeFieldError(errors: readonly FieldRefusal[]): string[] {
  return errors.map((e) => refusalText(e.code, e.args) ?? e.message);
}

const describe: Describe = (_key, errors) => describeFieldError(errors);

/** The translated messages of one form field, its own and its items', each once. */
export function fieldMessages(errors: FieldErrors, field: string): string[] {
  return messagesFor(errors, field, describe);
}

/** The translated messages of one part of a nested form (`lots[0].cpv`, `criteria[1]`), its own and its items'. */
export function fieldMessagesAt(errors: FieldErrors, path: string): string[] {
  return messagesAt(errors, path, describe);
}

/** The translated messages of fields the form does not show, so that none is silently dropped. */
export function otherFieldMessages(errors: FieldErrors, shownFields: readonly string[]): string[] {
  return otherMessages(errors, shownFields, describe);
}
