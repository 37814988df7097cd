// Who is looking at the workspace now, as PresenceChanged says (the viewer included): each person once, the viewer
// first and marked, then the others by email.
import type { WorkspaceViewer } from "../../realtime/hub";

export interface ViewerRow {
  userId: string;
  email: string;
  you: boolean;
  /** One or two letters for the avatar: "mario.rossi@…" → "MR". */
  initials: string;
}

export function initials(email: string): string {
  const name = email.split("@", 1)[0] ?? "";
  const parts = name.split(/[._\-+]+/).filter((p) => p !== "");
  const letters = parts.length >= 2 ? `${parts[0]![0]}${parts[1]![0]}` : name.slice(0, 2);
  return (letters || "?").toUpperCase();
}

export function viewerRows(viewers: readonly WorkspaceViewer[], me: string | null): ViewerRow[] {
  const seen = new Set<string>();
  return viewers
    .filter((v) => !seen.has(v.userId.toLowerCase()) && seen.add(v.userId.toLowerCase()))
    .map((v) => ({ userId: v.userId, email: v.email, you: me !== null && v.userId.toLowerCase() === me.toLowerCase(), initials: initials(v.email) }))
    .sort((a, b) => Number(b.you) - Number(a.you) || a.email.localeCompare(b.email));
}
