// Who is looking at the workspace now, as PresenceChanged says (the viewer included): each person once, the viewer
// first and marked, then the others by name. Other firms' people are here too, so the server sends names, never
// e-mail addresses.
import type { WorkspaceViewer } from "../../realtime/hub";

export interface ViewerRow {
  userId: string;
  name: string;
  you: boolean;
  /** One or two letters for the avatar: "Giulia Rossi" → "GR". */
  initials: string;
}

/**
 * The first letter of the first and of the last word of a name ("Anna Maria De Luca" → "AL"), one letter for a
 * one-word name; a name made before names were asked is the e-mail's part before "@" ("mario.rossi" → "MR").
 */
export function initials(name: string): string {
  const words = name.split(/[\s._\-+]+/u).filter((w) => w !== "");
  const first = (word: string | undefined) => (word === undefined ? "" : (Array.from(word)[0] ?? ""));
  const letters = words.length >= 2 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]);
  return (letters || "?").toLocaleUpperCase();
}

export function viewerRows(viewers: readonly WorkspaceViewer[], me: string | null): ViewerRow[] {
  const seen = new Set<string>();
  return viewers
    .filter((v) => !seen.has(v.userId.toLowerCase()) && seen.add(v.userId.toLowerCase()))
    .map((v) => ({ userId: v.userId, name: v.name, you: me !== null && v.userId.toLowerCase() === me.toLowerCase(), initials: initials(v.name) }))
    .sort((a, b) => Number(b.you) - Number(a.you) || a.name.localeCompare(b.name));
}
