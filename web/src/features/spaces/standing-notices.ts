// Notices to a firm's own people when its standing in a space changes (an application approved, a suspension,
// a new policy version to accept), wherever they are in the app. The hub's SpaceStandingChanged message says
// only what changed; the notice names the firm and the space and links to it.
import { html, nothing, type TemplateResult } from "lit-html";
import { api } from "../../api/client";
import type { FirmStandingDto, MembershipStatus, SpaceDetailDto } from "../../api/types";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { watchBusinessTeam, type SpaceStandingChange } from "../../realtime/hub";
import { href, parseRoute } from "../../router";
import { currentUser } from "../auth/session";
import { standingNotice, type StandingNotice } from "./notice";

const SHOWN_MS = 20_000;
const MAX_SHOWN = 3;
/** A change the user made themselves echoes back on the hub; it needs no notice. */
const OWN_ECHO_MS = 3_000;

interface Shown {
  id: number;
  key: string;
  spaceId: string;
  notice: StandingNotice;
  timer: ReturnType<typeof setTimeout>;
}

let redraw: Redraw = () => undefined;
let shown: Shown[] = [];
let nextId = 1;
let generation = 0;
const firms = new Map<string, { name: string; stop: () => void }>();
const known = new Map<string, MembershipStatus | null>();
/** The standing the user's own last action produced, and until when an echo of it is expected. */
const ownEcho = new Map<string, { status: MembershipStatus | null; until: number }>();
const inFlight = new Map<string, number>();

const standingKey = (spaceId: string, firmId: string) => `${spaceId.toLowerCase()}:${firmId.toLowerCase()}`;

function dismiss(id: number): void {
  const notice = shown.find((s) => s.id === id);
  if (notice) clearTimeout(notice.timer);
  shown = shown.filter((s) => s.id !== id);
  redraw();
}

/** Drops the notices about one firm in one space: a newer notice or the user's own action supersedes them. */
function supersede(key: string): void {
  for (const s of shown) if (s.key === key) clearTimeout(s.timer);
  shown = shown.filter((s) => s.key !== key);
}

function show(spaceId: string, key: string, notice: StandingNotice): void {
  supersede(key);
  const id = nextId++;
  shown = [...shown, { id, key, spaceId, notice, timer: setTimeout(() => dismiss(id), SHOWN_MS) }];
  for (const old of shown.slice(0, Math.max(0, shown.length - MAX_SHOWN))) clearTimeout(old.timer);
  shown = shown.slice(-MAX_SHOWN);
  redraw();
}

async function onStanding(change: SpaceStandingChange): Promise<void> {
  const key = standingKey(change.spaceId, change.firmId);
  // Read before anything else can update it: the page may reload the space while we do.
  const previous = known.has(key) ? known.get(key) : undefined;
  known.set(key, change.status);
  if ((inFlight.get(key) ?? 0) > 0) return;
  const echo = ownEcho.get(key);
  if (echo && echo.until > Date.now() && echo.status === change.status) {
    ownEcho.delete(key);
    return;
  }
  let policyPending: boolean | undefined;
  if (change.status === "Member") {
    try {
      const space = await api.space(change.spaceId);
      policyPending = space.viewerFirms.find((f) => f.firmId.toLowerCase() === change.firmId.toLowerCase())?.policyAcceptancePending;
    } catch {
      policyPending = undefined; // The notice can still say the firm is a member.
    }
  }
  const name = firms.get(change.firmId.toLowerCase())?.name ?? "";
  show(change.spaceId, key, standingNotice(change, name, previous, policyPending));
}

/** Watches the standings of exactly these firms (the signed-in user's firms). */
export function trackFirms(list: readonly { id: string; name: string }[]): void {
  const wanted = new Map(list.map((f) => [f.id.toLowerCase(), f.name]));
  for (const [id, firm] of firms) {
    if (!wanted.has(id)) {
      firm.stop();
      firms.delete(id);
    }
  }
  for (const [id, name] of wanted) {
    const existing = firms.get(id);
    if (existing) existing.name = name;
    else
      firms.set(id, {
        name,
        stop: watchBusinessTeam(id, {
          changed: (message) => message.type === "standing" && void onStanding(message.change),
          state: () => undefined,
        }),
      });
  }
}

/** What the space page last showed, so that a notice can tell an approval from a policy acceptance. */
export function rememberStandings(spaceId: string, standings: readonly FirmStandingDto[]): void {
  for (const s of standings) known.set(standingKey(spaceId, s.firmId), s.status);
}

/**
 * Runs an action of the user's own on a firm's standing. Its echo on the hub (which may come before the HTTP
 * answer) brings no notice; a different change soon after, such as the admins' decision, still does.
 */
export async function ownStandingChange(spaceId: string, firmId: string, action: () => Promise<SpaceDetailDto>): Promise<SpaceDetailDto> {
  const key = standingKey(spaceId, firmId);
  inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
  try {
    const space = await action();
    const status = space.viewerFirms.find((f) => f.firmId.toLowerCase() === firmId.toLowerCase())?.status ?? null;
    ownEcho.set(key, { status, until: Date.now() + OWN_ECHO_MS });
    known.set(key, status);
    // What the notices said about this firm here is out of date now (e.g. "accept the new policy").
    supersede(key);
    redraw();
    return space;
  } finally {
    inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
  }
}

/** Starts over for whoever is signed in now: their firms, no notices of the previous user. */
export function restartStandingNotices(requestRedraw: Redraw): void {
  redraw = requestRedraw;
  const current = ++generation;
  trackFirms([]);
  shown.forEach((s) => clearTimeout(s.timer));
  shown = [];
  known.clear();
  if (!currentUser()) return;
  api.myBusinesses().then(
    (mine) => current === generation && trackFirms(mine.filter((b) => b.kind === "Firm")),
    () => undefined, // Without the list there are no notices; the space page still shows each standing.
  );
}

/** The notices to show with the others (main.ts puts them all in one corner). */
export function standingNoticeItems(): TemplateResult[] {
  if (shown.length === 0) return [];
  const here = parseRoute(location.hash);
  return shown.map(
      ({ id, spaceId, notice }) => html`<div class="notice ${notice.tone}" data-testid="standing-notice">
        <p>${t(notice.key, notice.params)}</p>
        ${notice.reason ? html`<p class="reason">${t("spaces.reason", { reason: notice.reason })}</p>` : nothing}
        <p class="notice-actions">
          ${here.name === "space" && here.id === spaceId.toLowerCase()
            ? nothing
            : html`<a href=${href({ name: "space", id: spaceId.toLowerCase() })} @click=${() => dismiss(id)}>${t("spaces.notice.open")}</a>`}
          <button type="button" class="link" @click=${() => dismiss(id)}>${t("common.dismiss")}</button>
        </p>
      </div>`,
  );
}
