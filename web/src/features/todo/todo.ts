// The signed-in user's to-do list wherever they are in the app (GET /api/me/todo): the count in the header and the
// rows of the to-do page, from one request. It is asked again, once for a burst, when a message on the team group of
// one of the user's businesses says something that may be waiting for them changed (a space's invitation or
// standing, an alliance and its invitations, a bid submitted or withdrawn, and ToDoChanged: a joint bid changed, a
// question asked or answered), when the user moves to another page and when the tab comes back into view (an
// invitation to a business's team goes to an address, not to a team: no message tells the person).
import { api } from "../../api/client";
import type { MyBusinessDto, ToDoItemDto } from "../../api/types";
import { debounce } from "../../debounce";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { combinedLiveState, watchBusinessTeam, type LiveState, type TeamMessage, type Watcher } from "../../realtime/hub";
import { currentUser } from "../auth/session";

/** A burst of messages (an alliance's change reaches each of its firms' teams) makes one request. */
const DEBOUNCE_MS = 300;

let redraw: Redraw = () => undefined;
let generation = 0;
let items: readonly ToDoItemDto[] | null = null;
let failed = false;
let stops: (() => void)[] = [];
/** Each of the user's businesses' team groups, as joined: the list is live once all are. */
let live = new Map<string, LiveState>();

/** What waits for the user now; null until known (or for a visitor). */
export const toDoItems = (): readonly ToDoItemDto[] | null => items;

/** Whether the list follows the user's businesses live now; null when they act for none (nothing to follow). */
export const toDoLive = (): LiveState | null => (live.size === 0 ? null : combinedLiveState([...live.values()]));

/** True when the list could not be read and none is known. */
export const toDoFailed = (): boolean => failed && items === null;

const load = latestOnly(
  () => api.myToDo(),
  (found: ToDoItemDto[]) => {
    items = found;
    failed = false;
    redraw();
  },
  () => {
    failed = true; // The last list known stays shown; the page says so only when there is none.
    redraw();
  },
);

const loadSoon = debounce(() => currentUser() && load(), DEBOUNCE_MS);

/** Asks for the list again (soon, once for several calls). */
export function refreshToDo(): void {
  loadSoon();
}

/** The team messages that may change what waits for the user; a new matching tender (inbox) asks nothing of them. */
function watcher(businessId: string, current: number): Watcher<TeamMessage> {
  return {
    changed: (message) => message.type !== "inbox" && refreshToDo(),
    state: (state) => {
      if (current !== generation) return;
      live.set(businessId, state);
      // Joined again after a lost connection: what changed meanwhile was not heard.
      if (state === "connected") refreshToDo();
      redraw();
    },
  };
}

function onVisible(): void {
  if (document.visibilityState === "visible") refreshToDo();
}

/** Starts over for whoever is signed in now: their list and their businesses' team groups, nothing of the previous user. */
export function restartToDo(requestRedraw: Redraw): void {
  redraw = requestRedraw;
  const current = ++generation;
  stops.forEach((stop) => stop());
  stops = [];
  live = new Map();
  load.cancel();
  loadSoon.cancel();
  items = null;
  failed = false;
  window.removeEventListener("hashchange", refreshToDo);
  document.removeEventListener("visibilitychange", onVisible);
  if (!currentUser()) return;
  window.addEventListener("hashchange", refreshToDo);
  document.addEventListener("visibilitychange", onVisible);
  load();
  api.myBusinesses().then(
    (mine: MyBusinessDto[]) => {
      if (current !== generation) return;
      for (const b of mine) live.set(b.id, "connecting");
      stops = mine.map((b) => watchBusinessTeam(b.id, watcher(b.id, current)));
    },
    () => undefined, // Without the list the count is not live; it is still read on every page change.
  );
}
