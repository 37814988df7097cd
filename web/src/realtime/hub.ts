// The one SignalR connection to /hubs/marketplace. Pages watch a business; this module keeps the
// connection up (retrying for ever) and joins every watched group again after a reconnect.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import type { BusinessProfileDto } from "../api/types";

/** `connected` means the connection is up and the business's group has been joined. */
export type LiveState = "connecting" | "connected" | "reconnecting" | "disconnected";

export interface BusinessWatcher {
  changed(profile: BusinessProfileDto): void;
  state(state: LiveState): void;
}

const watchers = new Map<string, Set<BusinessWatcher>>();
let connection: HubConnection | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let startAttempts = 0;

/** 0 s, 1 s, 2 s, 4 s … capped at 30 s. */
const retryDelay = (attempt: number): number => (attempt === 0 ? 0 : Math.min(30_000, 1000 * 2 ** (attempt - 1)));

const key = (businessId: string): string => businessId.toLowerCase();

function notify(businessId: string, state: LiveState): void {
  watchers.get(businessId)?.forEach((watcher) => watcher.state(state));
}

function notifyAll(state: LiveState): void {
  for (const businessId of watchers.keys()) notify(businessId, state);
}

async function join(businessId: string): Promise<void> {
  try {
    await hub().invoke("WatchBusiness", businessId);
    if (watchers.has(businessId)) notify(businessId, "connected");
  } catch {
    notify(businessId, "disconnected");
  }
}

function joinAll(): void {
  for (const businessId of watchers.keys()) void join(businessId);
}

async function start(): Promise<void> {
  clearTimeout(retryTimer);
  notifyAll("connecting");
  try {
    await hub().start();
    startAttempts = 0;
    joinAll();
  } catch {
    notifyAll("disconnected");
    if (watchers.size > 0) retryTimer = setTimeout(() => void start(), retryDelay(++startAttempts));
  }
}

function hub(): HubConnection {
  if (connection) return connection;
  connection = new HubConnectionBuilder()
    .withUrl("/hubs/marketplace")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => retryDelay(previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
  connection.on("BusinessChanged", (profile: BusinessProfileDto) => {
    watchers.get(key(profile.id))?.forEach((watcher) => watcher.changed(profile));
  });
  connection.onreconnecting(() => notifyAll("reconnecting"));
  connection.onreconnected(() => joinAll());
  connection.onclose(() => {
    notifyAll("disconnected");
    if (watchers.size > 0) void start();
  });
  return connection;
}

/** Starts receiving BusinessChanged for one business; the returned function stops it. */
export function watchBusiness(businessId: string, watcher: BusinessWatcher): () => void {
  const id = key(businessId);
  const set = watchers.get(id) ?? new Set<BusinessWatcher>();
  set.add(watcher);
  watchers.set(id, set);

  // WatchBusiness is idempotent on the server, so joining again for a second watcher is harmless.
  const conn = hub();
  if (conn.state === HubConnectionState.Disconnected) void start();
  else if (conn.state === HubConnectionState.Connected) {
    watcher.state("connecting");
    void join(id);
  } else watcher.state(conn.state === HubConnectionState.Reconnecting ? "reconnecting" : "connecting");

  return () => {
    set.delete(watcher);
    if (set.size > 0) return;
    watchers.delete(id);
    // Best effort: if this fails the connection is gone, and with it the group membership.
    if (conn.state === HubConnectionState.Connected) conn.invoke("UnwatchBusiness", id).catch(() => undefined);
  };
}
