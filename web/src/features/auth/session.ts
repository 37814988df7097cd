// Who is signed in. The server's cookie is the truth; this mirrors GET /api/auth/session.
import { api } from "../../api/client";
import type { MeDto } from "../../api/types";

let user: MeDto | null = null;
const listeners = new Set<() => void>();

export const currentUser = (): MeDto | null => user;

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: MeDto | null): void {
  const changed = next?.id !== user?.id;
  user = next;
  if (changed) listeners.forEach((listener) => listener());
}

/** Reloads the signed-in user (none for a visitor). */
export async function refreshSession(): Promise<void> {
  set((await api.session()).user ?? null);
}

/** The signed-in person as the server now answers (after they changed their name): the header shows it on the next draw. */
export function renamed(me: MeDto): void {
  set(me);
}

export async function signIn(email: string, password: string): Promise<void> {
  await api.login(email, password);
  await refreshSession();
}

export async function signOut(): Promise<void> {
  await api.logout();
  set(null);
}

export async function signOutEverywhere(): Promise<void> {
  await api.logoutEverywhere();
  set(null);
}
