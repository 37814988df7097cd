// The tender inbox of the signed-in user's firms, wherever they are in the app: the unread count in the header,
// and a notice when a matching tender is published (InboxChanged, sent to each matching firm's people), naming the
// lots that matched as the inboxes read for the count name them; and a notice when a post matching the firm's
// capabilities reaches the notice board of one of its spaces (PostNotice), with a link that opens that post on its board.
import { html, nothing, type TemplateResult } from "lit-html";
import { api } from "../../api/client";
import type { InboxItemDto, MyBusinessDto } from "../../api/types";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { watchBusinessTeam, type InboxChange, type PostNotice, type TeamMessage, type Watcher } from "../../realtime/hub";
import { href } from "../../router";
import { currentUser } from "../auth/session";
import { namedLotsView } from "../tenders/tender-views";
import { matchedLots, unreadCount } from "./inbox-data";

const SHOWN_MS = 20_000;
const MAX_SHOWN = 3;

interface Shown {
  id: number;
  change: InboxChange;
  timer: ReturnType<typeof setTimeout>;
}

/** A new post on a board matching the firm, shown beside the tender notices. */
interface ShownPost {
  id: number;
  notice: PostNotice;
  timer: ReturnType<typeof setTimeout>;
}

let redraw: Redraw = () => undefined;
let generation = 0;
let firms: MyBusinessDto[] = [];
let unread = 0;
/** The firms' inboxes as last read for the count: where a notice finds the lots its tender matched. */
let inboxes: InboxItemDto[][] = [];
let shown: Shown[] = [];
let shownPosts: ShownPost[] = [];
let nextId = 1;
let stops: (() => void)[] = [];
const listeners = new Set<() => void>();

/** The firms whose inbox the user reads: their businesses of kind Firm, whatever their role. */
export const inboxFirms = (): readonly MyBusinessDto[] => firms;

export const inboxUnread = (): number => unread;

/** Hears that a firm's inbox changed (the inbox page reloads); the returned function stops it. */
export function onInboxChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const loadCounts = latestOnly(
  (list: readonly MyBusinessDto[]) => Promise.all(list.map((f) => api.inbox(f.id))),
  (lists: InboxItemDto[][]) => {
    inboxes = lists;
    unread = unreadCount(lists);
    redraw();
  },
  () => undefined, // Without the counts the header shows no badge; the inbox page still loads its lists.
);

/** Counts the unread tenders again. */
export function refreshInboxCount(): void {
  if (firms.length > 0) loadCounts(firms);
}

/** The user opened the inbox, which lists what the notices announced: they have nothing more to say. */
export function dismissInboxNotices(): void {
  shown.forEach((s) => clearTimeout(s.timer));
  shown = [];
  redraw();
}

function dismissPost(id: number): void {
  const notice = shownPosts.find((s) => s.id === id);
  if (notice) clearTimeout(notice.timer);
  shownPosts = shownPosts.filter((s) => s.id !== id);
  redraw();
}

function onPost(notice: PostNotice): void {
  // The same post may match several of the user's firms: one notice.
  if (shownPosts.some((s) => s.notice.postId === notice.postId)) return;
  const id = nextId++;
  shownPosts = [...shownPosts, { id, notice, timer: setTimeout(() => dismissPost(id), SHOWN_MS) }];
  for (const old of shownPosts.slice(0, Math.max(0, shownPosts.length - MAX_SHOWN))) clearTimeout(old.timer);
  shownPosts = shownPosts.slice(-MAX_SHOWN);
  listeners.forEach((listener) => listener());
  redraw();
}

/** The user has seen everything: the server remembers it (POST /api/inbox/read) and the badge goes. */
export async function markInboxRead(): Promise<void> {
  loadCounts.cancel();
  await api.markInboxRead();
  unread = 0;
  redraw();
}

function dismiss(id: number): void {
  const notice = shown.find((s) => s.id === id);
  if (notice) clearTimeout(notice.timer);
  shown = shown.filter((s) => s.id !== id);
  redraw();
}

function onChange(change: InboxChange): void {
  // The same tender may match several of the user's firms: one notice.
  for (const old of shown.filter((s) => s.change.tenderId === change.tenderId)) clearTimeout(old.timer);
  shown = shown.filter((s) => s.change.tenderId !== change.tenderId);
  const id = nextId++;
  shown = [...shown, { id, change, timer: setTimeout(() => dismiss(id), SHOWN_MS) }];
  for (const old of shown.slice(0, Math.max(0, shown.length - MAX_SHOWN))) clearTimeout(old.timer);
  shown = shown.slice(-MAX_SHOWN);
  refreshInboxCount();
  listeners.forEach((listener) => listener());
  redraw();
}

/** One watcher for every firm: a message that names no firm reaches it once (see watchBusinessTeam). */
const watcher: Watcher<TeamMessage> = {
  changed: (message) => {
    if (message.type === "inbox") onChange(message.change);
    else if (message.type === "post") onPost(message.change);
  },
  state: () => undefined,
};

function track(list: MyBusinessDto[]): void {
  stops.forEach((stop) => stop());
  firms = list;
  stops = list.map((firm) => watchBusinessTeam(firm.id, watcher));
  refreshInboxCount();
  redraw();
}

/** Starts over for whoever is signed in now: their firms, their count, no notices of the previous user. */
export function restartInbox(requestRedraw: Redraw): void {
  redraw = requestRedraw;
  const current = ++generation;
  loadCounts.cancel();
  track([]);
  unread = 0;
  inboxes = [];
  shown.forEach((s) => clearTimeout(s.timer));
  shown = [];
  shownPosts.forEach((s) => clearTimeout(s.timer));
  shownPosts = [];
  if (!currentUser()) return;
  api.myBusinesses().then(
    (mine) => current === generation && track(mine.filter((b) => b.kind === "Firm")),
    () => undefined, // Without the list there is no inbox link; the pages still work.
  );
}

/** The lots the tender matched, once the inboxes read after the notice name them (a moment later). */
function noticeLots(tenderId: string) {
  const lots = matchedLots(inboxes, tenderId);
  return lots.length ? namedLotsView(lots, t("inbox.lots"), "inbox-notice-lots", tenderId) : nothing;
}

/**
 * The notices to show with the others (main.ts puts them all in one corner). A small card, so that it covers as
 * little of the page as it can while the firm works: the title on one line, the matched lots (not on a phone), a
 * close button; it goes by itself, when closed, or when the inbox is opened.
 */
export function inboxNoticeItems(): TemplateResult[] {
  return [...shown.map(
    ({ id, change }) => html`<div class="notice info inbox-notice" data-testid="inbox-notice" data-tender-id=${change.tenderId}>
      <p class="notice-head"><span>${t("inbox.notice")}</span>
        <button type="button" class="notice-close" data-testid="inbox-notice-close" aria-label=${t("common.dismiss")} title=${t("common.dismiss")}
          @click=${() => dismiss(id)}><span aria-hidden="true">×</span></button></p>
      <p class="notice-title"><a href=${href({ name: "tender", id: change.tenderId.toLowerCase() })} @click=${() => dismiss(id)}><strong>${change.title}</strong></a></p>
      ${noticeLots(change.tenderId)}
      <p class="notice-actions"><a href=${href({ name: "inbox" })} @click=${() => dismiss(id)}>${t("inbox.openInbox")}</a></p>
    </div>`,
  ), ...shownPosts.map(
    ({ id, notice }) => html`<div class="notice info inbox-notice" data-testid="post-notice" data-post-id=${notice.postId}>
      <p class="notice-head"><span>${t("board.notice")}</span>
        <button type="button" class="notice-close" data-testid="post-notice-close" aria-label=${t("common.dismiss")} title=${t("common.dismiss")}
          @click=${() => dismissPost(id)}><span aria-hidden="true">×</span></button></p>
      <p class="notice-title"><span class="badge">${t(`board.kind.${notice.kind}`)}</span>
        <a href=${href({ name: "space", id: notice.spaceId.toLowerCase(), tab: "board", post: notice.postId.toLowerCase() })} @click=${() => dismissPost(id)}><strong>${notice.title}</strong></a></p>
      <p class="notice-actions"><a href=${href({ name: "space", id: notice.spaceId.toLowerCase(), tab: "board", post: notice.postId.toLowerCase() })} @click=${() => dismissPost(id)}>${t("board.openPost")}</a></p>
    </div>`,
  )];
}
