// Who is signed in. The server's cookie is the truth; this mirrors GET /api/auth/me.
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
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

/** Reloads the signed-in user; a 401 means anonymous, anything else is a real error. */
export async function refreshSession(): Promise<void> {
  try {
    set(await api.me());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) set(null);
    else throw error;
  }
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
