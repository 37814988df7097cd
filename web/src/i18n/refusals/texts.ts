/**
 * A refusal's text in both languages, with `{name}` placeholders filled from the refusal's arguments. A placeholder
 * may say how to write its argument in the reader's language: `{max:number}`, `{price:money}`, `{at:date}`,
 * `{at:dateTime}` (in Italian time); a plain `{name}` is shown as sent.
 */
export interface RefusalText {
  it: string;
  en: string;
}

/** One feature area's refusals, keyed by code (`space.notMember`). */
export type RefusalTexts = Record<string, RefusalText>;
