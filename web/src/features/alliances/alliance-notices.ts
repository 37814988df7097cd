// A notice to a firm's people when the firm is invited into an alliance, wherever they are in the app. The hub's
// AllianceChanged (on the firm's team group) says only which alliance changed: the alliance is loaded to see
// whether one of the user's firms is newly invited to it. Invitations pending when the user signs in are known
// from the firms' lists first, so that only new ones bring a notice.
import { html, nothing, type TemplateResult } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { AllianceDto, AllianceMemberDto, MyBusinessDto } from "../../api/types";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { watchBusinessTeam, type AllianceChange, type TeamMessage, type Watcher } from "../../realtime/hub";
import { href } from "../../router";
import { currentUser } from "../auth/session";
import { invitationKey, invitedFirms, newInvitations } from "./alliance-rules";
import { roleInText } from "./alliance-views";

const SHOWN_MS = 20_000;
const MAX_SHOWN = 3;

interface Shown {
  id: number;
  alliance: AllianceDto;
  firms: AllianceMemberDto[];
  timer: ReturnType<typeof setTimeout>;
}

let redraw: Redraw = () => undefined;
let generation = 0;
let shown: Shown[] = [];
let nextId = 1;
let stops: (() => void)[] = [];
/** The invitations of the user's firms already known (`allianceId:firmId`): they bring no notice again. */
const known = new Set<string>();

function dismiss(id: number): void {
  const notice = shown.find((s) => s.id === id);
  if (notice) clearTimeout(notice.timer);
  shown = shown.filter((s) => s.id !== id);
  redraw();
}

function show(alliance: AllianceDto, firms: AllianceMemberDto[]): void {
  // A newer notice about the same alliance replaces the older one.
  for (const old of shown.filter((s) => s.alliance.id === alliance.id)) clearTimeout(old.timer);
  shown = shown.filter((s) => s.alliance.id !== alliance.id);
  const id = nextId++;
  shown = [...shown, { id, alliance, firms, timer: setTimeout(() => dismiss(id), SHOWN_MS) }];
  for (const old of shown.slice(0, Math.max(0, shown.length - MAX_SHOWN))) clearTimeout(old.timer);
  shown = shown.slice(-MAX_SHOWN);
  redraw();
}

async function onChange(change: AllianceChange, current: number): Promise<void> {
  let alliance: AllianceDto;
  try {
    alliance = await api.alliance(change.allianceId);
  } catch (error) {
    // None of the user's firms is in it any more (the invitation withdrawn, the firm removed): forget it.
    if (current === generation && error instanceof ApiError && error.status === 404) newInvitations(known, change.allianceId, []);
    return;
  }
  if (current !== generation) return;
  const invited = invitedFirms(alliance);
  const fresh = newInvitations(known, alliance.id, invited);
  if (fresh.length === 0) {
    // No longer invited (the user answered): a notice still showing is out of date.
    if (invited.length === 0 && shown.some((s) => s.alliance.id === alliance.id)) {
      shown.filter((s) => s.alliance.id === alliance.id).forEach((s) => dismiss(s.id));
    }
    return;
  }
  show(alliance, invited.filter((m) => fresh.includes(m.firmId.toLowerCase())));
}

/** Starts over for whoever is signed in now: their firms' invitations as they stand, no notices of the previous user. */
export function restartAllianceNotices(requestRedraw: Redraw): void {
  redraw = requestRedraw;
  const current = ++generation;
  stops.forEach((stop) => stop());
  stops = [];
  known.clear();
  shown.forEach((s) => clearTimeout(s.timer));
  shown = [];
  if (!currentUser()) return;
  const watcher: Watcher<TeamMessage> = {
    changed: (message) => message.type === "alliance" && current === generation && void onChange(message.change, current),
    state: () => undefined,
  };
  api.myBusinesses().then(
    async (mine: MyBusinessDto[]) => {
      const firms = mine.filter((b) => b.kind === "Firm");
      const lists = await Promise.allSettled(firms.map((f) => api.firmAlliances(f.id)));
      if (current !== generation) return;
      for (const list of lists)
        if (list.status === "fulfilled")
          for (const s of list.value) if (s.standing === "Invited") known.add(invitationKey(s.id, s.firmId));
      // Only now: a change heard before the pending invitations are known would pass them off as new.
      stops = firms.map((f) => watchBusinessTeam(f.id, watcher));
    },
    () => undefined, // Without the list there are no notices; the firm's page still lists its invitations.
  );
}

/** The notices to show with the others (main.ts puts them all in one corner). */
export function allianceNoticeItems(): TemplateResult[] {
  return shown.map(({ id, alliance, firms }) => {
    const params = {
      firm: firms.map((f) => f.name).join(", "),
      alliance: alliance.name,
      lead: alliance.lead.name,
      role: roleInText(firms[0]?.role ?? "Member"),
    };
    return html`<div class="notice info" data-testid="alliance-notice" data-alliance-id=${alliance.id}>
      <p>${t(alliance.tender ? "alliances.notice.rti" : "alliances.notice.standing", params)}</p>
      <p><a href=${href({ name: "alliance", id: alliance.id.toLowerCase() })} @click=${() => dismiss(id)}><strong>${alliance.name}</strong></a></p>
      ${alliance.tender ? html`<p class="reason">${t("alliances.notice.tender", { tender: alliance.tender.name })}</p>` : nothing}
      <p class="notice-actions">
        <a href=${href({ name: "alliance", id: alliance.id.toLowerCase() })} @click=${() => dismiss(id)}>${t("alliances.notice.open")}</a>
        <button type="button" class="link" @click=${() => dismiss(id)}>${t("common.dismiss")}</button>
      </p>
    </div>`;
  });
}
