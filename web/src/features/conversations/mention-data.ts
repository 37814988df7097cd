// What the box to write works out for mentions: the "@…" being typed at the caret, the people it may name, the text
// once one is picked, which of the picked people the text still names when it is sent, and a message's text cut where
// it names the people it mentions, so the page can highlight them.
import type { ThreadMentionDto, ThreadPersonDto } from "../../api/types";

/** The most people one message mentions (ConversationRules.MaxMentions). */
export const MAX_MENTIONS = 10;

/** How many people the picker lists at once. */
export const SHOWN_PEOPLE = 6;

/** An "@…" typed just before the caret: where its "@" is and what follows it. */
export interface MentionQuery {
  start: number;
  query: string;
}

/**
 * The "@…" being typed at the caret, if any: an "@" at the start or after a space or a line break, followed by at most
 * three words (names have a few), with no line break. An e-mail address ("mario@ditta.it") is no mention.
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || query.split(" ").length > 3) return null;
  return { start: at, query };
}

const fold = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** The people whose name or firm has a word starting with what was typed (all of them for a bare "@"), the first few. */
export function matching(people: readonly ThreadPersonDto[], query: string): ThreadPersonDto[] {
  const wanted = fold(query.trim());
  const words = (s: string) => fold(s).split(/\s+/);
  return people
    .filter((p) => wanted === "" || fold(p.name).startsWith(wanted) || [...words(p.name), ...words(p.firmName)].some((w) => w.startsWith(wanted)))
    .slice(0, SHOWN_PEOPLE);
}

/** The text with the "@…" being typed replaced by the picked person's "@Name ", and where the caret goes after it. */
export function withMention(text: string, mention: MentionQuery, caret: number, person: Pick<ThreadPersonDto, "name">): { text: string; caret: number } {
  const inserted = `@${person.name} `;
  const rest = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, mention.start) + inserted + rest, caret: mention.start + inserted.length };
}

/** The picked people the text still names ("@Name"), once each: the others were deleted from it before sending. */
export function namedIn(text: string, picked: readonly Pick<ThreadPersonDto, "userId" | "name">[]): string[] {
  const ids = picked.filter((p) => text.includes(`@${p.name}`)).map((p) => p.userId.toLowerCase());
  return [...new Set(ids)];
}

/** A piece of a message's text: plain, or the "@Name" of a person it mentions. */
export type TextPart = { text: string; mention?: ThreadMentionDto };

/** The message's text cut at each "@Name" of a person it mentions (the longest name first, where two begin alike). */
export function mentionParts(text: string, mentions: readonly ThreadMentionDto[]): TextPart[] {
  const named = mentions.filter((m) => m.name !== "").sort((a, b) => b.name.length - a.name.length);
  const parts: TextPart[] = [];
  let plain = "";
  for (let i = 0; i < text.length; ) {
    const found = text[i] === "@" ? named.find((m) => text.startsWith(`@${m.name}`, i)) : undefined;
    if (found) {
      if (plain) parts.push({ text: plain });
      plain = "";
      parts.push({ text: `@${found.name}`, mention: found });
      i += found.name.length + 1;
    } else plain += text[i++];
  }
  if (plain) parts.push({ text: plain });
  return parts;
}
